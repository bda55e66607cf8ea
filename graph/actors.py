"""One actor with its statements paged inside the query, for the API and the actor page.

Hubs such as the Bund take part in tens of thousands of statements: the query returns one
page per direction (`SKIP`/`LIMIT` inside each `COLLECT`) and counts per predicate and
direction from Neo4j's relationship counts (`COUNT { (a)-[:T]->() }`), so the answer does
not grow with the actor's degree.
"""

from __future__ import annotations

from typing import Any

from graph.errors import NotFound
from graph.queries import Graph, _ref, _statement, statement_types
from graph.vocab import names

DIRECTIONS = ("outgoing", "incoming")


def _counts(direction: str) -> str:
    """A map literal `{REQUESTS: COUNT {…}, …}` of one direction's counts per predicate."""
    arrow = "(a)-[:`{t}`]->()" if direction == "outgoing" else "()-[:`{t}`]->(a)"
    return "{" + ", ".join(f"`{t}`: COUNT {{ {arrow.format(t=t)} }}"
                           for t in statement_types()) + "}"


def get_actor(graph: Graph, actor_id: str, *, limit: int = 50, offset: int = 0,
              predicates: list[str] | None = None, direction: str | None = None
              ) -> dict[str, Any]:
    """An actor, one page of its statements each way (newest resolutions first), the
    number of statements per predicate and direction, memberships, successions and the
    resolutions it issued or submitted. `direction` limits the pages to one way."""
    n = names()
    types = predicates or statement_types()
    out_limit = limit if direction in (None, "outgoing") else 0
    in_limit = limit if direction in (None, "incoming") else 0
    order = ("ORDER BY coalesce(toString(r.resolution_date), '') DESC, r.resolution, r.start "
             "SKIP $offset LIMIT $limit_{d}")
    rows = graph.read(
        f"MATCH (a:`{n['actor']}` {{id: $id}}) "
        "RETURN a {.*, labels: labels(a)} AS actor, "
        f"{_counts('outgoing')} AS outgoing_counts, {_counts('incoming')} AS incoming_counts, "
        "COLLECT { MATCH (a)-[r]->(o) WHERE type(r) IN $types "
        f"RETURN {_statement('r', 'a', 'o')} AS s {order.format(d='out')} }} AS outgoing, "
        "COLLECT { MATCH (x)-[r]->(a) WHERE type(r) IN $types "
        f"RETURN {_statement('r', 'x', 'a')} AS s {order.format(d='in')} }} AS incoming, "
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
        "RETURN r.id ORDER BY r.id } AS submitted",
        id=actor_id, types=types, offset=offset, limit_out=out_limit, limit_in=in_limit)
    if not rows:
        raise NotFound(f"no actor with id {actor_id!r}")
    row = rows[0]
    for way in DIRECTIONS:
        counts = {k: v for k, v in row.pop(f"{way}_counts").items() if v and k in types}
        row.setdefault("counts", {})[way] = counts
        row.setdefault("totals", {})[way] = sum(counts.values())
    row.update(limit=limit, offset=offset)
    return row
