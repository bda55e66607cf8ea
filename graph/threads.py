"""What a resolution asks and how it was answered: its obligations with their status, and
the resolutions it amends, answers or is answered by (for the resolution page and the
timeline)."""

from __future__ import annotations

from datetime import date
from typing import Any

from graph.obligations import DUE_WINDOW_DAYS, status_expression
from graph.queries import Graph, _ref
from graph.vocab import names


def obligations_of(graph: Graph, resolution_ids: list[str], as_of: date
                   ) -> list[dict[str, Any]]:
    """The obligations arising from these resolutions, each with its status as of `as_of`,
    requester, addressee and the resolutions that fulfil it (id, date, issuer)."""
    n = names()
    due_until = date.fromordinal(as_of.toordinal() + DUE_WINDOW_DAYS)
    return graph.read(
        f"UNWIND $ids AS rid MATCH (r:`{n['resolution']}` {{id: rid}}) "
        f"MATCH (o:`{n['obligation']}`)-[:`{n['ARISES_FROM']}`]->(r) "
        f"MATCH (o)-[:`{n['REQUESTED_BY']}`]->(req) MATCH (o)-[:`{n['ADDRESSED_TO']}`]->(adr) "
        f"RETURN o {{.*}} AS obligation, {status_expression('o')} AS status, "
        f"{_ref('req')} AS requester, {_ref('adr')} AS addressee, "
        f"COLLECT {{ MATCH (x:`{n['resolution']}`)-[f:`{n['FULFILS']}`]->(o) "
        "WHERE coalesce(f.status, '') <> 'rejected' "
        "RETURN x {.id, .date, .issuer, .title, status: f.status} } AS fulfilled_by "
        "ORDER BY o.resolution, o.start, o.id",
        ids=resolution_ids, as_of=as_of.isoformat(), due_until=due_until.isoformat())


def resolution_links(graph: Graph, resolution_id: str) -> dict[str, list[dict[str, Any]]]:
    """Resolutions this one amends or is amended by, and those whose obligations it
    answers or that answer its own (proposed or confirmed fulfilments)."""
    n = names()
    link = "b {.id, .date, .title, .issuer}"
    rows = graph.read(
        f"MATCH (r:`{n['resolution']}` {{id: $id}}) RETURN "
        f"COLLECT {{ MATCH (r)-[:`{n['AMENDS']}`]->(b) RETURN {link} }} AS amends, "
        f"COLLECT {{ MATCH (b)-[:`{n['AMENDS']}`]->(r) RETURN {link} }} AS amended_by, "
        f"COLLECT {{ MATCH (r)-[f:`{n['FULFILS']}`]->(:`{n['obligation']}`)"
        f"-[:`{n['ARISES_FROM']}`]->(b) WHERE coalesce(f.status, '') <> 'rejected' "
        f"RETURN DISTINCT {link} }} AS answers, "
        f"COLLECT {{ MATCH (b)-[f:`{n['FULFILS']}`]->(:`{n['obligation']}`)"
        f"-[:`{n['ARISES_FROM']}`]->(r) WHERE coalesce(f.status, '') <> 'rejected' "
        f"RETURN DISTINCT {link} }} AS answered_by", id=resolution_id)
    return rows[0] if rows else {"amends": [], "amended_by": [], "answers": [],
                                 "answered_by": []}


def resolution_events(graph: Graph, resolution_ids: list[str]) -> list[dict[str, Any]]:
    """These resolutions as timeline events (the shape of
    `graph.timelines.resolution_timeline`), by date."""
    n = names()
    return graph.read(
        f"UNWIND $ids AS rid MATCH (r:`{n['resolution']}` {{id: rid}}) "
        f"OPTIONAL MATCH (r)-[:`{n['ISSUED_BY']}`]->(iss:`{n['actor']}`) "
        "RETURN 'resolution' AS kind, r.id AS resolution, r.date AS date, r.issuer AS issuer, "
        "r.title AS title, r.item AS item, iss.name AS subject_name, "
        "iss.level AS subject_level, null AS relation ORDER BY r.date, r.id",
        ids=resolution_ids)
