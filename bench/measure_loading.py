"""Loading: the project's loader against a bare-driver `UNWIND $rows … MERGE` of the same rows.

The loader runs in a child process (`python -m bench.measure_loading …`) so that its peak RSS
is its own. It runs `graph.loading.load_documents` unchanged (which times extraction and the
store transactions itself); a wrapper around `store_documents` writes each document's rows
to a JSON-lines file (its time is taken out). The parent then writes the same rows with the bare
driver under labels of its own (`BenchActor`, …) twice — in batches of 5,000 statements (the
baseline the store is held to) and one transaction per document (for context) — and removes
them again.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from neo4j import Driver, GraphDatabase, ManagedTransaction

BASE_LABELS = {"actor": "BenchActor", "matter": "BenchMatter", "resolution": "BenchResolution"}


def baseline_rows(resolutions: list[Any]) -> dict:
    """The nodes and statement rows of one document, in the shape the baseline writes."""
    from ontology.model import load_ontology

    ont = load_ontology()
    nodes: dict[str, dict] = {}
    rels: list[dict] = []
    heads: list[dict] = []

    def kind(ref: Any) -> str:
        return "actor" if ont.is_a(ref.type_key, "actor") else "matter"

    for res in resolutions:
        if res.issuer is not None:
            nodes[res.issuer.id] = {"id": res.issuer.id, "name": res.issuer.name, "k": "actor"}
        heads.append({"id": res.id, "issuer": res.issuer.id if res.issuer else None,
                      "props": {k: v for k, v in {"date": res.date, "title": res.title,
                                                  "item": res.item}.items() if v}})
        for i, st in enumerate(res.statements):
            for ref in (st.subject, st.object):
                nodes.setdefault(ref.id, {"id": ref.id, "name": ref.name, "k": kind(ref)})
            props = {k: v for k, v in {"resolution": res.id, "deadline": st.deadline,
                                       "amount": st.amount, "action": st.action,
                                       "sentence": st.source.sentence if st.source else None
                                       }.items() if v}
            rels.append({"type": ont.relations[st.predicate].neo4j_type, "s": st.subject.id,
                         "o": st.object.id, "ok": kind(st.object), "id": f"{res.id}#{i}",
                         "props": props})
    return {"resolutions": heads, "nodes": list(nodes.values()), "rels": rels}


def _write_baseline(tx: ManagedTransaction, doc: dict) -> None:
    by_kind: dict[str, list[dict]] = defaultdict(list)
    for node in doc["nodes"]:
        by_kind[node["k"]].append(node)
    for key, rows in by_kind.items():
        tx.run(f"UNWIND $rows AS row MERGE (n:`{BASE_LABELS[key]}` {{id: row.id}}) "
               "SET n.name = row.name", rows=rows)
    tx.run("UNWIND $rows AS row MERGE (r:BenchResolution {id: row.id}) SET r += row.props "
           "WITH r, row MATCH (i:BenchActor {id: row.issuer}) MERGE (r)-[:ISSUED_BY]->(i)",
           rows=doc["resolutions"])
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for rel in doc["rels"]:
        groups[(rel["type"], rel["ok"])].append(rel)
    for (rel_type, obj_kind), rows in groups.items():
        tx.run(f"UNWIND $rows AS row MATCH (s:BenchActor {{id: row.s}}) "
               f"MATCH (o:`{BASE_LABELS[obj_kind]}` {{id: row.o}}) "
               f"MERGE (s)-[r:`{rel_type}` {{id: row.id}}]->(o) SET r += row.props", rows=rows)


BASELINE_BATCH = 5000  # statements per bare-driver transaction in the batched baseline
PER_DOCUMENT_SAMPLE = 1000  # documents the per-document baseline (context only) writes


def _baseline_batches(rows_file: Path, batch_statements: int | None,
                      documents: int | None = None) -> Any:
    """Documents' rows merged into batches of about `batch_statements` statements (one
    document per batch when None), of the first `documents` (all when None)."""
    batch: dict = {"resolutions": [], "nodes": [], "rels": [], "documents": 0}
    with rows_file.open(encoding="utf-8") as rows:
        for number, line in enumerate(rows):
            if documents is not None and number >= documents:
                break
            doc = json.loads(line)
            for key in ("resolutions", "nodes", "rels"):
                batch[key] += doc[key]
            batch["documents"] += 1
            if batch_statements is None or len(batch["rels"]) >= batch_statements:
                yield batch
                batch = {"resolutions": [], "nodes": [], "rels": [], "documents": 0}
    if batch["documents"]:
        yield batch


def run_baseline(driver: Driver, rows_file: Path, batch_statements: int | None = None,
                 first: int | None = None) -> dict:
    """Write the rows (of the `first` documents) with the bare driver, one transaction per
    document (or per batch of `batch_statements`); then remove them."""
    for label in BASE_LABELS.values():
        driver.execute_query(f"CREATE CONSTRAINT bench_{label.lower()} IF NOT EXISTS "
                             f"FOR (n:`{label}`) REQUIRE n.id IS UNIQUE")
    statements = documents = transactions = 0
    started = time.perf_counter()
    with driver.session() as session:
        for batch in _baseline_batches(rows_file, batch_statements, first):
            session.execute_write(_write_baseline, batch)
            statements += len(batch["rels"])
            documents += batch["documents"]
            transactions += 1
    seconds = time.perf_counter() - started
    from bench.neo4j_env import clear_graph

    for label in BASE_LABELS.values():
        clear_graph(driver, label)
        driver.execute_query(f"DROP CONSTRAINT bench_{label.lower()} IF EXISTS")
    return {"documents": documents, "statements": statements, "transactions": transactions,
            "seconds": round(seconds, 3),
            "statements_per_s": round(statements / seconds, 1) if seconds else None}


def loader_worker(uri: str, corpus: Path, rows_file: Path | None,
                  workers: int | None = None) -> dict:
    """In the child: load the corpus with the project's loader, timing its parts.

    `graph.loading.load_documents` runs unchanged (extraction in its process pool); a
    wrapper around `store_documents` (in this process) writes each document's rows for the
    baseline, and its time is taken out of the store time.
    """
    import graph.loading as loading

    spent = {"rows": 0.0, "refresh": 0.0, "setup": 0.0}
    out = rows_file.open("w", encoding="utf-8") if rows_file else None
    per_document: list[float] = []
    batch_sizes: list[int] = []
    original_store_documents = loading.store_documents

    def store_documents_with_rows(session: Any, batch: Any, *args: Any, **kwargs: Any) -> Any:
        if out is not None:
            t0 = time.perf_counter()
            for resolutions, _, _ in batch.documents:
                out.write(json.dumps(baseline_rows(resolutions), ensure_ascii=False) + "\n")
            spent["rows"] += time.perf_counter() - t0
        t0 = time.perf_counter()
        try:
            return original_store_documents(session, batch, *args, **kwargs)
        finally:
            share = (time.perf_counter() - t0) / len(batch.documents)
            per_document.extend([share] * len(batch.documents))
            batch_sizes.append(len(batch.documents))

    def timed(function: Any, bucket: str) -> Any:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            t0 = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[bucket] += time.perf_counter() - t0
        return wrapper

    loading.store_documents = store_documents_with_rows
    # One-time setup (schema, gazetteer) is reported apart; the obligations refresh after
    # each batch is part of loading it (and inside the store time).
    for name, bucket in (("refresh_obligations", "refresh"), ("apply_schema", "setup"),
                         ("store_gazetteer", "setup")):
        setattr(loading, name, timed(getattr(loading, name), bucket))
    files = sorted(p for p in corpus.iterdir() if p.suffix in {".txt", ".pdf"})
    password = os.environ.get("BENCH_NEO4J_PASSWORD")
    driver = GraphDatabase.driver(uri, auth=("neo4j", password) if password else None,
                                  notifications_min_severity="OFF")
    started = time.perf_counter()
    try:
        report = loading.load_documents(driver, files, progress=False, workers=workers)
    finally:
        wall = time.perf_counter() - started
        if out is not None:
            out.close()
        driver.close()
    # Time in the store transactions (commit included) and the refresh after each batch.
    store = report.store_seconds
    return {"documents": report.documents, "statements": report.statements,
            "failures": len(report.failures), "failure_examples": report.failures[:3],
            "workers": report.workers, "wall_seconds": round(wall, 3),
            "docs_per_s": round(len(files) / wall, 1) if wall else None,
            "extract_seconds": round(report.extract_seconds, 3),
            "wait_for_extraction_seconds": round(report.wait_seconds, 3),
            "store_seconds": round(store, 3), "refresh_seconds": round(spent["refresh"], 3),
            "setup_seconds": round(spent["setup"], 3), **_growth(per_document),
            "batches": len(batch_sizes), "retried_batches": report.retried_batches,
            "mean_batch_documents": round(sum(batch_sizes) / len(batch_sizes), 1)
            if batch_sizes else None, "max_batch_documents": max(batch_sizes, default=None),
            "store_statements_per_s": round(report.statements / store, 1) if store else None,
            **_peak_rss_mb(report.workers)}


def _peak_rss_mb(workers: int) -> dict[str, float]:
    """Peak RSS of the loading process, of its largest extraction worker, and their bound
    for the whole loader (this process plus every worker at the largest one's peak)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    worker = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    total = own + (workers * worker if workers > 1 else 0)
    return {"peak_rss_mb": round(total, 1), "main_peak_rss_mb": round(own, 1),
            "worker_peak_rss_mb": round(worker, 1) if workers > 1 else None}


def _growth(durations: list[float]) -> dict:
    """Store time per document in the first and the last tenth of the run: a ratio well
    above 1 means each document costs more as the graph grows (a scan, not an index)."""
    if len(durations) < 20:
        return {}
    tenth = len(durations) // 10
    first = sum(durations[:tenth]) / tenth * 1000
    last = sum(durations[-tenth:]) / tenth * 1000
    return {"store_ms_per_doc_first_tenth": round(first, 2),
            "store_ms_per_doc_last_tenth": round(last, 2),
            "store_growth_last_to_first": round(last / first, 2) if first else None}


def _run_loader(uri: str, corpus: Path, result_file: Path, rows_file: Path | None,
                workers: int | None, timeout: float) -> dict:
    """Run the loader in a child process (its peak memory is its own); its figures, or
    `{"status": "failed", "error": …}`."""
    cmd = [sys.executable, "-m", "bench.measure_loading", "--uri", uri, "--corpus",
           str(corpus), "--result", str(result_file)]
    if rows_file is not None:
        cmd += ["--rows", str(rows_file)]
    if workers:
        cmd += ["--workers", str(workers)]
    root = Path(__file__).resolve().parents[1]
    proc = subprocess.run(cmd, cwd=root, capture_output=True, text=True, timeout=timeout)
    if proc.returncode != 0:
        return {"status": "failed", "error": (proc.stderr or proc.stdout).strip()[-800:]}
    return json.loads(result_file.read_text(encoding="utf-8"))


def measure_loading(driver: Driver, uri: str, corpus: Path, workdir: Path,
                    timeout: float = 6 * 3600, workers: int | None = None) -> dict:
    """Load the corpus in a child process, then the bare-driver baseline; their ratio."""
    rows_file = workdir / "rows.jsonl"
    loader = _run_loader(uri, corpus, workdir / "loader.json", rows_file, workers, timeout)
    if "error" in loader:
        return loader
    batched = run_baseline(driver, rows_file, BASELINE_BATCH)
    per_document = run_baseline(driver, rows_file, first=PER_DOCUMENT_SAMPLE)

    def ratio(baseline: dict) -> float | None:
        if loader.get("store_statements_per_s") and baseline.get("statements_per_s"):
            return round(loader["store_statements_per_s"] / baseline["statements_per_s"], 3)
        return None

    return {"status": "ok", "loader": loader, "batched_baseline": batched,
            "ratio_to_batched_baseline": ratio(batched), "goal_ratio": 0.5,
            "baseline_unwind_merge": per_document, "ratio_to_baseline": ratio(per_document),
            "peak_rss_mb": loader["peak_rss_mb"], "goal_peak_rss_mb": 2048}


def measure_pipeline(uri: str, corpus: Path, workdir: Path, gen_seconds: float,
                     workers: int | None = None, timeout: float = 6 * 3600) -> dict:
    """Load the corpus as `skg load` does (extraction in a process pool of `workers`, default
    one per CPU); generation plus load wall time against the 10-minute goal at 100k."""
    loader = _run_loader(uri, corpus, workdir / "pipeline.json", None, workers, timeout)
    if "error" in loader:
        return loader
    seconds = gen_seconds + loader["wall_seconds"]
    return {"status": "ok", "seconds": round(seconds, 1), "generate_seconds":
            round(gen_seconds, 1), "loader": loader,
            "docs_per_s": round(loader["documents"] / seconds, 1) if seconds else None,
            "goal_seconds_at_100k": 600, "peak_rss_mb": loader["peak_rss_mb"],
            "goal_peak_rss_mb": 2048}


def main() -> None:
    """Child-process entry point: load, then write the loader's figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--uri", required=True)
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--rows", type=Path, default=None, help="baseline rows (JSON lines)")
    parser.add_argument("--result", type=Path, required=True)
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args()
    figures = loader_worker(args.uri, args.corpus, args.rows, args.workers)
    args.result.write_text(json.dumps(figures, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
