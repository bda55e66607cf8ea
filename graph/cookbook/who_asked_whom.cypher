/*
title = "Who asked whom to do what"
description = """Every request (bittet, ersucht, fordert auf) and task (beauftragt), with the
action, the deadline and the sentence it was read from. Filter by requester, addressee and year
of the resolution; leave a filter empty to see all."""
tags = ["requests"]

[params.requester]
type = "string"
description = "Requester: id (DMK, DE-HE), name or alias; empty for all"

[params.addressee]
type = "string"
description = "Addressee: id (DE, BMK), name or alias; empty for all"

[params.year]
type = "int"
description = "Year of the resolution (e.g. 2024); empty for all years"

[params.include_tasks]
type = "bool"
default = true
description = "Also list tasks (beauftragt), not only requests"
*/
MATCH (req:Actor)-[s:REQUESTS|TASKS]->(adr)
WHERE ($include_tasks OR type(s) = 'REQUESTS')
  AND ($requester IS NULL OR req.id = $requester OR toLower(req.name) = toLower($requester)
       OR $requester IN coalesce(req.aliases, []))
  AND ($addressee IS NULL OR adr.id = $addressee OR toLower(adr.name) = toLower($addressee)
       OR $addressee IN coalesce(adr.aliases, []))
  AND ($year IS NULL OR substring(s.resolution_date, 0, 4) = toString($year))
RETURN req.id AS requester_id, req.name AS requester, type(s) AS kind,
       adr.id AS addressee_id, adr.name AS addressee, adr.level AS addressee_level,
       s.action AS action, s.deadline AS deadline, s.deadline_date AS deadline_date,
       s.resolution AS resolution, s.resolution_date AS date, s.point AS point,
       s.sentence AS sentence
ORDER BY date DESC, resolution, point
