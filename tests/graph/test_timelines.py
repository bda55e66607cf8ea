"""Histories: the Stufenplan across bodies and years, a resolution's thread."""

from pathlib import Path

import pytest
from neo4j import Driver

from graph.errors import NotFound
from graph.loading import load_documents
from graph.queries import Graph
from graph.timelines import initiative_timeline, resolution_timeline

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "resolutions"


@pytest.fixture
def stufenplan_graph(driver: Driver) -> Driver:
    load_documents(driver, [EXAMPLES / "dmk-2024-10-18-top07.txt",
                            EXAMPLES / "bmk-2025-09-25-top12.txt"], progress=False)
    return driver


def test_initiative_timeline_runs_from_the_beirat_to_the_bmk(stufenplan_graph: Driver) -> None:
    records, _, _ = stufenplan_graph.execute_query(
        "MATCH (m:Matter) WHERE m.name STARTS WITH 'Stufenplan' RETURN m.id AS id LIMIT 1")
    events = initiative_timeline(Graph(stufenplan_graph), records[0]["id"])
    dates = [e["date"] for e in events]
    assert dates == sorted(dates)
    assert dates[0] == "2024-06-11" and events[0]["predicate"] == "ADOPTS"
    assert "2024-10-18" in dates and any(d.startswith("2025-09") for d in dates)
    assert {e["subject"] for e in events} >= {"DMK", "BMK"}


def test_resolution_thread_includes_the_answer(stufenplan_graph: Driver) -> None:
    events = resolution_timeline(Graph(stufenplan_graph), "DMK/2024-10-18/top-7")
    by_id = {e["resolution"]: e["relation"] for e in events}
    assert by_id == {"DMK/2024-10-18/top-7": "this", "BMK/2025-09-25/top-12": "later"}
    with pytest.raises(NotFound):
        resolution_timeline(Graph(stufenplan_graph), "DMK/1999-01-01/top-1")
