"""Clearing the graph in bounded transactions: a graph larger than one transaction's batch,
with a hub, is emptied; clearing one label leaves the rest."""

from __future__ import annotations

from neo4j import Driver

from graph.clear import clear_graph


def _count(driver: Driver, pattern: str) -> int:
    return driver.execute_query(f"MATCH {pattern} RETURN count(*) AS c").records[0]["c"]


def test_clear_empties_a_graph_larger_than_one_batch(driver: Driver) -> None:
    driver.execute_query("CREATE (:Hub {id: 'hub'})")
    driver.execute_query("MATCH (h:Hub) UNWIND range(1, 750) AS i "
                         "CREATE (h)-[:LINKS]->(:Leaf {id: i})-[:LINKS]->(:Leaf {id: -i})")
    assert _count(driver, "(n)") == 1501 and _count(driver, "()-[r]->()") == 1500
    assert clear_graph(driver, batch=200) == 1501
    assert _count(driver, "(n)") == 0


def test_clearing_a_label_leaves_the_other_nodes(driver: Driver) -> None:
    driver.execute_query("UNWIND range(1, 450) AS i "
                         "CREATE (:Gone {id: i})-[:LINKS]->(:Kept {id: i})")
    assert clear_graph(driver, label="Gone", batch=100) == 450
    assert _count(driver, "(n:Gone)") == 0 and _count(driver, "(n:Kept)") == 450
