"""The text of an agenda item's decision: `resolutionText`, else its `resolutionFile` read by
the project's own document loaders (PDF, DOCX, HTML, text)."""

from __future__ import annotations

import dataclasses
import mimetypes
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from loaders.documents import Document, read_document, text_document
from loaders.errors import DocumentError

if TYPE_CHECKING:
    from loaders.oparl.walk import Walker

SUFFIXES = {"application/pdf": ".pdf", "text/html": ".html", "text/plain": ".txt",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx"}


def _suffix(file: dict[str, Any]) -> str:
    name = str(file.get("fileName") or "")
    if Path(name).suffix:
        return Path(name).suffix.lower()
    mime = str(file.get("mimeType") or "").split(";")[0].strip().lower()
    return SUFFIXES.get(mime) or mimetypes.guess_extension(mime) or ""


def file_document(walker: Walker, file: dict[str, Any]) -> Document:
    """Download a File object's content and read it like a file given on the command line;
    the document is named by its access URL."""
    url = file.get("accessUrl") or file.get("downloadUrl")
    if not isinstance(url, str) or not url:
        raise DocumentError(file["id"], "file without an accessUrl")
    data = walker.client.get_bytes(url)
    with tempfile.TemporaryDirectory(prefix="skg-oparl-") as folder:
        path = Path(folder) / f"resolution{_suffix(file)}"
        path.write_bytes(data)
        try:
            doc = read_document(path, max_bytes=walker.client.options.max_bytes)
        except DocumentError as exc:
            raise DocumentError(url, exc.reason) from exc
    return dataclasses.replace(doc, path=url)


def decision_text(walker: Walker, item: dict[str, Any]) -> tuple[dict | None, Document | None]:
    """(the resolution file, the decision's document); (None, None) without a decision."""
    text = item.get("resolutionText")
    if isinstance(text, str) and text.strip():
        try:
            return None, text_document(item["id"], text)
        except DocumentError:
            pass  # markup without words ("<p></p>"): as if there were no text
    ref = item.get("resolutionFile")
    if not ref:
        return None, None
    file = walker.resolve(ref, "File")
    if file.get("deleted"):
        return None, None
    return file, file_document(walker, file)
