"""Bad documents: each is one line naming the file and the reason, the run goes on, nothing
of the bad file reaches the graph; other encodings load like their UTF-8 twin.

The PDFs are made here: a text PDF of an example resolution (reportlab), cut short,
overwritten with garbage, encrypted (pypdf), and an image-only page without a text layer.
"""

from __future__ import annotations

import io
import random
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from neo4j import Driver
from typer.testing import CliRunner

from graph.loading import load_documents
from loaders import extract_file
from skg.cli import app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "resolutions"
DMK = EXAMPLES / "dmk-2024-10-18-top07.txt"

#: Bad file name → words its one-line reason must contain.
REASONS = {
    "empty.txt": "empty document",
    "garbage.txt": "binary file",
    "truncated.pdf": "corrupt PDF",
    "corrupt.pdf": "corrupt PDF",
    "encrypted.pdf": "encrypted PDF",
    "scanned.pdf": "OCR",
    "navigation-only.html": "no text",
    "shopping-list.txt": "no resolution",
    "garbage.docx": "corrupt DOCX",
}
TOO_LARGE = {"big.txt": "too large"}


def text_pdf(text: str) -> bytes:
    """A one-column PDF with a text layer."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    y = 800
    for line in [part for raw in text.splitlines() for part in textwrap.wrap(raw, 95) or [""]]:
        page.drawString(40, y, line)
        y -= 14
        if y < 40:
            page.showPage()
            y = 800
    page.save()
    return buffer.getvalue()


def image_only_pdf() -> bytes:
    """A 'scanned' page: shapes only, no text layer."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.setFillGray(0.4)
    for i in range(30):
        page.rect(50, 60 + i * 24, 300 + (i * 37) % 150, 12, fill=1, stroke=0)
    page.save()
    return buffer.getvalue()


def encrypted(pdf: bytes) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=io.BytesIO(pdf))
    writer.encrypt("a-password")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def bad_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One file per kind of bad document, plus one over a 1 MB limit."""
    folder = tmp_path_factory.mktemp("bad")
    rng = random.Random(7)
    pdf = text_pdf(DMK.read_text(encoding="utf-8"))
    files = {
        "empty.txt": b"",
        "garbage.txt": rng.randbytes(4096),
        "truncated.pdf": pdf[: len(pdf) // 2],
        "corrupt.pdf": b"%PDF-1.4\n" + rng.randbytes(3000),
        "encrypted.pdf": encrypted(pdf),
        "scanned.pdf": image_only_pdf(),
        "navigation-only.html": b"<html><head><title>x</title><script>var a=1;</script>"
                                b"</head><body><nav><a href='/'>Start</a></nav>"
                                b"<footer>Impressum</footer></body></html>",
        "shopping-list.txt": "Einkaufsliste für Samstag\n\nMilch, Brot, Käse und Äpfel.\n"
                             "Danach Fahrrad reparieren.\n".encode(),
        "garbage.docx": b"PK\x03\x04" + rng.randbytes(2000),
        "big.txt": (DMK.read_text(encoding="utf-8") + "\n") * 400,
    }
    for name, data in files.items():
        path = folder / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode())
    assert (folder / "big.txt").stat().st_size > 1024 * 1024
    return folder


def stored_documents(driver: Driver) -> set[str]:
    records, _, _ = driver.execute_query("MATCH (r:Resolution) RETURN DISTINCT r.document AS d")
    return {r["d"] for r in records}


def statement_count(driver: Driver) -> int:
    records, _, _ = driver.execute_query(
        "MATCH ()-[s]->() WHERE s.resolution IS NOT NULL RETURN count(s) AS n")
    return records[0]["n"]


def test_load_documents_rejects_each_and_loads_the_rest(ref_driver: Driver,
                                                        bad_folder: Path) -> None:
    bad = [bad_folder / name for name in REASONS]
    good = sorted(EXAMPLES.iterdir())
    report = load_documents(ref_driver, [*bad[:4], *good, *bad[4:]], progress=False)
    assert report.documents == len(good)
    assert len(report.failures) == len(bad)
    for path, line in zip(bad, report.failures, strict=True):
        assert "\n" not in line and line.startswith(f"{path}: "), line
        assert REASONS[path.name] in line, line
    assert stored_documents(ref_driver) == {p.name for p in good}


def test_skg_load_one_line_per_bad_file_and_exit_1(runner: CliRunner, ref_driver: Driver,
                                                   bad_folder: Path, monkeypatch,
                                                   graph_counts: Callable) -> None:
    from skg.settings import get_settings

    monkeypatch.setenv("SKG_MAX_UPLOAD_MB", "1")
    get_settings.cache_clear()
    reasons = {**REASONS, **TOO_LARGE}
    good = sorted(EXAMPLES.iterdir())
    result = runner.invoke(app, ["load", "--no-progress", *map(str, good),
                                 *(str(bad_folder / name) for name in reasons)])
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == len(reasons), result.stderr  # one line each, nothing else
    for name, words in reasons.items():
        line = next(line for line in lines if f"{bad_folder / name}: " in line)
        assert line.startswith("skg: ") and words in line, line
    assert f"Loaded {len(good)} document(s)" in result.stdout
    assert f"{len(reasons)} failed" in result.stdout
    assert stored_documents(ref_driver) == {p.name for p in good}
    counts = graph_counts(ref_driver)
    statements = statement_count(ref_driver)
    # the bad files alone change nothing at all
    again = runner.invoke(app, ["load", "--no-progress",
                                *(str(bad_folder / name) for name in reasons)])
    assert again.exit_code == 1 and "Loaded 0 document(s)" in again.stdout
    assert graph_counts(ref_driver) == counts and statement_count(ref_driver) == statements


def statements_of(path: Path) -> list[tuple]:
    """What a document says, without where it was read from."""
    return [(s.subject.id, s.predicate, s.object.id, s.source.point, s.source.sentence,
             s.deadline_date, s.action)
            for resolution in extract_file(path) for s in resolution.statements]


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "utf-16", "utf-16-le", "utf-8-sig"])
def test_other_encodings_load_like_the_utf8_twin(tmp_path: Path, encoding: str) -> None:
    text = DMK.read_text(encoding="utf-8")
    if encoding == "latin-1":  # Latin-1 has no typographic quotes or dashes
        text = text.translate(str.maketrans({"„": '"', "“": '"', "”": '"', "–": "-",
                                             "—": "-", "’": "'", "‚": "'", "‘": "'",
                                             "…": "..."}))
    twin = tmp_path / "utf8.txt"
    twin.write_text(text, encoding="utf-8")
    other = tmp_path / f"{encoding}.txt"
    other.write_bytes(text.encode(encoding))
    assert other.read_bytes() != twin.read_bytes() or encoding == "utf-8-sig"
    expected = statements_of(twin)
    assert expected and statements_of(other) == expected


def test_other_encodings_load_into_the_graph(ref_driver: Driver, tmp_path: Path) -> None:
    text = DMK.read_text(encoding="utf-8")
    (tmp_path / "cp1252.txt").write_bytes(text.encode("cp1252"))
    report = load_documents(ref_driver, [tmp_path / "cp1252.txt"], progress=False)
    assert not report.failures and report.statements == len(statements_of(DMK))


def test_skg_load_as_a_process_prints_nothing_else(ref_driver: Driver, bad_folder: Path,
                                                   cli_env: dict[str, str]) -> None:
    """As a real process (no pytest log capture): libraries' warnings must not add lines."""
    import os
    import subprocess
    import sys

    skg = Path(sys.executable).with_name("skg")
    names = [*REASONS, *TOO_LARGE]
    proc = subprocess.run([str(skg), "load", "--no-progress", str(DMK),
                           *(str(bad_folder / name) for name in names)],
                          env={**os.environ, **cli_env, "SKG_MAX_UPLOAD_MB": "1"},
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == len(names), proc.stderr
    assert all(line.startswith(f"skg: {bad_folder}/") for line in lines), proc.stderr
    assert "Loaded 1 document(s)" in proc.stdout
