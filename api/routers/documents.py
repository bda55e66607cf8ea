"""`POST /documents`: upload one resolution document and load it into the graph.

The only write of raw documents through the API, so it is guarded twice: the API key
(writes are off while none is configured) and limits on size and file type. The upload is
streamed into a temporary folder under its own (sanitised) name, so that format detection
sees the right suffix and a failure names the file the client sent, then loaded with
`graph.loading.load_documents` — one transaction, nothing of a bad file stored.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, File, UploadFile
from neo4j.exceptions import DriverError, Neo4jError, ServiceUnavailable, SessionExpired
from pydantic import BaseModel, Field

from api.deps import GraphDep, SettingsDep
from api.errors import ApiError
from api.security import WriteKeyDep
from graph.errors import GraphUnavailable
from graph.loading import load_documents

router = APIRouter(tags=["documents"])

ALLOWED_SUFFIXES = (".txt", ".pdf", ".html", ".htm", ".docx")
CHUNK = 1024 * 1024


class LoadedDocument(BaseModel):
    """What one upload added to the graph."""

    file: str = Field(description="The uploaded file's name")
    documents: int = Field(description="1 when the document was loaded")
    resolutions: int
    statements: int


def safe_name(filename: str | None) -> str:
    """The uploaded name without folders or odd characters (never a path of the client's)."""
    base = Path((filename or "").replace("\\", "/")).name
    cleaned = re.sub(r"[^\w.\-]+", "_", base).strip("._")
    return cleaned[:120] or "upload"


def _save(upload: UploadFile, target: Path, max_bytes: int) -> None:
    """Stream the upload to `target`, stopping with 413 as soon as it passes `max_bytes`."""
    written = 0
    with target.open("wb") as out:
        while chunk := upload.file.read(CHUNK):
            written += len(chunk)
            if written > max_bytes:
                raise ApiError(413, f"{target.name}: file too large (more than {max_bytes} "
                                    f"bytes, limit {max_bytes // (1024 * 1024)} MB)")
            out.write(chunk)


@router.post("/documents", response_model=LoadedDocument, dependencies=[WriteKeyDep],
             responses={
                 401: {"description": "The X-API-Key header is missing or wrong"},
                 403: {"description": "Writes are switched off: no SKG_API_KEY configured"},
                 413: {"description": "The file is larger than SKG_MAX_UPLOAD_MB"},
                 415: {"description": "Not a supported file type"},
                 422: {"description": "The document was rejected: one line naming the file "
                                      "and the reason"}})
def upload_document(file: Annotated[UploadFile, File(description="A resolution: .txt, "
                                                     ".pdf, .html, .htm or .docx")],
                    graph: GraphDep, settings: SettingsDep) -> LoadedDocument:
    """Load one document into the graph (replacing what an earlier load of the same
    resolutions wrote). Needs the API key; answers what was loaded, or the one-line reason
    the document was rejected. The document is named by the uploaded file's name, never the
    temporary folder it passed through."""
    name = safe_name(file.filename)
    suffix = Path(name).suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        raise ApiError(415, f"{name}: unsupported file type {suffix or '(none)'}; send one of "
                            f"{', '.join(ALLOWED_SUFFIXES)}")
    with tempfile.TemporaryDirectory(prefix="skg-upload-") as folder:
        path = Path(folder) / name
        _save(file, path, settings.max_upload_mb * 1024 * 1024)
        try:
            report = load_documents(graph.driver, [path], progress=False,
                                    database=graph.database, names={path: name})
        except (ServiceUnavailable, SessionExpired, OSError) as exc:
            raise GraphUnavailable(f"Neo4j does not answer: {exc}") from exc
        except (Neo4jError, DriverError) as exc:
            raise ApiError(500, f"{name}: the graph refused the document") from exc
        if report.failures:
            raise ApiError(422, report.failures[0].replace(str(path.resolve()), name)
                           .replace(str(path), name))
    return LoadedDocument(file=name, documents=report.documents,
                          resolutions=report.resolutions, statements=report.statements)
