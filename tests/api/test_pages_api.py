"""Initiatives and actors as JSON (paged), and the analyst pages as HTML: German by default
with the ontology's labels and German dates, English with `?lang=en`.

Over the sample graph of `conftest.py` (DMK 18.10.2024 asks the Bund and Hessen, BMK
25.09.2025 tasks Hessen) and, for initiatives, over the example resolutions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from api.app import create_app
from skg.settings import Settings


@pytest.fixture
def examples_client(loaded_driver: Driver, test_settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(driver=loaded_driver, settings=test_settings),
                    raise_server_exceptions=False) as client:
        yield client


def test_initiatives_paging_returns_every_row_once(examples_client: TestClient) -> None:
    everything = examples_client.get("/initiatives", params={"limit": 500}).json()
    assert everything["total"] >= 3
    seen = []
    for offset in range(0, everything["total"], 2):
        page = examples_client.get("/initiatives", params={"limit": 2, "offset": offset})
        assert page.status_code == 200 and page.json()["total"] == everything["total"]
        seen += [item["id"] for item in page.json()["items"]]
    assert len(seen) == len(set(seen)) == everything["total"]
    assert seen == [item["id"] for item in everything["items"]]


def test_an_initiative_has_counts_and_its_first_and_last_date(
        examples_client: TestClient) -> None:
    items = {i["id"]: i for i in examples_client.get("/initiatives").json()["items"]}
    stufenplan = items["stufenplan-smarte-staedte-und-regionen"]
    events = examples_client.get(f"/initiatives/{stufenplan['id']}/timeline").json()
    assert stufenplan["statements"] == len(events)
    ids = {e["resolution"] for e in events}
    assert stufenplan["resolutions"] == len(ids) >= 2
    dates = [examples_client.get(f"/resolutions/{rid}").json()["resolution"]["date"]
             for rid in ids]
    assert (stufenplan["first_date"], stufenplan["last_date"]) == (min(dates), max(dates))
    detail = examples_client.get(f"/initiatives/{stufenplan['id']}").json()
    assert len(detail["statements"]) == stufenplan["statements"]
    assert {m["id"] for m in detail["matters"]} >= {"begleitung-des-stufenplans"}
    assert examples_client.get("/initiatives/no-such-thing").status_code == 404


def test_actor_statements_are_paged_with_counts(client: TestClient) -> None:
    whole = client.get("/actors/DMK", params={"limit": 500}).json()
    assert whole["counts"]["outgoing"] == {"REQUESTS": 3}
    assert whole["totals"] == {"outgoing": 3, "incoming": 0}
    ids = []
    for offset in range(3):
        page = client.get("/actors/DMK", params={"limit": 1, "offset": offset}).json()
        assert len(page["outgoing"]) == 1 and page["totals"]["outgoing"] == 3
        ids.append(page["outgoing"][0]["id"])
    assert sorted(ids) == sorted(s["id"] for s in whole["outgoing"])
    hessen = client.get("/actors/DE-HE", params={"direction": "incoming"}).json()
    assert hessen["counts"]["incoming"] == {"REQUESTS": 2, "TASKS": 1}
    assert hessen["outgoing"] == [] and len(hessen["incoming"]) == 3
    # newest resolution first: the BMK's task of 2025 before the DMK's requests of 2024
    assert hessen["incoming"][0]["predicate"] == "TASKS"
    only = client.get("/actors/DE-HE", params={"predicate": "tasks"}).json()
    assert [s["predicate"] for s in only["incoming"]] == ["TASKS"]
    assert only["counts"]["incoming"] == {"TASKS": 1}
    assert client.get("/actors/DE-HE", params={"predicate": "ASKS"}).status_code == 400


def test_pages_are_german_by_default_and_english_on_request(client: TestClient) -> None:
    german = client.get("/pages/requests", params={"as_of": "2025-06-30"}).text
    assert '<html lang="de">' in german
    assert "Aufträge am 30.06.2025" in german and "überfällig" in german
    assert "Gebeten von" in german and "31.03.2025" in german
    assert "Obligations" not in german and "asked by" not in german
    english = client.get("/pages/requests", params={"as_of": "2025-06-30",
                                                    "lang": "en"}).text
    assert '<html lang="en">' in english
    assert "Obligations on 30 Jun 2025" in english and "overdue" in english
    assert "Aufträge am" not in english


def test_predicate_labels_come_from_the_ontology(client: TestClient) -> None:
    from ontology.model import load_ontology

    rel = load_ontology().relations["REQUESTS"]
    german = client.get("/pages/actors/DMK").text
    english = client.get("/pages/actors/DMK", params={"lang": "en"}).text
    assert f">{rel.label_de}<" in german and f">{rel.label}<" in english
    assert rel.colour and rel.colour in german


def test_an_unknown_language_is_refused(client: TestClient) -> None:
    assert client.get("/pages/requests", params={"lang": "fr"}).status_code == 422


def test_search_page_groups_hits(client: TestClient) -> None:
    page = client.get("/pages/search", params={"q": "Hessen"}).text
    assert 'id="group-actors"' in page and "/pages/actors/DE-HE" in page
    assert 'id="group-sentences"' in page
    none = client.get("/pages/search", params={"q": "Zzyzxwortlos"}).text
    assert 'id="no-hits"' in none


def test_resolution_page_without_stored_text_still_lists_statements(
        client: TestClient) -> None:
    page = client.get("/pages/resolutions/DMK/2024-10-18/top-7").text
    assert 'id="no-text"' in page  # the sample resolutions were stored without their text
    assert page.count('<li style="--c:') == 3
    assert "<script>window.skgPwned" not in page and "<img src=x" not in page


def test_home_counts_what_the_graph_holds(client: TestClient) -> None:
    page = client.get("/").text
    numbers = {label.strip(): int(n) for n, label in
               re.findall(r'<span class="n">(\d+)</span> ([^<]+)</li>', page)}
    assert numbers["Beschlüsse"] == 2 and numbers["Aussagen"] == 5
    assert numbers["Akteure"] == 5 and numbers["Aufträge und Bitten"] == 4
    assert "/pages/actors/DE" in page
