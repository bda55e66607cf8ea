"""Loading in batches: a batch lands as the same documents one by one would, and a document
the graph refuses fails alone while the rest of its batch lands."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from neo4j import Driver

from graph.loading import Batch, LoadReport, load_documents, store_documents
from loaders import extract_file

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "resolutions"


def graph_state(driver: Driver) -> tuple:
    """Every node (labels, id) and relationship (type, ends, properties) in the graph."""
    nodes, _, _ = driver.execute_query(
        "MATCH (n) RETURN labels(n) AS labels, n.id AS id, properties(n) AS props")
    rels, _, _ = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS a, b.id AS b, "
        "properties(r) AS props")
    return (sorted((sorted(r["labels"]), r["id"], sorted(r["props"].items(), key=str))
                   for r in nodes),
            sorted((r["type"], r["a"], r["b"], sorted(r["props"].items(), key=str))
                   for r in rels))


def example_batch() -> Batch:
    batch = Batch()
    for path in sorted(EXAMPLES.glob("*.txt")):
        batch.add(path, extract_file(path))
    return batch


def test_a_batch_writes_what_the_documents_write_one_by_one(driver: Driver) -> None:
    load_documents(driver, [], progress=False)  # schema and gazetteer
    batch = example_batch()
    report = LoadReport()
    with driver.session() as session:  # batches of one: a transaction per document
        for path, (resolutions, _, _) in zip(batch.paths, batch.documents, strict=True):
            single = Batch()
            single.add(path, resolutions)
            store_documents(session, single, report, driver)
    assert (report.batches, report.documents, report.failures) == (0, 4, [])
    one_by_one = graph_state(driver)
    driver.execute_query("MATCH (n) DETACH DELETE n")
    load_documents(driver, [], progress=False)
    batched = LoadReport()
    with driver.session() as session:
        store_documents(session, example_batch(), batched, driver)
    assert (batched.batches, batched.retried_batches, batched.failures) == (1, 0, [])
    assert batched.documents == len(batch.documents) == 4
    assert batched.statements == report.statements > 0
    assert graph_state(driver) == one_by_one


def test_a_refused_document_fails_alone_and_the_rest_of_its_batch_lands(
        driver: Driver) -> None:
    load_documents(driver, [], progress=False)
    batch = example_batch()
    bad_path = batch.paths[1]
    resolutions, document, checksum = batch.documents[1]
    # A title Neo4j cannot store (a map is no property value): the graph refuses the row.
    batch.documents[1] = ([dataclasses.replace(resolutions[0], title={"not": "a string"})],
                          document, checksum)
    report = LoadReport()
    with driver.session() as session:
        store_documents(session, batch, report, driver)
    assert report.retried_batches == 1 and report.batches == 0
    assert len(report.failures) == 1 and report.failures[0].startswith(f"{bad_path}: ")
    assert report.documents == 3
    records, _, _ = driver.execute_query(
        "MATCH (r:Resolution) RETURN r.document AS document, r.id AS id")
    stored = {r["document"] for r in records}
    assert stored == {d for i, (_, d, _) in enumerate(batch.documents) if i != 1}
    expected = {r.id: len(r.statements) for i, (rs, _, _) in enumerate(batch.documents)
                if i != 1 for r in rs}
    records, _, _ = driver.execute_query(
        "MATCH (r:Resolution) OPTIONAL MATCH ()-[s {resolution: r.id}]->() "
        "WHERE s.sentence IS NOT NULL RETURN r.id AS id, count(s) AS n")
    assert {r["id"]: r["n"] for r in records} == expected
