"""Actors, resolutions, statements and requests: filters, pagination, bad input."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


def test_actors_pagination_total(client: TestClient) -> None:
    first = client.get("/actors", params={"limit": 2}).json()
    second = client.get("/actors", params={"limit": 2, "offset": 2}).json()
    rest = client.get("/actors", params={"limit": 2, "offset": 4}).json()
    assert first["total"] == second["total"] == rest["total"] == 5
    ids = [a["id"] for page in (first, second, rest) for a in page["items"]]
    assert len(ids) == len(set(ids)) == 5


@pytest.mark.parametrize(("params", "expected"), [
    ({"type": "land"}, {"DE-HE", "DE-BY"}),
    ({"type": "Land"}, {"DE-HE", "DE-BY"}),
    ({"level": "conference"}, {"DMK", "BMK"}),
    ({"land": "DE-HE"}, {"DE-HE"}),
    ({"q": "argebau"}, {"BMK"}),
    ({"q": "bayer"}, {"DE-BY"}),
])
def test_actor_filters(client: TestClient, params: dict, expected: set) -> None:
    body = client.get("/actors", params=params).json()
    assert {a["id"] for a in body["items"]} == expected
    assert body["total"] == len(expected)


@pytest.mark.parametrize(("params", "status", "hint"), [
    ({"type": "spaceship"}, 400, "land"),
    ({"level": "galaxy"}, 400, "kommune"),
    ({"limit": 501}, 422, "limit"),
    ({"offset": -1}, 422, "offset"),
    ({"q": "x" * 201}, 422, "q"),
])
def test_actor_bad_input(client: TestClient, params: dict, status: int, hint: str,
                         error_of) -> None:
    assert hint in error_of(client.get("/actors", params=params), status)["message"]


def test_actor_detail_with_provenance(client: TestClient, error_of) -> None:
    body = client.get("/actors/DE-HE").json()
    assert body["actor"]["name"] == "Hessen"
    assert len(body["incoming"]) == 3 and body["outgoing"] == []
    first = body["incoming"][0]
    assert first["subject"]["id"] in {"DMK", "BMK"}
    assert first["sentence"] and first["resolution"] and first["point"]
    assert body["submitted"] == ["DMK/2024-10-18/top-7"]
    dmk = client.get("/actors/DMK").json()
    assert dmk["issued"] == ["DMK/2024-10-18/top-7"] and len(dmk["outgoing"]) == 3
    error_of(client.get("/actors/XX"), 404)


def test_resolutions_filters(client: TestClient, error_of) -> None:
    body = client.get("/resolutions").json()
    assert body["total"] == 2
    assert [r["id"] for r in body["items"]] == ["BMK/2025-09-25/top-12", "DMK/2024-10-18/top-7"]
    assert body["items"][0]["issuer"]["id"] == "BMK"
    by_issuer = client.get("/resolutions", params={"issuer": "DMK"}).json()
    assert [r["id"] for r in by_issuer["items"]] == ["DMK/2024-10-18/top-7"]
    by_submitter = client.get("/resolutions", params={"submitter": "DE-BY"}).json()
    assert by_submitter["total"] == 2
    by_date = client.get("/resolutions", params={"from": "2025-01-01", "to": "2025-12-31"})
    assert [r["id"] for r in by_date.json()["items"]] == ["BMK/2025-09-25/top-12"]
    error_of(client.get("/resolutions", params={"from": "2025-13-01"}), 422)
    error_of(client.get("/resolutions", params={"from": "2025-02-01", "to": "2025-01-01"}),
                 400)


def test_resolution_detail_by_path_id(client: TestClient, error_of) -> None:
    body = client.get("/resolutions/DMK/2024-10-18/top-7").json()
    assert body["resolution"]["title"] == "Smarte Städte"
    assert body["resolution"]["issuer"]["id"] == "DMK"
    assert {s["id"] for s in body["submitters"]} == {"DE-HE", "DE-BY"}
    assert len(body["statements"]) == 3
    assert all(s["resolution"] == "DMK/2024-10-18/top-7" for s in body["statements"])
    error_of(client.get("/resolutions/DMK/1999-01-01/top-1"), 404)


def test_statements_filters(client: TestClient, error_of) -> None:
    assert client.get("/statements").json()["total"] == 5
    requests = client.get("/statements", params={"predicate": "requests", "limit": 2}).json()
    assert requests["total"] == 3 and len(requests["items"]) == 2
    both = client.get("/statements", params={"predicate": "TASKS,WELCOMES"}).json()
    assert both["total"] == 2
    to_hessen = client.get("/statements", params={"object": "DE-HE"}).json()
    assert to_hessen["total"] == 3
    by_bmk = client.get("/statements", params={"subject": "BMK", "from": "2025-01-01"}).json()
    assert by_bmk["total"] == 2
    one = client.get("/statements", params={"resolution": "DMK/2024-10-18/top-7",
                                            "to": "2024-12-31"}).json()
    assert one["total"] == 3
    error_of(client.get("/statements", params={"predicate": "LOVES"}), 400)


def test_requests_status_as_of(client: TestClient, error_of) -> None:
    before = client.get("/requests", params={"as_of": "2025-01-01"}).json()
    assert before["total"] == 3
    assert all(r["status"] != "overdue" for r in before["items"])
    overdue = client.get("/requests", params={"as_of": "2025-06-30", "status": "overdue"})
    items = overdue.json()["items"]
    assert [(r["requester"]["id"], r["addressee"]["id"]) for r in items] == [("DMK", "DE")]
    assert items[0]["deadline_date"] == "2025-03-31"
    later = client.get("/requests", params={"as_of": "2026-01-01", "addressee": "DE-HE"})
    assert later.json()["total"] == 3
    by_bmk = client.get("/requests", params={"as_of": "2026-01-01", "requester": "BMK"})
    assert [r["kind"] for r in by_bmk.json()["items"]] == ["TASKS"]
    error_of(client.get("/requests", params={"status": "sleeping"}), 400)
    error_of(client.get("/requests", params={"as_of": "yesterday"}), 422)


def test_example_resolutions_are_served(loaded_driver, api_settings) -> None:
    from api.app import create_app

    with TestClient(create_app(driver=loaded_driver, settings=api_settings)) as client:
        body = client.get("/resolutions/DMK/2024-10-18/top-7").json()
        assert body["statements"]
        assert client.get("/statements").json()["total"] > 0
