"""Everything that talks to Neo4j: the local server, the driver, the schema and all Cypher."""
