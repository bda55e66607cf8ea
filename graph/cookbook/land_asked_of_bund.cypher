/*
title = "Everything one Land asked of the Bund"
description = """Requests and tasks to the Bund and its federal ministries that a
Land made itself, or that a body passed on the Land's submission (the Land among the
Antragsteller)."""
tags = ["laender", "bund", "requests"]

[params.land]
type = "string"
default = "DE-NW"
description = "The Land: ISO id (DE-BY), name (Bayern) or alias"
*/
MATCH (land:Land)
WHERE land.id = $land OR toLower(land.name) = toLower($land)
   OR $land IN coalesce(land.aliases, [])
MATCH (req:Actor)-[s:REQUESTS|TASKS]->(fed:Actor)
WHERE (fed:Bund OR fed:FederalMinistry)
  AND (req = land OR EXISTS { (land)-[:SUBMITS]->(:Resolution {id: s.resolution}) })
RETURN land.name AS land, CASE WHEN req = land THEN 'itself' ELSE 'as submitter' END AS how,
       req.name AS requester, fed.id AS federal_id, fed.name AS federal_addressee,
       type(s) AS kind, s.action AS action, s.deadline AS deadline,
       s.resolution AS resolution, s.resolution_date AS date, s.sentence AS sentence
ORDER BY date DESC, resolution, federal_addressee
