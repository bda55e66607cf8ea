"""The cookbook over HTTP, and the Neo4j Browser's guide and style.

`GET /queries` lists the canned questions, `GET /queries/{name}` runs one (query-string
parameters typed and checked against its declaration; unknown ones are a 400) through the same
read-only path as `POST /cypher`. `GET /browser/guide.html` and `GET /browser/style.grass`
serve what the Browser loads. Only these routes answer CORS, and only for the Browser's own
origin on 127.0.0.1 (or localhost), because `:play URL` fetches the guide from the page.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse

from api.deps import GraphDep, SettingsDep
from api.errors import ApiError
from graph.cookbook import (
    ParameterError,
    cookbook,
    get_query,
    result_to_csv,
    result_to_json,
)
from graph.cypher import run_read_query
from skg.settings import Settings
from viz.browser import browser_style, guide_html

router = APIRouter(tags=["cookbook"])
CSV_MEDIA_TYPE = "text/csv; charset=utf-8"
FormatQuery = Annotated[Literal["json", "csv"], Query(description="Answer as JSON or CSV")]


def browser_origins(settings: Settings) -> set[str]:
    """The origins Neo4j Browser runs on: the local server's HTTP port on loopback."""
    return {f"http://{host}:{settings.http_port}" for host in ("127.0.0.1", "localhost")}


def _cors(request: Request, settings: Settings, response: Response) -> Response:
    origin = request.headers.get("origin")
    if origin and origin in browser_origins(settings):
        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Vary"] = "Origin"
    return response


@router.options("/queries", include_in_schema=False)
@router.options("/queries/{name}", include_in_schema=False)
@router.options("/browser/{file}", include_in_schema=False)
def preflight(request: Request, settings: SettingsDep) -> Response:
    """CORS preflight for the Browser's origin; other origins get no CORS headers."""
    response = _cors(request, settings, Response(status_code=204))
    if "Access-Control-Allow-Origin" in response.headers:
        response.headers["Access-Control-Allow-Methods"] = "GET, OPTIONS"
        response.headers["Access-Control-Allow-Headers"] = "Content-Type, Accept"
        response.headers["Access-Control-Max-Age"] = "600"
    return response


@router.get("/queries")
def list_queries(request: Request, settings: SettingsDep) -> JSONResponse:
    """The canned questions: name, title, description, parameters (type, default), Cypher."""
    body = {"queries": [q.as_dict() for q in cookbook().values()]}
    return _cors(request, settings, JSONResponse(body))  # type: ignore[return-value]


@router.get("/queries/{name}", responses={
    200: {"content": {"text/csv": {}}, "description": "Columns and rows (JSON) or CSV"},
    400: {"description": "Unknown parameter, or a value that is not of its type"},
    404: {"description": "No canned query of that name"}})
def run_query(name: str, request: Request, graph: GraphDep, settings: SettingsDep,
              format: FormatQuery = "json") -> Response:
    """Run one canned question. Pass its parameters in the query string (`?year=2024`,
    lists comma-separated or repeated); the rest keep their defaults."""
    query = get_query(name)
    raw: dict[str, list[str]] = {}
    for key, value in request.query_params.multi_items():
        if key != "format":
            raw.setdefault(key, []).append(value)
    try:
        params: dict[str, Any] = query.bind(raw)
    except ParameterError as exc:
        raise ApiError(400, str(exc)) from exc
    result = run_read_query(graph.driver, query.cypher, params, settings)
    if format == "csv":
        response: Response = Response(
            result_to_csv(result), media_type=CSV_MEDIA_TYPE,
            headers={"Content-Disposition": f'inline; filename="{name}.csv"',
                     "X-Truncated": "true" if result.truncated else "false"})
    else:
        response = JSONResponse(result_to_json(result, query, params))
    return _cors(request, settings, response)


@router.get("/browser/guide.html", response_class=HTMLResponse)
def browser_guide(request: Request, settings: SettingsDep) -> Response:
    """The Neo4j Browser guide of the cookbook: `:play http://127.0.0.1:8000/browser/guide.html`."""
    api_base = str(request.base_url).rstrip("/")
    return _cors(request, settings, HTMLResponse(guide_html(cookbook().values(), api_base)))


@router.get("/browser/style.grass", response_class=PlainTextResponse)
def browser_grass(request: Request, settings: SettingsDep) -> Response:
    """The Browser style (GraSS) from the ontology: save it and drop it onto the Browser."""
    response = PlainTextResponse(
        browser_style(),
        headers={"Content-Disposition": 'inline; filename="stakeholder-graph.grass"'})
    return _cors(request, settings, response)
