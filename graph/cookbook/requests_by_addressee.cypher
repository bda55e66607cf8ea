/*
title = "Requests per addressee"
description = """Who is asked most: per addressee, how many requests and tasks it received and
from how many distinct requesters."""
tags = ["requests", "counts"]

[params.year]
type = "int"
description = "Only resolutions of this year; empty for all"
*/
MATCH (req:Actor)-[s:REQUESTS|TASKS]->(adr)
WHERE $year IS NULL OR substring(s.resolution_date, 0, 4) = toString($year)
RETURN adr.id AS addressee_id, adr.name AS addressee, adr.level AS level,
       count(s) AS requests, count(DISTINCT req) AS requesters,
       collect(DISTINCT req.name) AS requester_names
ORDER BY requests DESC, addressee
