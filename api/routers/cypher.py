"""Analysts' read-only Cypher: `POST /cypher`."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response

from api.deps import GraphDep, SettingsDep
from api.models import CypherRequest, CypherResult
from api.security import ApiKeyDep
from graph.cookbook import result_to_csv
from graph.cypher import run_read_query

router = APIRouter(tags=["cypher"])


@router.post("/cypher", response_model=CypherResult, dependencies=[ApiKeyDep], responses={
    400: {"description": "Syntax or other error, with Neo4j's message"},
    403: {"description": "Refused: the query writes, loads files or calls a procedure "
                         "outside the allow-list"},
    504: {"description": "The query ran longer than allowed"},
    200: {"content": {"text/csv": {}}}})
def cypher(body: CypherRequest, graph: GraphDep, settings: SettingsDep,
           format: Annotated[Literal["json", "csv"], Query()] = "json"
           ) -> CypherResult | Response:
    """Run one read-only Cypher query. Nodes come back as `{id, labels, properties}`,
    relationships as `{id, type, start, end, properties}`, paths as `{nodes,
    relationships}`, dates as ISO strings; at most the row cap, flagged `truncated`.
    `?format=csv` answers CSV instead (header `X-Truncated`)."""
    result = run_read_query(graph.driver, body.query, body.params, settings,
                            timeout=body.timeout, row_cap=body.row_cap)
    if format == "csv":
        return Response(result_to_csv(result), media_type="text/csv; charset=utf-8",
                        headers={"X-Truncated": "true" if result.truncated else "false"})
    return CypherResult(columns=result.columns, rows=result.rows, truncated=result.truncated)
