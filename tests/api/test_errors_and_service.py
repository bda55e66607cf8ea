"""The one error shape, health (up and down), stats, search and the index page."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from neo4j import GraphDatabase

from api.app import create_app
from api.security import check_exposure, is_loopback
from graph.server import free_port


@pytest.mark.parametrize(("method", "url", "status"), [
    ("get", "/actors?level=galaxy", 400),
    ("get", "/actors/no-such-actor", 404),
    ("get", "/actors?limit=0", 422),
    ("get", "/no-such-endpoint", 404),
    ("post", "/cypher", 422),
])
def test_error_shape_is_pinned(client: TestClient, method: str, url: str, status: int,
                               error_of) -> None:
    error_of(getattr(client, method)(url), status)


def test_health_reports_neo4j_version(client: TestClient) -> None:
    body = client.get("/health").json()
    assert body["status"] == "ok"
    assert re.match(r"\d+\.\d+", body["neo4j"]["version"])


def test_neo4j_down_gives_503_with_clear_message(api_settings, error_of) -> None:
    dead = GraphDatabase.driver(f"bolt://127.0.0.1:{free_port()}",
                                connection_acquisition_timeout=2, connection_timeout=2)
    try:
        with TestClient(create_app(driver=dead, settings=api_settings)) as client:
            for url in ("/health", "/actors", "/graph"):
                error = error_of(client.get(url), 503)
                assert "Neo4j does not answer" in error["message"]
    finally:
        dead.close()


def test_stats_counts_labels_and_types(client: TestClient) -> None:
    body = client.get("/stats").json()
    assert body["labels"]["Resolution"] == 2
    assert body["labels"]["Actor"] == 5
    assert body["relationships"]["REQUESTS"] == 3
    assert body["totals"]["nodes"] >= 8


def test_search_names_and_sentences(client: TestClient) -> None:
    body = client.get("/search", params={"q": "hessen"}).json()
    kinds = {(hit["kind"], hit["id"]) for hit in body["items"]}
    assert ("node", "DE-HE") in kinds
    assert any(kind == "statement" for kind, _ in kinds)
    assert body["total"] == len(body["items"])
    prefix = client.get("/search", params={"q": "Digitalminister", "kind": "names"}).json()
    assert [hit["id"] for hit in prefix["items"]] == ["DMK"]


@pytest.mark.parametrize("text", ['Hessen"', "a:b AND (", "*", "~/\\", "NOT OR"])
def test_search_takes_lucene_syntax_literally(client: TestClient, text: str) -> None:
    assert client.get("/search", params={"q": text}).status_code == 200


def test_search_bad_input(client: TestClient, error_of) -> None:
    error_of(client.get("/search"), 422)
    error_of(client.get("/search", params={"q": "   "}), 400)
    error_of(client.get("/search", params={"q": "x", "kind": "all"}), 422)
    error_of(client.get("/search", params={"q": "x" * 201}), 422)


def test_index_page_links_and_is_offline(client: TestClient) -> None:
    page = client.get("/").text
    for link in ("docs", "graph", "actors", "resolutions", "statements", "requests", "stats",
                 "initiatives", "pages/initiatives", "pages/requests"):
        assert f'href="/{link}' in page
    assert not re.search(r"https?://", page)


def test_openapi_lists_endpoints(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/health", "/actors", "/resolutions", "/statements", "/requests", "/search",
                 "/stats", "/cypher", "/graph"):
        assert path in paths


def test_exposure_needs_api_key(api_settings) -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0")
    check_exposure("127.0.0.1", api_settings)
    with pytest.raises(ValueError, match="SKG_API_KEY"):
        check_exposure("0.0.0.0", api_settings.model_copy(update={"api_key": None}))
    check_exposure("0.0.0.0", api_settings.model_copy(update={"api_key": "secret"}))


def test_cypher_needs_key_when_configured(sample_driver, api_settings, error_of) -> None:
    settings = api_settings.model_copy(update={"api_key": "secret"})
    with TestClient(create_app(driver=sample_driver, settings=settings)) as client:
        body = {"query": "RETURN 1 AS one"}
        error_of(client.post("/cypher", json=body), 401)
        ok = client.post("/cypher", json=body, headers={"X-API-Key": "secret"})
        assert ok.json()["rows"] == [[1]]
