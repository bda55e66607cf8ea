"""Importing the fixture OParl server into the real Neo4j: what it makes, incremental runs,
deletions, retries, idempotence, and the CLI."""

from __future__ import annotations

import json
from typing import Any

import pytest
from neo4j import Driver
from typer.testing import CliRunner

from graph.oparl_sync import ImportReport, import_system
from skg.cli import app
from skg.settings import get_settings


def run(driver: Driver, server, client, **options: Any) -> ImportReport:
    return import_system(driver, client, server.url("system"), **options)


def rows(driver: Driver, query: str, **params: Any) -> list[dict[str, Any]]:
    records, _, _ = driver.execute_query(query, **params)
    return [r.data() for r in records]


def snapshot(driver: Driver) -> tuple[list[str], list[str]]:
    """Every node and relationship with its properties (the sync times left out)."""
    nodes = rows(driver, "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")
    for node in nodes:
        node["props"].pop("last_sync", None)
    rels = rows(driver, "MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS a, b.id AS b, "
                        "properties(r) AS props")
    return (sorted(json.dumps(n, sort_keys=True, default=str) for n in nodes),
            sorted(json.dumps(r, sort_keys=True, default=str) for r in rels))


def resolution(driver: Driver, item_url: str) -> dict[str, Any] | None:
    found = rows(driver, "MATCH (r:Resolution {document: $doc})-[:ISSUED_BY]->(i) "
                         "RETURN properties(r) AS r, i.id AS issuer, i.name AS issuer_name, "
                         "labels(i) AS issuer_labels", doc=item_url)
    return found[0] if found else None


def statements(driver: Driver, resolution_id: str) -> set[tuple[str, str, str]]:
    found = rows(driver, "MATCH (a)-[s]->(b) WHERE s.resolution = $id "
                         "RETURN a.id AS a, type(s) AS p, b.id AS b", id=resolution_id)
    return {(r["a"], r["p"], r["b"]) for r in found}


def test_first_import_makes_resolutions_of_the_gremien(driver, oparl_server, client) -> None:
    report = run(driver, oparl_server, client)
    u = oparl_server.url
    assert (report.bodies, report.meetings, report.agenda_items) == (2, 5, 8)
    assert report.resolutions == 4
    assert report.summary().startswith("Read 2 bodies, 5 meetings, 8 agenda items; "
                                       "stored 4 resolutions (")
    assert sorted(report.failures) == sorted([
        f"{oparl_server.base}/files/broken.pdf: HTTP 500 (2 attempts)",
        f"{u('paper/bad')}: not JSON (JSONDecodeError)",
        f"{u('body/b/meetings')}: Meeting object without an id",
        f"{u('cons/b2-1')}: timed out after 0.5 s (2 attempts)",
        f"{u('paper/x')}: expected type Meeting, got 'https://schema.oparl.org/1.1/Paper'"])

    # An inline agenda item with a resolutionText and a referenced consultation and paper.
    muehlbach = resolution(driver, u("item/a1-1"))
    assert muehlbach["issuer"] == "DE-09999001/gemeinderat"
    assert muehlbach["issuer_name"] == "Gemeinderat Musterdorf"
    assert "Committee" in muehlbach["issuer_labels"]
    r = muehlbach["r"]
    assert (r["date"], r["item"], r["title"], r["paper"], r["session"]) == (
        "2026-03-04", "1", "Bebauungsplan „Am Mühlbach“", "2026/0042", "5")
    assert r["source_url"] == f"{oparl_server.base}/web/item/a1-1"
    assert statements(driver, r["id"]) == {
        ("DE-09999001/gemeinderat", "ADOPTS", "bebauungsplan-am-muehlbach"),
        ("DE-09999001/gemeinderat", "TASKS", "DE-09999001/verwaltung")}

    # The Gremium belongs to the body's Kommune, the committee also to its parent.
    kommune = rows(driver, "MATCH (k:Kommune {id: 'DE-09999001'}) "
                           "RETURN k.name AS name, k.ags AS ags, labels(k) AS labels")[0]
    assert kommune == {"name": "Gemeinde Musterdorf", "ags": "09999001",
                       "labels": ["Actor", "Kommune", "Gemeinde"]}
    parents = rows(driver, "MATCH (c:Committee)-[:PART_OF]->(p) RETURN c.id AS c, p.id AS p")
    assert {(x["c"], x["p"]) for x in parents} == {
        ("DE-09999001/gemeinderat", "DE-09999001"),
        ("DE-09999001/ausschuss-fuer-umwelt-und-verkehr", "DE-09999001"),
        ("DE-09999001/ausschuss-fuer-umwelt-und-verkehr", "DE-09999001/gemeinderat"),
        ("DE-08999002/stadtrat", "DE-08999002")}

    # A decision only as a PDF file, read by the project's PDF loader.
    radweg = resolution(driver, u("item/a1-3"))["r"]
    assert radweg["source_url"] == u("item/a1-3")  # no web page: its OParl id
    tasks = rows(driver, "MATCH ()-[s:TASKS {resolution: $id}]->() RETURN s.deadline_date AS d, "
                         "s.document AS doc", id=radweg["id"])
    assert tasks == [{"d": "2026-09-30", "doc": f"{oparl_server.base}/files/radweg.pdf"}]

    # From the body's external agenda item list; 23:30 UTC is the next day in Germany.
    tempo = resolution(driver, u("item/a2-1"))
    assert tempo["issuer"] == "DE-09999001/ausschuss-fuer-umwelt-und-verkehr"
    assert (tempo["r"]["date"], tempo["r"]["item"]) == ("2026-03-11", "4.1")
    assert statements(driver, tempo["r"]["id"]) == {
        ("DE-09999001/ausschuss-fuer-umwelt-und-verkehr", "RECOMMENDS",
         "DE-09999001/gemeinderat"),
        ("DE-09999001/ausschuss-fuer-umwelt-und-verkehr", "TASKS", "DE-09999001/verwaltung")}
    # The rest of the graph treats them like any resolution: obligations arise.
    assert rows(driver, "MATCH (o:Obligation)-[:ARISES_FROM]->(:Resolution {id: $id}) "
                        "RETURN o.deadline_date AS d", id=tempo["r"]["id"]) == [{"d": "2026-06-30"}]

    # Nothing of the agenda items that could not be read; they wait for the next run.
    for item in ("item/a2-2", "item/b1-2", "item/b2-1"):
        assert resolution(driver, u(item)) is None
    states = {s["id"]: s for s in rows(driver, "MATCH (s:SyncState) RETURN s.id AS id, "
                                               "s.last_sync AS last, s.pending AS pending")}
    assert states[u("body/a")]["pending"] == [u("item/a2-2")]
    assert sorted(states[u("body/b")]["pending"]) == [u("item/b1-2"), u("item/b2-1")]
    assert all(s["last"] for s in states.values()) and u("system") in states


def test_importing_twice_changes_nothing(driver, oparl_server, client) -> None:
    run(driver, oparl_server, client)
    first = snapshot(driver)
    again = run(driver, oparl_server, client)
    assert again.meetings == 0 and again.resolutions == 0  # nothing changed since
    assert snapshot(driver) == first
    full = run(driver, oparl_server, client, since="2000-01-01T00:00:00+00:00")
    assert full.resolutions == 4
    assert snapshot(driver) == first


def test_the_next_run_reads_changes_deletions_and_retries(driver, oparl_server,
                                                          client) -> None:
    u = oparl_server.url
    run(driver, oparl_server, client)
    schule_id = resolution(driver, u("item/b1-1"))["r"]["id"]
    muehlbach_id = resolution(driver, u("item/a1-1"))["r"]["id"]
    new_text = oparl_server.SCHULE_NEW
    oparl_server.touch(u("item/b1-1"), resolutionText=new_text)
    oparl_server.delete(u("item/a1-1"))
    oparl_server.heal()
    before = len(oparl_server.requests)

    report = run(driver, oparl_server, client)
    asked = [url for _, url, _ in oparl_server.requests[before:]]
    assert all("modified_since=" in url for url in asked if url.endswith(("meetings",
                                                                          "agendaItems")))
    assert report.meetings == 2  # the two meetings whose items changed
    # The changed text replaced the old statement.
    sentences = rows(driver, "MATCH ()-[s:TASKS {resolution: $id}]->() RETURN s.sentence AS s, "
                             "s.deadline_date AS d", id=schule_id)
    assert sentences == [{"s": new_text, "d": "2026-12-31"}]
    # The deleted agenda item took its resolution, statements and obligations with it.
    assert resolution(driver, u("item/a1-1")) is None
    assert rows(driver, "MATCH ()-[s {resolution: $id}]->() RETURN s", id=muehlbach_id) == []
    assert rows(driver, "MATCH (o:Obligation {resolution: $id}) RETURN o", id=muehlbach_id) == []
    # The file and the consultation answer again: their items are stored now.
    assert resolution(driver, u("item/a2-2")) is not None
    assert resolution(driver, u("item/b2-1"))["issuer"] == "DE-08999002/bauausschuss"
    assert report.failures == [f"{u('paper/bad')}: not JSON (JSONDecodeError)"]
    pending = rows(driver, "MATCH (s:SyncState) WHERE s.pending <> [] RETURN s.id AS id, "
                           "s.pending AS pending")
    assert pending == [{"id": u("body/b"), "pending": [u("item/b1-2")]}]

    # Incremental runs end where a fresh import of the same server state ends.
    incremental = snapshot(driver)
    driver.execute_query("MATCH (n) DETACH DELETE n")
    run(driver, oparl_server, client)
    assert snapshot(driver) == incremental


def test_a_changed_paper_and_a_renamed_gremium(driver, oparl_server, client) -> None:
    u = oparl_server.url
    run(driver, oparl_server, client)
    oparl_server.touch(u("paper/a1"), reference="2026/0042-1")
    report = run(driver, oparl_server, client)
    assert report.meetings == 0  # only the paper changed
    assert resolution(driver, u("item/a1-1"))["r"]["paper"] == "2026/0042-1"

    oparl_server.touch(u("org/a1"), name="Gemeinderat Musterdorf")
    run(driver, oparl_server, client)
    renamed = "DE-09999001/gemeinderat-musterdorf"
    assert resolution(driver, u("item/a1-1"))["issuer"] == renamed
    assert resolution(driver, u("item/a1-3"))["issuer"] == renamed
    tempo = resolution(driver, u("item/a2-1"))["r"]["id"]
    assert ("DE-09999001/ausschuss-fuer-umwelt-und-verkehr", "RECOMMENDS", renamed) in \
        statements(driver, tempo)
    assert rows(driver, "MATCH (a {id: 'DE-09999001/gemeinderat'}) RETURN a") == []
    incremental = snapshot(driver)
    driver.execute_query("MATCH (n) DETACH DELETE n")
    run(driver, oparl_server, client)
    assert snapshot(driver) == incremental


def test_a_deleted_meeting_removes_its_resolutions_and_gremium(driver, oparl_server,
                                                              client) -> None:
    run(driver, oparl_server, client)
    oparl_server.delete(oparl_server.url("meeting/a2"))
    report = run(driver, oparl_server, client)
    assert report.removed == 1
    assert resolution(driver, oparl_server.url("item/a2-1")) is None
    # The committee issued nothing else and nothing names it: it goes too.
    assert rows(driver, "MATCH (a {id: 'DE-09999001/ausschuss-fuer-umwelt-und-verkehr'}) "
                        "RETURN a") == []
    assert rows(driver, "MATCH (a {id: 'DE-09999001/gemeinderat'}) RETURN a.name AS n") == [
        {"n": "Gemeinderat Musterdorf"}]

    # A deleted body takes all it made: resolutions, Gremien, its Kommune.
    oparl_server.delete(oparl_server.url("body/b"))
    report = run(driver, oparl_server, client)
    assert report.bodies == 1 and report.removed == 1
    assert rows(driver, "MATCH (a) WHERE a.id STARTS WITH 'DE-08999002' RETURN a.id") == []


def test_one_body_and_a_limit(driver, oparl_server, client) -> None:
    report = run(driver, oparl_server, client, body="Beispielstadt")
    assert report.bodies == 1
    kommunen = rows(driver, "MATCH (r:Resolution)-[:ISSUED_BY]->()-[:PART_OF]->(k:Kommune) "
                            "RETURN DISTINCT k.id AS k")
    assert kommunen == [{"k": "DE-08999002"}]
    states = rows(driver, "MATCH (s:SyncState) RETURN s.id AS id")
    assert states == [{"id": oparl_server.url("body/b")}]  # not the whole system

    driver.execute_query("MATCH (n) DETACH DELETE n")
    limited = run(driver, oparl_server, client, limit=2)
    assert limited.agenda_items == 2 and limited.resolutions == 1
    assert rows(driver, "MATCH (s:SyncState) WHERE s.last_sync IS NOT NULL RETURN s") == []


@pytest.fixture
def runner(driver: Driver, neo4j_uri: str, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("NEO4J_URI", neo4j_uri)
    monkeypatch.setenv("NEO4J_PASSWORD", "unused")
    for name, value in {"SKG_OPARL_RATE": "0", "SKG_OPARL_TIMEOUT": "0.5",
                        "SKG_OPARL_ATTEMPTS": "2", "SKG_OPARL_BACKOFF": "0.05"}.items():
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()


def test_cli_prints_failures_and_a_summary(runner, oparl_server) -> None:
    result = runner.invoke(app, ["oparl", "import", oparl_server.url("system"),
                                 "--no-progress"])
    assert result.exit_code == 1
    assert result.stdout.strip().splitlines()[-1].startswith(
        "Read 2 bodies, 5 meetings, 8 agenda items; stored 4 resolutions")
    assert result.stdout.strip().endswith("; 5 failed.")
    assert f"skg: {oparl_server.base}/files/broken.pdf: HTTP 500 (2 attempts)" in \
        result.stderr.splitlines()

    oparl_server.heal()
    healed = runner.invoke(app, ["oparl", "import", oparl_server.url("system"), "--body",
                                 "Musterdorf", "--no-progress"])
    assert healed.exit_code == 0, healed.output
    assert "stored 1 resolutions" in healed.stdout and healed.stdout.endswith("0 failed.\n")


def test_cli_refuses_bad_arguments_in_one_line(runner) -> None:
    result = runner.invoke(app, ["oparl", "import", "ftp://example/oparl"])
    assert result.exit_code == 1
    assert result.stderr == "skg: ftp://example/oparl: not an http(s) URL of an OParl system\n"
    result = runner.invoke(app, ["oparl", "import", "http://127.0.0.1:9/system",
                                 "--since", "yesterday"])
    assert result.exit_code == 1
    assert "--since 'yesterday' is not an ISO date-time" in result.stderr
