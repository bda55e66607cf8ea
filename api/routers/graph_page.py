"""`GET /graph`: the interactive network page."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse

from api.deps import GraphDep, SettingsDep
from api.params import DateFrom, DateTo, Id, iso
from api.routers.resolutions import check_range
from api.vocab import check_level, check_predicates
from viz.i18n import Words, language
from viz.pages import build_page

router = APIRouter(tags=["pages"])

NODE_COUNT_HEADER = "X-SKG-Node-Count"


@router.get("/graph", response_class=HTMLResponse, responses={
    200: {"description": f"A self-contained HTML page; the header {NODE_COUNT_HEADER} "
                         "gives the number of nodes drawn"}})
def graph_page(
    graph: GraphDep, settings: SettingsDep, around: Id = None,
    depth: Annotated[int, Query(ge=1, le=3, description="Hops around `around`")] = 1,
    predicates: Annotated[str | None, Query(max_length=500,
                                            description="Comma list, e.g. REQUESTS,FINANCES")
                          ] = None,
    resolution: Id = None, date_from: DateFrom = None, date_to: DateTo = None,
    level: Annotated[str | None, Query(description="Keep statements with an end at this "
                                                   "level")] = None,
    lang: Annotated[str | None, Query(pattern="^(de|en)$",
                                      description="Page language: de (default) or en")] = None,
) -> HTMLResponse:
    """Statements as a network, coloured and shaped by level; at most the node cap
    (larger requests are reduced to the most connected nodes, with a notice)."""
    check_range(date_from, date_to)
    page, drawn = build_page(graph, settings.graph_node_cap, around=around, depth=depth,
                             predicates=check_predicates(predicates), resolution=resolution,
                             date_from=iso(date_from), date_to=iso(date_to),
                             level=check_level(level), words=Words(language(lang)))
    return HTMLResponse(page, headers={NODE_COUNT_HEADER: str(drawn)})
