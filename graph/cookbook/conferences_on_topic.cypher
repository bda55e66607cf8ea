/*
title = "Conferences and boards that addressed a topic"
description = """Ministerial conferences and boards (IT-Planungsrat, committees) whose
resolutions deal with a topic: in the title, or in the name of a matter or actor one of their
statements is about. Shows which bodies work on the same thing."""
tags = ["conferences", "topics"]

[params.topic]
type = "string"
default = "Stufenplan"
description = "Text to look for (case-insensitive), e.g. Stufenplan, Datenstrategie, Smart City"
*/
MATCH (r:Resolution)-[:ISSUED_BY]->(body:Actor)
WHERE body:MinisterialConference OR body:Committee
OPTIONAL MATCH (subj)-[s]->(x) WHERE s.resolution = r.id AND x.name IS NOT NULL
  AND toLower(x.name) CONTAINS toLower($topic)
WITH body, r, collect(DISTINCT x.name) AS matters
WHERE toLower(coalesce(r.title, '')) CONTAINS toLower($topic) OR size(matters) > 0
RETURN body.id AS body_id, body.name AS body, body.level AS level, count(r) AS resolutions,
       collect(r.date) AS dates, collect(r.title) AS titles,
       reduce(acc = [], m IN collect(matters) | acc + m) AS matters
ORDER BY resolutions DESC, body
