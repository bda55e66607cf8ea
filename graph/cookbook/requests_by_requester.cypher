/*
title = "Requests per requester"
description = """Who asks most: per requesting actor, how many requests and tasks it issued,
to how many distinct addressees, and in which years."""
tags = ["requests", "counts"]

[params.year]
type = "int"
description = "Only resolutions of this year; empty for all"
*/
MATCH (req:Actor)-[s:REQUESTS|TASKS]->(adr)
WHERE $year IS NULL OR substring(s.resolution_date, 0, 4) = toString($year)
RETURN req.id AS requester_id, req.name AS requester, req.level AS level,
       count(s) AS requests, count(DISTINCT adr) AS addressees,
       collect(DISTINCT adr.name) AS addressee_names,
       collect(DISTINCT substring(s.resolution_date, 0, 4)) AS years
ORDER BY requests DESC, requester
