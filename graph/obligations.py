"""Obligations followed from the resolution that made them to the one that fulfils them.

After every load the graph is brought up to date here: deadlines tied to a sitting get that
sitting's date once it is known, and a later resolution of the addressee that refers to the
request is proposed as its fulfilment (FULFILS, with evidence and a confidence). A person's
decision on a proposed link is kept in its own node that reloading documents never touches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from neo4j import Driver, ManagedTransaction
from neo4j.exceptions import ServiceUnavailable, SessionExpired

from graph.deadlines import KEY_SEPARATOR, NO_DEADLINE, season_months
from graph.errors import GraphUnavailable, NotFound
from graph.vocab import names

STATUSES = ("open", "due", "overdue", "fulfilled", "superseded")
DECISIONS = ("confirmed", "rejected")
DUE_WINDOW_DAYS = 30
WORDS = re.compile(r"[A-Za-zÄÖÜäöüß]{6,}")


#: When resolution `r` is the sitting obligation `o` waits for (or a later one).
_SITTING = ("r.date > coalesce(o.resolution_date, '') "
            "AND (o.deadline_session IS NULL OR r.session = o.deadline_session) "
            "AND (o.deadline_year IS NULL OR r.date STARTS WITH o.deadline_year) "
            "AND (o.deadline_session IS NOT NULL "
            "     OR substring(r.date, 5, 2) IN coalesce(o.deadline_months, $all_months))")


def resolve_sitting_deadlines(tx: ManagedTransaction, ids: list[str] | None = None) -> None:
    """Give a sitting deadline the date of that sitting once its resolutions are loaded.

    With `ids` (the resolutions a load wrote), the obligations of those resolutions look for
    their sitting among all resolutions of its issuer, and obligations already waiting for
    a sitting of their issuers among the loaded resolutions only (the sitting is the
    earliest match, so an earlier one loaded later replaces it): a batch's cost then does
    not grow with the obligations and resolutions loaded before it.
    """
    n = names()
    all_months = [f"{m:02d}" for m in season_months(None)]
    obl, res = n["obligation"], n["resolution"]
    waiting = "WHERE o.deadline_issuer IS NOT NULL AND o.deadline_date IS NULL "
    earliest = (f"CALL (o) {{ MATCH (r:`{res}` {{issuer: o.deadline_issuer}}) WHERE {_SITTING} "
                "RETURN min(r.date) AS sitting } WITH o, sitting WHERE sitting IS NOT NULL "
                "SET o.due_date = sitting, o.due_date_estimated = false")
    if ids is None:
        tx.run(f"MATCH (o:`{obl}`) {waiting} {earliest}", all_months=all_months)
        return
    tx.run(f"MATCH (o:`{obl}`)-[:`{n['ARISES_FROM']}`]->(r:`{res}`) WHERE r.id IN $ids "
           f"WITH o {waiting} {earliest}", ids=ids, all_months=all_months)
    tx.run(f"MATCH (r:`{res}`) WHERE r.id IN $ids AND r.issuer IS NOT NULL "
           "WITH r.issuer AS issuer, collect(r) AS fresh "
           f"MATCH (o:`{obl}` {{deadline_issuer: issuer}}) {waiting}"
           "AND NOT o.resolution IN $ids "
           f"CALL (o, fresh) {{ UNWIND fresh AS r WITH o, r WHERE {_SITTING} "
           "RETURN min(r.date) AS sitting } "
           "WITH o, sitting WHERE sitting IS NOT NULL AND (coalesce(o.due_date_estimated, true) "
           "OR o.due_date IS NULL OR sitting < o.due_date) "
           "SET o.due_date = sitting, o.due_date_estimated = false",
           ids=ids, all_months=all_months)


def propose_fulfilments(tx: ManagedTransaction, ids: list[str] | None = None) -> int:
    """Link later resolutions of an addressee that refer to a request as its fulfilment.

    With `ids`, only pairs in which the request or the answer was just loaded.
    """
    n = names()
    pattern = (f"(o:`{n['obligation']}`)-[:`{n['ARISES_FROM']}`]->(r1:`{n['resolution']}`)"
               f"<-[:`{n['REFERS_TO']}`]-(r2:`{n['resolution']}`), "
               f"(o)-[:`{n['ADDRESSED_TO']}`]->(:`{n['actor']}`)<-[:`{n['ISSUED_BY']}`]-(r2)")
    ret = ("WHERE r2.date >= r1.date RETURN o.id AS obligation, o.action AS action, "
           "r1.date AS asked, r2.id AS resolution, r2.title AS title, r2.references AS refs")
    if ids is None:
        query = f"MATCH {pattern} {ret}"
    else:
        query = (f"MATCH (r1:`{n['resolution']}`) WHERE r1.id IN $ids MATCH {pattern} {ret} UNION "
                 f"MATCH (r2:`{n['resolution']}`) WHERE r2.id IN $ids MATCH {pattern} {ret}")
    candidates = tx.run(query, ids=ids).data()
    # The decisions on these candidates only (a decision's id is "obligation <- resolution").
    keys = sorted({f"{row['obligation']} <- {row['resolution']}" for row in candidates})
    decisions = {(d["o"], d["r"]): d["decision"] for d in tx.run(
        f"UNWIND $keys AS key MATCH (d:`{n['fulfilment_decision']}` {{id: key}}) "
        "RETURN d.obligation AS o, d.resolution AS r, d.decision AS decision",
        keys=keys).data()}
    rows = []
    for row in candidates:
        decision = decisions.get((row["obligation"], row["resolution"]))
        if decision == "rejected":
            continue
        evidence = next((ref for ref in row["refs"] or [] if row["asked"] in ref), None)
        confidence = 0.6 + 0.2 * _overlap(row["action"], row["title"])
        if evidence and re.search(r"\bBitte\b|\bAuftrag\b|\bersuchen", evidence):
            confidence += 0.15
        rows.append({"o": row["obligation"], "r": row["resolution"],
                     "evidence": evidence or row["title"],
                     "confidence": 1.0 if decision else round(min(confidence, 0.95), 2),
                     "status": decision or "proposed"})
    tx.run(f"UNWIND $rows AS row MATCH (o:`{n['obligation']}` {{id: row.o}}) "
           f"MATCH (r:`{n['resolution']}` {{id: row.r}}) MERGE (r)-[f:`{n['FULFILS']}`]->(o) "
           "SET f.evidence = row.evidence, f.confidence = row.confidence, "
           "f.status = row.status", rows=rows)
    return len(rows)


def _overlap(action: str | None, title: str | None) -> float:
    """1.0 when the answer's title shares a content word with the requested action."""
    if not action or not title:
        return 0.0
    stems = {w.casefold()[:8] for w in WORDS.findall(action)}
    return 1.0 if any(w.casefold()[:8] in stems for w in WORDS.findall(title)) else 0.0


def mark_amendments(tx: ManagedTransaction, ids: list[str] | None = None) -> None:
    """AMENDS where a resolution says it changes or withdraws a loaded earlier one."""
    n = names()
    link = (f"MATCH (a:`{n['resolution']}`)-[:`{n['REFERS_TO']}`]->(b:`{n['resolution']}`) "
            "WHERE any(ref IN a.references WHERE ref =~ '(?is).*(ändert|aufgehoben|hebt|ersetzt"
            "|widerruft).*' AND (ref CONTAINS b.date OR ref CONTAINS ('\"' + b.item + '\"'))) "
            f"MERGE (a)-[:`{n['AMENDS']}`]->(b)")
    if ids is None:
        tx.run(link)
        return
    for end in ("a", "b"):
        tx.run(f"MATCH ({end}:`{n['resolution']}`) WHERE {end}.id IN $ids WITH {end} " + link,
               ids=ids)


def fill_deadline_keys(driver: Driver, database: str | None = None) -> None:
    """Give obligations stored before `deadline_key` existed their key (see
    `graph.deadlines.deadline_key`), in transactions of REFRESH_BATCH obligations."""
    n = names()
    with driver.session(database=database) as session:
        session.run(f"MATCH (o:`{n['obligation']}`) WHERE o.deadline_key IS NULL "
                    "CALL (o) { SET o.deadline_key = coalesce(o.deadline_date, $none) + $sep "
                    "+ o.id } IN TRANSACTIONS OF $batch ROWS",
                    none=NO_DEADLINE, sep=KEY_SEPARATOR,
                    batch=REFRESH_BATCH).consume()


REFRESH_BATCH = 1000  # resolutions per refresh transaction: bounded time and memory


def refresh_obligations(driver: Driver, database: str | None = None,
                        ids: list[str] | None = None) -> None:
    """Bring deadlines, amendments and proposed fulfilments up to date after a load of the
    resolutions `ids`, in one transaction per REFRESH_BATCH resolutions (a loaded batch's
    refresh is one commit, not three); everything when None, a transaction per step."""
    steps = (resolve_sitting_deadlines, mark_amendments, propose_fulfilments)
    with driver.session(database=database) as session:
        if ids is None:
            for step in steps:
                session.execute_write(step, None)
            return
        for start in range(0, len(ids), REFRESH_BATCH):
            session.execute_write(_refresh_batch, ids[start:start + REFRESH_BATCH])


def _refresh_batch(tx: ManagedTransaction, ids: list[str]) -> None:
    resolve_sitting_deadlines(tx, ids)
    mark_amendments(tx, ids)
    propose_fulfilments(tx, ids)


def status_expression(var: str = "o") -> str:
    """Cypher CASE giving an obligation's status as of `$as_of` (an ISO date string)."""
    n = names()
    return (
        "CASE "
        f"WHEN EXISTS {{ MATCH (x:`{n['resolution']}`)-[f:`{n['FULFILS']}`]->({var}) "
        "WHERE f.status <> 'rejected' AND x.date <= $as_of } THEN 'fulfilled' "
        f"WHEN EXISTS {{ MATCH (x:`{n['resolution']}`)-[:`{n['AMENDS']}`]->(:`{n['resolution']}` "
        f"{{id: {var}.resolution}}) WHERE x.date <= $as_of AND x.issuer = {var}.requester }} "
        "THEN 'superseded' "
        f"WHEN coalesce({var}.deadline_date, {var}.due_date) < $as_of THEN 'overdue' "
        f"WHEN coalesce({var}.deadline_date, {var}.due_date) <= $due_until THEN 'due' "
        "ELSE 'open' END")


@dataclass
class ObligationPage:
    total: int
    items: list[dict[str, Any]]


def list_obligations(driver: Driver, as_of: date | None = None, status: str | None = None,
                     requester: str | None = None, addressee: str | None = None,
                     limit: int = 50, offset: int = 0,
                     database: str | None = None) -> ObligationPage:
    """Obligations raised on or before `as_of`, with their status as of that day."""
    n = names()
    day = as_of or date.today()
    due_until = date.fromordinal(day.toordinal() + DUE_WINDOW_DAYS)
    query = (
        f"MATCH (o:`{n['obligation']}`) WHERE o.resolution_date <= $as_of "
        "AND ($requester IS NULL OR o.requester = $requester) "
        "AND ($addressee IS NULL OR o.addressee = $addressee) "
        f"WITH o, {status_expression('o')} AS status "
        "WHERE $status IS NULL OR status = $status "
        f"OPTIONAL MATCH (x:`{n['resolution']}`)-[f:`{n['FULFILS']}`]->(o) "
        "WHERE f.status <> 'rejected' "
        "WITH o, status, collect(CASE WHEN x IS NULL THEN NULL ELSE {resolution: x.id, "
        "date: x.date, evidence: f.evidence, confidence: f.confidence, "
        "decision: f.status} END) AS fulfilments "
        "ORDER BY coalesce(o.deadline_date, o.due_date, '9999'), o.id "
        "WITH collect({obligation: o {.*}, status: status, fulfilments: fulfilments}) AS rows "
        "RETURN size(rows) AS total, rows[$offset..$offset + $limit] AS items")
    record = driver.execute_query(
        query, as_of=day.isoformat(), due_until=due_until.isoformat(), status=status,
        requester=requester, addressee=addressee, offset=offset, limit=limit,
        database_=database).records[0]
    items = [{**item["obligation"], "status": item["status"],
              "fulfilments": item["fulfilments"]} for item in record["items"]]
    return ObligationPage(total=record["total"], items=items)


def decide_fulfilment(driver: Driver, obligation: str, resolution: str, decision: str,
                      by: str | None = None, note: str | None = None,
                      database: str | None = None) -> dict[str, Any]:
    """Store a person's confirmation or rejection of a fulfilment link; it survives reloads."""
    try:
        return _decide(driver, obligation, resolution, decision, by, note, database)
    except (ServiceUnavailable, SessionExpired) as exc:
        raise GraphUnavailable(f"Neo4j does not answer: {exc}") from exc


def _decide(driver: Driver, obligation: str, resolution: str, decision: str,
            by: str | None, note: str | None, database: str | None) -> dict[str, Any]:
    if decision not in DECISIONS:
        raise ValueError(f"decision must be one of {', '.join(DECISIONS)}")
    n = names()
    found = driver.execute_query(
        f"OPTIONAL MATCH (o:`{n['obligation']}` {{id: $o}}) "
        f"OPTIONAL MATCH (r:`{n['resolution']}` {{id: $r}}) "
        "RETURN o IS NOT NULL AS o, r IS NOT NULL AS r", o=obligation, r=resolution,
        database_=database).records[0]
    if not found["o"]:
        raise NotFound(f"no obligation {obligation!r}")
    if not found["r"]:
        raise NotFound(f"no resolution {resolution!r}")
    at = datetime.now(UTC).isoformat(timespec="seconds")
    driver.execute_query(
        f"MERGE (d:`{n['fulfilment_decision']}` {{id: $o + ' <- ' + $r}}) "
        "SET d.obligation = $o, d.resolution = $r, d.decision = $decision, d.by = $by, "
        "d.note = $note, d.at = $at", o=obligation, r=resolution, decision=decision,
        by=by, note=note, at=at, database_=database)
    with driver.session(database=database) as session:
        if decision == "rejected":
            session.execute_write(lambda tx: tx.run(
                f"MATCH (:`{n['resolution']}` {{id: $r}})-[f:`{n['FULFILS']}`]->"
                f"(:`{n['obligation']}` {{id: $o}}) DELETE f", o=obligation,
                r=resolution).consume())
        else:
            session.execute_write(lambda tx: tx.run(
                f"MATCH (o:`{n['obligation']}` {{id: $o}}), (r:`{n['resolution']}` {{id: $r}}) "
                f"MERGE (r)-[f:`{n['FULFILS']}`]->(o) SET f.status = 'confirmed', "
                "f.confidence = 1.0, f.evidence = coalesce(f.evidence, $note, r.title)",
                o=obligation, r=resolution, note=note).consume())
    return {"obligation": obligation, "resolution": resolution, "decision": decision,
            "by": by, "at": at}
