"""schemathesis against the OpenAPI spec over the loaded example graph: bounded (25 examples
per operation, derandomised), no 5xx, every response matching its declared schema.

Writes are off (no API key configured), so fuzzing cannot change the graph; `POST /cypher`
stays open and is fuzzed through the read-only guard.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from neo4j import Driver
from schemathesis.checks import not_a_server_error, response_schema_conformance

from api.app import create_app
from graph.loading import load_documents
from graph.schema import apply_schema
from skg.settings import Settings

EXAMPLES_PER_OPERATION = 25


@pytest.fixture(scope="module")
def fuzz_graph(session_driver: Driver) -> Iterator[Driver]:
    """The example resolutions, loaded once for every operation of this module."""
    from pathlib import Path

    session_driver.execute_query("MATCH (n) DETACH DELETE n")
    apply_schema(session_driver)
    examples = Path(__file__).resolve().parents[2] / "examples" / "resolutions"
    report = load_documents(session_driver, sorted(examples.iterdir()), progress=False)
    assert not report.failures
    yield session_driver


class LateDriver:
    """Stands in for the driver while the schema is read at import time; the fixture
    points it at the test server's driver before any request is made."""

    target: Driver | None = None

    def __getattr__(self, name: str):  # noqa: ANN204 - whatever the driver has
        if self.target is None:
            raise RuntimeError("the fuzzing fixture has not set the driver yet")
        return getattr(self.target, name)


LATE_DRIVER = LateDriver()
APP = create_app(driver=LATE_DRIVER, settings=Settings(NEO4J_URI="bolt://127.0.0.1:1"))  # type: ignore[arg-type]
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@pytest.fixture(autouse=True)
def fuzzed_app(fuzz_graph: Driver, neo4j_uri: str) -> Iterator[None]:
    """Point the app at the loaded graph, with writes off (no API key) and small limits."""
    LATE_DRIVER.target = fuzz_graph
    APP.state.settings = Settings(NEO4J_URI=neo4j_uri, NEO4J_PASSWORD="unused").model_copy(
        update={"api_key": None, "row_cap": 50, "cypher_timeout": 3.0, "graph_node_cap": 200})
    yield
    LATE_DRIVER.target = None


@schema.parametrize()
@settings(max_examples=EXAMPLES_PER_OPERATION, derandomize=True, deadline=None,
          suppress_health_check=list(HealthCheck), database=None)
def test_no_server_error_and_responses_match_the_schema(case) -> None:  # noqa: ANN001
    case.call_and_validate(checks=[not_a_server_error, response_schema_conformance])
