/*
title = "What a ministry has been asked since a date, across its 2025 renaming"
description = """Requests and tasks addressed to a federal or Land ministry since a date,
including those addressed to it under an earlier name or to the ministry it replaced
(SUCCEEDED_BY, e.g. BMDV → BMDS and BMV after the organisational decree of 06.05.2025), and to
its successors when an old name is given."""
tags = ["requests", "ministries", "renaming"]

[params.ministry]
type = "string"
default = "BMDS"
description = "Ministry id (BMDS, BMWSB, BMI) or name"

[params.since]
type = "date"
default = "2024-01-01"
description = "Earliest resolution date (ISO date)"
*/
MATCH (m:Actor)
WHERE m.id = $ministry OR toLower(m.name) = toLower($ministry)
   OR $ministry IN coalesce(m.aliases, [])
CALL (m) {
  MATCH (m)<-[:SUCCEEDED_BY*0..4]-(x:Actor) RETURN x
  UNION
  MATCH (m)-[:SUCCEEDED_BY*1..4]->(x:Actor) RETURN x
}
MATCH (req:Actor)-[s:REQUESTS|TASKS]->(x)
WHERE s.resolution_date >= $since
RETURN m.id AS ministry, x.id AS addressed_as_id, x.name AS addressed_as,
       req.name AS requester, type(s) AS kind, s.action AS action, s.deadline AS deadline,
       s.resolution AS resolution, s.resolution_date AS date, s.sentence AS sentence
ORDER BY date DESC, resolution
