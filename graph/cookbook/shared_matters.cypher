/*
title = "Bodies that addressed the same matter"
description = """Pairs of issuing bodies (conferences, boards, councils) whose resolutions make
statements about the same matter node (plan, measure, programme), with the matters shared."""
tags = ["conferences", "topics"]

[params.min_shared]
type = "int"
default = 1
description = "Smallest number of shared matters"
*/
MATCH (ra:Resolution)-[:ISSUED_BY]->(a:Actor), (rb:Resolution)-[:ISSUED_BY]->(b:Actor)
WHERE a.id < b.id
MATCH ()-[sa]->(x:Matter)<-[sb]-()
WHERE sa.resolution = ra.id AND sb.resolution = rb.id
WITH a, b, collect(DISTINCT x.name) AS matters
WHERE size(matters) >= $min_shared
RETURN a.name AS body_a, b.name AS body_b, size(matters) AS shared, matters
ORDER BY shared DESC, body_a, body_b
