"""Reliability fixtures: counts that show nothing changed, a CLI runner on the test server,
an API client over a graph with enough edges to make runaway queries explode.

`graph_counts` is what a write would change (nodes, relationships, indexes, labels in use);
the hostile-query and bad-document tests compare it before and after. `serve_api` and
`api_server` run a real `skg serve` (for what only a server process shows: latency under
concurrent clients), `second_neo4j` is a Neo4j of a test's own (for tests that stop or kill it).
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from neo4j import Driver
from typer.testing import CliRunner

from api.app import create_app
from graph.queries import statement_types
from graph.server import LocalNeo4j, fetch_jars, free_port
from skg.settings import Settings, get_settings

SKG = Path(sys.executable).with_name("skg")

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


def _per_resolution(driver: Driver) -> dict[str, int]:
    records, _, _ = driver.execute_query(
        "MATCH (r:Resolution) OPTIONAL MATCH ()-[s]->() WHERE s.resolution = r.id "
        "AND type(s) IN $types RETURN r.id AS id, count(s) AS n", types=statement_types())
    return {r["id"]: r["n"] for r in records}


@pytest.fixture
def per_resolution() -> Callable[[Driver], dict[str, int]]:
    """`per_resolution(driver)`: statements stored per resolution id (statement edges carry
    `resolution`)."""
    return _per_resolution


@pytest.fixture(scope="session")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """40 generated resolutions (seed 1), written by `skg generate`."""
    out = tmp_path_factory.mktemp("generated")
    subprocess.run([str(SKG), "generate", "--resolutions", "40", "--seed", "1", "--out",
                    str(out)], check=True, capture_output=True, timeout=300)
    return out


@contextlib.contextmanager
def _serving(env: dict[str, str], log: Path) -> Iterator[str]:
    port = free_port()
    with log.open("wb") as out:
        server = subprocess.Popen([str(SKG), "serve", "--port", str(port)],
                                  env={**os.environ, **env}, stdout=out,
                                  stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, "skg serve exited"
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                    break
            assert time.monotonic() < deadline, "skg serve did not answer within 60 s"
            time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.fixture
def serve_api(cli_env: dict[str, str], tmp_path: Path) -> Callable:
    """`with serve_api(**env) as base:` a real `skg serve` on a free port against the test
    server, with `env` over `cli_env`; its log is `skg-serve.log` in the test's folder."""
    return lambda **env: _serving({**cli_env, **env}, tmp_path / "skg-serve.log")


@pytest.fixture
def api_server(serve_api: Callable) -> Iterator[str]:
    """The base URL of a real `skg serve` with the reliability runs' limits."""
    with serve_api() as base:
        yield base


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


@pytest.fixture
def second_neo4j(tmp_path: Path) -> Iterator[LocalNeo4j]:
    """A throw-away Neo4j of this test's own (auth off, no HTTP), stopped at the end."""
    server = LocalNeo4j(lib=fetch_jars(get_settings().home), instance_dir=tmp_path / "neo4j",
                        bolt_port=free_port(), http_port=None, auth=False, heap="512m",
                        pagecache="32m")
    server.start()
    try:
        yield server
    finally:
        server.stop()
