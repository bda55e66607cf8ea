/*
title = "Who leads and who is responsible for what"
description = """Lead roles (Federführung, unter Vorsitz) and declared responsibility
(übernimmt die Verantwortung, ist zuständig), with the matter and the resolution that says so."""
tags = ["roles"]

[params.topic]
type = "string"
description = "Only matters whose name contains this text (case-insensitive); empty for all"
*/
MATCH (a:Actor)-[s:LEADS|RESPONSIBLE_FOR]->(x)
WHERE $topic IS NULL OR toLower(x.name) CONTAINS toLower($topic)
RETURN a.id AS actor_id, a.name AS actor, a.level AS level, type(s) AS role,
       x.name AS matter, s.resolution AS resolution, s.resolution_date AS date,
       s.sentence AS sentence
ORDER BY date DESC, actor
