"""Emptying the graph (or every node of one label) in bounded transactions.

One `DETACH DELETE` of a large graph, or `CALL { … } IN TRANSACTIONS` under an outer
transaction that lasts the whole wipe, runs into `db.transaction.timeout` on a graph of
10,000 documents. Here each transaction deletes at most `batch` relationships or nodes,
relationships first, so a hub's thousands of statements are spread over many of them too.
"""

from __future__ import annotations

from neo4j import Driver, ManagedTransaction

#: Relationships or nodes one clearing transaction deletes at most.
CLEAR_BATCH = 10_000


def _delete_some(tx: ManagedTransaction, query: str, batch: int) -> int:
    return tx.run(query, batch=batch).single()["deleted"]


def clear_graph(driver: Driver, label: str | None = None, database: str | None = None,
                batch: int = CLEAR_BATCH) -> int:
    """Delete every node (or every node labelled `label`) with its relationships, at most
    `batch` of either per transaction; the number of nodes deleted."""
    node = f"(n:`{label}`)" if label else "(n)"
    relationships = ("MATCH ()-[r]->() WITH r LIMIT $batch DELETE r RETURN count(*) AS deleted"
                     if label is None else
                     f"MATCH {node}-[r]-() WITH DISTINCT r LIMIT $batch DELETE r "
                     "RETURN count(*) AS deleted")
    nodes = f"MATCH {node} WITH n LIMIT $batch DELETE n RETURN count(*) AS deleted"
    removed = 0
    with driver.session(database=database) as session:
        while session.execute_write(_delete_some, relationships, batch):
            pass
        while deleted := session.execute_write(_delete_some, nodes, batch):
            removed += deleted
    return removed
