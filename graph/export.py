"""The loaded graph as RDF: read every node and relationship, map them through the ontology.

The RDF graph is cached per database state (node and relationship counts plus the newest
load), so that repeated SPARQL queries do not rebuild it.
"""

from __future__ import annotations

import threading
from typing import Any

import rdflib.plugins.sparql
from neo4j import Driver
from rdflib import Graph
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parser import parseUpdate

from graph.errors import QueryFailed, QueryRefused
from ontology.model import load_ontology
from ontology.rdf_export import to_graph

# FROM <address> must never make the server fetch a remote graph.
rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False

_CACHE: dict[str, Any] = {"key": None, "graph": None}
_LOCK = threading.Lock()


def _exportable_labels() -> list[str]:
    ont = load_ontology()
    return sorted({ont.label(key) for key in ont.classes})


def read_graph(driver: Driver, database: str | None = None) -> tuple[list[dict], list[dict]]:
    """Every node with an `id` (of an ontology label) and every relationship between them."""
    labels = _exportable_labels()
    nodes = driver.execute_query(
        "MATCH (n) WHERE n.id IS NOT NULL AND any(l IN labels(n) WHERE l IN $labels) "
        "RETURN labels(n) AS labels, properties(n) AS properties", labels=labels,
        database_=database).records
    rels = driver.execute_query(
        "MATCH (a)-[r]->(b) WHERE a.id IS NOT NULL AND b.id IS NOT NULL "
        "AND type(r) IN $types "
        "RETURN type(r) AS type, a.id AS start, b.id AS end, properties(r) AS properties",
        types=load_ontology().relation_types(), database_=database).records
    return [r.data() for r in nodes], [r.data() for r in rels]


def export_graph(driver: Driver, database: str | None = None) -> Graph:
    """The loaded graph as an rdflib Graph (cached until the database changes)."""
    state = driver.execute_query(
        "MATCH (n) WITH count(n) AS nodes OPTIONAL MATCH ()-[r]->() "
        "RETURN nodes, count(r) AS rels", database_=database).records[0]
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
    record = driver.execute_query(
        f"MATCH (r:`{ont.label('resolution')}`) RETURN max(r.checksum + r.id) AS k, "
        f"count {{ MATCH (:`{ont.label('fulfilment_decision')}`) }} AS d",
        database_=database).records[0]
    return f"{record['k']}|{record['d']}"


def run_sparql(graph: Graph, query: str) -> dict[str, Any]:
    """Run a read-only SPARQL query; updates and federated SERVICE calls are refused."""
    try:
        prepared = prepareQuery(query)
    except Exception as exc:  # noqa: BLE001 - rdflib raises pyparsing errors of many kinds
        if _is_update(query):
            raise QueryRefused("SPARQL updates are refused: this endpoint is read-only") from exc
        raise QueryFailed(f"SPARQL syntax error: {exc}") from exc
    if any(name.startswith("service") for name in _algebra_names(prepared.algebra)):
        raise QueryRefused("SERVICE is refused: the endpoint queries only the local graph")
    result = graph.query(prepared)
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
            if value is not None:
                kind = "uri" if value.__class__.__name__ == "URIRef" else (
                    "bnode" if value.__class__.__name__ == "BNode" else "literal")
                binding[var] = {"type": kind, "value": str(value)}
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
