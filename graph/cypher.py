"""Analysts' Cypher, read-only: a text check, an EXPLAIN check, a READ transaction, limits.

Three independent guards, as datasette does for SQL: (1) the text is NFKC-normalised, its
comments and string literals are stripped, and LOAD CSV, several statements, admin commands
and procedures outside an allow-list are refused; (2) `EXPLAIN` must report a read-only
plan (`query_type == "r"`); (3) the query runs in a READ session with a server-side timeout
and a row cap. The normalised text is the one that runs, so what was checked is what runs.

Before any of it reaches Neo4j, texts that are too costly to parse or plan are refused
(`graph.cypher_cost`), and `EXPLAIN` itself has a client-side deadline: the server's
transaction timeout does not cover every parser failure (see `explain_query_type`).
"""

from __future__ import annotations

import asyncio
import re
import threading
import time
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from neo4j import READ_ACCESS, AsyncGraphDatabase, Driver, Query
from neo4j.exceptions import (
    AuthError,
    ClientError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
)

from graph.connection import connection_target
from graph.cypher_cost import cost_refusal
from graph.errors import GraphUnavailable, QueryFailed, QueryRefused, QueryTimedOut
from graph.serialize import to_json

#: Procedures an analyst may call: schema introspection, full-text search, the version.
ALLOWED_PROCEDURES = frozenset({
    "db.labels", "db.relationshiptypes", "db.propertykeys", "db.schema.visualization",
    "db.schema.nodetypeproperties", "db.schema.reltypeproperties",
    "db.index.fulltext.querynodes", "db.index.fulltext.queryrelationships",
    "dbms.components",
})
#: Commands that administer the server rather than read the graph.
#: Allowed procedures that run in DBMS mode: EXPLAIN reports them as query type "s".
DBMS_MODE_PROCEDURES = frozenset({"dbms.components"})
ADMIN_COMMANDS = ("SHOW", "TERMINATE", "GRANT", "DENY", "REVOKE", "ALTER", "DROP", "START",
                  "STOP", "ENABLE", "DEALLOCATE", "REALLOCATE", "RENAME", "USE")
MAX_QUERY_CHARS = 20_000
#: The least time a query that passed its EXPLAIN is given to run.
MIN_RUN_SECONDS = 0.1
#: The share of the time limit EXPLAIN may use: the rest is left for giving up in time
#: (killing the connection, answering).
EXPLAIN_SHARE = 0.9

_LOAD_CSV = re.compile(r"\bLOAD\s+CSV\b", re.IGNORECASE)
_IN_TRANSACTIONS = re.compile(r"\bIN\s+(?:\d+\s+)?(?:CONCURRENT\s+)?TRANSACTIONS\b",
                              re.IGNORECASE)
_PROCEDURE = re.compile(r"\bCALL\s+(?!\{|\()([A-Za-z_][\w.]*)", re.IGNORECASE)
_ADMIN = re.compile(r"(?:^|[{;])\s*(" + "|".join(ADMIN_COMMANDS) + r")\b", re.IGNORECASE)
_TIMEOUT_CODES = ("TransactionTimedOut", "TransactionTimedOutClientConfiguration")
#: Read-only verdicts (EXPLAIN query types) remembered per query text.
VERDICT_CACHE_SIZE = 1024


@dataclass
class QueryResult:
    """Columns, JSON-ready rows, and whether the row cap cut the result short."""

    columns: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    truncated: bool = False


def normalise(query: str) -> str:
    """NFKC form, so fullwidth and other look-alike letters read as the keywords they mimic."""
    return unicodedata.normalize("NFKC", query)


def strip_comments_and_strings(query: str) -> str:
    """The query without comments, with string literals emptied and backticks removed.

    Keyword checks run on this text so that `'LOAD CSV'` in a string does not count, while
    `LO/**/AD CSV`-style tricks and `` `db`.`labels` `` quoting are seen through.
    """
    out: list[str] = []
    i, n = 0, len(query)
    while i < n:
        ch = query[i]
        two = query[i:i + 2]
        if two == "//":
            end = query.find("\n", i)
            i = n if end < 0 else end
            out.append(" ")
        elif two == "/*":
            end = query.find("*/", i + 2)
            i = n if end < 0 else end + 2
            out.append(" ")
        elif ch in "'\"":
            j = i + 1
            while j < n and query[j] != ch:
                j += 2 if query[j] == "\\" else 1
            out.append("''")
            i = j + 1
        elif ch == "`":
            end = query.find("`", i + 1)
            out.append(query[i + 1:n if end < 0 else end])
            i = n if end < 0 else end + 1
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def check_text(query: str) -> str:
    """The normalised query if its text passes the static checks; QueryRefused otherwise."""
    text = normalise(query).strip()
    if not text:
        raise QueryRefused("the query is empty")
    if len(text) > MAX_QUERY_CHARS:
        raise QueryRefused(f"the query is longer than {MAX_QUERY_CHARS} characters")
    bare = strip_comments_and_strings(text)
    too_costly = cost_refusal(bare)
    if too_costly:
        raise QueryRefused(f"too costly to parse: {too_costly}")
    if _LOAD_CSV.search(bare):
        raise QueryRefused("LOAD CSV is not allowed: analysts' queries may not read files "
                           "or URLs")
    if _IN_TRANSACTIONS.search(bare):
        raise QueryRefused("CALL { … } IN TRANSACTIONS is not allowed")
    if ";" in bare.rstrip().rstrip(";"):
        raise QueryRefused("several statements are not allowed: send one query at a time")
    admin = _ADMIN.search(bare)
    if admin:
        raise QueryRefused(f"administration commands ({admin.group(1).upper()} …) are not "
                           "allowed")
    for match in _PROCEDURE.finditer(bare):
        name = match.group(1).rstrip(".")
        if name.lower() not in ALLOWED_PROCEDURES:
            allowed = ", ".join(sorted(ALLOWED_PROCEDURES))
            raise QueryRefused(f"procedure {name} is not allowed; allowed: {allowed}")
    return text.rstrip().rstrip(";").rstrip()


def check_params(value: Any, name: str = "params") -> None:
    """QueryFailed for values Bolt cannot carry (integers beyond 64 bits), which would
    otherwise fail inside the driver as an unexpected error."""
    if isinstance(value, dict):
        for key, item in value.items():
            check_params(item, f"{name}.{key}")
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            check_params(item, f"{name}[{i}]")
    elif isinstance(value, int) and not -(2**63) <= value < 2**63:
        raise QueryFailed(f"parameter {name} is out of range: integers must fit in 64 bits")


def called_procedures(query: str) -> set[str]:
    """Lower-case names of the procedures a (normalised) query calls."""
    bare = strip_comments_and_strings(query)
    return {m.group(1).rstrip(".").lower() for m in _PROCEDURE.finditer(bare)}


def _graph_error(exc: Exception) -> Exception:
    """Translate a driver error into the graph layer's typed errors."""
    if isinstance(exc, ServiceUnavailable | SessionExpired | OSError):
        return GraphUnavailable(f"Neo4j does not answer: {exc}")
    if isinstance(exc, AuthError):
        return GraphUnavailable("Neo4j refused the credentials: check NEO4J_USER and "
                                "NEO4J_PASSWORD")
    if isinstance(exc, Neo4jError):
        code = exc.code or ""
        message = exc.message or str(exc)
        if any(code.endswith(c) for c in _TIMEOUT_CODES):
            return QueryTimedOut(f"the query ran longer than allowed and was stopped: {message}")
        if "AccessMode" in code or "ForbiddenOnReadOnlyDatabase" in code:
            return QueryRefused(f"the query tried to write: {message}")
        if isinstance(exc, ClientError):
            return QueryFailed(message)
        return QueryFailed(f"Neo4j could not run the query: {message}")
    return QueryFailed(str(exc))


def explain_query_type(target: tuple[str, Any], text: str, params: dict[str, Any],
                       database: str | None, limit: float) -> str:
    """The plan's query type (`"r"`, `"rw"`, `"w"`, `"s"`) from `EXPLAIN`, within `limit` s.

    The transaction timeout stops most slow planning on the server, but not all of it: when
    the parser overflows its stack, Neo4j fails to send the error and the connection waits
    for the socket's read timeout (two minutes). So EXPLAIN runs on a short-lived async
    driver for `target` (URI, auth) under `asyncio.wait_for`: at the deadline the driver's
    cancellation kills the connection, which also ends the server's transaction, and the
    caller gets QueryRefused in time. Call it from a thread without a running event loop
    (the API's request threads and the CLI are such threads).
    """
    uri, auth = target

    async def explain() -> str:
        async with (
            AsyncGraphDatabase.driver(uri, auth=auth, notifications_min_severity="OFF",
                                      connection_timeout=limit,
                                      connection_acquisition_timeout=limit) as explainer,
            explainer.session(database=database, default_access_mode=READ_ACCESS) as session,
        ):
            result = await session.run(Query("EXPLAIN " + text, timeout=limit), params)  # type: ignore[arg-type]
            summary = await result.consume()
        return summary.query_type or ""

    too_slow = QueryRefused(f"too costly to parse: Neo4j could not check the query within "
                            f"{limit:g} s")
    try:
        return asyncio.run(asyncio.wait_for(explain(), limit))
    except TimeoutError:
        raise too_slow from None
    except RecursionError:
        raise QueryRefused("too costly to parse: the query's plan is nested too deep to "
                           "read") from None
    except (Neo4jError, DriverError, OSError) as exc:
        error = _graph_error(exc)
        raise (too_slow if isinstance(error, QueryTimedOut) else error) from exc


class VerdictCache:
    """A bounded LRU of EXPLAIN query types keyed by (server URI, database, normalised text).

    A plan's query type depends only on the query text and the schema, never on the
    parameter values, so the EXPLAIN round trip is paid once per distinct query instead of
    once per request. Only verdicts EXPLAIN gave are kept (errors are not); `clear()` drops
    them all, e.g. after a schema change.
    """

    def __init__(self, size: int = VERDICT_CACHE_SIZE) -> None:
        self.size = size
        self._verdicts: OrderedDict[tuple[str, str | None, str], str] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[str, str | None, str]) -> str | None:
        with self._lock:
            verdict = self._verdicts.get(key)
            if verdict is not None:
                self._verdicts.move_to_end(key)
            return verdict

    def put(self, key: tuple[str, str | None, str], verdict: str) -> None:
        with self._lock:
            self._verdicts[key] = verdict
            self._verdicts.move_to_end(key)
            while len(self._verdicts) > self.size:
                self._verdicts.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._verdicts.clear()

    def __len__(self) -> int:
        return len(self._verdicts)


VERDICTS = VerdictCache()


def query_type(target: tuple[str, Any], text: str, params: dict[str, Any],
               database: str | None, limit: float) -> str:
    """`explain_query_type`, remembered per (server, database, text) in `VERDICTS`."""
    key = (target[0], database, text)
    verdict = VERDICTS.get(key)
    if verdict is None:
        verdict = explain_query_type(target, text, params, database, limit)
        VERDICTS.put(key, verdict)
    return verdict


def run_read_query(driver: Driver, query: str, params: dict[str, Any] | None, settings: Any,
                   timeout: float | None = None, row_cap: int | None = None) -> QueryResult:
    """Check and run an analyst's query read-only; at most `settings.row_cap` rows.

    `timeout` and `row_cap` may only lower the configured limits, never raise them.
    Raises QueryRefused (the query would write or is not allowed), QueryTimedOut,
    QueryFailed (syntax and other errors, with Neo4j's message) or GraphUnavailable.
    """
    params = dict(params or {})
    check_params(params)
    text = check_text(query)
    database = getattr(settings, "neo4j_database", None)
    limit = settings.cypher_timeout if timeout is None else min(timeout, settings.cypher_timeout)
    cap = settings.row_cap if row_cap is None else min(row_cap, settings.row_cap)
    started = time.monotonic()
    kind = query_type(connection_target(settings), text, params, database,
                      limit * EXPLAIN_SHARE)
    if kind == "s" and called_procedures(text) & DBMS_MODE_PROCEDURES:
        kind = "r"  # still runs in a READ session, which refuses any write
    if kind != "r":
        kinds = {"rw": "reads and writes", "w": "writes", "s": "changes the schema"}
        raise QueryRefused(f"only read queries are allowed; this one "
                           f"{kinds.get(kind, f'has query type {kind!r}')}")
    # The whole request keeps to the limit: what EXPLAIN used is not given again.
    limit = max(limit - (time.monotonic() - started), MIN_RUN_SECONDS)
    try:
        with driver.session(database=database, default_access_mode=READ_ACCESS) as session:
            result = session.run(Query(text, timeout=limit), params)  # type: ignore[arg-type]
            columns = list(result.keys())
            records = result.fetch(cap + 1)
            rows = [[to_json(value) for value in record.values()] for record in records[:cap]]
            truncated = len(records) > cap
            if not truncated:
                result.consume()
    except (Neo4jError, DriverError, OSError) as exc:
        raise _graph_error(exc) from exc
    return QueryResult(columns=columns, rows=rows, truncated=truncated)
