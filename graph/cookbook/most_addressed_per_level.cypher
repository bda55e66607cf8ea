/*
title = "Most-addressed actors per level"
description = """For each governance level (bund, land, kommune, conference, board, ministry,
agency, association, office), the actors that received the most requests and tasks."""
tags = ["requests", "counts", "levels"]

[params.levels]
type = "list"
items = "string"
default = []
description = "Levels to show (comma-separated, e.g. bund,ministry); empty for all"

[params.top]
type = "int"
default = 5
min = 1
max = 100
description = "How many actors per level"
*/
MATCH (req:Actor)-[s:REQUESTS|TASKS]->(adr:Actor)
WHERE size($levels) = 0 OR adr.level IN $levels
WITH adr.level AS level, adr, count(s) AS requests, count(DISTINCT req) AS requesters
ORDER BY level, requests DESC, adr.name
WITH level, collect({id: adr.id, name: adr.name, requests: requests,
                     requesters: requesters})[0..$top] AS top
UNWIND range(0, size(top) - 1) AS rank
RETURN level, rank + 1 AS rank, top[rank].id AS actor_id, top[rank].name AS actor,
       top[rank].requests AS requests, top[rank].requesters AS requesters
ORDER BY level, rank
