"""Shared fixtures: one real Neo4j per test session, a clean graph per test.

The server is the project's own Neo4j 5.26 (jars fetched by Maven into `.cache/neo4j/lib`),
started in a temporary folder on a free port with auth off and stopped at the end.
`SKG_TEST_NEO4J_URI` points the tests at another server instead — it is wiped, so never
point it at data you keep.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import Driver, GraphDatabase

from graph.server import LocalNeo4j, fetch_jars, free_port
from skg.settings import Settings, get_settings

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "resolutions"
SHARED_CORPUS = ROOT.parent / "shared" / "corpus" / "dev"


@pytest.fixture(scope="session")
def neo4j_uri(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Bolt URI of a real Neo4j for this test session."""
    external = os.environ.get("SKG_TEST_NEO4J_URI")
    if external:
        yield external
        return
    settings = get_settings()
    lib = fetch_jars(settings.home)
    server = LocalNeo4j(lib=lib, instance_dir=tmp_path_factory.mktemp("neo4j"),
                        bolt_port=free_port(), http_port=free_port(), auth=False,
                        heap="768m", pagecache="64m")
    server.start()
    os.environ["SKG_TEST_NEO4J_HTTP"] = f"http://127.0.0.1:{server.http_port}"
    try:
        yield server.bolt_uri
    finally:
        server.stop()


@pytest.fixture(scope="session")
def test_settings(neo4j_uri: str) -> Settings:
    """Settings that point every component at the test server."""
    return Settings(NEO4J_URI=neo4j_uri, NEO4J_USER="neo4j",
                    NEO4J_PASSWORD=os.environ.get("SKG_TEST_NEO4J_PASSWORD", "unused"))


@pytest.fixture(scope="session")
def session_driver(neo4j_uri: str) -> Iterator[Driver]:
    auth = None
    if os.environ.get("SKG_TEST_NEO4J_PASSWORD"):
        auth = ("neo4j", os.environ["SKG_TEST_NEO4J_PASSWORD"])
    driver = GraphDatabase.driver(neo4j_uri, auth=auth, notifications_min_severity="OFF")
    driver.verify_connectivity()
    yield driver
    driver.close()


@pytest.fixture
def driver(session_driver: Driver) -> Driver:
    """A driver on an empty graph with the ontology's schema in place."""
    from graph.schema import apply_schema

    session_driver.execute_query("MATCH (n) DETACH DELETE n")
    apply_schema(session_driver)
    return session_driver


@pytest.fixture
def loaded_driver(driver: Driver) -> Driver:
    """The graph with the bundled example resolutions loaded."""
    from graph.loading import load_documents

    report = load_documents(driver, sorted(EXAMPLES.iterdir()), progress=False)
    assert not report.failures, report.failures
    return driver
