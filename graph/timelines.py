"""Histories in time: a resolution's thread of references and answers, an initiative's life.

Events are plain dicts `{date, kind, resolution, issuer, title, predicate, subject, object,
sentence}` sorted by date, ready for JSON and for the timeline page.
"""

from __future__ import annotations

from typing import Any

from graph.errors import NotFound
from graph.queries import Graph
from ontology.model import load_ontology

MAX_THREAD_DEPTH = 6


def _n() -> dict[str, str]:
    ont = load_ontology()
    return {"res": ont.label("resolution"), "actor": ont.label("actor"),
            "matter": ont.label("matter"), "obl": ont.label("obligation"),
            "refers": ont.relations["REFERS_TO"].neo4j_type,
            "amends": ont.relations["AMENDS"].neo4j_type,
            "fulfils": ont.relations["FULFILS"].neo4j_type,
            "arises": ont.relations["ARISES_FROM"].neo4j_type,
            "issued": ont.relations["ISSUED_BY"].neo4j_type,
            "scored": "|".join(f"`{t}`" for t in sorted(ont.scored_predicates()))}


def resolution_timeline(graph: Graph, resolution_id: str) -> list[dict[str, Any]]:
    """The resolution, those it builds on and those that refer to or answer it, by date."""
    n = _n()
    records = graph.read(
        f"MATCH (me:`{n['res']}` {{id: $id}}) "
        f"OPTIONAL MATCH (me)-[:`{n['refers']}`|`{n['amends']}`*1..{MAX_THREAD_DEPTH}]->"
        f"(earlier:`{n['res']}`) "
        f"OPTIONAL MATCH (later:`{n['res']}`)-[:`{n['refers']}`|`{n['amends']}`"
        f"*1..{MAX_THREAD_DEPTH}]->(me) "
        f"OPTIONAL MATCH (answer:`{n['res']}`)-[f:`{n['fulfils']}`]->(:`{n['obl']}`)"
        f"-[:`{n['arises']}`]->(me) WHERE f.status <> 'rejected' "
        "WITH me, collect(DISTINCT earlier) + collect(DISTINCT later) + "
        "collect(DISTINCT answer) AS others "
        "UNWIND [me] + others AS r WITH DISTINCT me, r "
        f"OPTIONAL MATCH (r)-[:`{n['issued']}`]->(iss:`{n['actor']}`) "
        "RETURN r.id AS resolution, r.date AS date, r.issuer AS issuer, r.title AS title, "
        "iss.name AS subject_name, iss.level AS subject_level, "
        "r.item AS item, CASE WHEN r = me THEN 'this' WHEN r.date < me.date THEN 'earlier' "
        "ELSE 'later' END AS relation ORDER BY r.date, r.id", id=resolution_id)
    if not records:
        raise NotFound(f"no resolution {resolution_id!r}")
    return [{"kind": "resolution", **r} for r in records]


def find_matters(graph: Graph, matter_id: str) -> list[str]:
    """The matter with this id and the ones whose names name it (the Stufenplan's
    "Begleitung des Stufenplans", "Entwicklung des Stufenplans" …)."""
    n = _n()
    record = graph.read(f"MATCH (m:`{n['matter']}` {{id: $id}}) RETURN m.name AS name",
                        id=matter_id)
    if not record:
        raise NotFound(f"no initiative or matter {matter_id!r}")
    head = _head_word(record[0]["name"])
    return graph.read(
        f"MATCH (m:`{n['matter']}`) WHERE m.id = $id OR ($head <> '' AND "
        "toLower(m.name) CONTAINS $head) RETURN collect(m.id) AS ids",
        id=matter_id, head=head)[0]["ids"]


def _head_word(name: str) -> str:
    """The first long word of a name, lower-cased and stripped of a genitive ending."""
    for word in name.replace("„", " ").replace("“", " ").split():
        cleaned = "".join(ch for ch in word if ch.isalpha())
        if len(cleaned) >= 6 and cleaned[0].isupper():
            return cleaned.lower().removesuffix("es").removesuffix("s")
    return ""


def initiative_timeline(graph: Graph, matter_id: str) -> list[dict[str, Any]]:
    """Every statement about an initiative (and matters that name it), by date."""
    n = _n()
    ids = find_matters(graph, matter_id)
    records = graph.read(
        f"MATCH (s:`{n['actor']}`)-[r:{n['scored']}]->(m:`{n['matter']}`) WHERE m.id IN $ids "
        "RETURN coalesce(r.date, r.resolution_date) AS date, r.resolution AS resolution, "
        "type(r) AS predicate, s.id AS subject, s.name AS subject_name, "
        "s.level AS subject_level, m.name AS object, "
        "r.sentence AS sentence ORDER BY date, resolution", ids=ids)
    return [{"kind": "statement", **r} for r in records]
