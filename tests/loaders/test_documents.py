"""Formats and bad input: PDF, HTML and other encodings read like the UTF-8 text."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from loaders import DocumentError, extract_file, read_document
from loaders.documents import read_document as read_with_limit

TEXT = ("5. Bauministerkonferenz (BMK)\n\n20.06.2025 in Köln\n\nTOP 4\n\nBeschluss:\n\n"
        "1. Die Bauministerkonferenz begrüßt den Bericht der Fachkommission Städtebau.\n\n"
        "2. Die Bauministerkonferenz bittet das Bundesministerium der Finanzen, bis zum "
        "31.12.2025 einen Vorschlag zur Förderung vorzulegen.\n")


def _txt(tmp_path: Path, data: bytes, name: str = "r.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_pdf_gives_the_same_statements_as_text(tmp_path: Path, triples):
    pdf = tmp_path / "r.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    y = 800
    for par in TEXT.split("\n\n"):
        words, line = par.split(), ""
        for word in words:
            if len(line) + len(word) > 70:
                c.drawString(60, y, line)
                y, line = y - 14, ""
            line = f"{line} {word}".strip()
        c.drawString(60, y, line)
        y -= 28
    c.drawString(290, 40, "- 1 -")
    c.save()
    txt = _txt(tmp_path, TEXT.encode())
    assert triples(extract_file(pdf)) == triples(extract_file(txt))


def test_html_gives_the_same_statements_as_text(tmp_path: Path, triples):
    pars = TEXT.strip().split("\n\n")
    items = "".join(f"<li>{p[3:]}</li>" for p in pars[5:])
    html = ("<html><head><style>p{}</style><script>x()</script></head><body><nav>Start</nav>"
            + "".join(f"<p>{p}</p>" for p in pars[:5]) + f"<ol>{items}</ol>"
            + "<footer>Impressum</footer></body></html>")
    path = _txt(tmp_path, html.encode(), "r.html")
    txt = _txt(tmp_path, TEXT.encode())
    assert triples(extract_file(path)) == triples(extract_file(txt))
    assert "Impressum" not in read_document(path).text


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "utf-16"])
def test_encodings_read_like_utf8(tmp_path: Path, encoding: str):
    path = _txt(tmp_path, TEXT.encode(encoding))
    assert read_document(path).text == read_document(_txt(tmp_path, TEXT.encode(), "u.txt")).text


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "empty document"),
    (bytes(range(256)) * 20, "binary file"),
    (b"Einkaufsliste: Milch, Brot.\n", "no resolution"),
    (b"%PDF-1.4 garbage", "corrupt PDF"),
])
def test_bad_input_gives_one_line_error(tmp_path: Path, data: bytes, reason: str):
    path = _txt(tmp_path, data, "bad.pdf" if data.startswith(b"%PDF") else "bad.txt")
    with pytest.raises(DocumentError) as err:
        extract_file(path)
    message = str(err.value)
    assert "\n" not in message and message.startswith(str(path)) and reason in message


def test_pdf_without_text_layer(tmp_path: Path):
    pdf = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(pdf), pagesize=A4)
    c.rect(100, 100, 200, 200, fill=1)
    c.save()
    with pytest.raises(DocumentError, match="no text layer"):
        read_document(pdf)


def test_size_limit(tmp_path: Path):
    path = _txt(tmp_path, TEXT.encode())
    with pytest.raises(DocumentError, match="too large"):
        read_with_limit(path, max_bytes=10)
