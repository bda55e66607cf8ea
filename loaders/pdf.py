"""The text layer of a PDF as lines, with page furniture removed.

PDFium (pypdfium2) reads the text layer in content order with its line breaks, some hundred
times faster than a layout analysis (pdfplumber); each line's top comes from the box of its
first character, which is all the paragraph-gap rule below needs.
"""

from __future__ import annotations

import logging
import re
import statistics
from collections import Counter
from pathlib import Path

import pypdfium2
from pypdf import PdfReader
from pypdf.errors import PdfReadError

from loaders.errors import DocumentError

PAGE_NUMBER = re.compile(
    r"^(?:[-–]\s*\d{1,3}\s*[-–]|Seite\s+\d+(?:\s+von\s+\d+)?|\d{1,3}\s*/\s*\d{1,3}|\d{1,3})$",
    re.I,
)
LINE = re.compile(r"([^\r\n\ufffe]*\ufffe|[^\r\n]*)(?:\r\n|\r|\n)?")
FURNITURE_LINES = 2  # lines at the top and bottom of a page that may be headers or footers

# pypdf logs its repair attempts ("EOF marker not found") to stderr; the one-line
# DocumentError already says what is wrong with the file.
logging.getLogger("pypdf").setLevel(logging.ERROR)


def _check_readable(path: Path) -> None:
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError(path, "encrypted PDF: a password is needed to read it")
    except DocumentError:
        raise
    except (PdfReadError, ValueError, OSError, KeyError, TypeError) as exc:
        raise DocumentError(path, f"corrupt PDF ({exc.__class__.__name__})") from exc


def _page_lines(page: pypdfium2.PdfPage) -> list[tuple[float, float, str]]:
    """(top, bottom, text) of each non-blank line, tops measured down from the page's top."""
    height = page.get_height()
    textpage = page.get_textpage()
    try:
        lines = []
        # A line ends at PDFium's break (CR LF) or after a hyphen that ends a line, which
        # PDFium reports as U+FFFE with no break after it. Offsets are character indices.
        for m in LINE.finditer(textpage.get_text_range()):
            raw = m.group(1).replace("\ufffe", "-")
            stripped = raw.strip()
            if stripped:
                first = m.start() + len(raw) - len(raw.lstrip())
                _, bottom, _, top = textpage.get_charbox(first, loose=True)
                lines.append((height - top, height - bottom, stripped))
        return lines
    finally:
        textpage.close()


def _furniture(pages: list[list[tuple[float, float, str]]]) -> set[str]:
    """Texts repeated at the top or bottom of several pages (digits ignored)."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for lines in pages:
        edge = {re.sub(r"\d+", "#", t) for _, _, t in lines[:FURNITURE_LINES]
                + lines[-FURNITURE_LINES:]}
        counts.update(edge)
    return {text for text, n in counts.items() if n >= max(2, len(pages) // 2 + 1)}


def pdf_lines(path: Path) -> list[str]:
    """Lines of the text layer; a blank line marks a vertical gap (a paragraph break)."""
    _check_readable(path)
    try:
        pdf = pypdfium2.PdfDocument(str(path))
        try:
            pages = [_page_lines(page) for page in pdf]
        finally:
            pdf.close()
    except Exception as exc:  # noqa: BLE001 - PDFium's errors have no finer types
        raise DocumentError(path, f"corrupt PDF ({exc.__class__.__name__})") from exc
    if not any(pages):
        raise DocumentError(path, "no text layer: scanned documents need OCR first")
    furniture = _furniture(pages)
    bodies = [[(top, bottom, text) for i, (top, bottom, text) in enumerate(lines)
               if not ((i < FURNITURE_LINES or i >= len(lines) - FURNITURE_LINES)
                       and (PAGE_NUMBER.match(text.strip())
                            or re.sub(r"\d+", "#", text) in furniture))] for lines in pages]
    gaps = [b[0] - a[0] for kept in bodies
            for a, b in zip(kept, kept[1:], strict=False) if b[0] > a[0]]
    step = statistics.median(gaps) if gaps else 0.0
    out: list[str] = []
    for kept in bodies:
        previous_top = None
        for top, _, text in kept:
            if previous_top is not None and step and top - previous_top > 1.4 * step:
                out.append("")
            out.append(text)
            previous_top = top
    return out
