"""What the full-text indexes cost a load's commits, and what rebuilding them after a load costs.

On the graph the run built, a sample of its documents is loaded again (each reload replaces
the document) two ways: with the schema's full-text indexes as they are (updated inside each
commit) and with them eventually consistent (Neo4j applies the updates after the commit);
then they are rebuilt from scratch on the whole graph (the price of dropping them for a load
and creating them after it). The schema is restored at the end.
"""

from __future__ import annotations

import time
from pathlib import Path

from neo4j import Driver

from bench.measure_loading import _run_loader
from graph.schema import FULLTEXT_NODES, FULLTEXT_STATEMENTS, apply_schema, schema_statements

SAMPLE = 300


def _fulltext_statements() -> dict[str, str]:
    return {name: next(s for s in schema_statements() if f" {name} " in s)
            for name in (FULLTEXT_NODES, FULLTEXT_STATEMENTS)}


def _drop_fulltext(driver: Driver) -> None:
    for name in (FULLTEXT_NODES, FULLTEXT_STATEMENTS):
        driver.execute_query(f"DROP INDEX {name} IF EXISTS")


def _create_fulltext(driver: Driver, eventually_consistent: bool) -> float:
    """Create both full-text indexes and wait until they are online; seconds taken."""
    started = time.perf_counter()
    for statement in _fulltext_statements().values():
        if eventually_consistent:
            statement += " OPTIONS {indexConfig: {`fulltext.eventually_consistent`: true}}"
        driver.execute_query(statement)
    driver.execute_query("CALL db.awaitIndexes(3600)")
    return time.perf_counter() - started


def _reload_ms_per_doc(uri: str, sample: Path, workdir: Path, name: str) -> float | None:
    figures = _run_loader(uri, sample, workdir / f"index-{name}.json", None, 1, 3600)
    if "error" in figures or not figures.get("documents"):
        return None
    return round(figures["store_seconds"] / figures["documents"] * 1000, 2)


def measure_indexes(driver: Driver, uri: str, corpus: Path, workdir: Path) -> dict:
    """Store ms per reloaded document with full-text indexes in the commit and eventually
    consistent; seconds to rebuild both on the whole graph."""
    sample = workdir / "index-sample"
    sample.mkdir(exist_ok=True)
    files = sorted(p for p in corpus.iterdir() if p.suffix in {".txt", ".pdf"})
    for path in files[::max(1, len(files) // SAMPLE)][:SAMPLE]:
        link = sample / path.name
        if not link.exists():
            link.symlink_to(path)
    documents = len(list(sample.iterdir()))
    try:
        in_commit = _reload_ms_per_doc(uri, sample, workdir, "in-commit")
        _drop_fulltext(driver)
        _create_fulltext(driver, eventually_consistent=True)
        eventual = _reload_ms_per_doc(uri, sample, workdir, "eventual")
        _drop_fulltext(driver)
        rebuild = _create_fulltext(driver, eventually_consistent=False)
    finally:
        _drop_fulltext(driver)
        apply_schema(driver)
    return {"status": "ok", "documents": documents,
            "store_ms_per_doc_fulltext_in_commit": in_commit,
            "store_ms_per_doc_fulltext_eventually_consistent": eventual,
            "fulltext_rebuild_seconds_whole_graph": round(rebuild, 2)}
