"""One actor with its statements paged inside the query, for the API and the actor page.

Hubs such as the Bund take part in tens of thousands of statements: the query returns one
page per direction (`SKIP`/`LIMIT` inside each `COLLECT`) and only counts the rest per
predicate and direction, so the answer does not grow with the actor's degree. (A
`COUNT { (a)-[:T]->() }` per type would read Neo4j's degree store, but thirty such
subqueries take seconds to plan.)
"""

from __future__ import annotations

from typing import Any

from graph.errors import NotFound
from graph.queries import Graph, _ref, _statement, statement_types
from graph.vocab import names

DIRECTIONS = ("outgoing", "incoming")


def _counts(direction: str) -> str:
    """A subquery of one direction's statement counts per predicate, `[{p, n}, …]`."""
    arrow = "(a)-[r]->()" if direction == "outgoing" else "()-[r]->(a)"
    return (f"COLLECT {{ MATCH {arrow} WHERE type(r) IN $types "
            "WITH type(r) AS p, count(*) AS n RETURN {p: p, n: n} }")


def _page_of(graph: Graph, actor_id: str, direction: str, types: list[str], limit: int,
             offset: int) -> list[dict[str, Any]]:
    """One page of an actor's statements in one direction, newest resolution first."""
    if limit <= 0:
        return []
    n = names()
    pattern, subject, obj = (("(a)-[r]->(o)", "a", "o") if direction == "outgoing"
                             else ("(o)-[r]->(a)", "o", "a"))
    rows = graph.read(
        f"MATCH (a:`{n['actor']}` {{id: $id}}) MATCH {pattern} WHERE type(r) IN $types "
        f"RETURN {_statement('r', subject, obj)} AS s "
        "ORDER BY coalesce(toString(r.resolution_date), '') DESC, r.resolution, r.start "
        "SKIP $offset LIMIT $limit", id=actor_id, types=types, offset=offset, limit=limit)
    return [row["s"] for row in rows]


def get_actor(graph: Graph, actor_id: str, *, limit: int = 50, offset: int = 0,
              predicates: list[str] | None = None, direction: str | None = None
              ) -> dict[str, Any]:
    """An actor, one page of its statements each way (newest resolutions first), the
    number of statements per predicate and direction, memberships, successions and the
    resolutions it issued or submitted. `direction` limits the pages to one way.

    Several small queries rather than one: each plans quickly (a query of a dozen
    subqueries takes seconds to plan on a busy server, and the time limit counts that)."""
    n = names()
    types = predicates or statement_types()
    rows = graph.read(
        f"MATCH (a:`{n['actor']}` {{id: $id}}) "
        "RETURN a {.*, labels: labels(a)} AS actor, "
        f"{_counts('outgoing')} AS outgoing_counts, {_counts('incoming')} AS incoming_counts",
        id=actor_id, types=types)
    if not rows:
        raise NotFound(f"no actor with id {actor_id!r}")
    row = rows[0]
    row.update(graph.read(
        f"MATCH (a:`{n['actor']}` {{id: $id}}) RETURN "
        f"COLLECT {{ MATCH (a)-[:`{n['MEMBER_OF']}`]->(b) RETURN {_ref('b')} }} AS member_of, "
        f"COLLECT {{ MATCH (b)-[:`{n['MEMBER_OF']}`]->(a) RETURN {_ref('b')} }} AS members, "
        f"COLLECT {{ MATCH (a)-[:`{n['PART_OF']}`]->(b) RETURN {_ref('b')} }} AS part_of, "
        f"COLLECT {{ MATCH (b)-[:`{n['SUCCEEDED_BY']}`]->(a) RETURN {_ref('b')} }} "
        "AS predecessors, "
        f"COLLECT {{ MATCH (a)-[:`{n['SUCCEEDED_BY']}`]->(b) RETURN {_ref('b')} }} "
        "AS successors, "
        f"COLLECT {{ MATCH (r:`{n['resolution']}`)-[:`{n['ISSUED_BY']}`]->(a) "
        "RETURN r.id ORDER BY r.id } AS issued, "
        f"COLLECT {{ MATCH (a)-[:`{n['SUBMITS']}`]->(r:`{n['resolution']}`) "
        "RETURN r.id ORDER BY r.id } AS submitted", id=actor_id)[0])
    for way in DIRECTIONS:
        counts = {c["p"]: c["n"] for c in sorted(row.pop(f"{way}_counts"),
                                                  key=lambda c: c["p"])}
        row.setdefault("counts", {})[way] = counts
        row.setdefault("totals", {})[way] = sum(counts.values())
        wanted = direction in (None, way) and row["totals"][way] > offset
        row[way] = _page_of(graph, actor_id, way, types, limit if wanted else 0, offset)
    row.update(limit=limit, offset=offset)
    return row
