"""Loading documents: extract each file, then store it in one transaction of its own.

A bad file is reported (file and reason in one line) and skipped; the rest of the run goes
on, and nothing of the bad file reaches the graph.

Extraction is CPU-bound pure Python and the store mostly waits on Neo4j, so with
`workers > 1` a process pool extracts ahead while this process stores the documents in
their given order. The pool runs at most a bounded window of files ahead, so memory does
not grow with the corpus.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from neo4j import Driver, ManagedTransaction, Session
from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired
from tqdm import tqdm

from graph.errors import GraphUnavailable
from graph.obligations import refresh_obligations
from graph.reference import store_gazetteer
from graph.schema import apply_schema
from graph.store import StoredCounts, delete_document, store_resolutions

#: Files each extraction worker may run ahead of the store.
AHEAD_PER_WORKER = 8


@dataclass
class LoadReport:
    """What a load run did; `failures` holds one line per rejected file.

    `extract_seconds` adds up the extraction time of every file (across workers);
    `store_seconds` is the time this process spent in store transactions and
    `wait_seconds` the time it waited for an extraction to finish.
    """

    documents: int = 0
    resolutions: int = 0
    statements: int = 0
    failures: list[str] = field(default_factory=list)
    workers: int = 1
    extract_seconds: float = 0.0
    store_seconds: float = 0.0
    wait_seconds: float = 0.0


@dataclass
class Extracted:
    """One file's extraction result as it travels back from a worker."""

    path: Path
    resolutions: list[Any] | None
    failure: str | None
    seconds: float


def document_key(path: Path, root: Path | None = None) -> str:
    """How a document is named in the graph: its name relative to the folder that was
    loaded (`sub/top-7.txt`), or its file name; never the loading machine's path."""
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return path.name


def name_document(resolutions: Sequence[Any], document: str,
                  source_url: str | None = None) -> None:
    """Give the resolutions and their statements the document's name (and, when given, the
    address it is published at, which wins over what the document itself says)."""
    for resolution in resolutions:
        resolution.document = document
        resolution.source_url = source_url or getattr(resolution, "source_url", None)
        for statement in resolution.statements:
            if statement.source is not None:
                statement.source = replace(statement.source, document=document)


def store_document(tx: ManagedTransaction, resolutions: Sequence, document: str,
                   checksum: str | None) -> StoredCounts:
    """Replace whatever an earlier load of this document wrote, then write it anew
    (two queries, whatever the document holds)."""
    delete_document(tx, [r.id for r in resolutions], document)
    return store_resolutions(tx, resolutions, document, checksum)


def extract_one(path: Path) -> Extracted:
    """Extract one file; a bad file comes back as its one-line failure, not an exception."""
    import loaders
    from loaders.errors import DocumentError

    started = time.perf_counter()
    try:
        resolutions = loaders.extract_file(path)
    except DocumentError as exc:
        return Extracted(path, None, str(exc), time.perf_counter() - started)
    return Extracted(path, resolutions, None, time.perf_counter() - started)


def default_workers() -> int:
    """Extraction processes when none are asked for: one per CPU."""
    return os.cpu_count() or 1


def _pool(workers: int) -> Executor:
    # fork: the children inherit the loaded ontology and gazetteer instead of loading them
    # again; the parent has no threads yet (the pool starts before the progress bar).
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    return ProcessPoolExecutor(max_workers=workers, mp_context=context)


def extracted_in_order(files: Sequence[Path], workers: int,
                       report: LoadReport) -> Iterator[Extracted]:
    """Each file's extraction, in the order given; with `workers > 1` from a process pool
    that runs at most `AHEAD_PER_WORKER * workers` files ahead of the caller."""
    if workers <= 1:
        for path in files:
            yield extract_one(path)
        return
    pool = _pool(workers)
    window: deque[Future] = deque()
    pending = iter(files)
    try:
        for path in pending:
            window.append(pool.submit(extract_one, path))
            if len(window) >= AHEAD_PER_WORKER * workers:
                break
        while window:
            waited = time.perf_counter()
            result = window.popleft().result()
            report.wait_seconds += time.perf_counter() - waited
            following = next(pending, None)
            if following is not None:
                window.append(pool.submit(extract_one, following))
            yield result
    finally:
        for future in window:
            future.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


def load_documents(driver: Driver, files: Sequence[Path], progress: bool = True,
                   database: str | None = None, workers: int | None = None,
                   names: Mapping[Path, str] | None = None,
                   source_url: str | None = None) -> LoadReport:
    """Extract and store each file (extraction in `workers` processes, default one per
    CPU; 1 extracts in this process); returns counts, timings and the failures.

    `names` gives a file's document name (default: its file name, see `document_key`);
    `source_url` is where the documents are published."""
    apply_schema(driver, database)
    store_gazetteer(driver, database)
    workers = max(1, min(workers or default_workers(), len(files) or 1))
    report = LoadReport(workers=workers)
    documents = extracted_in_order(files, workers, report)
    bar = tqdm(total=len(files), desc="Loading", unit="doc", disable=not progress)
    # One session for the run: a session per document costs a connection hand-over (and a
    # home-database look-up) each time; every document is still its own transaction.
    session = driver.session(database=database)
    loaded: list[str] = []
    try:
        for item in documents:
            bar.update(1)
            report.extract_seconds += item.seconds
            if item.failure is not None:
                report.failures.append(item.failure)
                continue
            resolutions = item.resolutions or []
            name_document(resolutions, (names or {}).get(item.path) or document_key(item.path),
                          source_url)
            counts = _store(session, item.path, resolutions, report)
            if counts is None:
                continue
            report.documents += 1
            loaded.extend(r.id for r in resolutions)
            report.resolutions += counts.resolutions
            report.statements += counts.statements
    finally:
        session.close()
        bar.close()
        documents.close()
    if report.documents:
        refresh_obligations(driver, database, loaded)
    return report


def _store(session: Session, path: Path, resolutions: list[Any],
           report: LoadReport) -> StoredCounts | None:
    """One document in one write transaction; None (and a failure line) if refused."""
    checksum = getattr(resolutions[0], "checksum", None) if resolutions else None
    started = time.perf_counter()
    try:
        document = resolutions[0].document if resolutions else document_key(path)
        return session.execute_write(store_document, resolutions, document, checksum)
    except (ServiceUnavailable, SessionExpired) as exc:
        raise GraphUnavailable(f"Neo4j stopped answering while loading {path}: "
                               f"{exc}; run the load again") from exc
    except Neo4jError as exc:
        report.failures.append(f"{path}: the graph refused it ({exc.message})")
        return None
    finally:
        report.store_seconds += time.perf_counter() - started
