"""Initiatives (Vorhaben such as the Smart-City-Stufenplan): a paged list and one in full.

An initiative's statements are those whose object is the initiative or a matter that
CONCERNS it ("Begleitung des Stufenplans") and those whose `concerns` names one of them (a
request to the BMK about the Stufenplan), as `graph.timelines.initiative_timeline` reads
them; every step seeks an index from the initiative, so the cost follows the initiative's
size, not the graph's.
"""

from __future__ import annotations

from typing import Any

from graph.errors import NotFound
from graph.queries import Graph, _page, _ref, _statement, statement_types
from graph.vocab import names


def _matter_ids() -> str:
    """`ids`: the initiative's id and those of the matters that concern it."""
    n = names()
    return (f"WITH i, [i.id] + COLLECT {{ MATCH (x:`{n['matter']}`)-[:`{n['CONCERNS']}`]->(i) "
            "RETURN x.id } AS ids ")


def _statements() -> str:
    """A subquery over `ids` yielding each statement `r` of the initiative with its ends
    `s`, `o`: those to its matters, and those that concern it (an index per type)."""
    n = names()
    concerning = " UNION ".join(
        f"MATCH (s:`{n['actor']}`)-[r:`{t}`]->(o) WHERE r.concerns IN ids RETURN s, r, o"
        for t in statement_types())
    return (f"CALL (ids) {{ MATCH (o:`{n['matter']}`) WHERE o.id IN ids "
            f"MATCH (s:`{n['actor']}`)-[r]->(o) WHERE type(r) IN $types RETURN s, r, o "
            f"UNION {concerning} }} ")


def _distinct(expr: str) -> str:
    """How many different values the list `expr` holds."""
    return f"size(COLLECT {{ UNWIND {expr} AS x RETURN DISTINCT x }})"


def _summary() -> str:
    """`row` of one initiative: counts, first and last date, resolutions and actors."""
    n = names()
    return (
        f"CALL (i) {{ {_matter_ids()} {_statements()} "
        "RETURN count(r) AS statements, collect(DISTINCT r.resolution) AS via_statements, "
        "collect(DISTINCT toString(r.resolution_date)) AS dates, "
        "count(DISTINCT s) AS speakers } "
        f"CALL (i) {{ MATCH (o:`{n['obligation']}`)-[:`{n['CONCERNS']}`]->(i) "
        "RETURN count(o) AS obligations, collect(DISTINCT o.resolution) AS via_obligations, "
        "collect(DISTINCT toString(o.resolution_date)) AS obligation_dates } "
        "WITH i, statements, obligations, speakers, "
        "[x IN via_statements + via_obligations WHERE x IS NOT NULL] AS rids, "
        "[d IN dates + obligation_dates WHERE d IS NOT NULL] AS days "
        "WITH i, i {.id, .name, .aliases, labels: labels(i), statements: statements, "
        "obligations: obligations, actors: speakers, "
        f"resolutions: {_distinct('rids')}, "
        "first_date: reduce(lo = null, d IN days | CASE WHEN lo IS NULL OR d < lo THEN d "
        "ELSE lo END), "
        "last_date: reduce(hi = null, d IN days | CASE WHEN hi IS NULL OR d > hi THEN d "
        "ELSE hi END)} AS row")


def list_initiatives(graph: Graph, *, text: str | None = None, limit: int = 50,
                     offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """Initiatives by name, each with its number of statements, obligations, resolutions
    and speaking actors and the first and last date it was spoken of."""
    n = names()
    body = (f"MATCH (i:`{n['initiative']}`) WHERE $text IS NULL OR toLower(i.name) CONTAINS "
            "$text OR toLower(i.id) CONTAINS $text "
            f"{_summary()} "
            "ORDER BY toLower(row.name), row.id")
    return _page(graph, body, limit, offset, types=statement_types(),
                 text=text.lower() if text else None)


def get_initiative(graph: Graph, initiative_id: str, *, limit: int = 100,
                   offset: int = 0) -> dict[str, Any]:
    """One initiative: its summary, the matters that concern it, one page of its statements
    (oldest first) and its obligations' ids."""
    n = names()
    rows = graph.read(
        f"MATCH (i:`{n['initiative']}` {{id: $id}}) "
        f"{_summary()} "
        f"RETURN row AS initiative, "
        f"COLLECT {{ MATCH (x:`{n['matter']}`)-[:`{n['CONCERNS']}`]->(i) "
        f"RETURN {_ref('x')} }} AS matters, "
        f"COLLECT {{ {_matter_ids()} {_statements()} RETURN {_statement('r', 's', 'o')} AS st "
        "ORDER BY coalesce(toString(r.resolution_date), ''), r.resolution, r.start "
        "SKIP $offset LIMIT $limit } AS statements",
        id=initiative_id, types=statement_types(), limit=limit, offset=offset)
    if not rows:
        raise NotFound(f"no initiative with id {initiative_id!r}")
    return rows[0]
