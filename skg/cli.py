"""`skg`: the command line that ties loaders, graph, API and pages together.

Each command is thin: it calls library functions and turns their typed errors into one
line on stderr and a non-zero exit status, never a traceback.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from graph.errors import GraphError
from skg.settings import get_settings

app = typer.Typer(help="stakeholder-graph: German governance resolutions as a knowledge graph.",
                  no_args_is_help=True, add_completion=False)
neo4j_app = typer.Typer(help="Manage the local Neo4j server.", no_args_is_help=True)
app.add_typer(neo4j_app, name="neo4j")

SUPPORTED_SUFFIXES = {".txt", ".pdf", ".html", ".htm", ".docx"}


def fail(message: str, code: int = 1) -> None:
    """Print one line to stderr and exit."""
    typer.echo(f"skg: {message}", err=True)
    raise typer.Exit(code)


@contextmanager
def graph_errors() -> Iterator[None]:
    """Turn graph errors into one-line messages."""
    try:
        yield
    except GraphError as exc:
        fail(str(exc))


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


def expand_paths(paths: list[Path]) -> list[Path]:
    """Files named, and the supported documents inside folders named."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.suffix.lower() in SUPPORTED_SUFFIXES
                            and p.is_file())
        else:
            files.append(path)
    return files


def split_by_size(files: list[Path], max_bytes: int) -> tuple[list[Path], list[str]]:
    """Files within SKG_MAX_UPLOAD_MB, and a one-line failure for each larger one."""
    kept: list[Path] = []
    too_large: list[str] = []
    for path in files:
        size = path.stat().st_size if path.is_file() else 0
        if size > max_bytes:
            too_large.append(f"{path}: file too large ({size} bytes, limit {max_bytes}; "
                             "SKG_MAX_UPLOAD_MB)")
        else:
            kept.append(path)
    return kept, too_large


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(help="A resolution: .txt, .pdf, .html or .docx")],
    format: Annotated[str, typer.Option("--format", "-f", help="json")] = "json",
) -> None:
    """Print what the extractor reads from FILE, without touching the database."""
    from loaders import extract_file
    from loaders.contract import to_contract
    from loaders.errors import DocumentError

    if format != "json":
        fail(f"unknown format {format!r}: use json")
    try:
        resolutions = extract_file(file)
    except DocumentError as exc:
        fail(str(exc))
    json.dump(to_contract(resolutions), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


@app.command()
def load(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of resolutions")],
    progress: Annotated[bool, typer.Option(help="Show a progress bar")] = True,
    workers: Annotated[int | None, typer.Option(
        min=1, help="Extraction processes (default: one per CPU; 1 extracts in this "
                    "process)")] = None,
) -> None:
    """Extract the documents and store them in Neo4j, one transaction per document."""
    from graph.connection import connect
    from graph.loading import load_documents

    files = expand_paths(paths)
    if not files:
        fail("no documents found in " + ", ".join(map(str, paths)))
    files, too_large = split_by_size(files, get_settings().max_upload_mb * 1024 * 1024)
    with graph_errors():
        driver = connect(get_settings())
        try:
            report = load_documents(driver, files, progress=progress,
                                    database=get_settings().neo4j_database, workers=workers)
        finally:
            driver.close()
    report.failures[:0] = too_large
    for failure in report.failures:
        typer.echo(f"skg: {failure}", err=True)
    typer.echo(f"Loaded {report.documents} document(s), {report.resolutions} resolution(s), "
               f"{report.statements} statement(s); {len(report.failures)} failed.")
    if report.failures:
        raise typer.Exit(1)


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


def main() -> None:
    """Entry point for `python -m skg`."""
    app()


@app.command()
def export(
    format: Annotated[str, typer.Option("--format", "-f", help="turtle or jsonld")] = "turtle",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write")] = None,
) -> None:
    """Write the loaded graph as RDF that follows the ontology and its shapes."""
    from graph.connection import connect
    from graph.export import export_graph
    from ontology.rdf_export import to_jsonld, to_turtle

    if format not in {"turtle", "jsonld"}:
        fail(f"unknown format {format!r}: use turtle or jsonld")
    with graph_errors():
        driver = connect(get_settings())
        try:
            graph = export_graph(driver, get_settings().neo4j_database)
        finally:
            driver.close()
    text = to_turtle(graph) if format == "turtle" else to_jsonld(graph)
    if output:
        output.write_text(text, encoding="utf-8")
        typer.echo(f"Wrote {len(graph)} triples to {output}.")
    else:
        sys.stdout.write(text)


@app.command()
def validate() -> None:
    """Check the loaded graph against the SHACL shapes; exit 1 with the violations if any."""
    from graph.connection import connect
    from graph.export import export_graph
    from ontology.validate import validate as shacl_validate

    with graph_errors():
        driver = connect(get_settings())
        try:
            graph = export_graph(driver, get_settings().neo4j_database)
        finally:
            driver.close()
    report = shacl_validate(graph)
    typer.echo(str(report))
    if not report.conforms:
        raise typer.Exit(1)


@app.command("load-municipalities")
def load_municipalities(
    file: Annotated[Path, typer.Argument(help="Destatis GV100AD file (fixed-width ASCII)")],
) -> None:
    """Load the official municipality directory: Gemeinden and Kreise with their Land."""
    from graph.connection import connect
    from graph.municipalities import store_municipalities
    from graph.schema import apply_schema
    from ontology.gv100 import Gv100Error, read_gv100

    with graph_errors():
        driver = connect(get_settings())
        try:
            apply_schema(driver, get_settings().neo4j_database)
            records = list(read_gv100(file))  # all checked before anything is written
            count = store_municipalities(driver, records, get_settings().neo4j_database)
        except Gv100Error as exc:
            fail(str(exc))
        finally:
            driver.close()
    typer.echo(f"Loaded {count} Gemeinden and Kreise from {file}.")


@app.command()
def generate(
    resolutions: Annotated[int, typer.Option(min=1, help="How many resolutions to write")],
    out: Annotated[Path, typer.Option(help="Folder to write the documents and manifest.json")],
    seed: Annotated[int, typer.Option(help="Random seed: the same seed gives the same corpus")]
    = 1,
    pdf_share: Annotated[float, typer.Option(min=0.0, max=1.0, help="Share written as PDF")]
    = 0.1,
) -> None:
    """Write a synthetic corpus of resolutions and a manifest of what each holds (benchmarks)."""
    from skg.settings import PROJECT_ROOT

    # `bench/` lives in the source checkout and is not part of the installed packages.
    if str(PROJECT_ROOT) not in sys.path:
        sys.path.append(str(PROJECT_ROOT))
    try:
        from bench.generate import generate_corpus
    except ImportError as exc:
        fail(f"the benchmark package is not available ({exc}): run from a source checkout")

    summary = generate_corpus(out, resolutions=resolutions, seed=seed, pdf_share=pdf_share)
    typer.echo(f"Wrote {summary['documents']} document(s) ({summary['pdf']} PDF) with "
               f"{summary['statements']} statement(s) and {out / 'manifest.json'}.")


@app.command()
def requests(
    status: Annotated[str | None, typer.Option(help="open, due, overdue, fulfilled, "
                                                    "superseded")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="ISO date (default today)")
                     ] = None,
    requester: Annotated[str | None, typer.Option(help="Requester id, e.g. DMK")] = None,
    addressee: Annotated[str | None, typer.Option(help="Addressee id, e.g. BMK")] = None,
    limit: Annotated[int, typer.Option(min=1, max=10000)] = 100,
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of a table")] = False,
) -> None:
    """Who asked whom to do what, by when — and its status as of a date."""
    from datetime import date

    from graph.connection import connect
    from graph.obligations import STATUSES
    from graph.queries import Graph, list_requests

    if status and status not in STATUSES:
        fail(f"unknown status {status!r}: use one of {', '.join(STATUSES)}")
    try:
        day = date.fromisoformat(as_of) if as_of else date.today()
    except ValueError:
        fail(f"--as-of {as_of!r} is not an ISO date (YYYY-MM-DD)")
    settings = get_settings()
    with graph_errors():
        driver = connect(settings)
        try:
            total, items = list_requests(
                Graph(driver, database=settings.neo4j_database, timeout=settings.cypher_timeout),
                as_of=day, requester=requester, addressee=addressee, status=status,
                limit=limit)
        finally:
            driver.close()
    if as_json:
        json.dump({"total": total, "items": items}, sys.stdout, ensure_ascii=False, indent=2,
                  default=str)
        sys.stdout.write("\n")
        return
    typer.echo(f"{total} obligation(s) as of {day.isoformat()}"
               + (f" with status {status}" if status else "") + ":")
    for item in items:
        obligation = item["obligation"]
        deadline = obligation.get("deadline_date") or obligation.get("due_date") or "-"
        typer.echo(f"  {item['status']:<10} {deadline:<10}  {item['requester']['id']} → "
                   f"{item['addressee']['id']}: {(obligation.get('action') or '')[:90]}")


@app.command()
def query(
    cypher: Annotated[str | None, typer.Argument(help="A read-only Cypher query")] = None,
    name: Annotated[str | None, typer.Option("--name", "-n", help="A canned query")] = None,
    param: Annotated[list[str] | None, typer.Option(
        "--param", "-p", help="NAME=VALUE; repeat for several (and for list values)")] = None,
    list_queries: Annotated[bool, typer.Option("--list", help="List the canned queries")] = False,
    format: Annotated[str, typer.Option("--format", "-f", help="json or csv")] = "json",
) -> None:
    """Run a canned query (--name) or read-only CYPHER; --list shows the cookbook."""
    from graph.connection import connect
    from graph.cookbook import cookbook, get_query, parse_cli_params, result_to_csv, result_to_json
    from graph.cypher import run_read_query

    if list_queries:
        for canned in cookbook().values():
            params = ", ".join(f"{p.name}:{p.type}={p.default!r}" for p in canned.params)
            typer.echo(f"{canned.name:<28} {canned.title}" + (f"  [{params}]" if params else ""))
        return
    if format not in ("json", "csv"):
        fail(f"unknown format {format!r}: use json or csv")
    if (cypher is None) == (name is None):
        fail("give either a CYPHER query or --name NAME (see `skg query --list`)")
    settings = get_settings()
    with graph_errors():
        raw = parse_cli_params(param or [])
        canned = get_query(name) if name else None
        params = canned.bind(raw) if canned else {k: v[-1] for k, v in raw.items()}
        driver = connect(settings)
        try:
            result = run_read_query(driver, canned.cypher if canned else str(cypher), params,
                                    settings)
        finally:
            driver.close()
    if format == "csv":
        sys.stdout.write(result_to_csv(result))
        return
    json.dump(result_to_json(result, canned, params), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


@app.command()
def viz(
    output: Annotated[Path, typer.Option("--output", "-o", help="HTML file to write")],
    around: Annotated[str | None, typer.Option(help="Actor or matter id at the centre")] = None,
    depth: Annotated[int, typer.Option(min=1, max=3, help="Hops around --around")] = 1,
    predicates: Annotated[str | None, typer.Option(help="Comma list, e.g. REQUESTS,TASKS")
                          ] = None,
    resolution: Annotated[str | None, typer.Option(help="Only this resolution id")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="ISO date")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="ISO date")] = None,
    level: Annotated[str | None, typer.Option(help="Keep statements touching this level")
                     ] = None,
) -> None:
    """Write the offline network page (as served at /graph) to an HTML file."""
    from graph.connection import connect
    from graph.queries import Graph
    from ontology.model import load_ontology
    from viz.pages import build_page

    ont = load_ontology()
    chosen = [p.strip().upper() for p in predicates.split(",")] if predicates else None
    unknown = sorted(set(chosen or []) - ont.scored_predicates())
    if unknown:
        fail(f"unknown predicate(s) {', '.join(unknown)}; allowed: "
             f"{', '.join(sorted(ont.scored_predicates()))}")
    if level is not None and level not in ont.actor_levels():
        fail(f"unknown level {level!r}; allowed: {', '.join(ont.actor_levels())}")
    settings = get_settings()
    with graph_errors():
        driver = connect(settings)
        try:
            graph = Graph(driver, database=settings.neo4j_database,
                          timeout=settings.cypher_timeout)
            page, drawn = build_page(graph, settings.graph_node_cap, around=around,
                                     depth=depth, predicates=chosen, resolution=resolution,
                                     date_from=date_from, date_to=date_to, level=level)
        finally:
            driver.close()
    output.write_text(page, encoding="utf-8")
    typer.echo(f"Wrote {output} ({drawn} node(s)).")
