"""The gazetteer as reference data in the graph: every known actor, with its successions.

Loaded with the schema so that the Länder, ministries and conferences exist before any
document names them, and renamed ministries can be followed through SUCCEEDED_BY.
"""

from __future__ import annotations

from neo4j import Driver

from ontology.gazetteer import load_gazetteer
from ontology.model import load_ontology


def gazetteer_rows() -> list[dict]:
    """One row per known actor, with its labels' class key and its successors."""
    ont = load_ontology()
    rows = []
    for actor in load_gazetteer().actors.values():
        key = actor.type_key if actor.type_key in ont.classes else "actor"
        aliases = sorted(set(actor.aliases))
        rows.append({"key": key, "id": actor.id, "succeeded_by": list(actor.succeeded_by),
                     "valid_from": actor.valid_from, "props": {k: v for k, v in {
                         "id": actor.id, "name": actor.name, "aliases": aliases,
                         "aliases_text": " | ".join(aliases) or None, "abbr": actor.abbr,
                         "level": ont.classes[key].level, "type": key, "known": True,
                         "valid_from": actor.valid_from, "valid_to": actor.valid_to,
                     }.items() if v not in (None, [])}})
    return rows


def store_gazetteer(driver: Driver, database: str | None = None) -> int:
    """MERGE every gazetteer actor and its SUCCEEDED_BY links (idempotent)."""
    ont = load_ontology()
    actor = ont.label("actor")
    succeeded = ont.relations["SUCCEEDED_BY"].neo4j_type
    rows = gazetteer_rows()
    by_key: dict[str, list[dict]] = {}
    for row in rows:
        by_key.setdefault(row["key"], []).append(row)
    for key, group in by_key.items():
        labels = ":".join(f"`{label}`" for label in ont.labels_for(key))
        driver.execute_query(f"UNWIND $rows AS row MERGE (n:`{actor}` {{id: row.id}}) "
                             f"SET n:{labels}, n += row.props", rows=group, database_=database)
    driver.execute_query(
        f"UNWIND $rows AS row UNWIND row.succeeded_by AS next "
        f"MATCH (a:`{actor}` {{id: row.id}}), (b:`{actor}` {{id: next}}) "
        f"MERGE (a)-[s:`{succeeded}`]->(b) SET s.date = b.valid_from",
        rows=rows, database_=database)
    return len(rows)
