"""Pages an analyst reads: home and search, a resolution beside its statements, an actor,
initiatives. Server-rendered HTML, German by default (`?lang=en` for English)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Path, Query
from fastapi.responses import HTMLResponse

from api.deps import GraphDep
from api.params import Offset
from graph import actors, initiatives, queries, threads
from graph.errors import GraphUnavailable
from graph.vocab import names
from viz.i18n import Words, language, path_of
from viz.marks import marked_html
from viz.pages import script_json
from viz.site import group_hits, render, resolution_context

router = APIRouter(tags=["pages"], include_in_schema=True)

Lang = Annotated[str | None, Query(pattern="^(de|en)$",
                                   description="Page language: de (default) or en")]
#: Rows per section of a paged page.
PAGE_ROWS = 25
#: Hits per group on the search page.
SEARCH_ROWS = 50
#: What the home page counts, by label (class key → label of the graph).
HOME_COUNTS = ("Resolution", "Actor", "Initiative", "Obligation")
#: The actor the home page offers as an entry (the Bund, the graph's largest hub).
BUND = "DE"


def _html(text: str) -> HTMLResponse:
    return HTMLResponse(text)


@router.get("/", response_class=HTMLResponse)
def home(graph: GraphDep, lang: Lang = None) -> HTMLResponse:
    """Start page: a search box over actors, resolutions, initiatives and sentences, what
    the graph holds, and entry links."""
    words = Words(language(lang))
    try:
        totals = queries.counts(graph)
        _, recent = queries.list_resolutions(graph, limit=8, offset=0)
        bund = graph.read(f"MATCH (a:`{names()['actor']}` {{id: $id}}) "
                          "RETURN a.id AS id, a.name AS name", id=BUND)
    except GraphUnavailable:
        # The start page still shows its links while Neo4j is down (other pages say 503).
        return _html(render("home.html", words, "/", title=words.t("home.title"), counts=[],
                            recent=[], bund=None, down=True))
    statements = sum(totals["relationships"].get(t, 0) for t in queries.statement_types())
    counts = [(label, totals["labels"].get(label, 0)) for label in HOME_COUNTS]
    counts.insert(1, ("Statement", statements))
    return _html(render("home.html", words, "/", title=words.t("home.title"), counts=counts,
                        recent=recent, bund=bund[0] if bund else None, down=False))


@router.get("/pages/search", response_class=HTMLResponse)
def search_page(graph: GraphDep,
                q: Annotated[str | None, Query(max_length=200, description="Words to find")
                             ] = None, lang: Lang = None) -> HTMLResponse:
    """Full-text hits grouped into actors, resolutions, initiatives, other matters and
    sentences."""
    words = Words(language(lang))
    text = (q or "").strip()
    hits = queries.search(graph, text) if text else []
    return _html(render("search.html", words, "/pages/search", {"q": text},
                        title=words.t("search.title", q=text) if text
                        else words.t("search.title_empty"),
                        query=text, groups=group_hits(hits), limit=SEARCH_ROWS))


@router.get("/pages/resolutions/{resolution_id:path}", response_class=HTMLResponse)
def resolution_page(graph: GraphDep, resolution_id: Annotated[str, Path(max_length=300)],
                    lang: Lang = None) -> HTMLResponse:
    """A resolution's text with every statement marked, the statements beside it, its
    obligations with their status today, and the resolutions it is linked to."""
    words = Words(language(lang))
    row = queries.get_resolution(graph, resolution_id)
    today = date.today()
    context = resolution_context(row, threads.obligations_of(graph, [resolution_id], today),
                                 threads.resolution_links(graph, resolution_id), today)
    marked = marked_html(context["segments"], context["statements"], words)
    labels = {"deadline": words.t("statement.deadline"), "amount": words.t("statement.amount")}
    return _html(render("resolution.html", words, f"/pages/resolutions/{path_of(resolution_id)}",
                        title=context["res"].get("title") or resolution_id, marked=marked,
                        refers_to=row["refers_to"], referred_by=row["referred_by"],
                        detail_labels=script_json(labels), **context))


@router.get("/pages/actors/{actor_id:path}", response_class=HTMLResponse)
def actor_page(graph: GraphDep, actor_id: Annotated[str, Path(max_length=300)],
               lang: Lang = None, asked_offset: Offset = 0, asks_offset: Offset = 0,
               leads_offset: Offset = 0, finances_offset: Offset = 0, out_offset: Offset = 0,
               in_offset: Offset = 0) -> HTMLResponse:
    """What others ask of an actor (with status), what it asks of others, what it leads and
    finances, what it belongs to and succeeded, and all its statements; every list paged."""
    words = Words(language(lang))
    detail = actors.get_actor(graph, actor_id, limit=PAGE_ROWS, offset=out_offset,
                              direction="outgoing")
    incoming = actors.get_actor(graph, actor_id, limit=PAGE_ROWS, offset=in_offset,
                                direction="incoming")["incoming"]
    today = date.today()
    sections = []
    for key, kind, who, offset, fetch in (
        ("asked", "obligations", "col.requester", asked_offset,
         lambda o: queries.list_requests(graph, as_of=today, addressee=actor_id,
                                         limit=PAGE_ROWS, offset=o)),
        ("asks", "obligations", "col.addressee", asks_offset,
         lambda o: queries.list_requests(graph, as_of=today, requester=actor_id,
                                         limit=PAGE_ROWS, offset=o)),
        ("leads", "statements", "col.object", leads_offset,
         lambda o: queries.list_statements(graph, predicates=["LEADS", "RESPONSIBLE_FOR"],
                                           subject=actor_id, limit=PAGE_ROWS, offset=o)),
        ("finances", "statements", "col.object", finances_offset,
         lambda o: queries.list_statements(graph, predicates=["FINANCES"], subject=actor_id,
                                           limit=PAGE_ROWS, offset=o)),
    ):
        total, items = fetch(offset)
        sections.append((key, {"kind": kind, "who": who, "total": total, "rows": items,
                               "offset": offset}))
    sections += [
        ("out", {"kind": "statements", "who": "col.object", "total": detail["totals"]["outgoing"],
                 "rows": detail["outgoing"], "offset": out_offset}),
        ("in", {"kind": "statements", "who": "col.subject",
                "total": detail["totals"]["incoming"], "rows": incoming, "offset": in_offset})]
    params = {"asked_offset": asked_offset or None, "asks_offset": asks_offset or None,
              "leads_offset": leads_offset or None,
              "finances_offset": finances_offset or None, "out_offset": out_offset or None,
              "in_offset": in_offset or None}
    path = f"/pages/actors/{path_of(actor_id)}"
    return _html(render("actor.html", words, path, params,
                        title=detail["actor"].get("name") or actor_id, actor=detail["actor"],
                        detail=detail, sections=sections, limit=PAGE_ROWS, path=path,
                        params=params, predicates=queries.statement_types()))


@router.get("/pages/initiatives", response_class=HTMLResponse)
def initiatives_page(graph: GraphDep, lang: Lang = None, offset: Offset = 0) -> HTMLResponse:
    """Every initiative with its counts and first and last date, paged."""
    words = Words(language(lang))
    total, items = initiatives.list_initiatives(graph, limit=PAGE_ROWS * 2, offset=offset)
    params = {"offset": offset or None}
    return _html(render("initiatives.html", words, "/pages/initiatives", params,
                        title=words.t("init.title"), items=items, total=total, offset=offset,
                        limit=PAGE_ROWS * 2, path="/pages/initiatives", params=params))


@router.get("/pages/initiatives/{initiative_id}", response_class=HTMLResponse)
def initiative_page(graph: GraphDep, initiative_id: Annotated[str, Path(max_length=300)],
                    lang: Lang = None, offset: Offset = 0) -> HTMLResponse:
    """One initiative: counts, dates, the matters that concern it, what was said of it."""
    words = Words(language(lang))
    row = initiatives.get_initiative(graph, initiative_id, limit=PAGE_ROWS * 2, offset=offset)
    path = f"/pages/initiatives/{path_of(initiative_id)}"
    params = {"offset": offset or None}
    return _html(render("initiative.html", words, path, params,
                        title=row["initiative"].get("name") or initiative_id,
                        ini=row["initiative"], matters=row["matters"],
                        statements=row["statements"], offset=offset, limit=PAGE_ROWS * 2,
                        path=path, params=params))
