"""Graph pages: server time to build the page and browser time until the layout stabilises.

The page is built with the same functions `GET /graph` calls (`graph.queries.subgraph`, then
`viz.pages.render_graph_page` with the node cap set to the requested size), written to a
file and opened in headless Chromium, which is polled until the page's own signal
`window.skgStabilized` turns true. The baseline is the smallest page of the same run: larger
pages are reported as a ratio to it.
"""

from __future__ import annotations

import time
from pathlib import Path

from neo4j import Driver

from bench.cdp import CdpError, Chromium, find_chromium

SIZES = (500, 2_000, 10_000)
GOAL_SECONDS_AT_2000 = 3.0


def build_page(driver: Driver, nodes: int) -> tuple[str, float, int]:
    """The page HTML for a request of `nodes` nodes, the seconds it took, nodes in the graph."""
    from graph import queries
    from viz.pages import render_graph_page

    started = time.perf_counter()
    subgraph = queries.subgraph(queries.Graph(driver, timeout=120.0), edge_limit=max(
        20_000, nodes * 4))
    html = render_graph_page(subgraph, node_cap=nodes, title="bench")
    seconds = time.perf_counter() - started
    total = len(getattr(subgraph, "nodes", []) or [])
    return html, seconds, total


def stabilise(browser: Chromium, url: str, timeout: float) -> dict:
    """Open the page and wait for `window.skgStabilized`; seconds and nodes drawn."""
    started = time.perf_counter()
    browser.navigate(url)
    while time.perf_counter() - started < timeout:
        try:
            if browser.evaluate("window.skgStabilized === true", timeout=timeout):
                seconds = time.perf_counter() - started
                drawn = browser.evaluate("window.skgNodeCount")
                return {"browser_seconds": round(seconds, 3), "nodes_drawn": drawn}
        except CdpError as exc:
            return {"browser_seconds": None, "error": str(exc)}
        time.sleep(0.05)
    return {"browser_seconds": None, "error": f"not stabilised within {timeout:.0f} s"}


def measure_pages(driver: Driver, workdir: Path, sizes: tuple[int, ...] = SIZES,
                  timeout: float = 180.0) -> dict:
    """Server and browser time per requested size; browser skipped with a note if absent."""
    try:
        import viz.pages  # noqa: F401
        from graph import queries  # noqa: F401
    except ImportError as exc:
        return {"status": "not available", "reason": f"viz/graph pages: {exc}"}
    binary = find_chromium()
    result: dict = {"status": "ok", "goal_browser_seconds_at_2000": GOAL_SECONDS_AT_2000,
                    "browser": binary or "not installed: browser times skipped"}
    browser = Chromium(binary) if binary else None
    try:
        for size in sizes:
            row: dict = {"requested_nodes": size}
            try:
                html, seconds, total = build_page(driver, size)
            except Exception as exc:  # noqa: BLE001 - recorded, the bench goes on
                result[str(size)] = {**row, "error": f"{type(exc).__name__}: {exc}"}
                continue
            row.update(server_seconds=round(seconds, 3), nodes_in_graph=total,
                       page_kb=round(len(html.encode()) / 1024, 1))
            page = workdir / f"graph-{size}.html"
            page.write_text(html, encoding="utf-8")
            if browser is not None:
                row.update(stabilise(browser, page.as_uri(), timeout))
            result[str(size)] = row
    finally:
        if browser is not None:
            browser.close()
    small = result.get(str(sizes[0]), {}).get("browser_seconds")
    for size in sizes[1:]:
        row = result.get(str(size), {})
        if small and row.get("browser_seconds"):
            row["ratio_to_smallest"] = round(row["browser_seconds"] / small, 2)
    return result
