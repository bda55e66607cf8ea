"""`skg`: the command line that ties loaders, graph, API and pages together.

Each command is thin: it calls library functions and turns their typed errors into one
line on stderr and a non-zero exit status, never a traceback. The commands live in
`cli_server`, `cli_documents`, `cli_analysis` and `cli_oparl`; importing them registers
them on `app`.
"""

from __future__ import annotations

from skg import cli_analysis, cli_documents, cli_oparl, cli_server  # noqa: F401 - registers commands
from skg.cli_base import app

__all__ = ["app", "main"]


def main() -> None:
    """Entry point for `python -m skg`."""
    app()
