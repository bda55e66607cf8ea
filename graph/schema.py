"""Constraints and indexes, derived from the ontology — never a second hand-written list."""

from __future__ import annotations

from neo4j import Driver

from ontology.model import Ontology, load_ontology

FULLTEXT_NODES = "skg_names"
FULLTEXT_STATEMENTS = "skg_sentences"
# Node classes whose names and titles are searched, and the properties searched.
FULLTEXT_NODE_KEYS = ("actor", "matter", "resolution")
FULLTEXT_NODE_PROPS = ("name", "aliases_text", "title")


def _ident(text: str) -> str:
    return "".join(ch if ch.isalnum() else "_" for ch in text).lower()


def schema_statements(ontology: Ontology | None = None) -> list[str]:
    """Every CREATE CONSTRAINT / CREATE INDEX statement the ontology implies."""
    ont = ontology or load_ontology()
    statements = []
    for label, prop in ont.constraints():
        statements.append(
            f"CREATE CONSTRAINT skg_{_ident(label)}_{_ident(prop)}_unique IF NOT EXISTS "
            f"FOR (n:`{label}`) REQUIRE n.`{prop}` IS UNIQUE")
    for label, prop in ont.indexes():
        statements.append(
            f"CREATE INDEX skg_{_ident(label)}_{_ident(prop)} IF NOT EXISTS "
            f"FOR (n:`{label}`) ON (n.`{prop}`)")
    node_labels = "|".join(f"`{ont.label(key)}`" for key in FULLTEXT_NODE_KEYS)
    node_props = ", ".join(f"n.`{p}`" for p in FULLTEXT_NODE_PROPS)
    statements.append(f"CREATE FULLTEXT INDEX {FULLTEXT_NODES} IF NOT EXISTS "
                      f"FOR (n:{node_labels}) ON EACH [{node_props}]")
    # Statement relationships are found by the resolution that made them (reloads) and by
    # the initiative they concern (timelines).
    for rel_type in sorted(ont.scored_predicates()):
        for prop in ("resolution", "concerns"):
            statements.append(
                f"CREATE INDEX skg_{_ident(rel_type)}_{prop} IF NOT EXISTS "
                f"FOR ()-[r:`{rel_type}`]-() ON (r.{prop})")
    # Resolutions find the ones they name, and those naming them, by key (graph/store.py).
    res = ont.label("resolution")
    for prop in ("reference_index", "own_index"):
        statements.append(f"CREATE TEXT INDEX skg_{_ident(res)}_{prop} IF NOT EXISTS "
                          f"FOR (n:`{res}`) ON (n.`{prop}`)")
    rel_types = "|".join(f"`{t}`" for t in sorted(ont.scored_predicates()))
    statements.append(f"CREATE FULLTEXT INDEX {FULLTEXT_STATEMENTS} IF NOT EXISTS "
                      f"FOR ()-[r:{rel_types}]-() ON EACH [r.sentence]")
    return statements


def apply_schema(driver: Driver, database: str | None = None) -> None:
    """Create the ontology's constraints and indexes (idempotent) and wait for them."""
    for statement in schema_statements():
        driver.execute_query(statement, database_=database)
    driver.execute_query("CALL db.awaitIndexes(60)", database_=database)


def database_schema(driver: Driver, database: str | None = None) -> dict[str, set]:
    """What the database holds: unique (label, property) pairs and indexed ones."""
    records, _, _ = driver.execute_query(
        "SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties "
        "WHERE type = 'UNIQUENESS' RETURN labelsOrTypes[0] AS label, properties[0] AS prop",
        database_=database)
    unique = {(r["label"], r["prop"]) for r in records}
    records, _, _ = driver.execute_query(
        "SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, owningConstraint "
        "WHERE type = 'RANGE' AND entityType = 'NODE' AND owningConstraint IS NULL "
        "RETURN labelsOrTypes[0] AS label, properties[0] AS prop", database_=database)
    indexed = {(r["label"], r["prop"]) for r in records}
    return {"unique": unique, "indexed": indexed}
