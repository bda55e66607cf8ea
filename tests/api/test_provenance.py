"""Provenance that travels: `source_url` from `skg load --source-url` and from an HTML page's
canonical link, and documents named relative to what was loaded (never a machine's path),
also for uploads. The resolution keeps its text so that its page can show it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver
from typer.testing import CliRunner

from api.app import create_app
from graph.loading import load_documents
from skg.cli import app
from skg.settings import Settings, get_settings

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "resolutions"
DMK = EXAMPLES / "dmk-2024-10-18-top07.txt"
BMK = EXAMPLES / "bmk-2025-09-25-top12.txt"
ADDRESS = "https://beschluesse.example.org/dmk/2024-10-18/top-7"


@pytest.fixture
def runner(driver: Driver, neo4j_uri: str, monkeypatch: pytest.MonkeyPatch
           ) -> Iterator[CliRunner]:
    """The CLI in-process against the test server (on a clean graph)."""
    monkeypatch.setenv("NEO4J_URI", neo4j_uri)
    monkeypatch.setenv("NEO4J_PASSWORD", "unused")
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()


def resolutions(driver: Driver) -> dict[str, dict]:
    records, _, _ = driver.execute_query(
        "MATCH (r:Resolution) RETURN r.id AS id, r.document AS document, "
        "r.source_url AS source_url, r.text AS text, r.text_start AS text_start, "
        "COLLECT { MATCH ()-[s]->() WHERE s.resolution = r.id AND s.document IS NOT NULL "
        "RETURN DISTINCT s.document } AS statement_documents")
    return {r["id"]: dict(r) for r in records}


def html_page(canonical: str) -> str:
    """The DMK resolution as an HTML page with a canonical link."""
    body = "".join(f"<p>{line}</p>" for line in DMK.read_text(encoding="utf-8").splitlines()
                   if line.strip())
    return (f'<!DOCTYPE html><html lang="de"><head><link rel="canonical" href="{canonical}">'
            f"<title>Beschluss</title></head><body><main>{body}</main></body></html>")


def test_source_url_option_is_stored(runner: CliRunner, driver: Driver) -> None:
    result = runner.invoke(app, ["load", "--no-progress", "--source-url", ADDRESS, str(DMK)])
    assert result.exit_code == 0, result.output
    (res,) = resolutions(driver).values()
    assert res["source_url"] == ADDRESS
    assert res["document"] == DMK.name


def test_source_url_option_refuses_what_it_cannot_mean(runner: CliRunner,
                                                       driver: Driver) -> None:
    bad = runner.invoke(app, ["load", "--no-progress", "--source-url", "beschluss.pdf",
                              str(DMK)])
    assert bad.exit_code != 0 and "not an http or https address" in bad.output
    several = runner.invoke(app, ["load", "--no-progress", "--source-url", ADDRESS,
                                  str(DMK), str(BMK)])
    assert several.exit_code != 0 and "one document" in several.output
    assert resolutions(driver) == {}  # nothing loaded by a refused command


def test_canonical_link_of_an_html_page_becomes_the_source(driver: Driver,
                                                           tmp_path: Path) -> None:
    page = tmp_path / "dmk-top-7.html"
    page.write_text(html_page(ADDRESS), encoding="utf-8")
    report = load_documents(driver, [page], progress=False)
    assert not report.failures, report.failures
    (res,) = resolutions(driver).values()
    assert res["source_url"] == ADDRESS and res["document"] == "dmk-top-7.html"


def test_a_relative_canonical_link_is_no_source(driver: Driver, tmp_path: Path) -> None:
    page = tmp_path / "dmk-top-7.html"
    page.write_text(html_page("/dmk/top-7"), encoding="utf-8")
    load_documents(driver, [page], progress=False)
    (res,) = resolutions(driver).values()
    assert res["source_url"] is None


def test_documents_are_named_relative_to_the_folder_loaded(runner: CliRunner, driver: Driver,
                                                           tmp_path: Path) -> None:
    folder = tmp_path / "beschluesse"
    (folder / "2025").mkdir(parents=True)
    shutil.copy(DMK, folder / DMK.name)
    shutil.copy(BMK, folder / "2025" / BMK.name)
    result = runner.invoke(app, ["load", "--no-progress", str(folder)])
    assert result.exit_code == 0, result.output
    stored = resolutions(driver).values()
    assert {r["document"] for r in stored} == {DMK.name, f"2025/{BMK.name}"}
    for res in stored:  # the statements name the same document, no path of this machine
        assert res["statement_documents"] == [res["document"]]
        assert str(tmp_path) not in res["document"]


def test_an_upload_is_named_by_its_file_name(driver: Driver, test_settings: Settings) -> None:
    settings = test_settings.model_copy(update={"api_key": "k-1"})
    with TestClient(create_app(driver=driver, settings=settings)) as client:
        answer = client.post("/documents", files={"file": (DMK.name, DMK.read_bytes())},
                             headers={"X-API-Key": "k-1"})
    assert answer.status_code == 200, answer.text
    (res,) = resolutions(driver).values()
    assert res["document"] == DMK.name
    assert res["statement_documents"] == [DMK.name]


def test_the_text_is_stored_where_the_offsets_point(driver: Driver) -> None:
    load_documents(driver, [DMK], progress=False)
    (res,) = resolutions(driver).values()
    records, _, _ = driver.execute_query(
        "MATCH ()-[s]->() WHERE s.resolution = $id AND s.start IS NOT NULL "
        "RETURN s.start AS start, s.end AS end, s.sentence AS sentence", id=res["id"])
    assert records
    for st in records:  # a statement's sentence stands at its offsets in the stored text
        start = st["start"] - res["text_start"]
        assert res["text"][start:st["end"] - res["text_start"]] == st["sentence"]
