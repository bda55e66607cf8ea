"""Commands that read documents: extract, load, load-municipalities, generate."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Annotated

import typer

from skg.cli_base import app, fail, graph_errors
from skg.settings import get_settings

SUPPORTED_SUFFIXES = {".txt", ".pdf", ".html", ".htm", ".docx"}


def expand_paths(paths: list[Path]) -> list[Path]:
    """Files named, and the supported documents inside folders named."""
    return list(document_names(paths))


def document_names(paths: list[Path]) -> dict[Path, str]:
    """Each file to load and its document name: relative to the folder named on the
    command line (`sub/top-7.txt`), or the file's name when it was named itself."""
    from graph.loading import document_key

    files: dict[Path, str] = {}
    for path in paths:
        if path.is_dir():
            for found in sorted(p for p in path.rglob("*")
                                if p.suffix.lower() in SUPPORTED_SUFFIXES and p.is_file()):
                files[found] = document_key(found, path)
        else:
            files[path] = document_key(path)
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


def check_source_url(url: str, files: list[Path]) -> None:
    """Exit with one line unless `url` is an http(s) address and one document is loaded."""
    if not re.fullmatch(r"https?://[^\s/]+\S*", url):
        fail(f"--source-url {url!r}: not an http or https address")
    if len(files) != 1:
        fail(f"--source-url names one document's address, but {len(files)} documents were "
             "given: load them one by one")


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(help="A resolution: .txt, .pdf, .html or .docx")],
    format: Annotated[str, typer.Option("--format", "-f", help="json")] = "json",
    source_url: Annotated[str | None, typer.Option(
        "--source-url", help="Where FILE is published (http or https address); a council "
                             "site's address names the Kommune the text may leave out")] = None,
) -> None:
    """Print what the extractor reads from FILE, without touching the database."""
    from loaders import extract_file
    from loaders.contract import to_contract
    from loaders.errors import DocumentError

    if format != "json":
        fail(f"unknown format {format!r}: use json")
    if source_url is not None:
        check_source_url(source_url, [file])
    try:
        resolutions = extract_file(file, source_url)
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
    source_url: Annotated[str | None, typer.Option(
        "--source-url", help="Where the document is published (http or https address); "
                             "one document only")] = None,
) -> None:
    """Extract the documents and store them in Neo4j, in batches of one transaction each."""
    from graph.connection import connect
    from graph.loading import load_documents

    names = document_names(paths)
    files = list(names)
    if not files:
        fail("no documents found in " + ", ".join(map(str, paths)))
    if source_url is not None:
        check_source_url(source_url, files)
    files, too_large = split_by_size(files, get_settings().max_upload_mb * 1024 * 1024)
    with graph_errors():
        driver = connect(get_settings())
        try:
            report = load_documents(driver, files, progress=progress,
                                    database=get_settings().neo4j_database, workers=workers,
                                    names=names, source_url=source_url,
                                    batch_documents=get_settings().load_batch)
        finally:
            driver.close()
    report.failures[:0] = too_large
    for failure in report.failures:
        typer.echo(f"skg: {failure}", err=True)
    typer.echo(f"Loaded {report.documents} document(s), {report.resolutions} resolution(s), "
               f"{report.statements} statement(s); {len(report.failures)} failed.")
    if report.failures:
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
