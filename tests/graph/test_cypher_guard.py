"""Analysts' Cypher: what the guard lets through, JSON shapes, limits, the API's statuses.

The hostile queries (the attack corpus) live in `tests/reliability/test_hostile_queries.py`.
"""

from __future__ import annotations

import pytest
from neo4j import Driver

from graph.cypher import QueryTimedOut, check_text, run_read_query
from graph.errors import QueryFailed
from skg.settings import Settings


def graph_counts(driver: Driver) -> tuple[int, int, int]:
    """Nodes, relationships and indexes: what a write would change."""
    records, _, _ = driver.execute_query(
        "CALL () { MATCH (n) RETURN count(n) AS n } CALL () { MATCH ()-[r]->() "
        "RETURN count(r) AS r } RETURN n, r")
    indexes, _, _ = driver.execute_query("SHOW INDEXES YIELD name RETURN count(name) AS i")
    return records[0]["n"], records[0]["r"], indexes[0]["i"]


@pytest.fixture
def settings(test_settings: Settings) -> Settings:
    return test_settings.model_copy(update={"row_cap": 100, "cypher_timeout": 3.0})


@pytest.fixture
def small_graph(driver: Driver) -> Driver:
    """40 actors, each linked to every other: var-length paths explode."""
    driver.execute_query("UNWIND range(1, 40) AS i CREATE (:Actor {id: 'a' + i, name: 'A' + i})")
    driver.execute_query("MATCH (a:Actor), (b:Actor) WHERE a <> b CREATE (a)-[:REQUESTS]->(b)")
    return driver


def test_literal_text_is_not_mistaken_for_a_clause() -> None:
    assert check_text("MATCH (n) WHERE n.name = 'LOAD CSV; CREATE' RETURN n;") == (
        "MATCH (n) WHERE n.name = 'LOAD CSV; CREATE' RETURN n")


@pytest.mark.parametrize("query", [
    "CALL db.labels()", "CALL db.relationshipTypes() YIELD relationshipType RETURN *",
    "CALL db.index.fulltext.queryNodes('skg_names', 'a1') YIELD node RETURN node",
    "CALL dbms.components()",
])
def test_allowed_procedures_run(small_graph: Driver, settings: Settings, query: str) -> None:
    assert run_read_query(small_graph, query, {}, settings).columns


def test_read_query_returns_json_shapes(small_graph: Driver, settings: Settings) -> None:
    result = run_read_query(
        small_graph, "MATCH p = (a:Actor {id: $id})-[r]->(b) RETURN a, r, p, date('2024-10-18') "
        "AS d ORDER BY b.id LIMIT 1", {"id": "a1"}, settings)
    assert result.columns == ["a", "r", "p", "d"] and not result.truncated
    node, rel, path, day = result.rows[0]
    assert node["labels"] == ["Actor"] and node["properties"]["id"] == "a1" and node["id"]
    assert rel["type"] == "REQUESTS" and rel["start"] == node["id"] and rel["end"]
    assert len(path["nodes"]) == 2 and len(path["relationships"]) == 1
    assert day == "2024-10-18"


def test_syntax_error_is_a_query_failure(small_graph: Driver, settings: Settings) -> None:
    with pytest.raises(QueryFailed, match="Invalid input"):
        run_read_query(small_graph, "MATCH (n RETURN n", {}, settings)


def test_runaway_query_is_cut_by_row_cap(small_graph: Driver, settings: Settings) -> None:
    result = run_read_query(small_graph, "MATCH p = (:Actor)-[*1..8]->() RETURN length(p)", {},
                            settings)
    assert len(result.rows) == settings.row_cap and result.truncated


def test_runaway_query_is_cut_by_timeout(small_graph: Driver, settings: Settings) -> None:
    before = graph_counts(small_graph)
    with pytest.raises(QueryTimedOut):
        run_read_query(small_graph, "MATCH p = (:Actor)-[*1..10]->() RETURN count(p)", {},
                       settings, timeout=1.0)
    assert graph_counts(small_graph) == before


def test_api_maps_guard_errors(small_graph: Driver, settings: Settings) -> None:
    from fastapi.testclient import TestClient

    from api.app import create_app

    with TestClient(create_app(driver=small_graph, settings=settings)) as client:
        refused = client.post("/cypher", json={"query": "MATCH (n) DETACH DELETE n"})
        assert refused.status_code == 403 and "read" in refused.json()["error"]["message"]
        bad = client.post("/cypher", json={"query": "MATCH (n RETURN n"})
        assert bad.status_code == 400 and "Invalid input" in bad.json()["error"]["message"]
        slow = client.post("/cypher", json={"query": "MATCH p = (:Actor)-[*1..10]->() "
                                                     "RETURN count(p)", "timeout": 1})
        assert slow.status_code == 504
        capped = client.post("/cypher", json={"query": "MATCH (n) RETURN n", "row_cap": 5})
        assert capped.json()["truncated"] and len(capped.json()["rows"]) == 5
        assert client.post("/cypher", json={"query": "RETURN 1", "params": []}).status_code == 422


def test_a_named_read_that_runs_too_long_is_a_timeout(small_graph: Driver) -> None:
    """The API's own reads (graph.queries) time out as 504, not as a 500."""
    from graph.queries import Graph

    with pytest.raises(QueryTimedOut, match="longer than the time limit"):
        Graph(small_graph, timeout=0.5).read(
            "MATCH p = (:Actor)-[*1..10]->() RETURN count(p) AS n")
