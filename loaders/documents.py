"""Read a file of any supported format into one normalised text."""

from __future__ import annotations

import hashlib
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from loaders.errors import DocumentError
from loaders.html import canonical_url, html_lines
from loaders.pdf import pdf_lines
from loaders.textnorm import normalise_lines

# Control characters other than \t \n \f \r, and the replacement character.
CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffd]")
MAX_BYTES = 100 * 1024 * 1024
TEXT_ENCODINGS = {"utf_8", "cp1252", "latin_1", "iso8859_15", "utf_16", "utf_16_le",
                  "utf_16_be", "ascii", "cp850", "mac_roman"}


@dataclass(frozen=True)
class Document:
    path: str
    text: str
    format: str
    checksum: str
    source_url: str | None = None


def decode_text(path: Path, data: bytes) -> str:
    """Decode text bytes: BOM first, then UTF-8, then the best single-byte guess."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if len(data) >= 4 and data.count(b"\x00") > len(data) // 4:
        even_zero = data[0::2].count(0) > data[1::2].count(0)
        try:
            return data.decode("utf-16-be" if even_zero else "utf-16-le")
        except UnicodeDecodeError as exc:
            raise DocumentError(path, "binary file, not a text document") from exc
    if b"\x00" in data:
        raise DocumentError(path, "binary file, not a text document")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is not None and best.encoding in TEXT_ENCODINGS:
        return str(best)
    return data.decode("cp1252", errors="replace")


def _looks_binary(text: str) -> bool:
    if not text.strip():
        return False
    bad = len(CONTROL_CHARS.findall(text))
    letters = sum(map(str.isalpha, text))
    return bad > 0.02 * len(text) or letters < 0.3 * len(text.strip())


def _docx_lines(path: Path) -> list[str]:
    import docx  # python-docx

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # noqa: BLE001 - python-docx raises many unrelated types
        raise DocumentError(path, f"corrupt DOCX ({exc.__class__.__name__})") from exc
    lines: list[str] = []
    number = 0
    for paragraph in document.paragraphs:
        text = paragraph.text.strip()
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        if text and "List Number" in style:
            number += 1
            text = f"{number}. {text}"
        elif text and "List" in style:
            text = f"- {text}"
        lines.extend([text, ""])
    for table in document.tables:
        for row in table.rows:
            lines.extend([" ".join(cell.text.strip() for cell in row.cells), ""])
    return lines


def detect_format(path: Path, head: bytes) -> str:
    suffix = path.suffix.lower()
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if suffix in {".html", ".htm", ".xhtml"} or re.match(
            rb"\s*(?:<!doctype html|<html|<\?xml[^>]*>\s*<html)", head[:200], re.I):
        return "html"
    if suffix == ".pdf":
        return "pdf"
    return "text"


def read_document(path: str | Path, max_bytes: int = MAX_BYTES) -> Document:
    """Read PDF, HTML, DOCX or plain text into a normalised `Document`."""
    path = Path(path)
    if not path.is_file():
        raise DocumentError(path, "no such file")
    size = path.stat().st_size
    if size > max_bytes:
        raise DocumentError(path, f"file too large ({size} bytes, limit {max_bytes})")
    if size == 0:
        raise DocumentError(path, "empty document")
    data = path.read_bytes()
    fmt = detect_format(path, data[:512])
    source_url = None
    if fmt == "pdf":
        lines = pdf_lines(path)
    elif fmt == "docx":
        if not zipfile.is_zipfile(path):
            raise DocumentError(path, "corrupt DOCX (not a zip archive)")
        lines = _docx_lines(path)
    else:
        raw = decode_text(path, data)
        if _looks_binary(raw):
            raise DocumentError(path, "binary file, not a text document")
        lines = _markup_lines(raw, fmt)
        if fmt == "html":
            source_url = canonical_url(raw)
    return _normalised(path, lines, fmt, data, source_url)


def _markup_lines(raw: str, fmt: str) -> list[str]:
    if fmt == "html":
        return html_lines(raw)
    return raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _normalised(path: str | Path, lines: list[str], fmt: str, data: bytes,
                source_url: str | None = None) -> Document:
    text = normalise_lines(lines)
    if not text.strip():
        raise DocumentError(path, "empty document: no text found")
    if _looks_binary(text):
        raise DocumentError(path, "binary file, not a text document")
    checksum = hashlib.sha256(data).hexdigest()
    return Document(path=str(path), text=text, format=fmt, checksum=checksum,
                    source_url=source_url)


HTML_MARKUP = re.compile(r"<(?:p|br|div|ol|ul|li|span|strong|b|i|em|table|h\d)\b[^>]*>", re.I)


def text_document(name: str, text: str) -> Document:
    """A text that arrives as a string (an OParl resolutionText, plain or HTML) as a
    `Document` named `name` (its URL), normalised like a file of that format."""
    fmt = "html" if HTML_MARKUP.search(text) else "text"
    return _normalised(name, _markup_lines(text, fmt), fmt, text.encode("utf-8"))
