/*
title = "Bodies that addressed the same matter"
description = """Pairs of issuing bodies (conferences, boards, councils) whose resolutions make
statements about the same matter (plan, measure, programme) — directly or through a matter
that CONCERNS it ("Umsetzung des Stufenplans" → the Stufenplan) — with the matters shared."""
tags = ["conferences", "topics"]

[params.min_shared]
type = "int"
default = 1
description = "Smallest number of shared matters"
*/
MATCH (x:Matter)
OPTIONAL MATCH (named:Matter)-[:CONCERNS]->(x)
WITH x, [x] + collect(named) AS about
UNWIND about AS m
MATCH ()-[st]->(m)
WITH x, collect(DISTINCT st.resolution) AS resolutions
WHERE size(resolutions) > 1
UNWIND resolutions AS rid
MATCH (:Resolution {id: rid})-[:ISSUED_BY]->(body:Actor)
WITH x, collect(DISTINCT body) AS bodies
UNWIND bodies AS a
UNWIND bodies AS b
WITH a, b, x WHERE a.id < b.id
WITH a, b, collect(DISTINCT x.name) AS matters
WHERE size(matters) >= $min_shared
RETURN a.name AS body_a, b.name AS body_b, size(matters) AS shared, matters
ORDER BY shared DESC, body_a, body_b
