/*
title = "Requests to chosen levels above a confidence"
description = """Requests and tasks addressed to actors of the chosen levels (e.g. the federal
level: bund and ministry), keeping only statements the extractor read with at least the given
confidence."""
tags = ["requests", "levels"]

[params.levels]
type = "list"
items = "string"
default = ["bund", "ministry"]
description = "Addressee levels (comma-separated)"

[params.min_confidence]
type = "float"
default = 0.0
min = 0.0
max = 1.0
description = "Smallest extraction confidence (0 to 1); statements without one count as 1"
*/
MATCH (req:Actor)-[s:REQUESTS|TASKS]->(adr:Actor)
WHERE adr.level IN $levels AND coalesce(s.confidence, 1.0) >= $min_confidence
RETURN adr.level AS level, adr.name AS addressee, req.name AS requester, type(s) AS kind,
       s.action AS action, s.deadline AS deadline, s.resolution AS resolution,
       s.confidence AS confidence
ORDER BY level, addressee, resolution
