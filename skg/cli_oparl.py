"""`skg oparl import URL`: resolutions of a council information system, through OParl."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import typer

from skg.cli_base import app, fail, graph_errors
from skg.settings import get_settings

oparl_app = typer.Typer(help="Import from OParl council information systems.",
                        no_args_is_help=True)
app.add_typer(oparl_app, name="oparl")


def _since(value: str | None) -> str | None:
    """--since as the full date-time OParl filters expect (a bare date: its midnight,
    German time)."""
    if value is None:
        return None
    from zoneinfo import ZoneInfo

    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        fail(f"--since {value!r} is not an ISO date-time (e.g. 2026-01-31T00:00:00+01:00)")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo("Europe/Berlin"))
    return moment.isoformat()


@oparl_app.command("import")
def oparl_import(
    url: Annotated[str, typer.Argument(help="The OParl system object (the entry point)")],
    body: Annotated[str | None, typer.Option(
        help="Only this body: its OParl id or short name")] = None,
    since: Annotated[str | None, typer.Option(
        help="Only what changed since this ISO date-time (overrides the last sync)")] = None,
    limit: Annotated[int | None, typer.Option(
        min=1, help="Stop after this many agenda items (a first look)")] = None,
    progress: Annotated[bool, typer.Option(help="Show a progress bar")] = True,
) -> None:
    """Import the resolutions of an OParl system: each agenda item with a decision becomes a
    resolution of the Gremium that met, with the statements of its text."""
    from tqdm import tqdm

    from graph.connection import connect
    from graph.oparl_sync import ImportReport, import_system
    from loaders.oparl.client import ClientOptions, OParlClient

    if not url.startswith(("http://", "https://")):
        fail(f"{url}: not an http(s) URL of an OParl system")
    settings = get_settings()
    options = ClientOptions(requests_per_second=settings.oparl_rate,
                            timeout=settings.oparl_timeout, attempts=settings.oparl_attempts,
                            backoff=settings.oparl_backoff,
                            max_bytes=settings.max_upload_mb * 1024 * 1024)
    bar = tqdm(total=limit, desc="Agenda items", unit="item", disable=not progress)

    def advance(report: ImportReport) -> None:
        bar.update(report.agenda_items - bar.n)
        bar.set_postfix(resolutions=report.resolutions, failed=len(report.failures))

    with graph_errors(), OParlClient(options) as client:
        driver = connect(settings)
        try:
            report = import_system(driver, client, url, body=body, since=_since(since),
                                   limit=limit, database=settings.neo4j_database,
                                   on_item=advance)
        finally:
            driver.close()
            bar.close()
    for failure in report.failures:
        typer.echo(f"skg: {failure}", err=True)
    typer.echo(report.summary())
    if report.failures:
        raise typer.Exit(1)
