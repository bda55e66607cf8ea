"""The one error a loader raises for input it cannot read."""

from __future__ import annotations

from pathlib import Path


class DocumentError(Exception):
    """A file that cannot be turned into resolutions; str() is one line `FILE: reason`."""

    def __init__(self, path: str | Path, reason: str) -> None:
        super().__init__(path, reason)
        self.path = str(path)
        self.reason = " ".join(str(reason).split())

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"
