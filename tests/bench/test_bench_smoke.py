"""`python -m bench` end to end at a tiny size: it runs and writes its results file.

No timing is asserted (the machine is shared); only that every phase ran or said why not,
and that the results carry the keys the README's table is built from. The bench runs
against the test session's Neo4j (which every test wipes anyway) instead of starting one.
"""

from __future__ import annotations

import json
from pathlib import Path

from bench.__main__ import RESULT_KEYS, parse_args, run

PHASE_STATES = {"ok", "not available", "skipped"}


def test_bench_smoke(neo4j_uri: str, tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    run(parse_args(["--size", "30", "--seed", "5", "--extract-seconds", "2",
                    "--api-seconds", "0.5", "--page-sizes", "50", "--neo4j-uri", neo4j_uri,
                    "--workdir", str(tmp_path / "work"), "--out", str(out)]))
    results = json.loads(out.read_text(encoding="utf-8"))
    assert set(RESULT_KEYS) <= set(results)
    assert results["generation"]["documents"] == 30
    for phase in ("extraction", "loading", "pipeline", "api", "pages"):
        assert results[phase]["status"] in PHASE_STATES, (phase, results[phase])
    if results["loading"]["status"] == "ok":
        assert {"loader", "baseline_unwind_merge", "ratio_to_baseline", "batched_baseline",
                "ratio_to_batched_baseline", "peak_rss_mb"} <= set(results["loading"])
        assert results["loading"]["batched_baseline"]["statements"] == \
            results["loading"]["loader"]["statements"]
        assert results["loading"]["loader"]["documents"] == 30
    if results["pipeline"]["status"] == "ok":
        assert results["pipeline"]["loader"]["documents"] == 30
        assert {"seconds", "peak_rss_mb"} <= set(results["pipeline"])
    if results["api"]["status"] == "ok":
        for endpoint in ("/actors/{id}", "/actors/{hub}", "/requests",
                         "/requests (no filter)", "/graph?around={hub}", "/search", "/cypher"):
            assert {"api", "baseline", "p99_ratio"} <= set(results["api"][endpoint])
            assert {"p50_ms", "p99_ms", "errors"} <= set(results["api"][endpoint]["api"])
    assert {"heap", "pagecache"} <= set(results["neo4j"])
    assert results["table"]
