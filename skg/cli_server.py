"""`skg neo4j start|stop|status` and `skg serve`."""

from __future__ import annotations

from typing import Annotated

import typer

from skg.cli_base import app, fail, graph_errors, neo4j_app
from skg.settings import get_settings


@neo4j_app.command("start")
def neo4j_start() -> None:
    """Fetch Neo4j (first time), set its password, start it and wait until Bolt answers."""
    from graph.server import fetch_jars, main_instance

    settings = get_settings()
    if not settings.uses_local_server:
        typer.echo(f"NEO4J_URI is set ({settings.neo4j_uri}): using that server, "
                   "starting nothing.")
        return
    with graph_errors():
        fetch_jars(settings.home)
        server = main_instance(settings)
        server.start()
    _print_status(server)


@neo4j_app.command("stop")
def neo4j_stop() -> None:
    """Stop the local Neo4j server."""
    from graph.server import main_instance

    with graph_errors():
        stopped = main_instance(get_settings()).stop()
    typer.echo("Neo4j stopped." if stopped else "Neo4j was not running.")


@neo4j_app.command("status")
def neo4j_status() -> None:
    """Say whether the local Neo4j runs, and where Bolt, Browser and credentials are."""
    from graph.server import main_instance

    settings = get_settings()
    if not settings.uses_local_server:
        typer.echo(f"Using NEO4J_URI={settings.neo4j_uri} (user {settings.neo4j_user}).")
        return
    server = main_instance(settings)
    if not server.is_running():
        typer.echo("Neo4j is not running: start it with `skg neo4j start`.")
        raise typer.Exit(3)
    _print_status(server)


def _print_status(server) -> None:  # noqa: ANN001 - graph.server.LocalNeo4j
    typer.echo(f"Neo4j {__import__('graph.server').server.NEO4J_VERSION} is running "
               f"(pid {server.pid()}).")
    typer.echo(f"  Bolt:     {server.bolt_uri}")
    if server.browser_url:
        typer.echo(f"  Browser:  {server.browser_url}")
    typer.echo(f"  User:     neo4j, password in {server.password_file}")
    typer.echo(f"  Log:      {server.log_file}")
    if server.browser_url:
        typer.echo("  Cookbook: with `skg serve` running, type in the Browser "
                   ":play http://127.0.0.1:8000/browser/guide.html ; style to drop onto it: "
                   "http://127.0.0.1:8000/browser/style.grass")


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on")] = 8000,
    workers: Annotated[int, typer.Option(
        min=1, help="Server processes, each with its own Neo4j driver (more serve more "
                    "concurrent clients where CPUs allow)")] = 1,
) -> None:
    """Serve the REST API and the graph pages."""
    import uvicorn

    from api.app import create_app
    from api.security import check_exposure

    try:
        check_exposure(host, get_settings())
    except ValueError as exc:
        fail(str(exc))
    if workers > 1:
        # Each process builds its own app (and driver) from the same settings.
        uvicorn.run("api.app:create_app", factory=True, host=host, port=port,
                    workers=workers, log_level="info")
        return
    uvicorn.run(create_app(), host=host, port=port, log_level="info")
