/*
title = "Submissions per Land"
description = """How often each Land appears as a submitter (Antragsteller) of a resolution,
with the bodies it submitted to and its co-submitters."""
tags = ["laender", "counts"]
*/
MATCH (a:Land)-[:SUBMITS]->(r:Resolution)
OPTIONAL MATCH (r)-[:ISSUED_BY]->(body:Actor)
OPTIONAL MATCH (co:Land)-[:SUBMITS]->(r) WHERE co <> a
RETURN a.id AS land_id, a.name AS land, count(DISTINCT r) AS submissions,
       collect(DISTINCT body.name) AS bodies, collect(DISTINCT co.name) AS co_submitters
ORDER BY submissions DESC, land
