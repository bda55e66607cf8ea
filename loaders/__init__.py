"""Files become resolution records (see ARCHITECTURE.md); nothing here touches Neo4j."""

from loaders.documents import Document, read_document
from loaders.errors import DocumentError
from loaders.extract import extract_document, extract_file

__all__ = ["Document", "DocumentError", "extract_document", "extract_file", "read_document"]
