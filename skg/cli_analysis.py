"""Commands that ask the graph: requests, query, viz, export, validate."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from skg.cli_base import app, fail, graph_errors
from skg.settings import get_settings


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
def validate(
    rdfs: Annotated[bool, typer.Option(
        "--rdfs", help="Validate under the RDFS entailment of the ontology (sub-classes, "
                       "sub-properties, domains, ranges), as a reasoning RDF consumer sees it")]
    = False,
) -> None:
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
    report = shacl_validate(graph, inference="rdfs" if rdfs else "none")
    typer.echo(str(report))
    if not report.conforms:
        raise typer.Exit(1)
