"""Writing extracted resolutions into Neo4j: one transaction per document, replace-on-reload.

Labels and relationship types come from the ontology only; every value travels as a
parameter, written in batches with `UNWIND $rows`.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from neo4j import ManagedTransaction

from graph.deadlines import sitting_deadline
from ontology.model import Ontology, load_ontology

OBLIGATION_PREDICATES = ("REQUESTS", "TASKS")


@dataclass(frozen=True)
class _Unsourced:
    document: None = None
    point: None = None
    sentence: None = None
    start: None = None
    end: None = None


_NO_SOURCE = _Unsourced()


@dataclass
class StoredCounts:
    """What one document added to the graph."""

    resolutions: int = 0
    statements: int = 0


def _clean(props: dict[str, Any]) -> dict[str, Any]:
    """Neo4j properties: drop None, keep primitives and lists of primitives."""
    return {k: v for k, v in props.items() if v is not None and v != []}


def _labels(ont: Ontology, key: str) -> str:
    return ":".join(f"`{label}`" for label in ont.labels_for(key))


def actor_row(ont: Ontology, actor: Any) -> dict[str, Any]:
    """Properties of an actor node, with its level taken from the ontology."""
    cls = ont.classes[actor.type_key]
    aliases = sorted(set(actor.aliases or []))
    return {"key": actor.type_key, "id": actor.id, "props": _clean({
        "id": actor.id, "name": actor.name, "aliases": aliases,
        "aliases_text": " | ".join(aliases) or None, "level": cls.level,
        "type": actor.type_key, "known": bool(getattr(actor, "known", False)),
        "land": getattr(actor, "land", None), "ags": getattr(actor, "ags", None),
    })}


def matter_row(ont: Ontology, matter: Any) -> dict[str, Any]:
    cls = ont.classes[matter.type_key]
    return {"key": matter.type_key, "id": matter.id, "props": _clean({
        "id": matter.id, "name": matter.name, "type": matter.type_key, "level": cls.level})}


def _is_actor(ont: Ontology, ref: Any) -> bool:
    return ont.is_a(ref.type_key, "actor")


def _merge_nodes(tx: ManagedTransaction, ont: Ontology, rows: Iterable[dict]) -> None:
    by_key: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_key[row["key"]].append(row)
    for key, group in by_key.items():
        root = ont.labels_for(key)[0]
        tx.run(f"UNWIND $rows AS row MERGE (n:`{root}` {{id: row.id}}) "
               f"SET n:{_labels(ont, key)}, n += row.props", rows=group)


def delete_document(tx: ManagedTransaction, resolution_ids: list[str], document: str) -> None:
    """Remove what earlier loads of these resolutions (or this document) wrote."""
    ont = load_ontology()
    res, obl = ont.label("resolution"), ont.label("obligation")
    tx.run(f"MATCH (r:`{res}`) WHERE r.id IN $ids OR r.document = $doc "
           "WITH collect(r.id) AS ids "
           "MATCH ()-[s]->() WHERE s.resolution IN ids DELETE s",
           ids=resolution_ids, doc=document)
    tx.run(f"MATCH (o:`{obl}`) WHERE o.resolution IN $ids OR o.document = $doc "
           "DETACH DELETE o", ids=resolution_ids, doc=document)
    tx.run(f"MATCH (r:`{res}`) WHERE r.id IN $ids OR r.document = $doc "
           "DETACH DELETE r", ids=resolution_ids, doc=document)
    # Actors the gazetteer does not know and objects exist only through statements.
    tx.run(f"MATCH (n:`{ont.label('actor')}`) WHERE NOT n.known AND NOT (n)--() DELETE n")
    tx.run(f"MATCH (n:`{ont.label('matter')}`) WHERE NOT (n)--() DELETE n")


def statement_props(resolution: Any, index: int, statement: Any) -> dict[str, Any]:
    """Relationship properties: the statement's attributes and where it came from."""
    src = statement.source or _NO_SOURCE
    return _clean({
        "id": f"{resolution.id}#{index}", "resolution": resolution.id,
        "resolution_date": resolution.date, "document": src.document, "point": src.point,
        "sentence": src.sentence, "start": src.start, "end": src.end,
        "action": statement.action, "deadline": statement.deadline,
        "deadline_date": statement.deadline_date, "amount": statement.amount,
        "share": statement.share, "date": statement.date,
        "confidence": statement.confidence,
    })


def store_resolution(tx: ManagedTransaction, resolution: Any, document: str,
                     checksum: str | None) -> StoredCounts:
    """Write one resolution: its node, issuer, submitters, statements and obligations."""
    ont = load_ontology()
    actors: dict[str, dict] = {}
    matters: dict[str, dict] = {}

    def remember(ref: Any) -> None:
        if _is_actor(ont, ref):
            actors.setdefault(ref.id, actor_row(ont, ref))
        else:
            matters.setdefault(ref.id, matter_row(ont, ref))

    if resolution.issuer is not None:
        remember(resolution.issuer)
    for submitter in resolution.submitters:
        remember(submitter)
    for statement in resolution.statements:
        remember(statement.subject)
        remember(statement.object)
    _merge_nodes(tx, ont, actors.values())
    _merge_nodes(tx, ont, matters.values())

    res_label = ont.label("resolution")
    tx.run(f"CREATE (r:{_labels(ont, 'resolution')}) SET r = $props "
           "WITH r MATCH (issuer {id: $issuer}) "
           f"WHERE issuer:`{ont.label('actor')}` "
           f"CREATE (r)-[:`{ont.relations['ISSUED_BY'].neo4j_type}`]->(issuer)",
           issuer=resolution.issuer.id if resolution.issuer else None, props=_clean({
               "id": resolution.id, "date": resolution.date, "session": resolution.session,
               "place": resolution.place, "item": resolution.item, "title": resolution.title,
               "document": document, "checksum": checksum,
               "issuer": resolution.issuer.id if resolution.issuer else None,
               "attachments": list(resolution.attachments or []),
               "references": [json.dumps(_reference_json(r), ensure_ascii=False)
                              for r in resolution.references],
               "reference_keys": reference_keys(resolution),
           }))
    tx.run(f"MATCH (r:`{res_label}` {{id: $id}}) UNWIND $submitters AS sid "
           f"MATCH (a:`{ont.label('actor')}` {{id: sid}}) "
           f"CREATE (a)-[:`{ont.relations['SUBMITS'].neo4j_type}` {{resolution: $id}}]->(r)",
           id=resolution.id, submitters=[s.id for s in resolution.submitters])

    by_type: dict[str, list[dict]] = defaultdict(list)
    obligations = []
    for index, statement in enumerate(resolution.statements):
        rel_type = ont.relations[statement.predicate].neo4j_type
        props = statement_props(resolution, index, statement)
        by_type[rel_type].append({"s": statement.subject.id, "o": statement.object.id,
                                  "props": props})
        if statement.predicate in OBLIGATION_PREDICATES:
            obligations.append({"requester": statement.subject.id,
                                "addressee": statement.object.id, "props": _clean({
                                    **props, **sitting_deadline(statement),
                                    "id": obligation_id(resolution, statement),
                                    "statement": props["id"], "kind": statement.predicate,
                                    "requester": statement.subject.id,
                                    "addressee": statement.object.id})})
    for rel_type, rows in by_type.items():
        tx.run(f"UNWIND $rows AS row MATCH (s {{id: row.s}}) MATCH (o {{id: row.o}}) "
               f"CREATE (s)-[r:`{rel_type}`]->(o) SET r = row.props", rows=rows)
    if obligations:
        tx.run(f"UNWIND $rows AS row CREATE (o:{_labels(ont, 'obligation')}) SET o = row.props "
               f"WITH o, row MATCH (req:`{ont.label('actor')}` {{id: row.requester}}) "
               f"MATCH (adr {{id: row.addressee}}) "
               f"CREATE (o)-[:`{ont.relations['REQUESTED_BY'].neo4j_type}`]->(req) "
               f"CREATE (o)-[:`{ont.relations['ADDRESSED_TO'].neo4j_type}`]->(adr) "
               f"WITH o MATCH (res:`{res_label}` {{id: o.resolution}}) "
               f"CREATE (o)-[:`{ont.relations['ARISES_FROM'].neo4j_type}`]->(res)",
               rows=obligations)
    link_references(tx, resolution)
    return StoredCounts(resolutions=1, statements=len(resolution.statements))


def obligation_id(resolution: Any, statement: Any) -> str:
    """Stable across reloads: resolution, kind, addressee and a digest of the sentence."""
    sentence = statement.source.sentence if statement.source else statement.action or ""
    digest = hashlib.sha1(sentence.encode("utf-8")).hexdigest()[:10]
    return (f"{resolution.id}#{statement.predicate.lower()}-{statement.object.id}-{digest}")


def _reference_json(reference: Any) -> dict[str, Any]:
    issuer = getattr(reference, "issuer", None)
    return _clean({"text": reference.text, "date": reference.date,
                   "number": getattr(reference, "number", None),
                   "issuer": issuer.id if issuer is not None else None})


def reference_keys(resolution: Any) -> list[str]:
    """Keys by which a resolution names earlier ones: issuer|date, *|date or #number."""
    keys = []
    for ref in resolution.references:
        issuer = getattr(ref, "issuer", None)
        if ref.date:
            keys.append(f"{issuer.id if issuer is not None else '*'}|{ref.date}")
        if getattr(ref, "number", None):
            keys.append(f"#{ref.number}")
    return keys


def link_references(tx: ManagedTransaction, resolution: Any) -> None:
    """REFERS_TO from this resolution to loaded ones it names, and from loaded ones to it."""
    ont = load_ontology()
    res = ont.label("resolution")
    refers = ont.relations["REFERS_TO"].neo4j_type
    condition = ("(b.issuer + '|' + b.date IN a.reference_keys "
                 "OR '*|' + b.date IN a.reference_keys OR '#' + b.item IN a.reference_keys)")
    tx.run(f"MATCH (a:`{res}` {{id: $id}}) UNWIND a.reference_keys AS key "
           f"MATCH (b:`{res}`) WHERE b <> a AND {condition} "
           f"MERGE (a)-[:`{refers}`]->(b)", id=resolution.id)
    tx.run(f"MATCH (b:`{res}` {{id: $id}}) MATCH (a:`{res}`) WHERE a <> b AND {condition} "
           f"MERGE (a)-[:`{refers}`]->(b)", id=resolution.id)
