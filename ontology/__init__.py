"""The stakeholder-graph ontology: classes, relations and properties, read from skg.ttl."""

from ontology.model import (
    InvalidOntology,
    Level,
    OntClass,
    Ontology,
    Property,
    Relation,
    load_ontology,
)

__all__ = [
    "InvalidOntology",
    "Level",
    "OntClass",
    "Ontology",
    "Property",
    "Relation",
    "load_ontology",
]
