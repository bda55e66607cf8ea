"""Reliability fixtures: counts that show nothing changed, a CLI runner on the test server,
an API client over a graph with enough edges to make runaway queries explode.

`graph_counts` is what a write would change (nodes, relationships, indexes, labels in use);
the hostile-query and bad-document tests compare it before and after.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver
from typer.testing import CliRunner

from api.app import create_app
from skg.settings import Settings, get_settings

#: Limits of the reliability runs: small, so that caps and timeouts are reached quickly.
ROW_CAP = 100
TIMEOUT = 2.0


def _graph_counts(driver: Driver) -> tuple[int, int, int, tuple[str, ...]]:
    records, _, _ = driver.execute_query(
        "CALL () { MATCH (n) RETURN count(n) AS n } CALL () { MATCH ()-[r]->() "
        "RETURN count(r) AS r } RETURN n, r")
    indexes, _, _ = driver.execute_query("SHOW INDEXES YIELD name RETURN count(name) AS i")
    labels, _, _ = driver.execute_query("CALL db.labels() YIELD label RETURN label "
                                        "ORDER BY label")
    return (records[0]["n"], records[0]["r"], indexes[0]["i"],
            tuple(r["label"] for r in labels))


@pytest.fixture
def graph_counts() -> Callable[[Driver], tuple]:
    """`graph_counts(driver)`: nodes, relationships, indexes and labels in use."""
    return _graph_counts


def assert_error(response, status: int) -> dict:  # noqa: ANN001 - an httpx response
    """Every error answer is exactly {"error": {"status", "title", "message"}}."""
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"status", "title", "message"}
    assert body["error"]["status"] == status and body["error"]["message"]
    return body["error"]


@pytest.fixture
def error_of() -> Callable:
    """`error_of(response, status)`: check the one error shape, return its `error`."""
    return assert_error


@pytest.fixture
def limits(test_settings: Settings) -> Settings:
    """Test settings with the small row cap and time limit of the reliability runs."""
    return test_settings.model_copy(update={"row_cap": ROW_CAP, "cypher_timeout": TIMEOUT})


@pytest.fixture
def ref_driver(driver: Driver) -> Driver:
    """The empty graph plus the gazetteer's reference actors, which every load writes
    first: so that counts before and after a rejected document are comparable."""
    from graph.reference import store_gazetteer

    store_gazetteer(driver)
    return driver


@pytest.fixture
def dense_graph(driver: Driver) -> Driver:
    """40 actors, each requesting of every other: variable-length paths and cartesian
    products explode, a small graph is enough."""
    driver.execute_query("UNWIND range(1, 40) AS i CREATE (:Actor {id: 'a' + i, name: 'A' + i})")
    driver.execute_query("MATCH (a:Actor), (b:Actor) WHERE a <> b CREATE (a)-[:REQUESTS]->(b)")
    return driver


@pytest.fixture
def api(dense_graph: Driver, limits: Settings) -> Iterator[TestClient]:
    """The API over the dense graph, with the small limits."""
    with TestClient(create_app(driver=dense_graph, settings=limits),
                    raise_server_exceptions=False) as client:
        yield client


@pytest.fixture
def cli_env(neo4j_uri: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, str]]:
    """The environment that points `skg` at the test server (also set in this process)."""
    env = {"NEO4J_URI": neo4j_uri, "NEO4J_PASSWORD": "unused",
           "SKG_ROW_CAP": str(ROW_CAP), "SKG_CYPHER_TIMEOUT": str(TIMEOUT)}
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    get_settings.cache_clear()
    yield env
    get_settings.cache_clear()


@pytest.fixture
def runner(cli_env: dict[str, str]) -> CliRunner:
    """Typer's runner, in-process, against the test server."""
    return CliRunner()
