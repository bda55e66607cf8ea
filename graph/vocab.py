"""Labels and relationship types for Cypher text, all read from the ontology.

`names()["resolution"]` is the label of the class with key `resolution`;
`names()["REFERS_TO"]` the relationship type of that relation. Not cached beyond the
ontology itself, so a changed ontology (tests rename classes) is followed at once.
"""

from __future__ import annotations

from ontology.model import load_ontology


def names() -> dict[str, str]:
    """Every class key → Neo4j label, and every relation name → relationship type."""
    ont = load_ontology()
    return {**{key: cls.label for key, cls in ont.classes.items()},
            **{name: rel.neo4j_type for name, rel in ont.relations.items()}}
