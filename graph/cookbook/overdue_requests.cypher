/*
title = "Overdue requests as of a date"
description = """Requests and tasks whose deadline lies before the date and that no resolution
had fulfilled by then, with how many days they are late."""
tags = ["obligations", "deadlines"]

[params.as_of]
type = "date"
default = "2026-12-31"
description = "The day to judge on (ISO date)"

[params.requester]
type = "string"
description = "Only requests of this actor (id or name); empty for all"
*/
MATCH (o:Obligation)-[:ADDRESSED_TO]->(adr)
MATCH (o)-[:REQUESTED_BY]->(req:Actor)
WITH o, adr, req, coalesce(o.deadline_date, o.due_date) AS due
WHERE due IS NOT NULL AND due < $as_of AND o.resolution_date <= $as_of
  AND ($requester IS NULL OR req.id = $requester OR toLower(req.name) = toLower($requester))
  AND NOT EXISTS {
    MATCH (x:Resolution)-[f:FULFILS]->(o) WHERE coalesce(f.status, '') <> 'rejected'
      AND x.date <= $as_of }
RETURN req.name AS requester, adr.name AS addressee, o.kind AS kind, o.action AS action,
       o.deadline AS deadline, due, duration.inDays(date(due), date($as_of)).days AS days_late,
       o.resolution AS resolution, o.sentence AS sentence
ORDER BY days_late DESC, requester, addressee
