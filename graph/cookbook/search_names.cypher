/*
title = "Full-text search: actors, matters, resolutions"
description = """Search the names, aliases and titles of actors, matters and resolutions
through the full-text index skg_names (Lucene syntax: Smart*, "Smarte Städte", Bund~)."""
tags = ["search"]

[params.q]
type = "string"
default = "Stufenplan"
description = "Search words (Lucene query syntax)"

[params.limit]
type = "int"
default = 25
min = 1
max = 500
description = "Most hits"
*/
CALL db.index.fulltext.queryNodes('skg_names', $q) YIELD node, score
RETURN [l IN labels(node) WHERE l <> 'Actor'][0] AS kind, node.id AS id,
       coalesce(node.name, node.title) AS name, node.level AS level, round(score, 3) AS score
ORDER BY score DESC, id
LIMIT $limit
