"""`GET /graph` over the sample graph: filters, offline page, escaping, node cap."""

from __future__ import annotations

import json
import re

from fastapi.testclient import TestClient

from api.app import create_app


def drawn(response) -> tuple[set[str], list[dict]]:
    data = re.search(r'<script id="skg-data" type="application/json">(.*?)</script>',
                     response.text, re.S)
    assert data
    parsed = json.loads(data.group(1))
    assert int(response.headers["X-SKG-Node-Count"]) == len(parsed["nodes"])
    return {n["id"] for n in parsed["nodes"]}, parsed["edges"]


def test_whole_graph_is_offline_and_escaped(client: TestClient) -> None:
    response = client.get("/graph")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert not re.search(r"https?://", response.text, re.IGNORECASE)
    assert "<script>window.skgPwned" not in response.text
    assert "<img src=x" not in response.text
    nodes, edges = drawn(response)
    assert nodes == {"DMK", "BMK", "DE", "DE-HE", "stufenplan"}
    assert sum(e["count"] for e in edges) == 5


def test_filters(client: TestClient) -> None:
    nodes, _ = drawn(client.get("/graph", params={"around": "DE", "depth": 1}))
    assert nodes == {"DE", "DMK"}
    nodes, _ = drawn(client.get("/graph", params={"around": "DE", "depth": 2}))
    assert nodes == {"DE", "DMK", "DE-HE"}
    nodes, _ = drawn(client.get("/graph", params={"predicates": "welcomes"}))
    assert nodes == {"BMK", "stufenplan"}
    nodes, _ = drawn(client.get("/graph", params={"resolution": "BMK/2025-09-25/top-12"}))
    assert nodes == {"BMK", "DE-HE", "stufenplan"}
    nodes, _ = drawn(client.get("/graph", params={"to": "2024-12-31"}))
    assert nodes == {"DMK", "DE", "DE-HE"}
    nodes, _ = drawn(client.get("/graph", params={"level": "bund"}))
    assert nodes == {"DMK", "DE"}


def test_bad_input(client: TestClient, error_of) -> None:
    error_of(client.get("/graph", params={"depth": 4}), 422)
    error_of(client.get("/graph", params={"depth": 0}), 422)
    assert "REQUESTS" in error_of(client.get("/graph", params={"predicates": "REQUESTS,HATES"}),
                                  400)["message"]
    error_of(client.get("/graph", params={"level": "galaxy"}), 400)
    error_of(client.get("/graph", params={"around": "nobody"}), 404)
    error_of(client.get("/graph", params={"from": "someday"}), 422)


def test_node_cap_reduces_with_notice(sample_driver, api_settings) -> None:
    settings = api_settings.model_copy(update={"graph_node_cap": 3})
    with TestClient(create_app(driver=sample_driver, settings=settings)) as client:
        response = client.get("/graph")
        nodes, _ = drawn(response)
        assert len(nodes) == 3 and "DE-HE" in nodes and "DMK" in nodes
        assert "die 3 am stärksten verbundenen von 5 Knoten" in response.text
        english = client.get("/graph", params={"lang": "en"}).text
        assert "Reduced: showing the 3 most connected of 5 nodes" in english
