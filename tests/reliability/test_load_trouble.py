"""Loads that meet trouble, tested from outside: `skg load` as a user runs it, the API as
clients see it.

- Neo4j killed hard (SIGKILL of its Java process) in the middle of a load: the loader says
  so in one line and exits non-zero; after a restart a rerun ends with the counts of a clean
  load.
- A load while the API serves 16 clients: no 5xx, and every read sees a resolution either
  not at all or with all of its statements.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx
from neo4j import Driver, GraphDatabase

from graph.server import LocalNeo4j
from loaders import extract_file

SKG = Path(sys.executable).with_name("skg")
CLIENTS = 16


def _load(env: dict[str, str], corpus: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(SKG), "load", "--no-progress", str(corpus)], env=env,
                          capture_output=True, text=True, timeout=600)


def _subset(generated: Path, folder: Path, count: int = 15) -> Path:
    """The first `count` documents of the generated corpus, in a folder of their own."""
    folder.mkdir()
    for path in sorted(p for p in generated.iterdir() if p.suffix in (".txt", ".pdf"))[:count]:
        (folder / path.name).write_bytes(path.read_bytes())
    return folder


def _resolutions(driver: Driver) -> int:
    records, _, _ = driver.execute_query("MATCH (r:Resolution) RETURN count(r) AS n")
    return records[0]["n"]


def test_neo4j_killed_mid_load_is_one_line_and_a_rerun_gives_clean_counts(
        second_neo4j: LocalNeo4j, generated: Path, tmp_path: Path, graph_counts: Callable,
        per_resolution: Callable) -> None:
    corpus = _subset(generated, tmp_path / "corpus")
    # Small batches, so that the kill can land between two transactions of this small corpus.
    env = {**os.environ, "NEO4J_URI": second_neo4j.bolt_uri, "NEO4J_PASSWORD": "unused",
           "SKG_LOAD_BATCH": "2"}
    driver = GraphDatabase.driver(second_neo4j.bolt_uri, notifications_min_severity="OFF")
    try:
        clean = _load(env, corpus)
        assert clean.returncode == 0, clean.stderr
        clean_counts, clean_statements = graph_counts(driver), per_resolution(driver)
        driver.execute_query("MATCH (n) DETACH DELETE n")

        loader = subprocess.Popen([str(SKG), "load", "--no-progress", str(corpus)],
                                  env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  text=True)
        deadline = time.monotonic() + 120
        while _resolutions(driver) < 2:
            assert loader.poll() is None, "the load finished before Neo4j could be killed"
            assert time.monotonic() < deadline, "the load did not start within 120 s"
            time.sleep(0.01)
        pid = second_neo4j.pid()
        assert pid is not None
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)  # the server is this process's child: reap it
        began = time.monotonic()
        _, stderr = loader.communicate(timeout=300)
        print(f"loader gave up {time.monotonic() - began:.1f} s after the kill")
        assert loader.returncode != 0
        lines = stderr.strip().splitlines()
        assert len(lines) == 1, stderr
        assert lines[0].startswith("skg: ") and "Neo4j" in lines[0], lines[0]
        assert "Traceback" not in stderr

        second_neo4j.start()
        driver.close()
        driver = GraphDatabase.driver(second_neo4j.bolt_uri, notifications_min_severity="OFF")
        assert 0 < len(per_resolution(driver)) < len(clean_statements), "kill came too late"
        rerun = _load(env, corpus)
        assert rerun.returncode == 0, rerun.stderr
        assert graph_counts(driver) == clean_counts
        assert per_resolution(driver) == clean_statements
    finally:
        driver.close()


def test_load_while_16_clients_read_sees_whole_documents(
        ref_driver: Driver, generated: Path, tmp_path: Path, cli_env: dict[str, str],
        serve_api: Callable, per_resolution: Callable) -> None:
    """16 clients ask for resolutions of the corpus (`/resolutions/{id}` and
    `/statements?resolution=`) while `skg load` stores it, then while it loads it again:
    never a 5xx, and a resolution is either absent or has all of its statements.

    The API keeps its default time limit (10 s), not the reliability runs' 2 s: while the
    graph grows from nothing, Neo4j replans every query as its statistics change."""
    corpus = _subset(generated, tmp_path / "corpus")
    expected: dict[str, int] = {}
    for path in sorted(corpus.iterdir()):
        expected.update({r.id: len(r.statements) for r in extract_file(path)})
    ids = sorted(expected)
    done = threading.Event()
    seen: list[tuple[str, str, int, int | None]] = []  # (endpoint, id, status, statements)
    latencies: list[float] = []

    def read(base: str, seed: int) -> None:
        rng = random.Random(seed)
        with httpx.Client(base_url=base, timeout=60) as client:
            while not done.is_set():
                rid = rng.choice(ids)
                began = time.monotonic()
                detail = client.get(f"/resolutions/{rid}")
                count = len(detail.json()["statements"]) if detail.status_code == 200 else None
                seen.append(("detail", rid, detail.status_code, count))
                listing = client.get("/statements", params={"resolution": rid, "limit": 500})
                total = listing.json()["total"] if listing.status_code == 200 else None
                seen.append(("statements", rid, listing.status_code, total))
                latencies.append((time.monotonic() - began) / 2)

    with serve_api(SKG_CYPHER_TIMEOUT="10") as base:
        readers = [threading.Thread(target=read, args=(base, i)) for i in range(CLIENTS)]
        for thread in readers:
            thread.start()
        try:
            env = {**os.environ, **cli_env}
            first, second = _load(env, corpus), _load(env, corpus)
        finally:
            done.set()
            for thread in readers:
                thread.join(timeout=120)
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert per_resolution(ref_driver) == expected
    latencies.sort()
    print(f"{len(seen)} reads by {CLIENTS} clients during two loads; median "
          f"{latencies[len(latencies) // 2]:.3f} s, max {latencies[-1]:.3f} s")
    assert len(seen) >= 2 * CLIENTS
    assert not [s for s in seen if s[2] >= 500], [s for s in seen if s[2] >= 500][:5]
    partial = [s for s in seen if s[2] == 200 and s[3] not in (0, expected[s[1]])]
    assert not partial, partial[:5]
    assert {s[2] for s in seen if s[0] == "detail"} <= {200, 404}
    assert any(s[3] == expected[s[1]] and expected[s[1]] for s in seen), "no full reads"
