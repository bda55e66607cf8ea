"""Loading documents: extract each file, then store them in batches of many documents.

A batch is one transaction (the rows of all its documents in one `UNWIND` per kind), so a
loader killed at any moment leaves whole documents. A batch the graph refuses is stored again
document by document: a bad file is reported (file and reason in one line) and skipped, the
rest lands, and nothing of the bad file reaches the graph.

Extraction is CPU-bound pure Python and the store mostly waits on Neo4j, so with
`workers > 1` a process pool extracts ahead while this process stores the documents in
their given order. A batch closes when it is full or when the next extraction is not done
yet, so the store never waits holding finished documents, and batches grow by themselves
when the store is the slower side. The pool runs at most a bounded window of files ahead,
so memory does not grow with the corpus. Workers end with the loader, however it ends
(`graph/workers.py`).
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from neo4j import Driver, ManagedTransaction, Session
from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired
from tqdm import tqdm

from graph.errors import GraphUnavailable
from graph.obligations import fill_deadline_keys, refresh_obligations
from graph.reference import store_gazetteer
from graph.schema import apply_schema
from graph.store import StoredCounts, delete_document, store_batch, store_resolutions
from graph.workers import extraction_pool

#: Files each extraction worker may run ahead of the store, besides a full batch.
AHEAD_PER_WORKER = 8
#: A batch closes at this many documents or statements, whichever comes first.
BATCH_DOCUMENTS = 500
BATCH_STATEMENTS = 5000


@dataclass
class LoadReport:
    """What a load run did; `failures` holds one line per rejected file.

    `extract_seconds` adds up the extraction time of every file (across workers);
    `store_seconds` is the time this process spent in store transactions (and the refresh
    of obligations after each batch, also in `refresh_seconds`), `wait_seconds` the time
    it waited for an extraction to finish. `batches` counts store transactions of several
    documents, `retried_batches` those refused and stored again document by document.
    """

    documents: int = 0
    resolutions: int = 0
    statements: int = 0
    failures: list[str] = field(default_factory=list)
    workers: int = 1
    extract_seconds: float = 0.0
    store_seconds: float = 0.0
    wait_seconds: float = 0.0
    refresh_seconds: float = 0.0
    batches: int = 0
    retried_batches: int = 0


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


def extract_one(path: Path, source_url: str | None = None) -> Extracted:
    """Extract one file (published at `source_url`, when given); a bad file comes back as
    its one-line failure, not an exception."""
    import loaders
    from loaders.errors import DocumentError

    started = time.perf_counter()
    try:
        resolutions = loaders.extract_file(path, source_url)
    except DocumentError as exc:
        return Extracted(path, None, str(exc), time.perf_counter() - started)
    return Extracted(path, resolutions, None, time.perf_counter() - started)


def default_workers() -> int:
    """Extraction processes when none are asked for: one per CPU."""
    return os.cpu_count() or 1


class Extractions:
    """Each file's extraction, in the order given; with `workers > 1` from a process pool
    that runs at most `window` files ahead of the caller."""

    def __init__(self, files: Sequence[Path], workers: int, report: LoadReport,
                 window: int, source_url: str | None = None) -> None:
        self.files, self.workers, self.report, self.window = files, workers, report, window
        self.source_url = source_url
        self._ahead: deque[Future] = deque()

    def next_is_ready(self) -> bool:
        """Whether the next extraction is done (always, when extracting in this process)."""
        return self.workers <= 1 or not self._ahead or self._ahead[0].done()

    def __iter__(self) -> Iterator[Extracted]:
        if self.workers <= 1:
            for path in self.files:
                yield extract_one(path, self.source_url)
            return
        pool = extraction_pool(self.workers)
        pending = iter(self.files)
        try:
            for path in pending:
                self._ahead.append(pool.submit(extract_one, path, self.source_url))
                if len(self._ahead) >= self.window:
                    break
            while self._ahead:
                waited = time.perf_counter()
                result = self._ahead.popleft().result()
                self.report.wait_seconds += time.perf_counter() - waited
                following = next(pending, None)
                if following is not None:
                    self._ahead.append(pool.submit(extract_one, following, self.source_url))
                yield result
        finally:
            for future in self._ahead:
                future.cancel()
            pool.shutdown(wait=True, cancel_futures=True)


@dataclass
class Batch:
    """Extracted documents waiting for their store transaction."""

    paths: list[Path] = field(default_factory=list)
    documents: list[tuple[list[Any], str, str | None]] = field(default_factory=list)
    statements: int = 0
    limit: int = BATCH_DOCUMENTS

    def add(self, path: Path, resolutions: list[Any], document: str | None = None) -> None:
        checksum = getattr(resolutions[0], "checksum", None) if resolutions else None
        self.paths.append(path)
        self.documents.append((resolutions, document or document_key(path), checksum))
        self.statements += sum(len(r.statements) for r in resolutions)

    def full(self) -> bool:
        return len(self.documents) >= self.limit or self.statements >= BATCH_STATEMENTS


def load_documents(driver: Driver, files: Sequence[Path], progress: bool = True,
                   database: str | None = None, workers: int | None = None,
                   names: Mapping[Path, str] | None = None,
                   source_url: str | None = None,
                   batch_documents: int = BATCH_DOCUMENTS) -> LoadReport:
    """Extract and store each file (extraction in `workers` processes, default one per
    CPU; 1 extracts in this process); returns counts, timings and the failures.

    `names` gives a file's document name (default: its file name, see `document_key`);
    `source_url` is where the documents are published."""
    apply_schema(driver, database)
    fill_deadline_keys(driver, database)
    store_gazetteer(driver, database)
    workers = max(1, min(workers or default_workers(), len(files) or 1))
    report = LoadReport(workers=workers)
    extractions = Extractions(files, workers, report,
                              window=BATCH_DOCUMENTS + AHEAD_PER_WORKER * workers,
                              source_url=source_url)
    documents = iter(extractions)
    bar = tqdm(total=len(files), desc="Loading", unit="doc", disable=not progress)
    # One session for the run: a session per transaction costs a connection hand-over (and
    # a home-database look-up) each time.
    session = driver.session(database=database)
    batch = Batch(limit=batch_documents)
    try:
        for item in documents:
            bar.update(1)
            report.extract_seconds += item.seconds
            if item.failure is not None:
                report.failures.append(item.failure)
            else:
                resolutions = item.resolutions or []
                document = (names or {}).get(item.path) or document_key(item.path)
                name_document(resolutions, document, source_url)
                batch.add(item.path, resolutions, document)
            if batch.documents and (batch.full() or not extractions.next_is_ready()):
                store_documents(session, batch, report, driver, database)
                batch = Batch(limit=batch_documents)
        if batch.documents:
            store_documents(session, batch, report, driver, database)
    finally:
        session.close()
        bar.close()
        documents.close()  # type: ignore[attr-defined]
    return report


def store_documents(session: Session, batch: Batch, report: LoadReport,
                    driver: Driver, database: str | None = None) -> None:
    """One batch in one write transaction, then its obligations refreshed; a batch the
    graph refuses is stored again document by document, so a bad one fails alone."""
    started = time.perf_counter()
    loaded: list[str] = []
    try:
        if len(batch.documents) > 1:
            try:
                counts = session.execute_write(store_batch, batch.documents)
            except Neo4jError:
                report.retried_batches += 1
            else:
                report.batches += 1
                report.documents += len(batch.documents)
                report.resolutions += counts.resolutions
                report.statements += counts.statements
                loaded = [r.id for resolutions, _, _ in batch.documents for r in resolutions]
        if not loaded:
            for path, (resolutions, document, checksum) in zip(batch.paths, batch.documents,
                                                                 strict=True):
                if _store(session, path, resolutions, document, checksum, report):
                    loaded.extend(r.id for r in resolutions)
        refreshed = time.perf_counter()
        if loaded:
            refresh_obligations(driver, database, loaded)
        report.refresh_seconds += time.perf_counter() - refreshed
    except (ServiceUnavailable, SessionExpired) as exc:
        raise GraphUnavailable(f"Neo4j stopped answering while loading {batch.paths[0]}: "
                               f"{exc}; run the load again") from exc
    finally:
        report.store_seconds += time.perf_counter() - started


def _store(session: Session, path: Path, resolutions: list[Any], document: str,
           checksum: str | None, report: LoadReport) -> bool:
    """One document in one write transaction; False (and a failure line) if refused."""
    try:
        counts = session.execute_write(store_document, resolutions, document, checksum)
    except Neo4jError as exc:
        report.failures.append(f"{path}: the graph refused it ({exc.message})")
        return False
    report.documents += 1
    report.resolutions += counts.resolutions
    report.statements += counts.statements
    return True
