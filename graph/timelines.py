"""Histories in time: a resolution's thread of references and answers, an initiative's life.

Events are plain dicts `{date, kind, resolution, issuer, title, predicate, subject, object,
sentence}` sorted by date, ready for JSON and for the timeline page.
"""

from __future__ import annotations

from typing import Any

from graph.errors import NotFound
from graph.queries import Graph
from graph.vocab import names
from ontology.model import load_ontology

MAX_THREAD_DEPTH = 6


def _n() -> dict[str, Any]:
    scored = sorted(load_ontology().scored_predicates())
    return {**names(), "scored": "|".join(f"`{t}`" for t in scored), "scored_types": scored}


def resolution_timeline(graph: Graph, resolution_id: str) -> list[dict[str, Any]]:
    """The resolution, those it builds on and those that refer to or answer it, by date."""
    n = _n()
    records = graph.read(
        f"MATCH (me:`{n['resolution']}` {{id: $id}}) "
        f"OPTIONAL MATCH (me)-[:`{n['REFERS_TO']}`|`{n['AMENDS']}`*1..{MAX_THREAD_DEPTH}]->"
        f"(earlier:`{n['resolution']}`) "
        f"OPTIONAL MATCH (later:`{n['resolution']}`)-[:`{n['REFERS_TO']}`|`{n['AMENDS']}`"
        f"*1..{MAX_THREAD_DEPTH}]->(me) "
        f"OPTIONAL MATCH (answer:`{n['resolution']}`)-[f:`{n['FULFILS']}`]->(:`{n['obligation']}`)"
        f"-[:`{n['ARISES_FROM']}`]->(me) WHERE f.status <> 'rejected' "
        "WITH me, collect(DISTINCT earlier) + collect(DISTINCT later) + "
        "collect(DISTINCT answer) AS others "
        "UNWIND [me] + others AS r WITH DISTINCT me, r "
        f"OPTIONAL MATCH (r)-[:`{n['ISSUED_BY']}`]->(iss:`{n['actor']}`) "
        "RETURN r.id AS resolution, r.date AS date, r.issuer AS issuer, r.title AS title, "
        "iss.name AS subject_name, iss.level AS subject_level, "
        "r.item AS item, CASE WHEN r = me THEN 'this' WHEN r.date < me.date THEN 'earlier' "
        "ELSE 'later' END AS relation ORDER BY r.date, r.id", id=resolution_id)
    if not records:
        raise NotFound(f"no resolution {resolution_id!r}")
    return [{"kind": "resolution", **r} for r in records]


def find_matters(graph: Graph, matter_id: str) -> list[str]:
    """The matter with this id and those tied to it through CONCERNS: the initiative it is
    about and every matter named after that initiative ("Begleitung des Stufenplans")."""
    n = _n()
    rows = graph.read(
        f"MATCH (m:`{n['matter']}` {{id: $id}}) "
        f"OPTIONAL MATCH (m)-[:`{n['CONCERNS']}`*0..1]->(i:`{n['matter']}`) "
        f"OPTIONAL MATCH (other:`{n['matter']}`)-[:`{n['CONCERNS']}`]->(i) "
        "RETURN collect(DISTINCT m.id) + collect(DISTINCT i.id) + collect(DISTINCT other.id) "
        "AS ids", id=matter_id)
    if not rows or not rows[0]["ids"]:
        raise NotFound(f"no initiative or matter {matter_id!r}")
    return sorted(set(rows[0]["ids"]))


def initiative_timeline(graph: Graph, matter_id: str) -> list[dict[str, Any]]:
    """Every statement about an initiative (and matters that name it), by date."""
    n = _n()
    ids = find_matters(graph, matter_id)
    ret = ("RETURN coalesce(r.date, r.resolution_date) AS date, r.resolution AS resolution, "
           "type(r) AS predicate, s.id AS subject, s.name AS subject_name, "
           "s.level AS subject_level, o.name AS object, r.sentence AS sentence")
    about = f"MATCH (s:`{n['actor']}`)-[r:{n['scored']}]->(o:`{n['matter']}`) " \
            f"WHERE o.id IN $ids {ret}"
    # Statements whose object is an actor (a request to the BMK) but which concern it.
    concerning = " UNION ".join(
        f"MATCH (s:`{n['actor']}`)-[r:`{t}`]->(o) WHERE r.concerns IN $ids {ret}"
        for t in n["scored_types"])
    records = graph.read(f"CALL () {{ {about} UNION {concerning} }} "
                         "RETURN * ORDER BY date, resolution, predicate", ids=ids)
    return [{"kind": "statement", **r} for r in records]
