"""The loaded graph as RDF: `GET /export.ttl`, `GET /export.jsonld`, and read-only SPARQL.

The RDF graph is built by `graph.export.export_graph` (cached until the database changes);
SPARQL runs on it with rdflib, refusing updates (403) and SERVICE, within a time limit
(504) that a request may only lower.
"""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from fastapi.concurrency import run_in_threadpool

from api.deps import GraphDep, SettingsDep
from api.errors import ApiError
from graph.errors import QueryRefused
from graph.export import export_graph, run_sparql
from ontology.rdf_export import to_jsonld, to_turtle

router = APIRouter(tags=["rdf"])

SPARQL_RESULTS = "application/sparql-results+json"
SPARQL_QUERY = "application/sparql-query"
FORM = "application/x-www-form-urlencoded"
MAX_SPARQL_CHARS = 20_000

QueryText = Annotated[str | None, Query(max_length=MAX_SPARQL_CHARS,
                                        description="The SPARQL query (SELECT, ASK, "
                                        "CONSTRUCT or DESCRIBE)")]
Timeout = Annotated[float | None, Query(gt=0, le=600, description="Seconds the query may "
                                        "run; only lowers the server's limit")]

SPARQL_RESPONSES: dict[int | str, dict] = {
    200: {"description": "SPARQL 1.1 results as JSON; CONSTRUCT and DESCRIBE as Turtle",
          "content": {SPARQL_RESULTS: {"schema": {"type": "object"}},
                      "text/turtle": {"schema": {"type": "string"}}}},
    400: {"description": "Syntax error, or no query given"},
    403: {"description": "Refused: SPARQL updates (INSERT, DELETE, LOAD, CLEAR, DROP …) "
                         "and SERVICE"},
    504: {"description": "The query ran longer than allowed"},
}


@router.get("/export.ttl", response_class=Response, responses={
    200: {"content": {"text/turtle": {"schema": {"type": "string"}}},
          "description": "The graph as Turtle, following the ontology"}})
def export_turtle(graph: GraphDep) -> Response:
    """The loaded graph as Turtle (what `skg export` writes)."""
    rdf = export_graph(graph.driver, graph.database)
    return Response(to_turtle(rdf), media_type="text/turtle; charset=utf-8")


@router.get("/export.jsonld", response_class=Response, responses={
    200: {"content": {"application/ld+json": {"schema": {}}},
          "description": "The graph as JSON-LD with the project's prefixes as context"}})
def export_jsonld(graph: GraphDep) -> Response:
    """The loaded graph as JSON-LD (what `skg export --format jsonld` writes)."""
    rdf = export_graph(graph.driver, graph.database)
    return Response(to_jsonld(rdf), media_type="application/ld+json")


def _answer(graph: GraphDep, query: str | None, timeout: float | None,
            limit: float) -> Response:
    if not query or not query.strip():
        raise ApiError(400, "no SPARQL query: send it as the `query` parameter or as an "
                            f"{SPARQL_QUERY} body")
    if len(query) > MAX_SPARQL_CHARS:
        raise ApiError(400, f"the query is longer than {MAX_SPARQL_CHARS} characters")
    rdf = export_graph(graph.driver, graph.database)
    seconds = limit if timeout is None else min(timeout, limit)
    result = run_sparql(rdf, query, timeout=seconds)
    if "graph" in result:
        return Response(result["graph"], media_type="text/turtle; charset=utf-8")
    return Response(json.dumps(result, ensure_ascii=False), media_type=SPARQL_RESULTS)


@router.get("/sparql", response_class=Response, responses=SPARQL_RESPONSES)
def sparql_get(graph: GraphDep, settings: SettingsDep, query: QueryText = None,
               timeout: Timeout = None) -> Response:
    """Run a read-only SPARQL query over the graph as RDF."""
    return _answer(graph, query, timeout, settings.cypher_timeout)


@router.post("/sparql", response_class=Response, responses=SPARQL_RESPONSES, openapi_extra={
    "requestBody": {"required": False, "content": {
        SPARQL_QUERY: {"schema": {"type": "string", "maxLength": MAX_SPARQL_CHARS}},
        FORM: {"schema": {"type": "object", "properties": {
            "query": {"type": "string", "maxLength": MAX_SPARQL_CHARS}}}}}}})
async def sparql_post(request: Request, graph: GraphDep, settings: SettingsDep,
                      query: QueryText = None, timeout: Timeout = None) -> Response:
    """Run a read-only SPARQL query sent as an `application/sparql-query` body, a form
    field `query`, or the `query` parameter. Updates (also as a form field `update` or an
    `application/sparql-update` body) are refused with 403."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/sparql-update":
        raise QueryRefused("SPARQL updates are refused: this endpoint is read-only")
    if kind == SPARQL_QUERY:
        raw = await request.body()
        if len(raw) > 4 * MAX_SPARQL_CHARS:
            raise ApiError(400, f"the query is longer than {MAX_SPARQL_CHARS} characters")
        try:
            query = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ApiError(400, "the query body is not UTF-8") from exc
    elif kind == FORM:
        form = await request.form()
        if form.get("update") is not None:
            raise QueryRefused("SPARQL updates are refused: this endpoint is read-only")
        field = form.get("query")
        if isinstance(field, str):
            query = field
    return await run_in_threadpool(_answer, graph, query, timeout, settings.cypher_timeout)
