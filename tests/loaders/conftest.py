"""Helpers: extract statements from a small resolution text written in a temp file."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders import extract_file

HEADER = "12. Digitalministerkonferenz (DMK)\n\n14.03.2025 in Hamburg\n\nTOP 3\n\nBeschluss:\n\n"


@pytest.fixture
def extract(tmp_path: Path):
    def run(body: str, header: str = HEADER, source_url: str | None = None):
        path = tmp_path / "resolution.txt"
        path.write_text(header + body, encoding="utf-8")
        return extract_file(path, source_url)
    return run


@pytest.fixture
def triples():
    return statement_triples


def statement_triples(resolutions) -> set[tuple[str, str, str]]:
    return {(s.subject.id, s.predicate, s.object.name if not getattr(s.object, "known", False)
             else s.object.id) for r in resolutions for s in r.statements}
