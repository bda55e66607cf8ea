/*
title = "Deadlines falling in a period"
description = """Requests and tasks whose deadline falls between two dates: the calendar of
what is due, e.g. for the next sitting or the next quarter. Deadlines tied to a sitting
(bis zur nächsten Sitzung) count once that sitting's date is known."""
tags = ["obligations", "deadlines"]

[params.from]
type = "date"
default = "2025-01-01"
description = "Start of the period (ISO date)"

[params.until]
type = "date"
default = "2026-12-31"
description = "End of the period (ISO date)"
*/
MATCH (o:Obligation)-[:ADDRESSED_TO]->(adr)
MATCH (o)-[:REQUESTED_BY]->(req:Actor)
WITH o, adr, req, coalesce(o.deadline_date, o.due_date) AS due
WHERE due >= $from AND due <= $until
RETURN due, req.name AS requester, adr.name AS addressee, o.kind AS kind,
       o.action AS action, o.deadline AS deadline, o.resolution AS resolution
ORDER BY due, requester, addressee
