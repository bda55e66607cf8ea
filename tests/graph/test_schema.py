"""The database schema is exactly what the ontology implies."""

from neo4j import Driver

from graph.schema import FULLTEXT_NODES, FULLTEXT_STATEMENTS, database_schema
from ontology.model import load_ontology


def test_constraints_and_indexes_follow_the_ontology(driver: Driver) -> None:
    ont = load_ontology()
    schema = database_schema(driver)
    assert schema["unique"] == set(ont.constraints())
    assert schema["indexed"] == set(ont.indexes())


def test_fulltext_indexes_exist(driver: Driver) -> None:
    records, _, _ = driver.execute_query(
        "SHOW INDEXES YIELD name, type WHERE type = 'FULLTEXT' RETURN collect(name) AS names")
    assert {FULLTEXT_NODES, FULLTEXT_STATEMENTS} <= set(records[0]["names"])
