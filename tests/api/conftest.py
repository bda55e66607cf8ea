"""API fixtures: a tiny hand-made sample graph and a client of the API on the real Neo4j.

Two resolutions: the DMK (2024-10-18) asks the Bund and Hessen for things, one with a
deadline that passes before 2025-06-30; the BMK (2025-09-25) tasks Hessen and welcomes a
plan. One sentence carries HTML so that pages can be checked for escaping. Counts the tests
rely on: 5 actors + 1 matter, 2 resolutions, 5 statements (3 REQUESTS).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from api.app import create_app
from graph.loading import store_document
from loaders.records import ActorRef, MatterRef, Resolution, Source, Statement
from skg.settings import Settings

XSS = "<script>window.skgPwned = true</script><img src=x onerror=alert(1)>"

DMK = ActorRef("DMK", "Digitalministerkonferenz", "conference", ("Digitalministerkonferenz",))
BMK = ActorRef("BMK", "Bauministerkonferenz", "conference", ("ARGEBAU",))
BUND = ActorRef("DE", "Bund", "bund", ("Bundesregierung",))
HESSEN = ActorRef("DE-HE", "Hessen", "land", ("Land Hessen",))
BAYERN = ActorRef("DE-BY", "Bayern", "land", ("Freistaat Bayern",))
PLAN = MatterRef("stufenplan", "Stufenplan Smarte Städte", "matter")


def _statement(doc: str, subject, predicate: str, obj, sentence: str, point: str,
               start: int, **extra) -> Statement:
    return Statement(subject=subject, predicate=predicate, object=obj,
                     source=Source(doc, point, sentence, start, start + len(sentence)), **extra)


def resolutions() -> list[tuple[str, Resolution]]:
    """(document, resolution) pairs of the sample graph."""
    dmk_doc, bmk_doc = "sample/dmk.txt", "sample/bmk.txt"
    dmk = Resolution(
        issuer=DMK, session="2", date="2024-10-18", place="Berlin", item="TOP 7",
        title="Smarte Städte", submitters=[HESSEN, BAYERN], document=dmk_doc,
        statements=[
            _statement(dmk_doc, DMK, "REQUESTS", BUND, "Die DMK bittet den Bund, bis zum "
                       "31. März 2025 zu berichten.", "1", 0, deadline="bis zum 31. März 2025",
                       deadline_date="2025-03-31", action="zu berichten"),
            _statement(dmk_doc, DMK, "REQUESTS", HESSEN, "Die DMK bittet Hessen, den "
                       "Stufenplan umzusetzen.", "2", 60, action="umzusetzen"),
            _statement(dmk_doc, DMK, "REQUESTS", HESSEN, f"Die DMK bittet Hessen {XSS}.",
                       "3", 120),
        ])
    bmk = Resolution(
        issuer=BMK, session="146", date="2025-09-25", place="Leipzig", item="TOP 12",
        title="Stellungnahme Stufenplan", submitters=[BAYERN], document=bmk_doc,
        statements=[
            _statement(bmk_doc, BMK, "TASKS", HESSEN, "Die BMK beauftragt Hessen, einen "
                       "Bericht vorzulegen.", "1", 0),
            _statement(bmk_doc, BMK, "WELCOMES", PLAN, "Die BMK begrüßt den Stufenplan "
                       "Smarte Städte.", "2", 50),
        ])
    return [(dmk_doc, dmk), (bmk_doc, bmk)]


def write_sample(driver: Driver) -> None:
    """Store the sample resolutions, one transaction per document (like `skg load`)."""
    for document, resolution in resolutions():
        with driver.session() as session:
            session.execute_write(store_document, [resolution], document, None)


def counts(driver: Driver) -> tuple[int, int]:
    """(nodes, relationships) in the whole graph: to show that a refused query changed
    nothing."""
    records, _, _ = driver.execute_query(
        "CALL () { MATCH (n) RETURN count(n) AS n } CALL () { MATCH ()-[r]->() "
        "RETURN count(r) AS r } RETURN n, r")
    return records[0]["n"], records[0]["r"]


def assert_error(response, status: int) -> dict:
    """Every error answer is exactly {\"error\": {\"status\", \"title\", \"message\"}}."""
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "title", "message"}
    assert body["error"]["status"] == status
    assert body["error"]["title"] and body["error"]["message"]
    return body["error"]


@pytest.fixture
def error_of():
    """`error_of(response, status)`: check the one error shape, return its `error`."""
    return assert_error


@pytest.fixture
def sample_driver(driver: Driver) -> Driver:
    """The clean graph with the sample resolutions stored."""
    write_sample(driver)
    return driver


@pytest.fixture
def api_settings(test_settings: Settings) -> Settings:
    """Test settings with small limits so that caps are easy to reach."""
    return test_settings.model_copy(update={"row_cap": 50, "cypher_timeout": 5.0,
                                            "graph_node_cap": 400})


@pytest.fixture
def client(sample_driver: Driver, api_settings: Settings) -> Iterator[TestClient]:
    """A client of the API over the sample graph; server errors come back as 500s."""
    with TestClient(create_app(driver=sample_driver, settings=api_settings),
                    raise_server_exceptions=False) as test_client:
        yield test_client
