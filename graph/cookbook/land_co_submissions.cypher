/*
title = "Which Länder submit together"
description = """Co-submission counts: for each pair of Länder, on how many resolutions both
appear among the submitters (Antragsteller), and of which bodies."""
tags = ["laender", "counts"]

[params.min_count]
type = "int"
default = 1
description = "Smallest number of joint submissions shown"
*/
MATCH (a:Land)-[:SUBMITS]->(r:Resolution)<-[:SUBMITS]-(b:Land)
WHERE a.id < b.id
WITH a, b, collect(DISTINCT r) AS resolutions
WHERE size(resolutions) >= $min_count
RETURN a.name AS land_a, b.name AS land_b, size(resolutions) AS joint_submissions,
       [r IN resolutions | r.issuer] AS issuers, [r IN resolutions | r.id] AS resolution_ids
ORDER BY joint_submissions DESC, land_a, land_b
