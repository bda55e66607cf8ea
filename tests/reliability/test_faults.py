"""Faults: reloads are idempotent, a changed document replaces its statements, a loader
killed mid-run leaves only whole documents (and a rerun finishes the job), and the API
answers 503 while Neo4j is down and recovers by itself."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient
from neo4j import Driver, GraphDatabase

from api.app import create_app
from graph.loading import load_documents
from graph.queries import statement_types
from graph.server import LocalNeo4j
from loaders import extract_file
from skg.settings import Settings

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "resolutions"
SKG = Path(sys.executable).with_name("skg")


def count_resolutions(driver: Driver) -> int:
    records, _, _ = driver.execute_query("MATCH (r:Resolution) RETURN count(r) AS n")
    return records[0]["n"]


def test_loading_twice_gives_identical_counts(ref_driver: Driver, graph_counts: Callable,
                                              per_resolution: Callable) -> None:
    files = sorted(EXAMPLES.iterdir())
    first = load_documents(ref_driver, files, progress=False)
    counts, statements = graph_counts(ref_driver), per_resolution(ref_driver)
    second = load_documents(ref_driver, files, progress=False)
    assert (first.documents, first.statements) == (second.documents, second.statements)
    assert graph_counts(ref_driver) == counts and per_resolution(ref_driver) == statements


def test_a_changed_document_replaces_its_statements(ref_driver: Driver, tmp_path: Path,
                                                    per_resolution: Callable) -> None:
    source = EXAMPLES / "dmk-2024-10-18-top07.txt"
    document = tmp_path / source.name
    text = source.read_text(encoding="utf-8")
    document.write_text(text, encoding="utf-8")
    load_documents(ref_driver, [document], progress=False)
    before = per_resolution(ref_driver)
    # Drop points 4 and 5 (the requests): fewer statements, no stale edges allowed.
    kept = [line for line in text.splitlines() if not line.startswith(("4. ", "5. "))]
    document.write_text("\n".join(kept) + "\n", encoding="utf-8")
    expected = {r.id: len(r.statements) for r in extract_file(document)}
    load_documents(ref_driver, [document], progress=False)
    after = per_resolution(ref_driver)
    assert set(after) == set(before) == set(expected)
    assert after == expected and sum(after.values()) < sum(before.values())
    records, _, _ = ref_driver.execute_query(
        "MATCH ()-[s]->() WHERE s.resolution IS NOT NULL AND type(s) IN $types "
        "RETURN count(s) AS n", types=statement_types())
    assert records[0]["n"] == sum(expected.values())


def test_sigkill_mid_load_leaves_whole_documents_and_a_rerun_finishes(
        ref_driver: Driver, generated: Path, cli_env: dict[str, str],
        graph_counts: Callable, per_resolution: Callable) -> None:
    # Small batches, so that a kill can land between two transactions of this small corpus.
    env = {**os.environ, **cli_env, "SKG_LOAD_BATCH": "2"}
    clean = subprocess.run([str(SKG), "load", "--no-progress", str(generated)], env=env,
                           capture_output=True, text=True, timeout=600)
    assert clean.returncode == 0, clean.stderr
    clean_counts, clean_statements = graph_counts(ref_driver), per_resolution(ref_driver)
    assert len(clean_statements) >= 40

    ref_driver.execute_query("MATCH (n) DETACH DELETE n")
    loader = subprocess.Popen([str(SKG), "load", "--no-progress", str(generated)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while count_resolutions(ref_driver) < 2 and time.monotonic() < deadline:
            assert loader.poll() is None, "the loader finished before it could be killed"
            time.sleep(0.01)
        loader.send_signal(signal.SIGKILL)
    finally:
        loader.wait(timeout=30)
    assert loader.returncode == -signal.SIGKILL
    partial = per_resolution(ref_driver)
    assert 2 <= len(partial) < len(clean_statements), "kill came too late"
    records, _, _ = ref_driver.execute_query(
        "MATCH (r:Resolution) RETURN r.id AS id, r.document AS document")
    for record in records:  # every resolution in the graph has all of its statements
        extracted = {r.id: len(r.statements) for r in extract_file(generated / record["document"])}
        assert partial[record["id"]] == clean_statements[record["id"]], record["id"]
        assert partial[record["id"]] == extracted[record["id"]], record["id"]

    rerun = subprocess.run([str(SKG), "load", "--no-progress", str(generated)], env=env,
                           capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert graph_counts(ref_driver) == clean_counts
    assert per_resolution(ref_driver) == clean_statements


def test_api_answers_503_while_neo4j_is_down_and_recovers(second_neo4j: LocalNeo4j,
                                                          test_settings: Settings,
                                                          error_of) -> None:
    driver = GraphDatabase.driver(second_neo4j.bolt_uri, connection_acquisition_timeout=3,
                                  connection_timeout=3, notifications_min_severity="OFF")
    settings = test_settings.model_copy(update={"neo4j_uri": second_neo4j.bolt_uri,
                                                "api_key": "k"})
    urls = ["/health", "/actors", "/stats", "/graph", "/export.ttl",
            "/sparql?query=ASK%20%7B%3Fs%20%3Fp%20%3Fo%7D"]
    try:
        with TestClient(create_app(driver=driver, settings=settings),
                        raise_server_exceptions=False) as client:
            assert client.get("/health").status_code == 200
            second_neo4j.stop()
            for url in urls:
                started = time.monotonic()
                error = error_of(client.get(url), 503)
                assert "Neo4j does not answer" in error["message"], url
                assert time.monotonic() - started < 15, url
            error_of(client.post("/cypher", json={"query": "RETURN 1"},
                                 headers={"X-API-Key": "k"}), 503)
            upload = client.post("/documents", headers={"X-API-Key": "k"}, files={
                "file": ("dmk.txt", (EXAMPLES / "dmk-2024-10-18-top07.txt").read_bytes())})
            error_of(upload, 503)
            second_neo4j.start()
            deadline = time.monotonic() + 60
            while client.get("/health").status_code != 200:
                assert time.monotonic() < deadline, "the API did not recover"
                time.sleep(0.5)
            for url in urls:
                assert client.get(url).status_code == 200, url
    finally:
        driver.close()
