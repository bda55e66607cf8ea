"""Writing extracted resolutions into Neo4j: many documents per transaction, replace-on-reload.

Labels and relationship types come from the ontology only; every value travels as a
parameter, written in batches with `UNWIND` (the queries: `graph/store_queries.py`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from neo4j import ManagedTransaction

from graph.deadlines import deadline_key, sitting_deadline
from graph.store_queries import delete_queries, find_query, orphan_queries, write_queries
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


def delete_document(tx: ManagedTransaction, resolution_ids: list[str], document: str) -> None:
    """Remove what earlier loads of these resolutions (or this document) wrote."""
    delete_documents(tx, resolution_ids, [document])


def delete_documents(tx: ManagedTransaction, resolution_ids: list[str],
                     documents: list[str]) -> None:
    """Remove what earlier loads of these resolutions (or these documents) wrote: their
    statements, obligations and resolution nodes, then the actors and matters nothing links
    any more. A first load finds nothing and stops after one query."""
    old = tx.run(find_query(), doc={"ids": resolution_ids, "docs": documents}).single()["old"]
    if not old:
        return
    touched: set[str] = set()
    for query in delete_queries():
        touched.update(tx.run(query, doc={"rows": old}).single()["ends"])
    for query in orphan_queries():
        tx.run(query, doc={"rows": sorted(touched)}).consume()


def write_rows(tx: ManagedTransaction, rows: dict[str, list[dict[str, Any]]]) -> None:
    """Write the rows of `document_rows` or `batch_rows`, one query per kind of row."""
    for kind, query in write_queries():
        if rows.get(kind):
            tx.run(query, doc={"rows": rows[kind]}).consume()


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


#: One document as the store takes it: its resolutions, its name in the graph, its checksum.
DocumentRecords = tuple[Sequence[Any], str, str | None]


def batch_rows(documents: Iterable[DocumentRecords]) -> dict[str, list[dict[str, Any]]]:
    """The rows `write_rows` writes for several documents at once.

    A node two documents share is one row; as if the documents were written one after the
    other, the later one's properties win and the labels add up.
    """
    batch: dict[str, list[dict[str, Any]]] = {}
    nodes: dict[str, dict[str, dict]] = {"actors": {}, "matters": {}}
    for resolutions, document, checksum in documents:
        rows = document_rows(resolutions, document, checksum)
        for kind, seen in nodes.items():
            for row in rows.pop(kind):
                earlier = seen.get(row["id"])
                if earlier is None:
                    seen[row["id"]] = row
                    continue
                earlier["props"] = {**earlier["props"], **row["props"]}
                earlier["labels"] = list(dict.fromkeys(earlier["labels"] + row["labels"]))
        for key, values in rows.items():
            batch.setdefault(key, []).extend(values)
    return {kind: list(seen.values()) for kind, seen in nodes.items()} | batch


def document_rows(resolutions: Iterable[Any], document: str,
                  checksum: str | None) -> dict[str, list[dict[str, Any]]]:
    """The rows `write_rows` writes for a document's resolutions."""
    ont = load_ontology()
    actors: dict[str, dict] = {}
    matters: dict[str, dict] = {}
    rows: dict[str, list[dict[str, Any]]] = {key: [] for key in (
        "resolutions", "submissions", "to_actors", "to_matters", "obligations", "concerns",
        "names", "named_as")}

    def remember(ref: Any) -> None:
        if ref.id in actors or ref.id in matters:
            return
        if _is_actor(ont, ref):
            actors[ref.id] = {**actor_row(ont, ref), "labels": ont.labels_for(ref.type_key)}
        else:
            matters[ref.id] = {**matter_row(ont, ref), "labels": ont.labels_for(ref.type_key)}

    for resolution in resolutions:
        if resolution.issuer is not None:
            remember(resolution.issuer)
        for submitter in resolution.submitters:
            remember(submitter)
            rows["submissions"].append({"resolution": resolution.id, "actor": submitter.id})
        rows["resolutions"].append(resolution_row(resolution, document, checksum))
        for index, statement in enumerate(resolution.statements):
            remember(statement.subject)
            remember(statement.object)
            concerns = getattr(statement, "concerns", None)
            if concerns is not None:
                remember(concerns)
            props = statement_props(resolution, index, statement)
            object_is_actor = _is_actor(ont, statement.object)
            rows["to_actors" if object_is_actor else "to_matters"].append({
                "type": ont.relations[statement.predicate].neo4j_type,
                "s": statement.subject.id, "o": statement.object.id, "props": props})
            obligation = None
            if statement.predicate in OBLIGATION_PREDICATES and object_is_actor:
                obligation = obligation_id(resolution, statement)
                rows["obligations"].append({
                    "requester": statement.subject.id, "addressee": statement.object.id,
                    "props": _clean({**props, **sitting_deadline(statement), "id": obligation,
                                     "deadline_key": deadline_key(
                                         statement.deadline_date, obligation),
                                     "statement": props["id"], "kind": statement.predicate,
                                     "requester": statement.subject.id,
                                     "addressee": statement.object.id})})
            if concerns is not None:
                rows["concerns"].append({
                    "object": statement.object.id, "initiative": concerns.id,
                    "obligation": obligation_id(resolution, statement)
                    if statement.predicate in OBLIGATION_PREDICATES else None})
        rows["names"] += [{"id": resolution.id, "key": f";{key};"}
                          for key in reference_keys(resolution)]
        rows["named_as"] += [{"id": resolution.id, "key": f";{key};"}
                             for key in own_keys(resolution)]
    return {"actors": list(actors.values()), "matters": list(matters.values()), **rows}


def resolution_row(resolution: Any, document: str, checksum: str | None) -> dict[str, Any]:
    """A resolution node's properties and its issuer's id."""
    issuer = resolution.issuer.id if resolution.issuer else None
    return {"issuer": issuer, "props": _clean({
        "id": resolution.id, "date": resolution.date, "session": resolution.session,
        "place": resolution.place, "item": resolution.item, "title": resolution.title,
        "document": document, "checksum": checksum, "issuer": issuer,
        "source_url": getattr(resolution, "source_url", None),
        "text": getattr(resolution, "text", None),
        "text_start": getattr(resolution, "text_start", None),
        "attachments": list(resolution.attachments or []),
        "references": [json.dumps(_reference_json(r), ensure_ascii=False)
                       for r in resolution.references],
        "reference_index": ";" + ";".join(reference_keys(resolution)) + ";",
        "own_index": ";" + ";".join(own_keys(resolution)) + ";",
    })}


def store_resolutions(tx: ManagedTransaction, resolutions: Iterable[Any], document: str,
                      checksum: str | None) -> StoredCounts:
    """Write a document's resolutions — nodes, issuer, submitters, statements, obligations,
    initiatives and references — one short query per kind of row."""
    resolutions = list(resolutions)
    write_rows(tx, document_rows(resolutions, document, checksum))
    return StoredCounts(resolutions=len(resolutions),
                        statements=sum(len(r.statements) for r in resolutions))


def store_batch(tx: ManagedTransaction, documents: Sequence[DocumentRecords]) -> StoredCounts:
    """Replace several documents in one transaction: remove what earlier loads of them (or of
    their resolutions) wrote, then write them all — a query per kind of row, whatever the
    batch holds."""
    ids = [r.id for resolutions, _, _ in documents for r in resolutions]
    delete_documents(tx, ids, [document for _, document, _ in documents])
    write_rows(tx, batch_rows(documents))
    return StoredCounts(
        resolutions=len(ids),
        statements=sum(len(r.statements) for resolutions, _, _ in documents
                       for r in resolutions))


def store_resolution(tx: ManagedTransaction, resolution: Any, document: str,
                     checksum: str | None) -> StoredCounts:
    """Write one resolution: its node, issuer, submitters, statements and obligations."""
    return store_resolutions(tx, [resolution], document, checksum)


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
