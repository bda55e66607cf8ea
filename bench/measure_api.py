"""The API under load: 16 concurrent clients against uvicorn in a child process.

Per endpoint: p50/p99 latency and requests per second. The baseline is the same work
without HTTP: the named query function the endpoint calls (`graph.actors.get_actor`,
`list_requests`, `search`) or, for `/cypher`, the same Cypher through the bare driver, each
from 16 threads in this process, in the same run. The ratio that matters is p99(API) /
p99(baseline) (goal ≤ 2).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import random
import secrets
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from neo4j import Driver, RoutingControl

CLIENTS = 16
GOAL_P99_RATIO = 2.0
SEARCH_WORDS = ("Digitalisierung", "Wärmeplanung", "Kompetenzzentrum", "Finanzierung",
                "Ladeinfrastruktur", "Datenstrategie", "Hochwasserschutz", "Ganztag")
CYPHER = ("MATCH (a:Actor {id: $id})-[r]->(o) RETURN a.id AS actor, type(r) AS predicate, "
          "o.id AS object, r.resolution AS resolution LIMIT 50")


def percentiles(latencies: list[float]) -> dict[str, float | None]:
    """p50 and p99 in milliseconds (nearest rank)."""
    if not latencies:
        return {"p50_ms": None, "p99_ms": None}
    ordered = sorted(latencies)

    def rank(p: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000, 2)

    return {"p50_ms": rank(0.50), "p99_ms": rank(0.99)}


def sample_actor_ids(driver: Driver, count: int = 200) -> list[str]:
    """Actors that take part in statements: the busiest ones and a random spread."""
    records = driver.execute_query(
        "MATCH (a:Actor) WITH a, COUNT { (a)--() } AS degree WHERE degree > 0 "
        "RETURN a.id AS id ORDER BY degree DESC LIMIT $n", n=count,
        routing_=RoutingControl.READ).records
    return [r["id"] for r in records] or ["DE"]


def start_api(uri: str, port: int, api_key: str, password: str | None) -> subprocess.Popen:
    """uvicorn with the project's app factory, pointed at the bench's Neo4j
    (`BENCH_API_WORKERS` processes, as `skg serve --workers`; default 1)."""
    env = {**os.environ, "NEO4J_URI": uri, "NEO4J_PASSWORD": password or "unused",
           "SKG_API_KEY": api_key, "SKG_CYPHER_TIMEOUT": "30"}
    root = Path(__file__).resolve().parents[1]
    return subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "--factory", "api.app:create_app", "--host",
         "127.0.0.1", "--port", str(port), "--log-level", "warning", "--no-access-log",
         "--workers", os.environ.get("BENCH_API_WORKERS", "1")],
        cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def wait_healthy(base: str, proc: subprocess.Popen, timeout: float = 60.0) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the API exited: {proc.stderr.read().decode()[-500:]}")
        try:
            if httpx.get(base + "/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"the API did not answer on {base} within {timeout:.0f} s")


async def _http_load(base: str, make: Callable[[random.Random], tuple[str, str, Any]],
                     seconds: float, api_key: str) -> dict:
    import httpx

    latencies: list[float] = []
    errors = 0
    limits = httpx.Limits(max_connections=CLIENTS, max_keepalive_connections=CLIENTS)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60,
                                 headers={"X-API-Key": api_key}) as client:
        stop = time.perf_counter() + seconds

        async def client_loop(n: int) -> None:
            nonlocal errors
            rng = random.Random(n)
            while time.perf_counter() < stop:
                method, path, body = make(rng)
                t0 = time.perf_counter()
                response = await client.request(method, path, json=body)
                latencies.append(time.perf_counter() - t0)
                errors += response.status_code >= 400

        started = time.perf_counter()
        await asyncio.gather(*(client_loop(n) for n in range(CLIENTS)))
        spent = time.perf_counter() - started
    return {"requests": len(latencies), "errors": errors, **percentiles(latencies),
            "req_per_s": round(len(latencies) / spent, 1)}


def _thread_load(work: Callable[[random.Random], Any], seconds: float) -> dict:
    latencies: list[float] = []
    failures: list[str] = []
    stop = time.perf_counter() + seconds

    def loop(n: int) -> None:
        rng = random.Random(n)
        while time.perf_counter() < stop:
            t0 = time.perf_counter()
            try:
                work(rng)
            except Exception as exc:  # noqa: BLE001 - counted and reported
                failures.append(str(exc)[:200])
            latencies.append(time.perf_counter() - t0)

    threads = [threading.Thread(target=loop, args=(n,)) for n in range(CLIENTS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    spent = time.perf_counter() - started
    return {"requests": len(latencies), "errors": len(failures), **percentiles(latencies),
            "req_per_s": round(len(latencies) / spent, 1)}


def _workloads(driver: Driver, ids: list[str]) -> dict[str, tuple[Callable, Callable]]:
    """Endpoint -> (HTTP request maker, bare baseline work). `ids[0]` is the busiest actor
    (the hub); `/graph?around=` draws its neighbourhood at the default node cap."""
    from graph import actors, queries
    from skg.settings import Settings
    from viz.pages import build_page

    graph = queries.Graph(driver, timeout=60.0)
    today = dt.date.today()
    hub = ids[0]
    cap = Settings().graph_node_cap

    def cypher_baseline(rng: random.Random) -> None:
        driver.execute_query(CYPHER, id=rng.choice(ids), routing_=RoutingControl.READ)

    return {
        "/actors/{id}": (lambda r: ("GET", f"/actors/{r.choice(ids)}", None),
                         lambda r: actors.get_actor(graph, r.choice(ids))),
        "/actors/{hub}": (lambda r: ("GET", f"/actors/{hub}", None),
                          lambda r: actors.get_actor(graph, hub)),
        "/requests": (lambda r: ("GET", f"/requests?limit=50&addressee={r.choice(ids)}", None),
                      lambda r: queries.list_requests(graph, as_of=today,
                                                      addressee=r.choice(ids), limit=50)),
        "/requests (no filter)": (lambda r: ("GET", f"/requests?limit=50&offset="
                                                     f"{r.randrange(0, 500, 50)}", None),
                                  lambda r: queries.list_requests(
                                      graph, as_of=today, limit=50,
                                      offset=r.randrange(0, 500, 50))),
        "/graph?around={hub}": (lambda r: ("GET", f"/graph?around={hub}", None),
                                lambda r: build_page(graph, cap, around=hub)),
        "/search": (lambda r: ("GET", f"/search?q={r.choice(SEARCH_WORDS)}", None),
                    lambda r: queries.search(graph, r.choice(SEARCH_WORDS))),
        "/cypher": (lambda r: ("POST", "/cypher", {"query": CYPHER,
                                                   "params": {"id": r.choice(ids)}}),
                    cypher_baseline),
    }


def measure_api(driver: Driver, uri: str, seconds: float = 15.0,
                password: str | None = None) -> dict:
    """Load each endpoint and its baseline for `seconds`; p99 ratios against the baseline."""
    try:
        import httpx  # noqa: F401

        import api.app  # noqa: F401
        from graph import queries  # noqa: F401
    except ImportError as exc:
        return {"status": "not available", "reason": str(exc)}
    from graph.server import free_port

    ids = sample_actor_ids(driver)
    api_key = secrets.token_urlsafe(16)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = start_api(uri, port, api_key, password)
    result: dict = {"status": "ok", "clients": CLIENTS, "seconds_per_endpoint": seconds,
                    "goal_p99_ratio": GOAL_P99_RATIO, "hub": ids[0]}
    try:
        wait_healthy(base, proc)
        for endpoint, (make, work) in _workloads(driver, ids).items():
            try:
                asyncio.run(_http_load(base, make, min(1.0, seconds), api_key))  # warm-up
                http = asyncio.run(_http_load(base, make, seconds, api_key))
                bare = _thread_load(work, seconds)
            except Exception as exc:  # noqa: BLE001 - one endpoint failing is recorded
                result[endpoint] = {"status": "failed", "error": f"{type(exc).__name__}: {exc}"}
                continue
            ratio = (round(http["p99_ms"] / bare["p99_ms"], 2)
                     if http["p99_ms"] and bare["p99_ms"] else None)
            result[endpoint] = {"api": http, "baseline": bare, "p99_ratio": ratio}
        result["graph_page_default_cap"] = _graph_page_once(base, api_key)
    except Exception as exc:  # noqa: BLE001 - an API that cannot start is recorded
        result = {"status": "failed", "error": f"{type(exc).__name__}: {exc}"}
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return result


def _graph_page_once(base: str, api_key: str) -> dict:
    """One `GET /graph` as a user would send it (default node cap): server time and size."""
    import httpx

    t0 = time.perf_counter()
    response = httpx.get(base + "/graph", timeout=300, headers={"X-API-Key": api_key})
    return {"status_code": response.status_code,
            "seconds": round(time.perf_counter() - t0, 3),
            "nodes_drawn": response.headers.get("X-SKG-Node-Count")}
