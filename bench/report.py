"""The machine a run comes from, and the short table printed at the end of `make bench`."""

from __future__ import annotations

import os
import platform
from typing import Any


def machine() -> dict[str, Any]:
    """CPU model, cores, memory and versions: the context every figure needs."""
    cpu = platform.processor() or "unknown"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next((line.split(":", 1)[1].strip() for line in info
                        if line.startswith("model name")), cpu)
    except OSError:
        pass
    memory_gb = None
    try:
        with open("/proc/meminfo", encoding="utf-8") as info:
            kb = int(next(line for line in info if line.startswith("MemTotal")).split()[1])
            memory_gb = round(kb / 1024 / 1024, 1)
    except (OSError, StopIteration, ValueError):
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gb": memory_gb,
            "python": platform.python_version(), "platform": platform.platform(),
            "load_average": [round(x, 2) for x in os.getloadavg()]}


def _fmt(value: Any, unit: str = "") -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        value = f"{value:,.2f}" if value < 100 else f"{value:,.0f}"
    return f"{value}{unit}"


def _met(ok: bool | None) -> str:
    return "-" if ok is None else ("yes" if ok else "NO")


def summary_rows(results: dict) -> list[tuple[str, str, str, str]]:
    """(metric, figure, ratio or baseline, goal met) rows of the table."""
    rows: list[tuple[str, str, str, str]] = []
    gen = results.get("generation", {})
    rows.append(("generate docs/s", _fmt(gen.get("docs_per_s")), "", "-"))
    ext = results.get("extraction", {})
    if ext.get("status") == "ok":
        for key in ("text", "pdf"):
            rows.append((f"extract {key} docs/s (1 core)", _fmt(ext[key].get("docs_per_s")),
                         "", "-"))
        rows.append(("recall on generated docs", _fmt(ext["recall"].get("recall")), "", "-"))
    else:
        rows.append(("extraction", ext.get("status", "not run"), "", "-"))
    load = results.get("loading", {})
    if load.get("status") == "ok":
        ratio = load.get("ratio_to_batched_baseline")
        rows.append(("load statements/s (store)",
                     _fmt(load["loader"].get("store_statements_per_s")),
                     f"ratio to batched {_fmt(ratio)} (goal >= 0.5)",
                     _met(None if ratio is None else ratio >= 0.5)))
        rows.append(("bare driver statements/s, batched / per document",
                     _fmt(load["batched_baseline"].get("statements_per_s")),
                     _fmt(load["baseline_unwind_merge"].get("statements_per_s")), "-"))
        growth = load["loader"].get("store_growth_last_to_first")
        rows.append(("store ms/doc, last tenth / first",
                     _fmt(load["loader"].get("store_ms_per_doc_last_tenth")),
                     f"growth {_fmt(growth)}", "-"))
    else:
        rows.append(("loading", load.get("status", "not run"), "", "-"))
    api = results.get("api", {})
    if api.get("status") == "ok":
        for endpoint in ("/actors/{id}", "/actors/{hub}", "/requests", "/requests (no filter)",
                         "/graph?around={hub}", "/search", "/cypher"):
            row = api.get(endpoint, {})
            if "api" not in row:
                rows.append((endpoint, row.get("status", "n/a"), "", "-"))
                continue
            ratio = row.get("p99_ratio")
            rows.append((f"{endpoint} p50/p99 ms, req/s",
                         f"{_fmt(row['api']['p50_ms'])}/{_fmt(row['api']['p99_ms'])}, "
                         f"{_fmt(row['api']['req_per_s'])}",
                         f"p99 ratio {_fmt(ratio)} (goal <= 2)",
                         _met(None if ratio is None else ratio <= 2)))
    else:
        rows.append(("API", api.get("status", "not run"), "", "-"))
    pages = results.get("pages", {})
    if pages.get("status") == "ok":
        for size in ("500", "2000", "10000"):
            row = pages.get(size)
            if not row:
                continue
            browser = row.get("browser_seconds")
            goal = (None if size != "2000" or browser is None else browser < 3.0)
            rows.append((f"graph page {size} nodes: server/browser s",
                         f"{_fmt(row.get('server_seconds'))}/{_fmt(browser)}",
                         f"drawn {_fmt(row.get('nodes_drawn'))}", _met(goal)))
    else:
        rows.append(("graph pages", pages.get("status", "not run"), "", "-"))
    pipe = results.get("pipeline", {})
    if pipe.get("status") == "ok":
        size = results.get("size") or 0
        rows.append((f"generate+extract+load {size} docs s "
                     f"({pipe['loader'].get('workers')} workers)", _fmt(pipe["seconds"]),
                     f"{_fmt(pipe.get('docs_per_s'))} docs/s; goal < 600 s at 100k",
                     _met(pipe["seconds"] < 600) if size >= 100_000 else "-"))
        rss = pipe.get("peak_rss_mb")
        rows.append(("loader peak RSS MB (with workers)", _fmt(rss), "goal < 2048 at 100k",
                     _met(None if rss is None else rss < 2048)))
    else:
        rows.append(("pipeline", pipe.get("status", "not run"), "", "-"))
    return rows


def print_table(results: dict) -> str:
    """The table as text (also returned, for the tests)."""
    rows = [("metric", "figure", "baseline / ratio", "goal met"), *summary_rows(results)]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    text = "\n".join(lines)
    print(text)
    return text
