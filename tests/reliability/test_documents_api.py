"""`POST /documents` (key, size, type, one-line rejection) and exposure: CORS closed by
default, no credentials in any HTML page."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from api.app import create_app
from skg.settings import Settings

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "resolutions"
DMK = EXAMPLES / "dmk-2024-10-18-top07.txt"
KEY = "test-key-8f3a2b1c"
PASSWORD = "neo4j-secret-5e6f7a"


def client_for(driver: Driver, settings: Settings, **update) -> TestClient:
    return TestClient(create_app(driver=driver, settings=settings.model_copy(update=update)),
                      raise_server_exceptions=False)


@pytest.fixture
def keyed(ref_driver: Driver, test_settings: Settings) -> Iterator[TestClient]:
    """The API with a key and a 1 MB upload limit, on a graph of reference actors only."""
    with client_for(ref_driver, test_settings, api_key=KEY, max_upload_mb=1) as client:
        yield client


def upload(client: TestClient, name: str, data: bytes, key: str | None = KEY):
    headers = {"X-API-Key": key} if key else {}
    return client.post("/documents", files={"file": (name, data)}, headers=headers)


def test_writes_are_off_without_a_configured_key(driver: Driver, test_settings: Settings,
                                                 error_of) -> None:
    with client_for(driver, test_settings, api_key=None) as client:
        error = error_of(upload(client, DMK.name, DMK.read_bytes(), key="anything"), 403)
    assert "SKG_API_KEY" in error["message"]


def test_the_key_is_required(keyed: TestClient, error_of) -> None:
    error_of(upload(keyed, DMK.name, DMK.read_bytes(), key=None), 401)
    error_of(upload(keyed, DMK.name, DMK.read_bytes(), key="wrong"), 401)


def test_upload_loads_the_document(keyed: TestClient, driver: Driver) -> None:
    response = upload(keyed, DMK.name, DMK.read_bytes())
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["file"] == DMK.name and body["documents"] == 1
    assert body["resolutions"] >= 1 and body["statements"] > 0
    records, _, _ = driver.execute_query("MATCH (r:Resolution) RETURN count(r) AS n")
    assert records[0]["n"] == body["resolutions"]
    again = upload(keyed, DMK.name, DMK.read_bytes()).json()
    assert again == body  # a reload replaces, it does not add
    records, _, _ = driver.execute_query("MATCH ()-[r]->() RETURN count(r) AS n")
    before = records[0]["n"]
    upload(keyed, "../../etc/" + DMK.name, DMK.read_bytes())
    records, _, _ = driver.execute_query("MATCH ()-[r]->() RETURN count(r) AS n")
    assert records[0]["n"] == before


@pytest.mark.parametrize(("name", "data", "status", "words"), [
    ("tool.exe", b"MZ\x90\x00", 415, "unsupported file type .exe"),
    ("noextension", b"Die DMK bittet den Bund.", 415, "unsupported file type"),
    ("big.txt", b"a" * (1024 * 1024 + 1), 413, "too large"),
    ("empty.txt", b"", 422, "empty.txt: empty document"),
    ("garbage.pdf", bytes(range(256)) * 40, 422, "garbage.pdf: "),
    ("note.txt", "Einkaufsliste: Milch, Brot, Käse.".encode(), 422,
     "note.txt: no resolution found"),
])
def test_bad_uploads_are_refused_and_store_nothing(keyed: TestClient, driver: Driver,
                                                   graph_counts: Callable, error_of, name: str,
                                                   data: bytes, status: int,
                                                   words: str) -> None:
    before = graph_counts(driver)
    error = error_of(upload(keyed, name, data), status)
    assert words in error["message"] and "\n" not in error["message"]
    assert "/tmp" not in error["message"] and "skg-upload-" not in error["message"]
    assert graph_counts(driver) == before


def test_cors_is_closed_by_default(driver: Driver, test_settings: Settings) -> None:
    with client_for(driver, test_settings) as client:
        for response in (client.get("/health", headers={"Origin": "https://evil.example"}),
                         client.options("/cypher", headers={
                             "Origin": "https://evil.example",
                             "Access-Control-Request-Method": "POST"})):
            assert "access-control-allow-origin" not in response.headers
    with client_for(driver, test_settings, cors_origins=["https://ok.example"]) as client:
        allowed = client.get("/health", headers={"Origin": "https://ok.example"})
        assert allowed.headers["access-control-allow-origin"] == "https://ok.example"
        other = client.get("/health", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers


def test_no_credentials_in_any_html_page(loaded_driver: Driver, test_settings: Settings) -> None:
    with client_for(loaded_driver, test_settings, api_key=KEY,
                    neo4j_password=PASSWORD) as client:
        for url in ("/", "/graph", "/docs", "/redoc", "/browser/guide.html"):
            response = client.get(url)
            assert response.status_code == 200, url
            assert "text/html" in response.headers["content-type"]
            for secret in (KEY, PASSWORD):
                assert secret not in response.text, url
        assert KEY not in client.get("/openapi.json").text
