"""Extraction: documents per second on one core, text and PDF, and recall against the manifest.

Runs in this (single-threaded) process over a time-boxed share of each format; the baseline
is reading the same files' bytes (`Path.read_bytes`), so the ratio says how much of the
time is extraction rather than the disk.
"""

from __future__ import annotations

import time
from pathlib import Path

from bench.generate import manifest_entries
from bench.recall import RecallScore


def measure_extraction(corpus: Path, seconds_per_format: float = 30.0) -> dict:
    """Docs/s per format within the time box; recall of required statements on those docs."""
    try:
        from loaders import extract_file
        from loaders.contract import to_contract
        from loaders.errors import DocumentError
    except ImportError as exc:
        return {"status": "not available", "reason": f"loaders: {exc}"}
    result: dict = {"status": "ok", "seconds_per_format": seconds_per_format}
    score = RecallScore()
    for fmt in ("txt", "pdf"):
        files = sorted(p for p in corpus.glob(f"*.{fmt}"))
        # A budget's worth of files spread over the whole corpus (early and late years).
        step = max(1, len(files) // max(1, int(seconds_per_format * 200)))
        files = files[::step]
        entries = manifest_entries(corpus, {p.name for p in files})
        done = failures = 0
        read_seconds = 0.0
        started = time.perf_counter()
        for path in files:
            t0 = time.perf_counter()
            path.read_bytes()
            read_seconds += time.perf_counter() - t0
            try:
                resolutions = extract_file(path)
            except DocumentError:
                failures += 1
                continue
            finally:
                done += 1
            if path.name in entries:
                score.add_document(entries[path.name], to_contract(resolutions))
            if time.perf_counter() - started > seconds_per_format:
                break
        spent = time.perf_counter() - started
        key = "text" if fmt == "txt" else "pdf"
        result[key] = {"documents": done, "failures": failures, "seconds": round(spent, 3),
                       "docs_per_s": round(done / spent, 2) if done and spent else None,
                       "read_only_docs_per_s": round(done / read_seconds, 1)
                       if done and read_seconds else None}
    result["recall"] = score.as_dict()
    return result
