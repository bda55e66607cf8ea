"""The attack corpus: hostile Cypher against the guard, `POST /cypher` and `skg query`.

Every case is refused (403, exit 1), rejected by Neo4j with a clear error (400), cut off
by the row cap (`truncated`) or stopped by the time limit (504) — and the graph's nodes,
relationships, indexes and labels are the same afterwards. The first 27 refused cases were
`tests/graph/test_cypher_guard.py`'s; they live here now, with the rest of the corpus.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver
from typer.testing import CliRunner

from graph.cypher import run_read_query
from graph.errors import QueryRefused
from skg.cli import app
from skg.settings import Settings

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

CASES = ([(q, "refused") for q in REFUSED] + [(q, "rejected") for q in REJECTED]
         + [(q, "capped") for q in CAPPED] + [(q, "timeout") for q in TIMED_OUT])


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 40
    assert len(set(CASES)) == len(CASES)


@pytest.mark.parametrize("query", REFUSED)
def test_guard_refuses(dense_graph: Driver, limits: Settings, graph_counts: Callable,
                       query: str) -> None:
    before = graph_counts(dense_graph)
    with pytest.raises(QueryRefused):
        run_read_query(dense_graph, query, {}, limits)
    assert graph_counts(dense_graph) == before


@pytest.mark.parametrize(("query", "expect"), CASES)
def test_api_refuses_or_cuts_off(api: TestClient, dense_graph: Driver, graph_counts: Callable,
                                 query: str, expect: str) -> None:
    before = graph_counts(dense_graph)
    response = api.post("/cypher", json={"query": query})
    if expect == "capped":
        assert response.status_code == 200, response.text
        assert response.json()["truncated"] and len(response.json()["rows"]) == 100
    else:
        wanted = {"refused": {403}, "rejected": {400, 403}, "timeout": {504}}[expect]
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
    assert graph_counts(dense_graph) == before


def test_parameters_bolt_cannot_carry_are_a_400(api: TestClient) -> None:
    """Found by schemathesis: an integer beyond 64 bits used to fail in the driver (500)."""
    response = api.post("/cypher", json={"query": "RETURN $x", "params": {"x": [2**64]}})
    assert response.status_code == 400 and "64 bits" in response.json()["error"]["message"]
