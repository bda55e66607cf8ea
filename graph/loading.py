"""Loading documents: extract each file, then store it in one transaction of its own.

A bad file is reported (file and reason in one line) and skipped; the rest of the run goes
on, and nothing of the bad file reaches the graph.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from neo4j import Driver, ManagedTransaction
from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired
from tqdm import tqdm

from graph.errors import GraphUnavailable
from graph.obligations import refresh_obligations
from graph.reference import store_gazetteer
from graph.schema import apply_schema
from graph.store import StoredCounts, delete_document, store_resolution


@dataclass
class LoadReport:
    """What a load run did; `failures` holds one line per rejected file."""

    documents: int = 0
    resolutions: int = 0
    statements: int = 0
    failures: list[str] = field(default_factory=list)


def document_key(path: Path) -> str:
    """How a document is named in the graph: its resolved path."""
    return str(path.resolve())


def store_document(tx: ManagedTransaction, resolutions: Sequence, document: str,
                   checksum: str | None) -> StoredCounts:
    """Replace whatever an earlier load of this document wrote, then write it anew."""
    delete_document(tx, [r.id for r in resolutions], document)
    total = StoredCounts()
    for resolution in resolutions:
        counts = store_resolution(tx, resolution, document, checksum)
        total.resolutions += counts.resolutions
        total.statements += counts.statements
    return total


def load_documents(driver: Driver, files: Sequence[Path], progress: bool = True,
                   database: str | None = None) -> LoadReport:
    """Extract and store each file; returns counts and the failures."""
    from loaders import extract_file
    from loaders.errors import DocumentError

    apply_schema(driver, database)
    store_gazetteer(driver, database)
    report = LoadReport()
    bar = tqdm(files, desc="Loading", unit="doc", disable=not progress)
    for path in bar:
        try:
            resolutions = extract_file(path)
        except DocumentError as exc:
            report.failures.append(str(exc))
            continue
        checksum = getattr(resolutions[0], "checksum", None) if resolutions else None
        try:
            with driver.session(database=database) as session:
                counts = session.execute_write(store_document, resolutions,
                                               document_key(path), checksum)
        except (ServiceUnavailable, SessionExpired) as exc:
            raise GraphUnavailable(f"Neo4j stopped answering while loading {path}: "
                                   f"{exc}; run the load again") from exc
        except Neo4jError as exc:
            report.failures.append(f"{path}: the graph refused it ({exc.message})")
            continue
        report.documents += 1
        report.resolutions += counts.resolutions
        report.statements += counts.statements
    if report.documents:
        refresh_obligations(driver, database)
    return report
