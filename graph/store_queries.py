"""The Cypher the store runs: one small query per kind of row, planned once.

A batch is written by a handful of short queries in one transaction rather than one query
of many subqueries: Neo4j took seconds to plan the single query (its eager analysis grows
with the number of subqueries), every time the graph's statistics had moved, so planning
cost more than writing. Each query here plans in milliseconds, once per server
(`KEEP_PLAN`), and its rows travel in one map parameter (`$doc.rows`): Neo4j keys its plan
cache on the sizes of list parameters too. Every MATCH and MERGE seeks a unique id, the
references seek the text indexes, the statements the relationship index on `resolution`:
the cost of a document does not grow with the graph.
"""

from __future__ import annotations

from functools import cache

from ontology.model import Ontology, load_ontology

#: Plan once, keep the plan as the graph grows: the plans seek unique, text and
#: relationship indexes whatever the statistics say (an empty graph plans the same).
KEEP_PLAN = "CYPHER replan=skip "


def _labels(ont: Ontology, key: str) -> str:
    return ":".join(f"`{label}`" for label in ont.labels_for(key))


@cache
def find_query() -> str:
    """Ids of the resolutions earlier loads of `$doc.ids` (or of the documents `$doc.docs`)
    wrote."""
    res = load_ontology().label("resolution")
    return KEEP_PLAN + (
        f"CALL () {{ MATCH (r:`{res}`) WHERE r.id IN $doc.ids RETURN r.id AS rid UNION "
        f"UNWIND $doc.docs AS doc MATCH (r:`{res}` {{document: doc}}) RETURN r.id AS rid }} "
        "RETURN collect(rid) AS old")


@cache
def delete_queries() -> tuple[str, ...]:
    """Queries that remove what the resolutions `$doc.rows` wrote; each returns the ids of
    the actors and matters it touched (`ends`), to be passed to `orphan_queries`."""
    ont = load_ontology()
    res = ont.label("resolution")
    arises = ont.relations["ARISES_FROM"].neo4j_type
    statements = tuple(
        KEEP_PLAN + f"UNWIND $doc.rows AS rid MATCH (a)-[s:`{t}` {{resolution: rid}}]->(b) "
        "DELETE s RETURN collect(DISTINCT a.id) + collect(DISTINCT b.id) AS ends"
        for t in sorted(ont.scored_predicates()))
    return (*statements,
            KEEP_PLAN + f"UNWIND $doc.rows AS rid MATCH (o)-[:`{arises}`]->(:`{res}` {{id: rid}}) "
            "DETACH DELETE o WITH count(*) AS deleted RETURN [] AS ends",
            KEEP_PLAN + f"UNWIND $doc.rows AS rid MATCH (r:`{res}` {{id: rid}}) "
            f"OPTIONAL MATCH (r)--(a:`{ont.label('actor')}`) WITH r, collect(a.id) AS ids "
            "DETACH DELETE r RETURN reduce(acc = [], x IN collect(ids) | acc + x) AS ends")


@cache
def orphan_queries() -> tuple[str, ...]:
    """Remove the touched `$doc.rows` (ids) that nothing links any more: actors the
    gazetteer does not know and matters exist only through statements."""
    ont = load_ontology()
    return (KEEP_PLAN + f"UNWIND $doc.rows AS id MATCH (n:`{ont.label('actor')}` {{id: id}}) "
            "WHERE NOT n.known AND NOT (n)--() DELETE n",
            KEEP_PLAN + f"UNWIND $doc.rows AS id MATCH (n:`{ont.label('matter')}` {{id: id}}) "
            "WHERE NOT (n)--() DELETE n")


@cache
def write_queries() -> tuple[tuple[str, str], ...]:
    """(kind of row, query) in the order a document's rows are written (see
    `graph.store.document_rows`).

    Node labels and statement types come from the ontology and travel as row values
    (`SET n:$(row.labels)`, `CREATE (s)-[r:$(row.type)]->(o)`), so each kind of write is
    one query whatever the classes and predicates involved.
    """
    ont = load_ontology()
    actor, matter, res = ont.label("actor"), ont.label("matter"), ont.label("resolution")
    obl = ont.label("obligation")
    rel = {key: ont.relations[key].neo4j_type for key in (
        "ISSUED_BY", "SUBMITS", "REQUESTED_BY", "ADDRESSED_TO", "ARISES_FROM", "CONCERNS",
        "REFERS_TO")}
    queries = {
        "actors": f"MERGE (n:`{actor}` {{id: row.id}}) SET n:$(row.labels), n += row.props",
        "matters": f"MERGE (n:`{matter}` {{id: row.id}}) SET n:$(row.labels), n += row.props",
        "resolutions": f"CREATE (r:{_labels(ont, 'resolution')}) SET r = row.props "
                       f"WITH r, row MATCH (i:`{actor}` {{id: row.issuer}}) "
                       f"CREATE (r)-[:`{rel['ISSUED_BY']}`]->(i)",
        "submissions": f"MATCH (r:`{res}` {{id: row.resolution}}) "
                       f"MATCH (a:`{actor}` {{id: row.actor}}) "
                       f"CREATE (a)-[:`{rel['SUBMITS']}` {{resolution: row.resolution}}]->(r)",
        "to_actors": f"MATCH (s:`{actor}` {{id: row.s}}) MATCH (o:`{actor}` {{id: row.o}}) "
                     "CREATE (s)-[r:$(row.type)]->(o) SET r = row.props",
        "to_matters": f"MATCH (s:`{actor}` {{id: row.s}}) MATCH (o:`{matter}` {{id: row.o}}) "
                      "CREATE (s)-[r:$(row.type)]->(o) SET r = row.props",
        "obligations": f"CREATE (o:{_labels(ont, 'obligation')}) SET o = row.props "
                       f"WITH o, row MATCH (req:`{actor}` {{id: row.requester}}) "
                       f"MATCH (adr:`{actor}` {{id: row.addressee}}) "
                       f"MATCH (r:`{res}` {{id: row.props.resolution}}) "
                       f"CREATE (o)-[:`{rel['REQUESTED_BY']}`]->(req) "
                       f"CREATE (o)-[:`{rel['ADDRESSED_TO']}`]->(adr) "
                       f"CREATE (o)-[:`{rel['ARISES_FROM']}`]->(r)",
        # CONCERNS from objects and obligations to the initiative a statement is about.
        "concerns": f"MATCH (i:`{matter}` {{id: row.initiative}}) "
                    f"OPTIONAL MATCH (m:`{matter}` {{id: row.object}}) WHERE m <> i "
                    f"OPTIONAL MATCH (o:`{obl}` {{id: row.obligation}}) "
                    f"FOREACH (x IN [n IN [m, o] WHERE n IS NOT NULL] | "
                    f"MERGE (x)-[:`{rel['CONCERNS']}`]->(i))",
        # REFERS_TO to loaded resolutions a resolution names, and from loaded ones naming
        # it, through the text indexes on `own_index` / `reference_index` (`;`-joined keys).
        "names": f"MATCH (a:`{res}` {{id: row.id}}) "
                 f"MATCH (b:`{res}`) WHERE b.own_index CONTAINS row.key AND b <> a "
                 f"MERGE (a)-[:`{rel['REFERS_TO']}`]->(b)",
        "named_as": f"MATCH (b:`{res}` {{id: row.id}}) "
                    f"MATCH (a:`{res}`) WHERE a.reference_index CONTAINS row.key AND a <> b "
                    f"MERGE (a)-[:`{rel['REFERS_TO']}`]->(b)",
    }
    return tuple((kind, f"{KEEP_PLAN}UNWIND $doc.rows AS row {query}")
                 for kind, query in queries.items())
