/*
title = "Actors mentioned but never addressed"
description = """Actors that occur in resolutions (as submitter, issuer, subject or object of a
statement) but were never asked or tasked with anything: the silent participants."""
tags = ["actors"]

[params.level]
type = "string"
description = "Only this level (land, bund, ministry, conference, …); empty for all"
*/
MATCH (a:Actor)
WHERE ($level IS NULL OR a.level = $level)
  AND (EXISTS { (a)-[s]-() WHERE s.resolution IS NOT NULL }
       OR EXISTS { (a)<-[:ISSUED_BY]-(:Resolution) })
  AND NOT EXISTS { (:Actor)-[:REQUESTS|TASKS]->(a) }
  AND NOT EXISTS { (:Obligation)-[:ADDRESSED_TO]->(a) }
OPTIONAL MATCH (a)-[s]-() WHERE s.resolution IS NOT NULL OR type(s) = 'ISSUED_BY'
RETURN a.id AS actor_id, a.name AS actor, a.level AS level,
       collect(DISTINCT type(s)) AS appears_in, count(s) AS mentions
ORDER BY mentions DESC, actor
