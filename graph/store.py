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


def _statement_union(ont: Ontology, body: str) -> str:
    """`body` (with `{t}` for the type) once per statement type, joined by UNION ALL, so that
    each part can seek the relationship index on `resolution`."""
    return " UNION ALL ".join(body.format(t=t) for t in sorted(ont.scored_predicates()))


def delete_document(tx: ManagedTransaction, resolution_ids: list[str], document: str) -> None:
    """Remove what earlier loads of these resolutions (or this document) wrote."""
    ont = load_ontology()
    res, actor, matter = ont.label("resolution"), ont.label("actor"), ont.label("matter")
    arises = ont.relations["ARISES_FROM"].neo4j_type
    old = tx.run(f"MATCH (r:`{res}`) WHERE r.id IN $ids RETURN r.id AS id UNION "
                 f"MATCH (r:`{res}` {{document: $doc}}) RETURN r.id AS id",
                 ids=resolution_ids, doc=document).value("id")
    if not old:
        return
    touched = tx.run(
        "UNWIND $ids AS rid CALL (rid) { "
        + _statement_union(ont, "MATCH (a)-[s:`{t}` {{resolution: rid}}]->(b) "
                                "DELETE s RETURN [a.id, b.id] AS ends")
        + " } RETURN collect(DISTINCT ends[0]) + collect(DISTINCT ends[1]) AS ids",
        ids=old).single()["ids"]
    touched += tx.run(
        f"UNWIND $ids AS rid MATCH (r:`{res}` {{id: rid}}) "
        f"OPTIONAL MATCH (r)--(a:`{actor}`) OPTIONAL MATCH (o)-[:`{arises}`]->(r) "
        "DETACH DELETE o WITH r, collect(a.id) AS ids DETACH DELETE r "
        "WITH ids UNWIND ids AS id RETURN collect(DISTINCT id) AS ids", ids=old).single()["ids"]
    # Actors the gazetteer does not know and objects exist only through statements.
    tx.run(f"UNWIND $ids AS id MATCH (n:`{actor}` {{id: id}}) WHERE NOT n.known "
           "AND NOT (n)--() DELETE n", ids=touched)
    tx.run(f"UNWIND $ids AS id MATCH (n:`{matter}` {{id: id}}) WHERE NOT (n)--() DELETE n",
           ids=touched)


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
        "concerns": statement.concerns.id if getattr(statement, "concerns", None) else None,
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
        if getattr(statement, "concerns", None) is not None:
            remember(statement.concerns)
    _merge_nodes(tx, ont, actors.values())
    _merge_nodes(tx, ont, matters.values())

    res_label = ont.label("resolution")
    tx.run(f"CREATE (r:{_labels(ont, 'resolution')}) SET r = $props "
           f"WITH r MATCH (issuer:`{ont.label('actor')}` {{id: $issuer}}) "
           f"CREATE (r)-[:`{ont.relations['ISSUED_BY'].neo4j_type}`]->(issuer)",
           issuer=resolution.issuer.id if resolution.issuer else None, props=_clean({
               "id": resolution.id, "date": resolution.date, "session": resolution.session,
               "place": resolution.place, "item": resolution.item, "title": resolution.title,
               "document": document, "checksum": checksum,
               "issuer": resolution.issuer.id if resolution.issuer else None,
               "attachments": list(resolution.attachments or []),
               "references": [json.dumps(_reference_json(r), ensure_ascii=False)
                              for r in resolution.references],
               "reference_index": ";" + ";".join(reference_keys(resolution)) + ";",
               "own_index": ";" + ";".join(own_keys(resolution)) + ";",
           }))
    tx.run(f"MATCH (r:`{res_label}` {{id: $id}}) UNWIND $submitters AS sid "
           f"MATCH (a:`{ont.label('actor')}` {{id: sid}}) "
           f"CREATE (a)-[:`{ont.relations['SUBMITS'].neo4j_type}` {{resolution: $id}}]->(r)",
           id=resolution.id, submitters=[s.id for s in resolution.submitters])

    by_type: dict[tuple[str, str], list[dict]] = defaultdict(list)
    obligations = []
    for index, statement in enumerate(resolution.statements):
        rel_type = ont.relations[statement.predicate].neo4j_type
        props = statement_props(resolution, index, statement)
        object_is_actor = _is_actor(ont, statement.object)
        object_label = ont.label("actor") if object_is_actor else ont.label("matter")
        by_type[(rel_type, object_label)].append(
            {"s": statement.subject.id, "o": statement.object.id, "props": props})
        if statement.predicate in OBLIGATION_PREDICATES and object_is_actor:
            obligations.append({"requester": statement.subject.id,
                                "addressee": statement.object.id, "props": _clean({
                                    **props, **sitting_deadline(statement),
                                    "id": obligation_id(resolution, statement),
                                    "statement": props["id"], "kind": statement.predicate,
                                    "requester": statement.subject.id,
                                    "addressee": statement.object.id})})
    for (rel_type, object_label), rows in by_type.items():
        tx.run(f"UNWIND $rows AS row MATCH (s:`{ont.label('actor')}` {{id: row.s}}) "
               f"MATCH (o:`{object_label}` {{id: row.o}}) "
               f"CREATE (s)-[r:`{rel_type}`]->(o) SET r = row.props", rows=rows)
    if obligations:
        tx.run(f"UNWIND $rows AS row CREATE (o:{_labels(ont, 'obligation')}) SET o = row.props "
               f"WITH o, row MATCH (req:`{ont.label('actor')}` {{id: row.requester}}) "
               f"MATCH (adr:`{ont.label('actor')}` {{id: row.addressee}}) "
               f"CREATE (o)-[:`{ont.relations['REQUESTED_BY'].neo4j_type}`]->(req) "
               f"CREATE (o)-[:`{ont.relations['ADDRESSED_TO'].neo4j_type}`]->(adr) "
               f"WITH o MATCH (res:`{res_label}` {{id: o.resolution}}) "
               f"CREATE (o)-[:`{ont.relations['ARISES_FROM'].neo4j_type}`]->(res)",
               rows=obligations)
    link_concerns(tx, ont, resolution)
    link_references(tx, resolution)
    return StoredCounts(resolutions=1, statements=len(resolution.statements))


def link_concerns(tx: ManagedTransaction, ont: Ontology, resolution: Any) -> None:
    """CONCERNS from objects and obligations to the initiative a statement is about."""
    concerns = ont.relations["CONCERNS"].neo4j_type
    matter, obl = ont.label("matter"), ont.label("obligation")
    rows = [{"object": st.object.id, "initiative": st.concerns.id,
             "obligation": obligation_id(resolution, st)
             if st.predicate in OBLIGATION_PREDICATES else None}
            for st in resolution.statements if getattr(st, "concerns", None) is not None]
    if not rows:
        return
    tx.run(f"UNWIND $rows AS row MATCH (i:`{matter}` {{id: row.initiative}}) "
           f"OPTIONAL MATCH (m:`{matter}` {{id: row.object}}) WHERE m <> i "
           f"OPTIONAL MATCH (o:`{obl}` {{id: row.obligation}}) "
           f"FOREACH (x IN [n IN [m, o] WHERE n IS NOT NULL] | "
           f"MERGE (x)-[:`{concerns}`]->(i))", rows=rows)


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
    """Keys by which a resolution names earlier ones: `ISSUER|DATE` or `#ISSUER|NUMBER`.

    A reference without a named issuer ("ihren Beschluss vom …") is to the issuer's own.
    """
    own = resolution.issuer.id if resolution.issuer else "*"
    keys = []
    for ref in resolution.references:
        issuer = getattr(ref, "issuer", None)
        issuer_id = issuer.id if issuer is not None else own
        if ref.date:
            keys.append(f"{issuer_id}|{ref.date}")
        if getattr(ref, "number", None):
            keys.append(f"#{issuer_id}|{ref.number}")
    return keys


def own_keys(resolution: Any) -> list[str]:
    """The keys under which later resolutions name this one."""
    issuer = resolution.issuer.id if resolution.issuer else "*"
    keys = [f"{issuer}|{resolution.date}"] if resolution.date else []
    return keys + ([f"#{issuer}|{resolution.item}"] if resolution.item else [])


def link_references(tx: ManagedTransaction, resolution: Any) -> None:
    """REFERS_TO from this resolution to loaded ones it names, and from loaded ones to it.

    Both directions go through the text index on `reference_index`, a `;`-joined string of
    keys, so the cost does not grow with the number of resolutions.
    """
    ont = load_ontology()
    res = ont.label("resolution")
    refers = ont.relations["REFERS_TO"].neo4j_type
    tx.run(f"MATCH (a:`{res}` {{id: $id}}) UNWIND $keys AS key "
           f"MATCH (b:`{res}`) WHERE b.own_index CONTAINS (';' + key + ';') AND b <> a "
           f"MERGE (a)-[:`{refers}`]->(b)", id=resolution.id, keys=reference_keys(resolution))
    tx.run(f"MATCH (b:`{res}` {{id: $id}}) UNWIND $keys AS key "
           f"MATCH (a:`{res}`) WHERE a.reference_index CONTAINS (';' + key + ';') AND a <> b "
           f"MERGE (a)-[:`{refers}`]->(b)", id=resolution.id, keys=own_keys(resolution))
