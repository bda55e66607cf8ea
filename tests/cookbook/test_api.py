"""`/queries`, `/browser/…` and `POST /cypher?format=csv` against the real Neo4j."""

from __future__ import annotations

import csv
import io

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from api.app import create_app
from graph.cookbook import cookbook
from skg.settings import Settings

BROWSER_ORIGIN = "http://127.0.0.1:7474"


@pytest.fixture
def client(loaded_driver: Driver, test_settings: Settings) -> TestClient:
    with TestClient(create_app(driver=loaded_driver, settings=test_settings)) as test_client:
        yield test_client


def test_list_queries_names_the_cookbook(client: TestClient) -> None:
    body = client.get("/queries").json()
    assert [q["name"] for q in body["queries"]] == sorted(cookbook())
    who = next(q for q in body["queries"] if q["name"] == "who_asked_whom")
    assert {p["name"]: p["type"] for p in who["params"]} == {
        "requester": "string", "addressee": "string", "year": "int", "include_tasks": "bool"}


def test_run_query_as_json_and_csv(client: TestClient) -> None:
    body = client.get("/queries/land_submissions").json()
    assert body["query"] == "land_submissions" and body["truncated"] is False
    dmk = client.get("/queries/who_asked_whom", params={"requester": "DMK", "year": 2024}).json()
    assert dmk["params"]["year"] == 2024
    assert {"BMK", "RMK", "ITPLR", "DE"} <= {r["addressee_id"] for r in dmk["rows"]}
    answer = client.get("/queries/land_submissions?format=csv")
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(answer.text)))
    assert {r["land"] for r in rows} >= {"Hessen", "Bayern", "Berlin", "Nordrhein-Westfalen",
                                         "Schleswig-Holstein", "Sachsen"}
    listed = client.get("/queries/most_addressed_per_level",
                        params=[("levels", "bund"), ("levels", "ministry")]).json()
    assert {r["level"] for r in listed["rows"]} == {"bund", "ministry"}


@pytest.mark.parametrize("url,status,words", [
    ("/queries/who_asked_whom?yaer=2024", 400, "unknown parameter 'yaer'"),
    ("/queries/who_asked_whom?year=letztes", 400, "whole number"),
    ("/queries/open_requests?as_of=2025-13-01", 400, "ISO date"),
    ("/queries/who_asked_whom?format=xml", 422, "format"),
    ("/queries/no_such_question", 404, "no_such_question"),
])
def test_bad_requests(client: TestClient, url: str, status: int, words: str) -> None:
    answer = client.get(url)
    assert answer.status_code == status
    assert words in answer.json()["error"]["message"]


def test_cors_only_for_the_browser_origin_and_only_on_these_routes(client: TestClient) -> None:
    for url in ("/queries", "/queries/land_submissions", "/browser/guide.html",
                "/browser/style.grass"):
        answer = client.get(url, headers={"Origin": BROWSER_ORIGIN})
        assert answer.headers["access-control-allow-origin"] == BROWSER_ORIGIN, url
        other = client.get(url, headers={"Origin": "http://evil.example"})
        assert "access-control-allow-origin" not in other.headers, url
    preflight = client.options("/browser/guide.html", headers={
        "Origin": BROWSER_ORIGIN, "Access-Control-Request-Method": "GET"})
    assert preflight.status_code == 204
    assert "GET" in preflight.headers["access-control-allow-methods"]
    elsewhere = client.post("/cypher", json={"query": "RETURN 1 AS one"},
                            headers={"Origin": BROWSER_ORIGIN})
    assert "access-control-allow-origin" not in elsewhere.headers


def test_browser_guide_and_style_are_served(client: TestClient) -> None:
    guide = client.get("/browser/guide.html")
    assert guide.status_code == 200 and guide.text.startswith('<article class="guide">')
    assert "http://testserver/queries/who_asked_whom" in guide.text
    style = client.get("/browser/style.grass")
    assert style.status_code == 200 and "node.Land {" in style.text


def test_post_cypher_as_csv(client: TestClient) -> None:
    query = ("MATCH (l:Land)-[:SUBMITS]->(:Resolution)-[:ISSUED_BY]->(:Actor {id: 'DMK'}) "
             "RETURN l.name AS land ORDER BY land")
    answer = client.post("/cypher?format=csv", json={"query": query})
    assert answer.status_code == 200 and answer.headers["x-truncated"] == "false"
    assert answer.text.splitlines() == ["land", "Bayern", "Berlin", "Hessen",
                                        "Nordrhein-Westfalen", "Schleswig-Holstein"]
    as_json = client.post("/cypher", json={"query": query}).json()
    assert as_json["columns"] == ["land"]
