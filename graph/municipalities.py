"""The official municipality directory (GV100AD) as Kommune nodes with PART_OF above them.

Ids: a Gemeinde or Kreis is `DE-<AGS>` (Ulm: `DE-08421000`); each is PART_OF its Kreis and
the Kreis PART_OF its Land (the gazetteer's ISO 3166-2 id).
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice

from neo4j import Driver

from ontology.gv100 import Municipality
from ontology.model import load_ontology

BATCH = 2000


def kommune_id(ags: str) -> str:
    """Graph id of a Gemeinde or Kreis from its AGS."""
    return f"DE-{ags}"


def municipality_rows(records: Iterable[Municipality]) -> Iterable[dict]:
    """Rows for the actors among the records (Gemeinden and Kreise)."""
    ont = load_ontology()
    for record in records:
        key = record.class_key
        if key is None or not ont.is_a(key, "actor"):
            continue
        parent = kommune_id(record.kreis_ags) if record.kreis_ags else record.land_id
        yield {"key": key, "id": kommune_id(record.ags), "parent": parent, "props": {
            "id": kommune_id(record.ags), "name": record.name, "ags": record.ags,
            "ars": record.ars, "land": record.land_id, "level": ont.classes[key].level,
            "type": key, "known": True, "kind": record.type_label or record.kind,
            "aliases": [f"{record.type_label} {record.name}".strip()],
            "aliases_text": f"{record.type_label} {record.name}".strip()}}


def store_municipalities(driver: Driver, records: Iterable[Municipality],
                         database: str | None = None) -> int:
    """MERGE Kommune nodes and PART_OF links in batches; returns how many were written."""
    ont = load_ontology()
    actor = ont.label("actor")
    part_of = ont.relations["PART_OF"].neo4j_type
    rows = iter(municipality_rows(records))
    written = 0
    while batch := list(islice(rows, BATCH)):
        by_key: dict[str, list[dict]] = {}
        for row in batch:
            by_key.setdefault(row["key"], []).append(row)
        for key, group in by_key.items():
            labels = ":".join(f"`{label}`" for label in ont.labels_for(key))
            driver.execute_query(
                f"UNWIND $rows AS row MERGE (n:`{actor}` {{id: row.id}}) SET n:{labels}, "
                f"n += row.props WITH n, row MATCH (p:`{actor}` {{id: row.parent}}) "
                f"MERGE (n)-[:`{part_of}`]->(p)", rows=group, database_=database)
        written += len(batch)
    return written
