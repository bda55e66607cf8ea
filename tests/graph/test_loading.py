"""Loading resolutions into the real Neo4j: what lands, and that reloading changes nothing."""

from pathlib import Path

from neo4j import Driver

from graph.loading import load_documents

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "resolutions"

SEED = EXAMPLES / "dmk-2024-10-18-top07.txt"


def counts(driver: Driver) -> tuple[int, int]:
    records, _, _ = driver.execute_query(
        "MATCH (n) WITH count(n) AS nodes "
        "OPTIONAL MATCH ()-[r]->() RETURN nodes, count(r) AS rels")
    return records[0]["nodes"], records[0]["rels"]


def test_seed_resolution_lands_with_issuer_submitters_and_requests(driver: Driver) -> None:
    report = load_documents(driver, [SEED], progress=False)
    assert report.failures == [] and report.resolutions == 1
    records, _, _ = driver.execute_query(
        "MATCH (r:Resolution)-[:ISSUED_BY]->(i:Actor) "
        "OPTIONAL MATCH (s:Actor)-[:SUBMITS]->(r) "
        "RETURN r.date AS date, r.place AS place, i.id AS issuer, collect(s.name) AS subs")
    row = records[0]
    assert (row["date"], row["place"], row["issuer"]) == ("2024-10-18", "Berlin", "DMK")
    assert set(row["subs"]) == {"Hessen", "Bayern", "Berlin", "Nordrhein-Westfalen",
                                "Schleswig-Holstein"}
    records, _, _ = driver.execute_query(
        "MATCH (:Actor {id: 'DMK'})-[r:REQUESTS]->(a:Actor) "
        "RETURN collect(DISTINCT a.id) AS ids, collect(r.sentence) AS sentences")
    assert {"BMK", "ITPLR", "DE"} <= set(records[0]["ids"])
    assert all("bittet" in s for s in records[0]["sentences"])


def test_loading_twice_leaves_identical_counts(driver: Driver) -> None:
    files = sorted(EXAMPLES.iterdir())
    load_documents(driver, files, progress=False)
    first = counts(driver)
    load_documents(driver, files, progress=False)
    assert counts(driver) == first
    assert first[0] > 20


def test_changed_document_replaces_its_statements(driver: Driver, tmp_path: Path) -> None:
    doc = tmp_path / "beschluss.txt"
    text = SEED.read_text(encoding="utf-8")
    doc.write_text(text, encoding="utf-8")
    load_documents(driver, [doc], progress=False)
    cut = text.replace("5. Die Digitalministerkonferenz bittet den Bund", "5. Ferner wird")
    doc.write_text(cut, encoding="utf-8")
    load_documents(driver, [doc], progress=False)
    records, _, _ = driver.execute_query(
        "MATCH (:Actor {id: 'DMK'})-[r:REQUESTS]->(:Actor {id: 'DE'}) "
        "WHERE r.point = '5' AND r.sentence STARTS WITH '5. Die Digitalministerkonferenz' "
        "RETURN count(r) AS n")
    assert records[0]["n"] == 0


def test_a_bad_file_is_reported_and_the_others_load(driver: Driver, tmp_path: Path) -> None:
    empty = tmp_path / "leer.txt"
    empty.write_bytes(b"")
    report = load_documents(driver, [empty, SEED], progress=False)
    assert report.resolutions == 1
    assert len(report.failures) == 1 and str(empty) in report.failures[0]
    records, _, _ = driver.execute_query(
        "MATCH (r:Resolution) RETURN collect(r.document) AS docs")
    assert all("leer.txt" not in d for d in records[0]["docs"])
