"""Named read queries for the API, the graph pages and the CLI.

Every statement is built here; values travel as `$parameters`, and labels and relationship
types come from the ontology only (`names()`), never from a caller. Listing queries return
`(total, items)` so that callers can paginate with a total.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from neo4j import READ_ACCESS, Driver, Query
from neo4j.exceptions import AuthError, DriverError, Neo4jError, ServiceUnavailable, SessionExpired

from graph.errors import GraphError, GraphUnavailable, NotFound, QueryTimedOut
from graph.obligations import DUE_WINDOW_DAYS, status_expression
from graph.schema import FULLTEXT_NODES, FULLTEXT_STATEMENTS
from graph.serialize import to_json
from graph.vocab import names
from ontology.model import load_ontology

#: Most hits each full-text index contributes to one search.
SEARCH_HIT_CAP = 1000
_LUCENE_SPECIAL = re.compile(r'([+\-!(){}\[\]^"~*?:\\/&|])')


@dataclass(frozen=True)
class Graph:
    """The driver plus where and how long named queries may run."""

    driver: Driver
    database: str | None = None
    timeout: float = 10.0

    def read(self, statement: str, /, **params: Any) -> list[dict[str, Any]]:
        """Run one read query; rows as JSON-ready dicts. Typed errors, never driver ones."""
        try:
            # An auto-commit read, not execute_query: that one retries for ~30 s while Neo4j
            # is down, and a client should get its 503 at once.
            with self.driver.session(database=self.database, default_access_mode=READ_ACCESS,
                                     notifications_min_severity="OFF") as session:
                records = list(session.run(Query(statement, timeout=self.timeout),  # type: ignore[arg-type]
                                           params))
        except (ServiceUnavailable, SessionExpired, OSError) as exc:
            raise GraphUnavailable(f"Neo4j does not answer: {exc}") from exc
        except AuthError as exc:
            raise GraphUnavailable("Neo4j refused the credentials: check NEO4J_USER and "
                                   "NEO4J_PASSWORD") from exc
        except (Neo4jError, DriverError) as exc:
            if isinstance(exc, Neo4jError) and "TransactionTimedOut" in (exc.code or ""):
                raise QueryTimedOut(f"the query ran longer than the time limit "
                                    f"({self.timeout:g} s) and was stopped") from exc
            raise GraphError(f"a graph query failed: {exc}") from exc
        return [{key: to_json(value) for key, value in record.items()} for record in records]


@dataclass
class Subgraph:
    """Nodes and statement edges for a page; `truncated` when the edge limit was hit;
    `reduced_from` (nodes, statements) when the query kept only the best-connected nodes."""

    nodes: list[dict[str, Any]] = field(default_factory=list)
    edges: list[dict[str, Any]] = field(default_factory=list)
    truncated: bool = False
    reduced_from: tuple[int, int] | None = None


@cache
def statement_types() -> list[str]:
    """The statement predicates (relationship types between actors and matters)."""
    return sorted(load_ontology().scored_predicates())


def _ref(var: str) -> str:
    return f"{var} {{.id, .name, .level, .type, labels: labels({var})}}"


def _statement(rel: str, subj: str, obj: str) -> str:
    return (f"{{rel: {rel} {{.*, predicate: type({rel})}}, subject: {_ref(subj)}, "
            f"object: {_ref(obj)}}}")


def _page(graph: Graph, body: str, limit: int, offset: int, **params: Any
          ) -> tuple[int, list[dict[str, Any]]]:
    """`body` ends in `WITH … AS row ORDER BY …`; returns the total and one page of rows."""
    rows = graph.read(f"{body} WITH collect(row) AS rows "
                      "RETURN size(rows) AS total, rows[$offset..$offset + $limit] AS items",
                      limit=limit, offset=offset, **params)
    return (rows[0]["total"], rows[0]["items"]) if rows else (0, [])


def server_info(graph: Graph) -> dict[str, Any]:
    """Name, version and edition of the Neo4j server (raises GraphUnavailable when down)."""
    rows = graph.read("CALL dbms.components() YIELD name, versions, edition "
                      "RETURN name, versions[0] AS version, edition")
    return rows[0] if rows else {"name": "Neo4j", "version": None, "edition": None}


def list_actors(graph: Graph, *, label: str | None = None, level: str | None = None,
                land: str | None = None, text: str | None = None, limit: int = 50,
                offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """Actors filtered by class label, level, Land and a case-insensitive text."""
    n = names()
    body = (f"MATCH (a:`{n['actor']}`) "
            "WHERE ($label IS NULL OR $label IN labels(a)) "
            "AND ($level IS NULL OR a.level = $level) "
            "AND ($land IS NULL OR a.land = $land OR a.id = $land) "
            "AND ($text IS NULL OR toLower(a.name) CONTAINS $text OR toLower(a.id) CONTAINS $text"
            " OR any(x IN coalesce(a.aliases, []) WHERE toLower(x) CONTAINS $text)) "
            "WITH a {.id, .name, .level, .type, .land, .aliases, .known, labels: labels(a)} AS row "
            "ORDER BY toLower(row.name), row.id")
    return _page(graph, body, limit, offset, label=label, level=level, land=land,
                 text=text.lower() if text else None)


def list_resolutions(graph: Graph, *, issuer: str | None = None, submitter: str | None = None,
                     date_from: str | None = None, date_to: str | None = None,
                     limit: int = 50, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """Resolutions filtered by issuer, submitter and date range (ISO dates, inclusive)."""
    n = names()
    body = (f"MATCH (r:`{n['resolution']}`) "
            f"OPTIONAL MATCH (r)-[:`{n['ISSUED_BY']}`]->(i) "
            "WITH r, i WHERE ($issuer IS NULL OR i.id = $issuer OR r.issuer = $issuer) "
            f"AND ($submitter IS NULL OR EXISTS {{ MATCH (s)-[:`{n['SUBMITS']}`]->(r) "
            "WHERE s.id = $submitter }) "
            "AND ($from IS NULL OR toString(r.date) >= $from) "
            "AND ($to IS NULL OR toString(r.date) <= $to) "
            "WITH r {.id, .date, .title, .session, .place, .item, .document, "
            f"issuer: {_ref('i')}}} AS row ORDER BY toString(row.date) DESC, row.id")
    return _page(graph, body, limit, offset, issuer=issuer, submitter=submitter,
                 **{"from": date_from, "to": date_to})


def get_resolution(graph: Graph, resolution_id: str) -> dict[str, Any]:
    """A resolution with issuer, submitters, statements, references and attachments."""
    n = names()
    rows = graph.read(
        f"MATCH (r:`{n['resolution']}` {{id: $id}}) "
        f"OPTIONAL MATCH (r)-[:`{n['ISSUED_BY']}`]->(i) "
        f"RETURN r {{.*}} AS resolution, {_ref('i')} AS issuer, "
        f"COLLECT {{ MATCH (s)-[:`{n['SUBMITS']}`]->(r) RETURN {_ref('s')} }} AS submitters, "
        f"COLLECT {{ MATCH (r)-[:`{n['REFERS_TO']}`]->(b) RETURN b {{.id, .date, .title}} }} "
        "AS refers_to, "
        f"COLLECT {{ MATCH (b)-[:`{n['REFERS_TO']}`]->(r) RETURN b {{.id, .date, .title}} }} "
        "AS referred_by, "
        f"COLLECT {{ MATCH (s:`{n['actor']}`)-[x]->(o) WHERE x.resolution = r.id "
        f"AND type(x) IN $types RETURN {_statement('x', 's', 'o')} AS st "
        "ORDER BY x.start, x.id } AS statements",
        id=resolution_id, types=statement_types())
    if not rows:
        raise NotFound(f"no resolution with id {resolution_id!r}")
    row = rows[0]
    res = row["resolution"]
    row["references"] = [_json_or_text(text) for text in res.pop("references", None) or []]
    for internal in ("reference_index", "own_index"):
        res.pop(internal, None)
    return row


def _json_or_text(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except (TypeError, ValueError):
        return {"text": str(text)}
    return value if isinstance(value, dict) else {"text": str(text)}


def list_statements(graph: Graph, *, predicates: list[str] | None = None,
                    subject: str | None = None, object_id: str | None = None,
                    resolution: str | None = None, date_from: str | None = None,
                    date_to: str | None = None, limit: int = 50, offset: int = 0
                    ) -> tuple[int, list[dict[str, Any]]]:
    """Statements (who → predicate → whom) filtered by predicate, ends, resolution and date.

    The date of a statement is the date of its resolution.
    """
    n = names()
    body = (f"MATCH (s:`{n['actor']}`)-[r]->(o) WHERE type(r) IN $types "
            "AND ($subject IS NULL OR s.id = $subject) AND ($object IS NULL OR o.id = $object) "
            "AND ($resolution IS NULL OR r.resolution = $resolution) "
            "AND ($from IS NULL OR toString(r.resolution_date) >= $from) "
            "AND ($to IS NULL OR toString(r.resolution_date) <= $to) "
            f"WITH {_statement('r', 's', 'o')} AS row "
            "ORDER BY toString(row.rel.resolution_date), row.rel.resolution, row.rel.start")
    return _page(graph, body, limit, offset, types=predicates or statement_types(),
                 subject=subject, object=object_id, resolution=resolution,
                 **{"from": date_from, "to": date_to})


def list_requests(graph: Graph, *, as_of: date, requester: str | None = None,
                  addressee: str | None = None, status: str | None = None,
                  deadline_from: str | None = None, deadline_to: str | None = None,
                  limit: int = 50, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """Obligations raised by `as_of`, with their status as of that day.

    The status is `graph.obligations.status_expression` (one definition for API and CLI):
    fulfilled when a resolution fulfils it by then, overdue when its deadline has passed.
    The page is cut inside the query and only its rows get a status and their answers (the
    total is a count); a status filter needs the status of every match first.
    """
    n = names()
    due_until = date.fromordinal(as_of.toordinal() + DUE_WINDOW_DAYS)
    params = {"as_of": as_of.isoformat(), "due_until": due_until.isoformat(),
              "offset": offset, "limit": limit}
    if requester is addressee is status is deadline_from is deadline_to is None:
        return _all_requests(graph, params)
    # The order of `deadline_key`, computed: ordering by the key itself lets the planner
    # read its index in order and test the filters on every obligation on the way.
    order = "coalesce(toString(o.deadline_date), '9999'), o.id"
    # Only the filters asked for, so that the planner seeks the index on the obligation's
    # `requester` or `addressee` (a `$x IS NULL OR …` test cannot use one).
    wanted = [test for value, test in (
        (requester, "o.requester = $requester AND req.id = $requester"),
        (addressee, "o.addressee = $addressee AND adr.id = $addressee"),
        (deadline_from, "toString(o.deadline_date) >= $dfrom"),
        (deadline_to, "toString(o.deadline_date) <= $dto")) if value is not None]
    matches = (f"MATCH (o:`{n['obligation']}`)-[:`{n['REQUESTED_BY']}`]->(req) "
               f"MATCH (o)-[:`{n['ADDRESSED_TO']}`]->(adr) "
               "WHERE (o.resolution_date IS NULL OR toString(o.resolution_date) <= $as_of) "
               + "".join(f"AND {test} " for test in wanted))
    if status is not None:
        matches += f"WITH o, req, adr, {status_expression('o')} AS current " \
                   "WHERE current = $status "
        page = f"WITH o, req, adr, current ORDER BY {order} SKIP $offset LIMIT $limit "
    else:
        page = (f"WITH o, req, adr ORDER BY {order} SKIP $offset LIMIT $limit "
                f"WITH o, req, adr, {status_expression('o')} AS current ")
    query = (f"CALL () {{ {matches} RETURN count(o) AS total }} "
             f"CALL () {{ {matches} {page}{_request_rows()} }} RETURN total, items")
    return _request_page(graph.read(query, requester=requester, addressee=addressee,
                                    status=status, dfrom=deadline_from, dto=deadline_to,
                                    **params))


def _request_rows() -> str:
    """From `o, req, adr, current` (in page order) to the page's `items`."""
    n = names()
    return (f"WITH o, {{obligation: o {{.*}}, status: current, requester: {_ref('req')}, "
            f"addressee: {_ref('adr')}, fulfilled_by: COLLECT {{ MATCH (x)-[f:`{n['FULFILS']}`]"
            "->(o) WHERE coalesce(f.status, '') <> 'rejected' RETURN x.id }} AS row "
            "RETURN collect(row) AS items")


def _request_page(rows: list[dict[str, Any]]) -> tuple[int, list[dict[str, Any]]]:
    if not rows:
        return 0, []
    for item in rows[0]["items"]:
        item["obligation"].pop("deadline_key", None)
    return rows[0]["total"], rows[0]["items"]


def _all_requests(graph: Graph, params: dict[str, Any]) -> tuple[int, list[dict[str, Any]]]:
    """Every obligation raised by `$as_of`, one page: read in the order of the range index on
    `deadline_key` (no sort, only offset + limit rows touched); the total is the count of all
    obligations less those raised later (the count store and the `resolution_date` index)."""
    n = names()
    obl = n["obligation"]
    query = (
        f"CALL () {{ RETURN COUNT {{ (o:`{obl}`) }} - COUNT {{ MATCH (o:`{obl}`) "
        "WHERE o.resolution_date > $as_of } AS total } "
        f"CALL () {{ MATCH (o:`{obl}`) WHERE o.deadline_key >= '' "
        "AND NOT coalesce(o.resolution_date > $as_of, false) "
        "WITH o ORDER BY o.deadline_key SKIP $offset LIMIT $limit "
        f"MATCH (o)-[:`{n['REQUESTED_BY']}`]->(req) MATCH (o)-[:`{n['ADDRESSED_TO']}`]->(adr) "
        f"WITH o, req, adr, {status_expression('o')} AS current {_request_rows()} }} "
        "RETURN total, items")
    return _request_page(graph.read(query, **params))


def lucene_escape(text: str) -> str:
    """User text as literal Lucene terms: special characters escaped, operators lower-cased."""
    escaped = _LUCENE_SPECIAL.sub(r"\\\1", text.strip())
    return " ".join(w.lower() if w in {"AND", "OR", "NOT", "TO"} else w
                    for w in escaped.split())


def lucene_query(text: str) -> str:
    """Each word of user text matched as itself or as a prefix (`digital` finds
    `Digitalisierung`), any word sufficing; nothing the user typed acts as an operator."""
    return " ".join(f"({word} OR {word}*)" for word in lucene_escape(text).split())


def search(graph: Graph, text: str, *, kind: str | None = None) -> list[dict[str, Any]]:
    """Full-text hits over names, aliases and titles and over statement sentences, best first.

    `kind` narrows to `"names"` or `"sentences"`.
    """
    query = lucene_query(text)
    if not query:
        return []
    hits: list[dict[str, Any]] = []
    if kind in (None, "names"):
        hits += graph.read(
            "CALL db.index.fulltext.queryNodes($index, $q, {limit: $cap}) YIELD node, score "
            "RETURN 'node' AS kind, node.id AS id, coalesce(node.name, node.title) AS name, "
            "labels(node) AS labels, node.level AS level, toString(node.date) AS date, "
            "null AS predicate, null AS resolution, null AS sentence, score",
            index=FULLTEXT_NODES, q=query, cap=SEARCH_HIT_CAP)
    if kind in (None, "sentences"):
        hits += graph.read(
            "CALL db.index.fulltext.queryRelationships($index, $q, {limit: $cap}) "
            "YIELD relationship AS r, score "
            "RETURN 'statement' AS kind, r.id AS id, "
            "startNode(r).name + ' → ' + endNode(r).name AS name, [] AS labels, "
            "null AS level, toString(r.resolution_date) AS date, type(r) AS predicate, "
            "r.resolution AS resolution, r.sentence AS sentence, score",
            index=FULLTEXT_STATEMENTS, q=query, cap=SEARCH_HIT_CAP)
    hits.sort(key=lambda h: (-h["score"], str(h["id"])))
    return hits


def counts(graph: Graph) -> dict[str, dict[str, int]]:
    """Number of nodes per label and relationships per type."""
    labels = graph.read("MATCH (n) UNWIND labels(n) AS label "
                        "RETURN label, count(*) AS count ORDER BY label")
    types = graph.read("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count "
                       "ORDER BY type")
    totals = graph.read("CALL () { MATCH (n) RETURN count(n) AS nodes } "
                        "CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } "
                        "RETURN nodes, rels")
    return {"labels": {r["label"]: r["count"] for r in labels},
            "relationships": {r["type"]: r["count"] for r in types},
            "totals": {"nodes": totals[0]["nodes"], "relationships": totals[0]["rels"]}}


_EDGE_FILTER = ("type(r) IN $types AND ($resolution IS NULL OR r.resolution = $resolution) "
                "AND ($from IS NULL OR toString(r.resolution_date) >= $from) "
                "AND ($to IS NULL OR toString(r.resolution_date) <= $to)")


def _best_connected(graph: Graph, ids: list[str], keep: str, node_cap: int,
                    level: str | None, params: dict[str, Any]
                    ) -> tuple[list[str], tuple[int, int]]:
    """The `node_cap` ids with most statements among `ids` (ties by id; `keep` first), and
    (nodes, statements) of the whole neighbourhood."""
    n = names()
    rows = graph.read(
        f"MATCH (s:`{n['actor']}`)-[r]->(o) WHERE {_EDGE_FILTER} "
        "AND s.id IN $ids AND o.id IN $ids "
        "AND ($level IS NULL OR s.level = $level OR o.level = $level) "
        "UNWIND [s.id, o.id] AS id WITH id, count(*) AS degree "
        "ORDER BY id <> $keep, degree DESC, id "
        "RETURN collect(id)[..$cap] AS kept, count(id) AS nodes, sum(degree) / 2 AS statements",
        ids=ids, keep=keep, cap=node_cap, level=level, **params)
    kept, nodes, statements = rows[0]["kept"], rows[0]["nodes"], rows[0]["statements"]
    if keep not in kept:  # the centre without a matching statement is drawn all the same
        kept, nodes = [keep, *kept[:node_cap - 1]], nodes + 1
    return kept, (nodes, statements)


def subgraph(graph: Graph, *, around: str | None = None, depth: int = 1,
             predicates: list[str] | None = None, resolution: str | None = None,
             date_from: str | None = None, date_to: str | None = None,
             level: str | None = None, edge_limit: int = 20_000,
             node_cap: int | None = None, merged: int | None = None) -> Subgraph:
    """Statement edges for a page: everything matching, or what lies `depth` hops `around`.

    The neighbourhood is walked breadth-first, one bounded query per hop, instead of one
    variable-length pattern that can explode. `level` keeps edges with an end at that level.
    A neighbourhood of more than `node_cap` nodes is reduced in the database to its
    `node_cap` best-connected ones (`around` always stays) before any edge is fetched.
    With `merged` (a number of sentences), statements with the same subject, predicate and
    object come back as one edge with their `count` and the first `merged` of them
    (`statements`), grouped in the database: a hub's page then reads hundreds of rows
    instead of thousands of statements, each with both its ends.
    """
    n = names()
    params: dict[str, Any] = {"types": predicates or statement_types(),
                              "resolution": resolution, "from": date_from, "to": date_to}
    ids: list[str] | None = None
    if around is not None:
        found = graph.read(f"MATCH (a) WHERE a.id = $id AND (a:`{n['actor']}` OR "
                           f"a:`{n['matter']}`) RETURN a.id AS id", id=around)
        if not found:
            raise NotFound(f"no actor or matter with id {around!r}")
        seen, frontier = {around}, [around]
        for _ in range(max(1, min(depth, 3))):
            rows = graph.read(f"MATCH (x)-[r]-(y) WHERE x.id IN $frontier AND {_EDGE_FILTER} "
                              "RETURN DISTINCT y.id AS id LIMIT $limit",
                              frontier=frontier, limit=edge_limit, **params)
            frontier = [r["id"] for r in rows if r["id"] not in seen]
            seen.update(frontier)
            if not frontier or len(seen) >= edge_limit:
                break
        ids = sorted(seen)
    reduced_from = None
    if ids is not None and node_cap is not None and len(ids) > node_cap:
        ids, reduced_from = _best_connected(graph, ids, around, node_cap, level, params)
    match = (f"MATCH (s:`{n['actor']}`)-[r]->(o) WHERE {_EDGE_FILTER} "
             "AND ($ids IS NULL OR (s.id IN $ids AND o.id IN $ids)) "
             "AND ($level IS NULL OR s.level = $level OR o.level = $level) ")
    statement = ("{id: elementId(r), sentence: r.sentence, resolution: r.resolution, "
                 "point: r.point, deadline: r.deadline}")
    if merged is None:
        rows = graph.read(
            f"{match} RETURN {_ref('s')} AS s, {_ref('o')} AS o, type(r) AS predicate, "
            f"{statement} AS st ORDER BY r.resolution, r.start LIMIT $limit",
            ids=ids, level=level, limit=edge_limit + 1, **params)
        truncated = len(rows) > edge_limit
        rows = [{"source": row["s"]["id"], "target": row["o"]["id"], "s": row["s"],
                 "o": row["o"], "predicate": row["predicate"], "count": 1,
                 "statements": [row["st"]]} for row in rows[:edge_limit]]
    else:
        found = graph.read(
            f"{match} WITH s, o, r ORDER BY r.resolution, r.start LIMIT $limit "
            "WITH collect([s, o, r]) AS found WITH found[..$limit - 1] AS kept, "
            "size(found) >= $limit AS truncated UNWIND kept AS row "
            "WITH truncated, row[0] AS s, row[1] AS o, row[2] AS r "
            "WITH truncated, s, o, type(r) AS predicate, count(r) AS count, "
            "collect(r)[..$merged] AS first "
            f"RETURN truncated, collect({{s: {_ref('s')}, o: {_ref('o')}, "
            "predicate: predicate, count: count, statements: [r IN first | "
            f"{statement}]}}) AS edges",
            ids=ids, level=level, limit=edge_limit + 1, merged=merged, **params)
        truncated = bool(found) and bool(found[0]["truncated"])
        rows = [{"source": row["s"]["id"], "target": row["o"]["id"], **row}
                for row in (found[0]["edges"] if found else [])]
    result = Subgraph(truncated=truncated, reduced_from=reduced_from)
    nodes: dict[str, dict[str, Any]] = {}
    for row in rows:
        for end in (row.pop("s"), row.pop("o")):
            nodes.setdefault(end["id"], end)
        if merged is None:
            st = row.pop("statements")[0]
            row.pop("count")
            row.update({"id": st.pop("id"), **st})
        result.edges.append(row)
    if around is not None and around not in nodes:
        centre = graph.read(f"MATCH (a) WHERE a.id = $id RETURN {_ref('a')} AS a", id=around)
        nodes[around] = centre[0]["a"]
    result.nodes = list(nodes.values())
    return result
