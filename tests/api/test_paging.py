"""Paging inside the query: every obligation exactly once over the pages of `/requests`,
with the status the unpaged list gives it; `/graph?around=` reduced in the database to the
nodes the page would keep."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from api.app import create_app
from graph.queries import Graph, subgraph
from skg.settings import Settings
from viz.reduce import build_drawing, top_nodes

AS_OF = "2025-10-01"


@pytest.fixture
def client(loaded_driver: Driver, test_settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(driver=loaded_driver, settings=test_settings)) as client:
        yield client


def pages(client: TestClient, limit: int, **params: str) -> tuple[list[int], list[dict]]:
    """Every page of /requests: the totals each page reported, and all items in order."""
    totals, items, offset = [], [], 0
    while True:
        response = client.get("/requests", params={**params, "as_of": AS_OF,
                                                   "limit": limit, "offset": offset})
        assert response.status_code == 200, response.text
        body = response.json()
        totals.append(body["total"])
        items += body["items"]
        offset += limit
        if offset >= body["total"]:
            return totals, items


def test_paging_over_requests_returns_every_obligation_exactly_once(
        client: TestClient, loaded_driver: Driver) -> None:
    records, _, _ = loaded_driver.execute_query(
        "MATCH (o:Obligation) WHERE o.resolution_date <= $day RETURN o.id AS id", day=AS_OF)
    expected = sorted(r["id"] for r in records)
    assert len(expected) >= 5
    totals, items = pages(client, limit=2)
    ids = [item["id"] for item in items]
    assert set(totals) == {len(expected)}
    assert sorted(ids) == expected and len(ids) == len(set(ids))
    whole = client.get("/requests", params={"as_of": AS_OF, "limit": 200}).json()["items"]
    assert items == whole  # same order, same statuses and answers page by page


def test_requests_without_filters_come_in_deadline_order_each_exactly_once(
        client: TestClient, loaded_driver: Driver) -> None:
    records, _, _ = loaded_driver.execute_query(
        "MATCH (o:Obligation) WHERE o.resolution_date <= $day "
        "RETURN o.id AS id, o.deadline_date AS deadline", day=AS_OF)
    expected = sorted((r["deadline"] or "9999", r["id"]) for r in records)
    assert any(d != "9999" for d, _ in expected) and any(d == "9999" for d, _ in expected)
    for limit in (1, 3):
        totals, items = pages(client, limit=limit)
        assert set(totals) == {len(expected)}
        assert [(i["deadline_date"] or "9999", i["id"]) for i in items] == expected
    assert all("deadline_key" not in item for item in items)


def test_an_obligation_stored_without_a_deadline_key_gets_one_on_the_next_load(
        client: TestClient, loaded_driver: Driver) -> None:
    from graph.loading import load_documents

    before = client.get("/requests", params={"as_of": AS_OF, "limit": 200}).json()["items"]
    loaded_driver.execute_query("MATCH (o:Obligation) REMOVE o.deadline_key")
    load_documents(loaded_driver, [], progress=False)
    assert client.get("/requests", params={"as_of": AS_OF, "limit": 200}).json()["items"] \
        == before


def test_paging_with_a_status_filter_counts_and_returns_the_filtered_rows(
        client: TestClient) -> None:
    whole = client.get("/requests", params={"as_of": AS_OF, "limit": 200}).json()["items"]
    by_status: dict[str, list[str]] = {}
    for item in whole:
        by_status.setdefault(item["status"], []).append(item["id"])
    assert len(by_status) >= 2
    for status, ids in by_status.items():
        totals, items = pages(client, limit=1, status=status)
        assert set(totals) == {len(ids)}
        assert [item["id"] for item in items] == ids


def test_around_a_hub_is_reduced_in_the_query_to_the_nodes_a_page_keeps(
        loaded_driver: Driver) -> None:
    graph = Graph(loaded_driver)
    whole = subgraph(graph, around="DE", depth=2)
    assert len(whole.nodes) > 6
    for cap in (3, 6):
        reduced = subgraph(graph, around="DE", depth=2, node_cap=cap)
        assert {node["id"] for node in reduced.nodes} == top_nodes(whole, cap, keep="DE")
        assert reduced.reduced_from == (len(whole.nodes), len(whole.edges))
        kept = top_nodes(whole, cap, keep="DE")
        assert sorted(e["id"] for e in reduced.edges) == sorted(
            e["id"] for e in whole.edges if e["source"] in kept and e["target"] in kept)


def test_edges_merged_in_the_query_draw_what_merging_on_the_page_draws(
        loaded_driver: Driver) -> None:
    graph = Graph(loaded_driver)
    for cap in (4, 400):
        one_by_one = build_drawing(subgraph(graph, around="DE", depth=2, node_cap=cap), cap, "DE")
        merged = build_drawing(subgraph(graph, around="DE", depth=2, node_cap=cap, merged=5),
                               cap, "DE")
        assert merged.edges and any(edge["count"] > 1 for edge in merged.edges)

        def drawn(drawing: object) -> tuple:
            return (sorted(n["id"] for n in drawing.nodes), drawing.total_nodes,
                    drawing.total_statements, drawing.notices,
                    sorted((e["source"], e["predicate"], e["target"], e["count"],
                            [st["sentence"] for st in e["statements"][:5]])
                           for e in drawing.edges))

        assert drawn(merged) == drawn(one_by_one)
