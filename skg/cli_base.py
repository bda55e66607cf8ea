"""The `skg` command group and what every command shares: one-line errors, never a
traceback."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

import typer

from graph.errors import GraphError

# The driver logs a lost connection at ERROR level, which Python prints to stderr when no
# handler is set up; the commands report it themselves, in one line (`graph_errors`).
logging.getLogger("neo4j").addHandler(logging.NullHandler())

app = typer.Typer(help="stakeholder-graph: German governance resolutions as a knowledge graph.",
                  no_args_is_help=True, add_completion=False)
neo4j_app = typer.Typer(help="Manage the local Neo4j server.", no_args_is_help=True)
app.add_typer(neo4j_app, name="neo4j")


def fail(message: str, code: int = 1) -> None:
    """Print one line to stderr and exit (driver messages can span lines: they are joined)."""
    typer.echo("skg: " + " ".join(message.split()), err=True)
    raise typer.Exit(code)


@contextmanager
def graph_errors() -> Iterator[None]:
    """Turn graph errors into one-line messages."""
    try:
        yield
    except GraphError as exc:
        fail(str(exc))
