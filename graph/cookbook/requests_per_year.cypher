/*
title = "Requests per year, between levels"
description = """How many requests and tasks went from one governance level to another
(conference → Bund, Kommune → Land, …), per year of the resolution."""
tags = ["requests", "counts", "levels"]

[params.from_year]
type = "int"
default = 1990
description = "First year counted"

[params.to_year]
type = "int"
default = 2100
description = "Last year counted"
*/
MATCH (req:Actor)-[s:REQUESTS|TASKS]->(adr)
WITH toInteger(substring(s.resolution_date, 0, 4)) AS year, req, adr, s
WHERE year >= $from_year AND year <= $to_year
RETURN year, req.level AS requester_level, coalesce(adr.level, 'matter') AS addressee_level,
       count(s) AS requests
ORDER BY year, requests DESC, requester_level, addressee_level
