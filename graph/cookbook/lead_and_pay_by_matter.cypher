/*
title = "Who leads and who pays, per matter"
description = """One row per matter (plan, measure, initiative, programme): the actors that lead
it or are responsible for it, those that finance it, and those that support it."""
tags = ["roles", "money"]

[params.topic]
type = "string"
description = "Only matters whose name contains this text; empty for all"
*/
MATCH (x:Matter)
WHERE $topic IS NULL OR toLower(x.name) CONTAINS toLower($topic)
OPTIONAL MATCH (l:Actor)-[:LEADS|RESPONSIBLE_FOR]->(x)
OPTIONAL MATCH (f:Actor)-[fin:FINANCES]->(x)
OPTIONAL MATCH (u:Actor)-[:SUPPORTS]->(x)
WITH x, collect(DISTINCT l.name) AS leads, collect(DISTINCT f.name) AS finances,
     collect(DISTINCT fin.amount) AS amounts, collect(DISTINCT u.name) AS supports
WHERE size(leads) + size(finances) > 0
RETURN x.id AS matter_id, x.name AS matter, leads, finances, amounts, supports
ORDER BY matter
