"""The loaded graph as RDF: read every node and relationship, map them through the ontology.

The RDF graph is cached per database state (node and relationship counts plus the newest
load), so that repeated SPARQL queries do not rebuild it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import rdflib.plugins.sparql
from neo4j import Driver
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parser import parseUpdate

from graph.cypher import QueryTimedOut
from graph.errors import GraphError, QueryFailed, QueryRefused
from graph.queries import Graph as GraphReader
from ontology.model import load_ontology
from ontology.rdf_export import to_graph

# FROM <address> must never make the server fetch a remote graph.
rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False

EXPORT_TIMEOUT = 300.0  # seconds to read the whole graph for an export
_CACHE: dict[str, Any] = {"key": None, "graph": None}
_LOCK = threading.Lock()


def _exportable_labels() -> list[str]:
    ont = load_ontology()
    return sorted({ont.label(key) for key in ont.classes})


def _read(driver: Driver, statement: str, database: str | None, **params: Any) -> list[dict]:
    """Rows of one read, with the typed errors of `graph.queries.Graph` (503 at once while
    Neo4j is down) and a time limit that fits reading a whole graph."""
    return GraphReader(driver, database=database, timeout=EXPORT_TIMEOUT).read(statement,
                                                                             **params)


def read_graph(driver: Driver, database: str | None = None) -> tuple[list[dict], list[dict]]:
    """Every node with an `id` (of an ontology label) and every relationship between them."""
    nodes = _read(
        driver, "MATCH (n) WHERE n.id IS NOT NULL AND any(l IN labels(n) WHERE l IN $labels) "
        "RETURN labels(n) AS labels, properties(n) AS properties", database,
        labels=_exportable_labels())
    rels = _read(
        driver, "MATCH (a)-[r]->(b) WHERE a.id IS NOT NULL AND b.id IS NOT NULL "
        "AND type(r) IN $types "
        "RETURN type(r) AS type, a.id AS start, b.id AS end, properties(r) AS properties",
        database, types=load_ontology().relation_types())
    return nodes, rels


def export_graph(driver: Driver, database: str | None = None) -> Graph:
    """The loaded graph as an rdflib Graph (cached until the database changes)."""
    state = _read(driver, "MATCH (n) WITH count(n) AS nodes OPTIONAL MATCH ()-[r]->() "
                  "RETURN nodes, count(r) AS rels", database)[0]
    key = (state["nodes"], state["rels"], _newest_change(driver, database))
    with _LOCK:
        if _CACHE["key"] == key:
            return _CACHE["graph"]
        nodes, rels = read_graph(driver, database)
        graph = to_graph(nodes, rels)
        _CACHE.update(key=key, graph=graph)
        return graph


def _newest_change(driver: Driver, database: str | None) -> str:
    ont = load_ontology()
    record = _read(
        driver, f"OPTIONAL MATCH (r:`{ont.label('resolution')}`) "
        "WITH max(r.checksum + r.id) AS k "  # one row even without resolutions
        f"RETURN k, count {{ MATCH (:`{ont.label('fulfilment_decision')}`) }} AS d",
        database)[0]
    return f"{record['k']}|{record['d']}"


class SparqlTimedOut(QueryTimedOut):
    """The SPARQL query ran longer than allowed and was stopped."""


class _DeadlineGraph(Graph):
    """The same store, but evaluation stops once the deadline has passed.

    rdflib has no time limit of its own; every step of its evaluation (patterns, joins,
    property paths) asks the graph for triples, so checking the clock there bounds it all.
    """

    def __init__(self, graph: Graph, deadline: float) -> None:
        super().__init__(store=graph.store, identifier=graph.identifier,
                         namespace_manager=graph.namespace_manager)
        self._deadline = deadline

    def _check(self) -> None:
        if time.monotonic() > self._deadline:
            raise SparqlTimedOut("the SPARQL query ran longer than allowed and was stopped")

    def triples(self, triple: Any) -> Iterator[Any]:  # type: ignore[override]
        self._check()
        for n, found in enumerate(super().triples(triple), start=1):
            if not n % 512:
                self._check()
            yield found


def run_sparql(graph: Graph, query: str, timeout: float | None = None) -> dict[str, Any]:
    """Run a read-only SPARQL query; updates and federated SERVICE calls are refused.

    With `timeout` (seconds) the evaluation stops with SparqlTimedOut once it is over.
    """
    try:
        prepared = prepareQuery(query)
    except Exception as exc:  # noqa: BLE001 - rdflib raises pyparsing errors of many kinds
        if _is_update(query):
            raise QueryRefused("SPARQL updates are refused: this endpoint is read-only") from exc
        raise QueryFailed(f"SPARQL syntax error: {exc}") from exc
    if any(name.startswith("service") for name in _algebra_names(prepared.algebra)):
        raise QueryRefused("SERVICE is refused: the endpoint queries only the local graph")
    if timeout is not None:
        graph = _DeadlineGraph(graph, time.monotonic() + timeout)
    try:
        return _sparql_json(graph.query(prepared))
    except (QueryTimedOut, GraphError):
        raise
    except Exception as exc:  # noqa: BLE001 - rdflib evaluation errors have no common root
        raise QueryFailed(f"the SPARQL query failed: {exc.__class__.__name__}: {exc}") from exc


def _sparql_json(result: Any) -> dict[str, Any]:
    """SPARQL 1.1 Query Results JSON (CONSTRUCT and DESCRIBE: the graph as Turtle)."""
    if result.type == "ASK":
        return {"head": {}, "boolean": bool(result.askAnswer)}
    if result.type == "CONSTRUCT" or result.type == "DESCRIBE":
        return {"graph": result.graph.serialize(format="turtle")}
    variables = [str(v) for v in result.vars]
    bindings = []
    for row in result:
        binding = {}
        for var in variables:
            value = row[var]
            if isinstance(value, URIRef):
                binding[var] = {"type": "uri", "value": str(value)}
            elif isinstance(value, BNode):
                binding[var] = {"type": "bnode", "value": str(value)}
            elif isinstance(value, Literal):
                binding[var] = {"type": "literal", "value": str(value)}
                if value.language:
                    binding[var]["xml:lang"] = value.language
                elif value.datatype:
                    binding[var]["datatype"] = str(value.datatype)
        bindings.append(binding)
    return {"head": {"vars": variables}, "results": {"bindings": bindings}}


def _is_update(query: str) -> bool:
    try:
        parseUpdate(query)
    except Exception:  # noqa: BLE001 - not an update either
        return False
    return True


def _algebra_names(node: Any, seen: set[int] | None = None) -> set[str]:
    """Lower-cased names of every algebra operator in a prepared query."""
    seen = seen or set()
    if id(node) in seen:
        return set()
    seen.add(id(node))
    names: set[str] = set()
    name = getattr(node, "name", None)
    if isinstance(name, str):
        names.add(name.casefold())
    children = node.values() if isinstance(node, dict) else (
        node if isinstance(node, list | tuple) else [])
    for child in children:
        names |= _algebra_names(child, seen)
    return names
