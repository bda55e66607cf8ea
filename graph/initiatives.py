"""Initiatives (Vorhaben such as the Smart-City-Stufenplan): a paged list and one in full.

An initiative's statements are those whose object is the initiative or a matter that
CONCERNS it ("Begleitung des Stufenplans") and those whose `concerns` names one of them (a
request to the BMK about the Stufenplan), as `graph.timelines.initiative_timeline` reads
them. Every step seeks an index from the initiatives of one page, so the cost follows
their size, not the graph's. The `concerns` look-up is one small query per statement type
(each seeks that type's index): a single query holding a branch per type takes seconds to
plan on a busy server, and the time limit counts planning.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from graph.errors import NotFound
from graph.queries import Graph, _page, _ref, _statement, statement_types
from graph.vocab import names

_FACTS = ("RETURN elementId(r) AS eid, s.id AS speaker, r.resolution AS resolution, "
          "toString(r.resolution_date) AS day")


def _matter_ids(graph: Graph, initiative_ids: list[str]) -> dict[str, list[str]]:
    """Each initiative's id with those of the matters that concern it."""
    n = names()
    rows = graph.read(
        f"UNWIND $ids AS iid MATCH (i:`{n['initiative']}` {{id: iid}}) "
        f"RETURN iid, [iid] + COLLECT {{ MATCH (x:`{n['matter']}`)-[:`{n['CONCERNS']}`]->(i) "
        "RETURN x.id } AS ids", ids=initiative_ids)
    return {row["iid"]: row["ids"] for row in rows}


def _statement_facts(graph: Graph, matters: dict[str, list[str]]
                     ) -> dict[str, dict[str, dict[str, Any]]]:
    """Per initiative, its statements by element id: speaker, resolution and its date."""
    n = names()
    owner = {mid: iid for iid, ids in matters.items() for mid in ids}
    found: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    rows = graph.read(
        f"UNWIND $ids AS mid MATCH (o:`{n['matter']}` {{id: mid}}) "
        f"MATCH (s:`{n['actor']}`)-[r]->(o) WHERE type(r) IN $types "
        f"{_FACTS}, o.id AS key", ids=sorted(owner), types=statement_types())
    for predicate in statement_types():
        rows += graph.read(
            f"MATCH (s:`{n['actor']}`)-[r:`{predicate}`]->() WHERE r.concerns IN $ids "
            f"{_FACTS}, r.concerns AS key", ids=sorted(owner))
    for row in rows:
        found[owner[row["key"]]][row["eid"]] = row
    return found


def _obligation_facts(graph: Graph, initiative_ids: list[str]) -> dict[str, dict[str, Any]]:
    n = names()
    rows = graph.read(
        f"UNWIND $ids AS iid MATCH (o:`{n['obligation']}`)-[:`{n['CONCERNS']}`]->"
        f"(:`{n['initiative']}` {{id: iid}}) RETURN iid, count(o) AS obligations, "
        "collect(DISTINCT o.resolution) AS resolutions, "
        "collect(DISTINCT toString(o.resolution_date)) AS days", ids=initiative_ids)
    return {row["iid"]: row for row in rows}


def _summaries(graph: Graph, initiatives: list[dict[str, Any]]
               ) -> tuple[list[dict[str, Any]], dict[str, dict[str, list[str]]]]:
    """The initiatives with their counts and first and last date; and per initiative the
    element ids of its statements."""
    ids = [i["id"] for i in initiatives]
    matters = _matter_ids(graph, ids)
    statements = _statement_facts(graph, matters)
    obligations = _obligation_facts(graph, ids)
    out, eids = [], {}
    for item in initiatives:
        facts = statements.get(item["id"], {})
        extra = obligations.get(item["id"], {})
        resolutions = {f["resolution"] for f in facts.values() if f["resolution"]}
        resolutions |= {r for r in extra.get("resolutions", []) if r}
        days = sorted({f["day"] for f in facts.values() if f["day"]}
                      | {d for d in extra.get("days", []) if d})
        out.append({**item, "statements": len(facts),
                    "obligations": extra.get("obligations", 0),
                    "resolutions": len(resolutions),
                    "actors": len({f["speaker"] for f in facts.values()}),
                    "first_date": days[0] if days else None,
                    "last_date": days[-1] if days else None})
        eids[item["id"]] = {"statements": sorted(facts), "matters": matters.get(item["id"], [])}
    return out, eids


def list_initiatives(graph: Graph, *, text: str | None = None, limit: int = 50,
                     offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """Initiatives by name, each with its number of statements, obligations, resolutions
    and speaking actors and the first and last date it was spoken of."""
    n = names()
    total, page = _page(
        graph, f"MATCH (i:`{n['initiative']}`) WHERE $text IS NULL OR toLower(i.name) "
        "CONTAINS $text OR toLower(i.id) CONTAINS $text "
        "WITH i {.id, .name, .aliases, labels: labels(i)} AS row "
        "ORDER BY toLower(row.name), row.id", limit, offset,
        text=text.lower() if text else None)
    items, _ = _summaries(graph, page)
    return total, items


def get_initiative(graph: Graph, initiative_id: str, *, limit: int = 100,
                   offset: int = 0) -> dict[str, Any]:
    """One initiative: its summary, the matters that concern it, one page of its statements
    (oldest first)."""
    n = names()
    found = graph.read(f"MATCH (i:`{n['initiative']}` {{id: $id}}) "
                       "RETURN i {.id, .name, .aliases, labels: labels(i)} AS i",
                       id=initiative_id)
    if not found:
        raise NotFound(f"no initiative with id {initiative_id!r}")
    (summary,), ids = _summaries(graph, [found[0]["i"]])
    mine = ids[initiative_id]
    matters = graph.read(f"UNWIND $ids AS mid MATCH (x:`{n['matter']}` {{id: mid}}) "
                         f"RETURN {_ref('x')} AS m ORDER BY x.name",
                         ids=[m for m in mine["matters"] if m != initiative_id])
    statements = graph.read(
        "UNWIND $eids AS eid MATCH (s)-[r]->(o) WHERE elementId(r) = eid "
        f"RETURN {_statement('r', 's', 'o')} AS st "
        "ORDER BY coalesce(toString(r.resolution_date), ''), r.resolution, r.start "
        "SKIP $offset LIMIT $limit", eids=mine["statements"], offset=offset, limit=limit)
    return {"initiative": summary, "matters": [m["m"] for m in matters],
            "statements": [s["st"] for s in statements]}
