"""The obligations endpoints on the example resolutions: requests as of a date, a person's
decision on a fulfilment link (API key), and timelines."""

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from api.app import create_app
from graph.loading import load_documents
from skg.settings import Settings

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "resolutions"
KEY = "test-key-0123456789"


@pytest.fixture
def stufenplan_client(driver: Driver, test_settings: Settings) -> Iterator[TestClient]:
    load_documents(driver, [EXAMPLES / "dmk-2024-10-18-top07.txt",
                            EXAMPLES / "bmk-2025-09-25-top12.txt"], progress=False)
    settings = test_settings.model_copy(update={"api_key": KEY})
    with TestClient(create_app(driver=driver, settings=settings),
                    raise_server_exceptions=False) as client:
        yield client


def dmk_to_bmk(client: TestClient, as_of: str) -> dict:
    response = client.get("/requests", params={"requester": "DMK", "addressee": "BMK",
                                               "as_of": as_of})
    assert response.status_code == 200, response.text
    [item] = response.json()["items"]
    return item


def test_overdue_then_fulfilled(stufenplan_client: TestClient) -> None:
    assert dmk_to_bmk(stufenplan_client, "2025-07-15")["status"] == "overdue"
    item = dmk_to_bmk(stufenplan_client, "2025-10-01")
    assert item["status"] == "fulfilled"
    assert item["fulfilled_by"] == ["BMK/2025-09-25/top-12"]
    overdue = stufenplan_client.get("/requests", params={"status": "overdue",
                                                         "as_of": "2025-07-15"}).json()
    assert {i["addressee"]["id"] for i in overdue["items"]} >= {"BMK", "RMK", "ITPLR"}


def test_rejecting_a_link_needs_the_key_and_changes_the_status(
        stufenplan_client: TestClient, error_of) -> None:
    obligation = dmk_to_bmk(stufenplan_client, "2025-10-01")["id"]
    url = f"/requests/{quote(obligation, safe='/')}/fulfilment"
    body = {"resolution": "BMK/2025-09-25/top-12", "decision": "rejected", "by": "analyst"}
    error_of(stufenplan_client.post(url, json=body), 401)
    error_of(stufenplan_client.post(url, json=body, headers={"X-API-Key": "wrong"}), 401)
    error_of(stufenplan_client.post(url, json={**body, "decision": "maybe"},
                                    headers={"X-API-Key": KEY}), 422)
    ok = stufenplan_client.post(url, json=body, headers={"X-API-Key": KEY})
    assert ok.status_code == 200, ok.text
    assert ok.json()["decision"] == "rejected"
    assert dmk_to_bmk(stufenplan_client, "2025-10-01")["status"] == "overdue"
    missing = stufenplan_client.post("/requests/nope/fulfilment", json=body,
                                     headers={"X-API-Key": KEY})
    error_of(missing, 404)


def test_writes_are_off_without_a_configured_key(driver: Driver, test_settings: Settings,
                                                 error_of) -> None:
    with TestClient(create_app(driver=driver, settings=test_settings)) as client:
        response = client.post("/requests/x/fulfilment",
                               json={"resolution": "r", "decision": "confirmed"})
    assert "SKG_API_KEY" in error_of(response, 403)["message"]


def test_timelines(stufenplan_client: TestClient, error_of) -> None:
    thread = stufenplan_client.get("/resolutions/DMK/2024-10-18/top-7/timeline")
    assert thread.status_code == 200, thread.text
    assert [e["resolution"] for e in thread.json()] == ["DMK/2024-10-18/top-7",
                                                        "BMK/2025-09-25/top-12"]
    detail = stufenplan_client.get("/resolutions/DMK/2024-10-18/top-7")
    assert detail.status_code == 200
    matter = next(s["object"]["id"] for s in detail.json()["statements"]
                  if s["predicate"] == "WELCOMES")
    events = stufenplan_client.get(f"/initiatives/{matter}/timeline").json()
    assert events[0]["date"] == "2024-06-11"
    error_of(stufenplan_client.get("/initiatives/no-such-thing/timeline"), 404)


def test_requests_page_lists_overdue_per_addressee(stufenplan_client: TestClient) -> None:
    page = stufenplan_client.get("/pages/requests", params={"as_of": "2025-07-15"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    html = page.text
    assert "Bauministerkonferenz" in html and "status status-overdue" in html
    assert "http://" not in html and "https://" not in html
    only_open = stufenplan_client.get("/pages/requests", params={"as_of": "2025-07-15",
                                                                  "status": "open"}).text
    assert "status status-overdue" not in only_open


def test_timeline_page_lays_the_history_out_in_time(stufenplan_client: TestClient,
                                                    error_of) -> None:
    detail = stufenplan_client.get("/resolutions/DMK/2024-10-18/top-7").json()
    matter = next(s["object"]["id"] for s in detail["statements"]
                  if s["predicate"] == "WELCOMES")
    page = stufenplan_client.get("/pages/timeline", params={"initiative": matter})
    assert page.status_code == 200, page.text
    assert "11.06.2024" in page.text and "25.09.2025" in page.text
    assert "https://" not in page.text and "http://" not in page.text
    error_of(stufenplan_client.get("/pages/timeline"), 400)
    thread = stufenplan_client.get("/pages/timeline",
                                   params={"resolution": "DMK/2024-10-18/top-7"})
    assert thread.status_code == 200
    assert thread.text.count('"id":"r:') == 2  # the DMK's resolution and the BMK's answer
