"""`python -m bench` (`make bench`): generate, extract, load, serve and draw; write results.

Starts its own Neo4j in a temporary folder on a free port (auth off) — never the user's
main database — and writes `bench/results.json` plus a short table. Components that are
missing are reported as "not available"; the rest is measured anyway.

Environment: BENCH_SIZE (resolutions, default 1000), BENCH_SEED, BENCH_API_SECONDS,
BENCH_EXTRACT_SECONDS, BENCH_WORKERS (extraction processes of the pipeline run, default one
per CPU), BENCH_NEO4J_URI (use that server instead — it is wiped), BENCH_NEO4J_HEAP and
BENCH_NEO4J_PAGECACHE (else SKG_NEO4J_HEAP / SKG_NEO4J_PAGECACHE, else 2g / 1g); `neo4j` in
the results says what was used and how large the store grew.

Loading is measured twice: `loading` runs the loader with extraction in its own process
(nothing else competes for the CPU, as for the bare-driver baseline that follows) for the
store ratio; `pipeline` wipes the graph and loads again as `skg load` does, extraction in a
process pool, for the end-to-end time. At 100k, `--skip loading` keeps only the second.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import shutil
import tempfile
import time
from pathlib import Path

from bench.report import machine, print_table

RESULTS = Path(__file__).resolve().with_name("results.json")
RESULT_KEYS = ("date", "machine", "size", "seed", "generation", "extraction", "loading",
               "api", "pages", "pipeline", "table")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    env = os.environ.get
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=int(env("BENCH_SIZE", "1000")),
                        help="resolutions to generate and load (env BENCH_SIZE)")
    parser.add_argument("--seed", type=int, default=int(env("BENCH_SEED", "1")))
    parser.add_argument("--pdf-share", type=float, default=0.1)
    parser.add_argument("--extract-seconds", type=float,
                        default=float(env("BENCH_EXTRACT_SECONDS", "30")),
                        help="time box per format for the one-core extraction rate")
    parser.add_argument("--api-seconds", type=float, default=float(env("BENCH_API_SECONDS", "15")),
                        help="load phase per endpoint and per baseline")
    parser.add_argument("--page-sizes", default="500,2000,10000",
                        help="node counts requested from the graph page")
    parser.add_argument("--neo4j-uri", default=env("BENCH_NEO4J_URI"),
                        help="use this server instead of starting one (it is wiped)")
    parser.add_argument("--heap", default=env("BENCH_NEO4J_HEAP", env("SKG_NEO4J_HEAP", "2g")))
    parser.add_argument("--pagecache", default=env("BENCH_NEO4J_PAGECACHE",
                                                   env("SKG_NEO4J_PAGECACHE", "1g")))
    parser.add_argument("--out", type=Path, default=RESULTS, help="results file")
    parser.add_argument("--workdir", type=Path, default=None,
                        help="folder for the corpus and the server (default: a temp folder)")
    parser.add_argument("--workers", type=int, default=int(env("BENCH_WORKERS", "0")) or None,
                        help="extraction processes in the pipeline run (default: CPUs)")
    parser.add_argument("--skip", default="", help="comma list of phases to skip: "
                        "extraction,loading,pipeline,indexes,api,pages")
    return parser.parse_args(argv)


def run(args: argparse.Namespace) -> dict:
    """Every phase in order; each records its own figures or why it could not run."""
    from bench.generate import generate_corpus
    from bench.neo4j_env import bench_neo4j, clear_graph, count_graph

    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    own_workdir = args.workdir is None
    workdir = Path(tempfile.mkdtemp(prefix="skg-bench-")) if own_workdir else args.workdir
    workdir.mkdir(parents=True, exist_ok=True)
    results: dict = {"date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                     "machine": machine(), "size": args.size, "seed": args.seed}
    try:
        corpus = workdir / "corpus"
        started = time.perf_counter()
        summary = generate_corpus(corpus, resolutions=args.size, seed=args.seed,
                                  pdf_share=args.pdf_share)
        gen_seconds = time.perf_counter() - started
        results["generation"] = {**summary, "seconds": round(gen_seconds, 3),
                                 "docs_per_s": round(args.size / gen_seconds, 1)}
        results["extraction"] = _phase("extraction", skip, lambda: _extraction(
            corpus, args.extract_seconds))
        if {"loading", "pipeline", "indexes", "api", "pages"} <= skip:  # no server needed
            results.update({phase: {"status": "skipped"} for phase in skip})
            return _finish(results, args)
        with bench_neo4j(workdir, args.neo4j_uri, args.heap, args.pagecache) as graph:
            clear_graph(graph.driver)
            results["loading"] = _phase("loading", skip, lambda: _loading(graph, corpus,
                                                                          workdir))
            results["pipeline"] = _phase("pipeline", skip, lambda: _pipeline(
                graph, corpus, workdir, gen_seconds, args.workers))
            results["graph_size"] = count_graph(graph.driver)
            results["indexes"] = _phase("indexes", skip, lambda: _indexes(graph, corpus,
                                                                          workdir))
            results["neo4j"] = {"heap": args.heap, "pagecache": args.pagecache,
                                "server": "external" if args.neo4j_uri else "bench",
                                **_store_sizes(workdir / "neo4j")}
            results["api"] = _phase("api", skip, lambda: _api(graph, args.api_seconds))
            sizes = tuple(int(s) for s in args.page_sizes.split(",") if s.strip())
            results["pages"] = _phase("pages", skip, lambda: _pages(graph, workdir, sizes))
    finally:
        if own_workdir:
            shutil.rmtree(workdir, ignore_errors=True)
    return _finish(results, args)


def _folder_mb(folder: Path) -> float | None:
    if not folder.is_dir():
        return None
    return round(sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20, 1)


def _store_sizes(instance: Path) -> dict[str, float | None]:
    """Sizes of the bench server's graph store (what the page cache should hold: node,
    relationship, property and index files) and of its transaction logs (preallocated in
    files of 256 MB, written sequentially, not cached)."""
    data = instance / "data"
    return {"store_mb": _folder_mb(data / "databases" / "neo4j"),
            "transaction_logs_mb": _folder_mb(data / "transactions" / "neo4j")}


def _finish(results: dict, args: argparse.Namespace) -> dict:
    """Fill in phases that did not run, print the table, write the results file."""
    for key in ("extraction", "loading", "pipeline", "indexes", "api", "pages"):
        results.setdefault(key, {"status": "not run"})
    results["table"] = print_table(results).splitlines()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n",
                        encoding="utf-8")
    print(f"\nResults written to {args.out}")
    return results


def _phase(name: str, skip: set[str], measure) -> dict:  # noqa: ANN001 - a thunk
    if name in skip:
        return {"status": "skipped"}
    print(f"bench: {name} …", flush=True)
    try:
        return measure()
    except ImportError as exc:
        return {"status": "not available", "reason": str(exc)}
    except Exception as exc:  # noqa: BLE001 - one phase failing must not lose the others
        return {"status": "failed", "error": f"{type(exc).__name__}: {exc}"}


def _extraction(corpus: Path, seconds: float) -> dict:
    from bench.measure_extraction import measure_extraction

    return measure_extraction(corpus, seconds)


def _loading(graph, corpus: Path, workdir: Path) -> dict:  # noqa: ANN001
    from bench.measure_loading import measure_loading

    return measure_loading(graph.driver, graph.uri, corpus, workdir, workers=1)


def _pipeline(graph, corpus: Path, workdir: Path, gen_seconds: float,  # noqa: ANN001
              workers: int | None) -> dict:
    from bench.measure_loading import measure_pipeline
    from bench.neo4j_env import clear_graph

    clear_graph(graph.driver)
    return measure_pipeline(graph.uri, corpus, workdir, gen_seconds, workers)


def _indexes(graph, corpus: Path, workdir: Path) -> dict:  # noqa: ANN001
    from bench.measure_indexes import measure_indexes

    return measure_indexes(graph.driver, graph.uri, corpus, workdir)


def _api(graph, seconds: float) -> dict:  # noqa: ANN001
    from bench.measure_api import measure_api

    return measure_api(graph.driver, graph.uri, seconds, graph.password)


def _pages(graph, workdir: Path, sizes: tuple[int, ...]) -> dict:  # noqa: ANN001
    from bench.measure_pages import measure_pages

    return measure_pages(graph.driver, workdir, sizes)


def main(argv: list[str] | None = None) -> None:
    # The driver logs a warning per query that names a not-yet-used relationship type.
    logging.getLogger("neo4j").setLevel(logging.ERROR)
    run(parse_args(argv))


if __name__ == "__main__":
    main()
