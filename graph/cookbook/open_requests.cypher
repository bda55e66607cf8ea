/*
title = "Open requests as of a date"
description = """Requests and tasks raised on or before the date and not fulfilled by then,
whose deadline (if any) has not passed: what is still pending. A request counts as fulfilled
when a resolution that fulfils it (FULFILS, not rejected) was passed by the date."""
tags = ["obligations", "deadlines"]

[params.as_of]
type = "date"
default = "2025-06-30"
description = "The day to judge on (ISO date)"

[params.addressee]
type = "string"
description = "Only requests to this actor (id or name); empty for all"
*/
MATCH (o:Obligation)-[:ADDRESSED_TO]->(adr)
MATCH (o)-[:REQUESTED_BY]->(req:Actor)
WHERE o.resolution_date <= $as_of
  AND ($addressee IS NULL OR adr.id = $addressee OR toLower(adr.name) = toLower($addressee))
  AND NOT EXISTS {
    MATCH (x:Resolution)-[f:FULFILS]->(o) WHERE coalesce(f.status, '') <> 'rejected'
      AND x.date <= $as_of }
  AND (coalesce(o.deadline_date, o.due_date) IS NULL
       OR coalesce(o.deadline_date, o.due_date) >= $as_of)
RETURN req.name AS requester, adr.name AS addressee, o.kind AS kind, o.action AS action,
       o.deadline AS deadline, coalesce(o.deadline_date, o.due_date) AS due,
       o.resolution AS resolution, o.resolution_date AS date, o.sentence AS sentence
ORDER BY coalesce(due, '9999'), date, requester, addressee
