"""The Neo4j a benchmark runs against: its own throw-away server, never the user's database.

The server is the project's Neo4j 5.26 (`graph.server.LocalNeo4j`) in a temporary folder on
a free port with auth off. `BENCH_NEO4J_URI` (or `--neo4j-uri`) points the bench at another
server instead, which it wipes: never point it at data you keep.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from neo4j import Driver, GraphDatabase


@dataclass
class BenchGraph:
    """A driver on the bench's server, and how to reach the server from other processes."""

    uri: str
    driver: Driver
    password: str | None = None


@contextmanager
def bench_neo4j(workdir: Path, uri: str | None = None, heap: str = "1g",
                pagecache: str = "512m") -> Iterator[BenchGraph]:
    """Start a server under `workdir` (or use `uri`), yield a driver, stop what was started."""
    password = os.environ.get("BENCH_NEO4J_PASSWORD")
    if uri:
        driver = GraphDatabase.driver(uri, auth=("neo4j", password) if password else None,
                                      notifications_min_severity="OFF")
        try:
            yield BenchGraph(uri, driver, password)
        finally:
            driver.close()
        return
    from graph.server import LocalNeo4j, fetch_jars, free_port
    from skg.settings import get_settings

    lib = fetch_jars(get_settings().home)
    server = LocalNeo4j(lib=lib, instance_dir=workdir / "neo4j", bolt_port=free_port(),
                        http_port=None, auth=False, heap=heap, pagecache=pagecache)
    server.start()
    driver = GraphDatabase.driver(server.bolt_uri, auth=None, notifications_min_severity="OFF")
    try:
        yield BenchGraph(server.bolt_uri, driver)
    finally:
        driver.close()
        server.stop()


def clear_graph(driver: Driver, label: str | None = None) -> None:
    """Delete every node (or every node with `label`) in bounded transactions
    (`graph.clear.clear_graph`), so no transaction outlives the server's time limit."""
    from graph.clear import clear_graph as clear

    clear(driver, label)


def count_graph(driver: Driver) -> dict[str, int]:
    """Nodes and relationships in the graph."""
    nodes = driver.execute_query("MATCH (n) RETURN count(n) AS c").records[0]["c"]
    rels = driver.execute_query("MATCH ()-[r]->() RETURN count(r) AS c").records[0]["c"]
    return {"nodes": nodes, "relationships": rels}
