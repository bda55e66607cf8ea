"""The attack corpus: hostile Cypher against the guard, `POST /cypher` and `skg query`.

Every case is refused (403, exit 1), rejected by Neo4j with a clear error (400), cut off
by the row cap (`truncated`) or stopped by the time limit (504) — and the graph's nodes,
relationships, indexes and labels are the same afterwards. The first 27 refused cases were
`tests/graph/test_cypher_guard.py`'s; they live here now, with the rest of the corpus.
The parser bombs (texts too costly to parse or plan) are refused within the time limit, also
ten at once against a real `skg serve` while `/health` keeps answering, and the client-side
deadline of EXPLAIN catches one that gets past the text limits.
"""

from __future__ import annotations

import json
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from neo4j import Driver
from typer.testing import CliRunner

from graph import cypher_cost
from graph.cypher import VERDICTS, run_read_query
from graph.errors import QueryRefused
from skg.cli import app
from skg.settings import Settings

SKG = Path(sys.executable).with_name("skg")
ZWSP, ZWJ, BOM = "\u200b", "\u200d", "\ufeff"

#: Refused before anything runs (QueryRefused → 403, `skg query` exit 1).
REFUSED = [
    # writes
    "CREATE (n:Actor {id: 'x'})",
    "MERGE (n:Actor {id: 'x'})",
    "MATCH (n) SET n.pwned = true",
    "MATCH (n) DELETE n",
    "MATCH (n) DETACH DELETE n",
    "MATCH (n:Actor) REMOVE n:Actor",
    "MATCH (n) FOREACH (x IN [1] | SET n.pwned = true)",
    "CALL { CREATE (n:Pwned) } RETURN 1",
    "CALL () { MATCH (n) DETACH DELETE n } RETURN 1",
    # files and URLs
    "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    "load csv with headers from 'https://example.org/x.csv' AS row RETURN row",
    "LOAD/* hidden */CSV FROM 'file:///etc/passwd' AS row RETURN row",
    "LOAD // line comment\n CSV FROM 'file:///x' AS row RETURN row",
    "ＬＯＡＤ ＣＳＶ FROM 'file:///etc/passwd' AS row RETURN row",
    "ＣＲＥＡＴＥ (n:Pwned)",
    # procedures that write, change settings or leak
    "CALL dbms.setConfigValue('db.logs.query.enabled', 'OFF')",
    "CALL db.createLabel('Pwned')",
    "CALL `db`.`createLabel`('Pwned')",
    "CALL db.index.fulltext.drop('skg_names')",
    # several statements
    "MATCH (n) RETURN n; CREATE (m:Pwned)",
    "RETURN 1 /* ; */ ; MATCH (n) DELETE n",
    # administration
    "CALL dbms.security.createUser('eve', 'secret12345', false)",
    "SHOW USERS",
    "USE system SHOW USERS",
    "CREATE INDEX pwned FOR (n:Actor) ON (n.pwned)",
    "DROP INDEX skg_names",
    "MATCH (n) CALL { WITH n SET n.x = 1 } IN TRANSACTIONS RETURN 1",
    # — new cases from here —
    "MATCH (a:Actor) MERGE (a)-[:REQUESTS]->(a)",
    "MATCH (n:Actor) SET n:Pwned",
    "MATCH ()-[r]->() DELETE r",
    "MATCH (n) REMOVE n.name",
    "UNWIND range(1, 3) AS i FOREACH (x IN [i] | CREATE (:Pwned))",
    "MATCH (n:Actor) CALL (n) { SET n.pwned = true } RETURN count(*)",
    "CALL { MATCH (n:Actor) MERGE (:Pwned {id: n.id}) } RETURN 1",
    "LOAD CSV FROM 'http://127.0.0.1:9/x.csv' AS row CREATE (:Pwned {v: row[0]})",
    "WITH 'file:///etc/passwd' AS u LOAD CSV FROM u AS row RETURN row",
    "LOAD\u00a0CSV FROM 'file:///etc/passwd' AS row RETURN row",
    "CALL dbms.listConfig()",
    "CALL dbms.security.listUsers()",
    "CALL dbms.security.changePassword('pwned-password')",
    "CALL db.clearQueryCaches()",
    "CALL db.createProperty('pwned')",
    "CALL db.createRelationshipType('PWNED')",
    "CALL db.labels() YIELD label CREATE (:Pwned {label: label})",
    "CALL apoc.cypher.runWrite('CREATE (:Pwned)', {})",
    "CALL apoc.load.json('file:///etc/passwd')",
    "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DETACH DELETE n', {})",
    "SHOW SETTINGS",
    "SHOW TRANSACTIONS",
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    "CREATE CONSTRAINT pwned FOR (n:Pwned) REQUIRE n.id IS UNIQUE",
    "CYPHER runtime=slotted MATCH (n) DETACH DELETE n",
    "MATCH (n) RETURN n;\nMATCH (n) DETACH DELETE n;",
    "RETURN ';' AS x; CREATE (:Pwned)",
    "MATCH (n) RETURN n // harmless\n; CREATE (:Pwned)",
    "/* RETURN 1 */ CREATE (:Pwned)",
    "CREATE/**/(:Pwned)",
    "MATCH (n) /* x */ DETACH /* y */ DELETE n",
    "ＭＡＴＣＨ (n) ＤＥＴＡＣＨ ＤＥＬＥＴＥ n",
]

#: Refused or rejected by Neo4j with a clear error (403 or 400): look-alike letters make
#: no keyword, and APOC is not bundled, so its functions do not exist.
REJECTED = [
    "СREATE (:Pwned)",                               # Cyrillic С
    "MATCH (n) DЕTACH DELETE n",                     # Cyrillic Е
    "LОAD CSV FROM 'file:///etc/passwd' AS row RETURN row",  # Cyrillic О
    f"CRE{ZWSP}ATE (:Pwned)",                        # zero-width characters: no token
    f"LOAD{ZWSP} CSV FROM 'file:///etc/passwd' AS row RETURN row",
    f"{BOM}MATCH (n) DETACH DELETE n",
    f"MATCH (n) DETACH{ZWJ} DELETE n",
    "RETURN apoc.version()",
    "RETURN apoc.text.join(['a'], ',')",
    "CREATE DATABASE pwned",
    "CREATE USER eve SET PASSWORD 'secret12345'",
    "PROFILE CREATE (:Pwned)",
    "EXPLAIN MATCH (n) DETACH DELETE n",
]

#: Huge results: cut at the row cap and flagged.
CAPPED = [
    "UNWIND range(1, 10000000) AS i RETURN i",
    "MATCH (a), (b), (c) RETURN a.id, b.id, c.id",
    "MATCH p = (:Actor)-[*1..8]->() RETURN length(p)",
]

#: Runaway work: stopped by the time limit (504).
TIMED_OUT = [
    "MATCH p = (:Actor)-[*1..10]->() RETURN count(p)",
    "MATCH (a), (b), (c), (d), (e) RETURN count(a.id + b.id + c.id + d.id + e.id)",
    "MATCH p = (:Actor)-[*]->(:Actor) RETURN count(p)",
]

#: Parser-cost attacks: texts Neo4j's parser or planner spends minutes on (or overflows its
#: stack on, leaving the connection waiting), refused before they reach Neo4j (403).
#: The sizes are where Neo4j 5.26 was measured to hang or slow down, or beyond.
PARSER_BOMBS = {
    "nested lists": "RETURN " + "[" * 500 + "1" + "]" * 500,
    "nested maps": "RETURN " + "{a: " * 300 + "1" + "}" * 300,
    "nested parentheses": "RETURN " + "(" * 1000 + "1" + ")" * 1000,
    "nested CASE": "RETURN " + "CASE WHEN true THEN " * 200 + "1" + " END" * 200,
    "nested function calls": "RETURN " + "abs(" * 300 + "1" + ")" * 300,
    "nested list comprehensions": "RETURN " + "[x IN " * 150 + "[1]" + " | x]" * 150,
    "nested lists of chains": "RETURN " + "[1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + " * 20 + "1"
                              + "]" * 20,
    "long UNION chain": " UNION ".join(["RETURN 1 AS x"] * 200),
    "long UNION ALL chain": " UNION ALL ".join(["MATCH (n) RETURN n.id AS x"] * 300),
    "huge list literal": "RETURN [" + ",".join(["1"] * 6000) + "]",
    "huge list of strings": "MATCH (a:Actor) WHERE a.id IN [" + ", ".join(
        f"'a{i}'" for i in range(1500)) + "] RETURN a",
    "long string concatenation": "RETURN " + " + ".join(["'a'"] * 1000),
    "long arithmetic chain": "RETURN " + " - ".join(["1"] * 2000),
    "long AND chain": "MATCH (n) WHERE " + " AND ".join(["n.x = 1"] * 300) + " RETURN n",
    "long NOT chain": "RETURN " + "NOT " * 1000 + "true",
    "long property chain": "WITH {} AS m RETURN m" + ".a" * 500,
    "long label chain": "MATCH (n" + ":A" * 2000 + ") RETURN n",
    "deep pattern chain": "MATCH " + "".join(f"(a{i})-->" for i in range(20)) + "(b) "
                          "RETURN count(*)",
    "deep pattern chain, backwards": "MATCH " + "".join(f"(a{i})<-[:REQUESTS]-"
                                                        for i in range(30)) + "(b) RETURN 1",
    "chain of MATCH clauses": " ".join(f"MATCH (a{i})-->(a{i + 1})" for i in range(30))
                              + " RETURN count(*)",
    "chain of OPTIONAL MATCH clauses": " ".join(f"OPTIONAL MATCH (a{i})-->(a{i + 1})"
                                                for i in range(40)) + " RETURN count(*)",
}

CASES = ([(q, "refused") for q in REFUSED] + [(q, "rejected") for q in REJECTED]
         + [(q, "capped") for q in CAPPED] + [(q, "timeout") for q in TIMED_OUT]
         + [(q, "costly") for q in PARSER_BOMBS.values()])


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 40
    assert len(set(CASES)) == len(CASES)


@pytest.mark.parametrize("query", REFUSED + list(PARSER_BOMBS.values()))
def test_guard_refuses(dense_graph: Driver, limits: Settings, graph_counts: Callable,
                       query: str) -> None:
    before = graph_counts(dense_graph)
    with pytest.raises(QueryRefused):
        run_read_query(dense_graph, query, {}, limits)
    assert graph_counts(dense_graph) == before


@pytest.mark.parametrize(("query", "expect"), CASES)
def test_api_refuses_or_cuts_off(api: TestClient, dense_graph: Driver, graph_counts: Callable,
                                 limits: Settings, query: str, expect: str) -> None:
    before = graph_counts(dense_graph)
    started = time.monotonic()
    response = api.post("/cypher", json={"query": query})
    if expect in ("refused", "rejected", "costly"):  # answered within the time limit
        assert time.monotonic() - started < limits.cypher_timeout, response.text
    if expect == "capped":
        assert response.status_code == 200, response.text
        assert response.json()["truncated"] and len(response.json()["rows"]) == 100
    else:
        wanted = {"refused": {403}, "rejected": {400, 403}, "timeout": {504},
                  "costly": {403}}[expect]
        assert response.status_code in wanted, response.text
        error = response.json()["error"]
        assert error["status"] == response.status_code and error["message"]
        assert "\n" not in error["message"].strip() or expect == "rejected"
    assert graph_counts(dense_graph) == before


@pytest.mark.parametrize(("query", "expect"), CASES)
def test_cli_refuses_or_cuts_off(runner: CliRunner, dense_graph: Driver, graph_counts: Callable,
                                 query: str, expect: str) -> None:
    before = graph_counts(dense_graph)
    result = runner.invoke(app, ["query", query])
    if expect == "capped":
        assert result.exit_code == 0, result.output
        body = json.loads(result.stdout)
        assert body["truncated"] and len(body["rows"]) == 100
    else:
        assert result.exit_code == 1, result.output
        assert result.stderr.startswith("skg: ") and "Traceback" not in result.output
        if expect == "refused":
            assert "not allowed" in result.stderr or "only read queries" in result.stderr
        if expect == "timeout":
            assert "longer than allowed" in result.stderr
        if expect == "costly":
            assert "too costly to parse" in result.stderr
    assert graph_counts(dense_graph) == before


def test_parameters_bolt_cannot_carry_are_a_400(api: TestClient) -> None:
    """Found by schemathesis: an integer beyond 64 bits used to fail in the driver (500)."""
    response = api.post("/cypher", json={"query": "RETURN $x", "params": {"x": [2**64]}})
    assert response.status_code == 400 and "64 bits" in response.json()["error"]["message"]


def test_ten_bombs_at_once_health_keeps_answering(dense_graph: Driver, api_server: str,
                                                  limits: Settings) -> None:
    """Ten parser bombs arrive at once at a real `skg serve`: each is refused (403) within
    the time limit, and `/health`, asked every 50 ms meanwhile, answers within a second."""
    bombs = list(PARSER_BOMBS.values())[:10]
    # One connected client per attacker, made beforehand: building an HTTP client costs
    # more than the server's refusal, and would be measured instead of it.
    clients = [httpx.Client(base_url=api_server, timeout=120)
               for _ in range(len(bombs) + 1)]
    monitor = clients.pop()
    start = threading.Barrier(len(bombs) + 1)
    answers: list[tuple[int, float]] = []

    def attack(client: httpx.Client, query: str) -> None:
        start.wait()
        began = time.monotonic()
        response = client.post("/cypher", json={"query": query})
        answers.append((response.status_code, time.monotonic() - began))

    health: list[tuple[int, float]] = []
    try:
        for client in [*clients, monitor]:
            assert client.post("/cypher", json={"query": "RETURN 1"}).status_code == 200
        threads = [threading.Thread(target=attack, args=(client, query))
                   for client, query in zip(clients, bombs, strict=True)]
        for thread in threads:
            thread.start()
        start.wait()
        while any(t.is_alive() for t in threads) or len(health) < 10:
            began = time.monotonic()
            status = monitor.get("/health").status_code
            health.append((status, time.monotonic() - began))
            time.sleep(0.05)
        for thread in threads:
            thread.join()
    finally:
        for client in [*clients, monitor]:
            client.close()
    print(f"bombs answered in max {max(s for _, s in answers):.3f} s, /health max "
          f"{max(s for _, s in health):.3f} s over {len(health)} requests")
    assert [status for status, _ in answers] == [403] * len(bombs)
    assert all(seconds < limits.cypher_timeout for _, seconds in answers), answers
    assert all(status == 200 for status, _ in health)
    assert all(seconds < 1.0 for _, seconds in health), health


def test_explain_deadline_answers_in_time_and_frees_neo4j(
        dense_graph: Driver, limits: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the text limits out of the way, a bomb reaches Neo4j, whose parser overflows and
    never answers: the client-side deadline refuses it within the time limit, its
    connection is killed, no transaction is left, and the next query runs."""
    monkeypatch.setattr(cypher_cost, "MAX_DEPTH", 10**6)
    VERDICTS.clear()
    began = time.monotonic()
    with pytest.raises(QueryRefused, match="could not check the query within"):
        run_read_query(dense_graph, PARSER_BOMBS["nested lists"], {}, limits)
    elapsed = time.monotonic() - began
    print(f"EXPLAIN deadline: refused after {elapsed:.3f} s")
    assert elapsed < limits.cypher_timeout
    deadline = time.monotonic() + 30
    while True:
        records, _, _ = dense_graph.execute_query(
            "SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery STARTS WITH 'EXPLAIN' "
            "RETURN count(*) AS n")
        if records[0]["n"] == 0:
            break
        assert time.monotonic() < deadline, "the EXPLAIN transaction was not released"
        time.sleep(0.2)
    assert run_read_query(dense_graph, "RETURN 1 AS one", {}, limits).rows == [[1]]
