/*
title = "What one resolution says, point by point"
description = """Every statement read from one resolution (requests, tasks, welcomes, takes
note, finances, leads, …) in the order of its points, with deadlines and amounts."""
tags = ["resolutions"]

[params.issuer]
type = "string"
default = "DMK"
description = "Issuing body (id or name)"

[params.date]
type = "date"
default = "2024-10-18"
description = "Date of the resolution (ISO date)"
*/
MATCH (r:Resolution)-[:ISSUED_BY]->(body:Actor)
WHERE r.date = $date AND (body.id = $issuer OR toLower(body.name) = toLower($issuer)
                          OR $issuer IN coalesce(body.aliases, []))
MATCH (a)-[s]->(b) WHERE s.resolution = r.id AND s.sentence IS NOT NULL
RETURN r.id AS resolution, s.point AS point, a.name AS subject, type(s) AS predicate,
       coalesce(b.name, b.title) AS object, s.action AS action, s.deadline AS deadline,
       s.amount AS amount, s.sentence AS sentence
ORDER BY coalesce(s.start, 0), point, predicate
