"""Pages in time: who owes what (`/pages/requests`) and the timeline of an initiative or
a resolution's thread (`/pages/timeline`)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse

from api.deps import GraphDep
from api.errors import ApiError
from api.params import Id
from api.routers.pages import Lang
from api.vocab import check_status
from graph import initiatives, queries, threads, timelines
from viz.i18n import Words, language
from viz.pages import script_json
from viz.site import render
from viz.timeline import time_window, timeline_assets, timeline_items

router = APIRouter(tags=["pages"])

#: Most obligations the requests page lists.
PAGE_LIMIT = 2000
#: Most statements of an initiative the timeline draws.
TIMELINE_STATEMENTS = 2000


@router.get("/pages/requests", response_class=HTMLResponse)
def requests_page(
    graph: GraphDep,
    as_of: Annotated[date | None, Query(description="Status as of this day (default today)")
                     ] = None,
    status: Annotated[str | None, Query(description="open, due, overdue, fulfilled, "
                                                    "superseded")] = None,
    requester: Id = None, addressee: Id = None, lang: Lang = None,
) -> HTMLResponse:
    """A page of obligations per addressee: open, due and overdue first."""
    words = Words(language(lang))
    day = as_of or date.today()
    _, items = queries.list_requests(graph, as_of=day, requester=requester,
                                     addressee=addressee, status=check_status(status),
                                     limit=PAGE_LIMIT, offset=0)
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for item in items:
        groups[item["addressee"]["id"]].append(item)
    ordered = sorted(groups.items(), key=lambda kv: (
        -sum(i["status"] == "overdue" for i in kv[1]),
        kv[1][0]["addressee"].get("name") or kv[0]))
    params = {"as_of": as_of.isoformat() if as_of else None, "status": status,
              "requester": requester, "addressee": addressee}
    return HTMLResponse(render("requests.html", words, "/pages/requests", params,
                               title=words.t("req.title", day=words.date(day.isoformat())),
                               as_of=day.isoformat(), groups=ordered, total=len(items)))


@router.get("/pages/timeline", response_class=HTMLResponse)
def timeline_page(
    graph: GraphDep,
    initiative: Annotated[str | None, Query(max_length=300, description="Initiative id")
                          ] = None,
    resolution: Annotated[str | None, Query(max_length=300, description="Resolution id")
                          ] = None,
    lang: Lang = None,
) -> HTMLResponse:
    """An initiative's history (or a resolution's thread) on a time axis: a lane per actor,
    statements, deadlines as ranges, and the resolutions that answered them."""
    if bool(initiative) == bool(resolution):
        raise ApiError(400, "give exactly one of initiative or resolution")
    words = Words(language(lang))
    today = date.today()
    if initiative:
        row = initiatives.get_initiative(graph, initiative, limit=TIMELINE_STATEMENTS)
        statements = row["statements"]
        thread = threads.resolution_events(graph, sorted({s["rel"]["resolution"]
                                                          for s in statements}))
        title = words.t("timeline.title_initiative",
                        name=row["initiative"].get("name") or initiative)
    else:
        thread = timelines.resolution_timeline(graph, resolution or "")
        statements = queries.get_resolution(graph, resolution or "")["statements"]
        title = words.t("timeline.title_resolution", name=resolution)
    ids = sorted({s["rel"]["resolution"] for s in statements if s["rel"].get("resolution")}
                 | {r["resolution"] for r in thread if r.get("relation") == "this"})
    wanted = {s["rel"].get("id") for s in statements}
    obligations = [o for o in threads.obligations_of(graph, ids, today)
                   if o["obligation"].get("statement") in wanted]
    groups, items = timeline_items(statements, obligations, thread, words)
    data = {"groups": groups, "items": items, "lang": words.lang, "window": time_window(items),
            "resolutionHref": words.href("/pages/resolutions/__ID__"),
            "openLabel": words.t("timeline.open"), "drawnLabel": words.t("timeline.drawn")}
    params = {"initiative": initiative, "resolution": resolution}
    return HTMLResponse(render("timeline.html", words, "/pages/timeline", params, title=title,
                               data_json=script_json(data), item_count=len(items),
                               group_count=len(groups),
                               **timeline_assets()))
