/*
title = "Full-text search: the sentences of statements"
description = """Search the sentences that statements were read from, through the full-text
index skg_sentences; every hit names who said what about whom, and where."""
tags = ["search"]

[params.q]
type = "string"
default = "Finanzierung"
description = "Search words (Lucene query syntax)"

[params.limit]
type = "int"
default = 25
min = 1
max = 500
description = "Most hits"
*/
CALL db.index.fulltext.queryRelationships('skg_sentences', $q) YIELD relationship, score
WITH relationship AS s, score
MATCH (a)-[s]->(b)
RETURN a.name AS subject, type(s) AS predicate, coalesce(b.name, b.title) AS object,
       s.resolution AS resolution, s.point AS point, s.sentence AS sentence,
       round(score, 3) AS score
ORDER BY score DESC, resolution, point
LIMIT $limit
