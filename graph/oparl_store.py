"""The Cypher of the OParl importer: storing a resolution with its Kommune and Gremien,
removing what deleted OParl objects made, and the sync state of systems and bodies.

A resolution itself is written by `graph.loading.store_document` like any loaded document
(replace-on-reload, keyed by the agenda item's OParl id); this module adds what OParl
knows beyond the text. Labels and relationship types come from the ontology.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from neo4j import ManagedTransaction

from graph.loading import store_document
from graph.store import StoredCounts, actor_row, delete_document
from loaders.oparl.records import OParlResolution
from loaders.records import ActorRef
from ontology.model import load_ontology


@dataclass
class SyncState:
    """A system's or body's state: the start of its last complete run and the agenda items
    to try again."""

    id: str
    last_sync: str | None = None
    pending: list[str] = field(default_factory=list)


def _actor(ref: ActorRef, oparl_id: str | None, **extra: Any) -> dict[str, Any]:
    ont = load_ontology()
    row = actor_row(ont, ref)
    row["props"].update({k: v for k, v in {"oparl_id": oparl_id, **extra}.items()
                         if v is not None})
    return {**row, "labels": ont.labels_for(ref.type_key)}


@cache
def _structure_query() -> str:
    ont = load_ontology()
    actor, res = ont.label("actor"), ont.label("resolution")
    committee = ont.label("committee")
    part_of = ont.relations["PART_OF"].neo4j_type
    return (
        f"MERGE (k:`{actor}` {{id: $kommune.id}}) ON CREATE SET k:$($kommune.labels) "
        "SET k += $kommune.props "
        f"WITH k CALL (k) {{ UNWIND $organizations AS row MERGE (a:`{actor}` {{id: row.id}}) "
        "SET a:$(row.labels), a += row.props } "
        # An organization that moved under another one loses the old PART_OF.
        f"CALL () {{ UNWIND $parents AS row MATCH (c:`{actor}` {{id: row.child}}) "
        f"MATCH (c)-[e:`{part_of}`]->(p:`{committee}`) WHERE NOT p.id IN row.parents "
        "DELETE e } "
        f"CALL () {{ UNWIND $part_of AS row MATCH (c:`{actor}` {{id: row[0]}}) "
        f"MATCH (p:`{actor}` {{id: row[1]}}) MERGE (c)-[:`{part_of}`]->(p) }} "
        f"WITH 1 AS done MATCH (r:`{res}` {{id: $resolution}}) "
        "SET r.oparl_id = $document, r.oparl_meeting = $meeting, r.oparl_sources = $sources, "
        "r.paper = $paper")


def store_oparl_resolution(tx: ManagedTransaction, record: OParlResolution) -> StoredCounts:
    """One agenda item's resolution, its Kommune, Gremien and PART_OF links, in the caller's
    transaction; an earlier version of the same agenda item is replaced."""
    res = record.resolution
    counts = store_document(tx, [res], record.document, res.checksum)
    parents: dict[str, list[str]] = {}
    for child, parent in record.part_of:
        parents.setdefault(child, []).append(parent)
    tx.run(_structure_query(),
           kommune=_actor(record.kommune, record.body,
                          ags=record.kommune.id[3:] if record.kommune.known else None),
           organizations=[_actor(ref, oparl_id) for oparl_id, ref
                          in record.organizations.items()],
           parents=[{"child": c, "parents": p} for c, p in parents.items()],
           part_of=[list(pair) for pair in record.part_of], resolution=res.id,
           document=record.document, meeting=record.meeting, sources=record.sources,
           paper=record.paper).consume()
    return counts


def remove_document(tx: ManagedTransaction, document: str) -> int:
    """Remove the resolution an agenda item made (it has no decision any more)."""
    res = load_ontology().label("resolution")
    found = tx.run(f"MATCH (r:`{res}` {{document: $doc}}) RETURN count(r) AS n",
                   doc=document).single()
    if not found or not found["n"]:
        return 0  # the common case: an item without a decision never made one
    delete_document(tx, [], document)
    return int(found["n"])


def _remove_resolutions(tx: ManagedTransaction, where: str, **params: Any) -> int:
    res = load_ontology().label("resolution")
    rows = list(tx.run(f"MATCH (r:`{res}`) WHERE r.oparl_id IS NOT NULL AND {where} "
                       "RETURN r.id AS id, r.document AS document", **params))
    for row in rows:
        delete_document(tx, [row["id"]], row["document"])
    return len(rows)


def remove_made_from(tx: ManagedTransaction, oparl_ids: list[str]) -> int:
    """Remove the resolutions made from any of these (deleted) OParl objects; returns how
    many went. The Gremien they leave alone go with `remove_orphans`."""
    return _remove_resolutions(tx, "any(x IN r.oparl_sources WHERE x IN $ids)",
                               ids=oparl_ids)


def remove_orphans(tx: ManagedTransaction) -> int:
    """Gremien and Kommunen the importer made that nothing needs any more: no resolution,
    statement or sub-organization points at them, only their own PART_OF goes out (a
    Kommune of the municipality directory, with its `ars`, stays)."""
    ont = load_ontology()
    part_of = ont.relations["PART_OF"].neo4j_type
    removed = 0
    for _ in range(8):  # a chain of parents empties one level per pass
        row = tx.run(
            f"MATCH (a:`{ont.label('actor')}`) WHERE a.oparl_id IS NOT NULL AND a.ars IS NULL "
            "AND NOT EXISTS { (a)-[e]-() WHERE NOT (type(e) = $part_of AND startNode(e) = a) } "
            "DETACH DELETE a RETURN count(*) AS n", part_of=part_of).single()
        if not row or not row["n"]:
            break
        removed += int(row["n"])
    return removed


def prune_meeting(tx: ManagedTransaction, meeting: str, items: list[str]) -> int:
    """Remove resolutions of agenda items a meeting no longer lists."""
    return _remove_resolutions(tx, "r.oparl_meeting = $meeting AND NOT r.oparl_id IN $items",
                               meeting=meeting, items=items)


def update_organization(tx: ManagedTransaction, oparl_id: str, ref: ActorRef) -> list[str]:
    """A changed organization renames the Gremium made from it. When the new name gives it
    another id, its resolutions must be made again under that id: returns their agenda
    items."""
    ont = load_ontology()
    props = _actor(ref, oparl_id)["props"]
    row = tx.run(f"MATCH (a:`{ont.label('actor')}` {{oparl_id: $oparl_id}}) "
                 "SET a.name = $name, a.aliases = $aliases, a.aliases_text = $aliases_text "
                 "RETURN collect(a.id) AS ids", oparl_id=oparl_id, name=props["name"],
                 aliases=props.get("aliases", []),
                 aliases_text=props.get("aliases_text")).single()
    if not row or all(found == ref.id for found in row["ids"]):
        return []
    res = ont.label("resolution")
    items = tx.run(f"MATCH (r:`{res}`) WHERE r.oparl_id IS NOT NULL AND $id IN r.oparl_sources "
                   "RETURN r.oparl_id AS item", id=oparl_id)
    return [r["item"] for r in items]


def update_papers(tx: ManagedTransaction, references: dict[str, str | None]) -> None:
    """Changed papers' references (paper id -> reference) on the resolutions deciding them,
    in one pass over the imported resolutions."""
    res = load_ontology().label("resolution")
    tx.run(f"MATCH (r:`{res}`) WHERE r.oparl_id IS NOT NULL "
           "WITH r, [x IN r.oparl_sources WHERE x IN $ids] AS papers WHERE papers <> [] "
           "SET r.paper = $references[papers[0]]", ids=list(references),
           references=references).consume()


def read_states(tx: ManagedTransaction, ids: list[str]) -> dict[str, SyncState]:
    """The stored sync states of these systems and bodies."""
    label = load_ontology().label("sync_state")
    rows = tx.run(f"MATCH (s:`{label}`) WHERE s.id IN $ids "
                  "RETURN s.id AS id, s.last_sync AS last_sync, s.pending AS pending", ids=ids)
    return {r["id"]: SyncState(r["id"], r["last_sync"], list(r["pending"] or []))
            for r in rows}


def read_body_states(tx: ManagedTransaction, system: str) -> dict[str, SyncState]:
    """Every body state of a system."""
    label = load_ontology().label("sync_state")
    rows = tx.run(f"MATCH (s:`{label}` {{system: $system}}) WHERE s.id <> $system "
                  "RETURN s.id AS id, s.last_sync AS last_sync, s.pending AS pending",
                  system=system)
    return {r["id"]: SyncState(r["id"], r["last_sync"], list(r["pending"] or []))
            for r in rows}


def write_state(tx: ManagedTransaction, system: str, state: SyncState) -> None:
    """Record a system's or body's state (`last_sync` None keeps the stored one)."""
    label = load_ontology().label("sync_state")
    tx.run(f"MERGE (s:`{label}` {{id: $id}}) SET s.system = $system, "
           "s.last_sync = coalesce($last_sync, s.last_sync), s.pending = $pending",
           id=state.id, system=system, last_sync=state.last_sync,
           pending=state.pending).consume()
