/*
title = "A resolution's thread: what it builds on and what followed"
description = """From one resolution, the earlier resolutions it refers to (references, up to
four steps back) and the later ones that refer to it (follow-ups), with amendments and the
requests fulfilled along the way."""
tags = ["resolutions", "threads"]

[params.issuer]
type = "string"
default = "DMK"
description = "Issuing body of the resolution (id or name)"

[params.date]
type = "date"
default = "2024-10-18"
description = "Date of the resolution (ISO date)"
*/
MATCH (start:Resolution)-[:ISSUED_BY]->(body:Actor)
WHERE start.date = $date
  AND (body.id = $issuer OR toLower(body.name) = toLower($issuer)
       OR $issuer IN coalesce(body.aliases, []))
CALL (start) {
  MATCH p = (start)-[:REFERS_TO|AMENDS*1..4]->(other:Resolution)
  RETURN other, 'builds on' AS direction, length(p) AS steps
  UNION
  MATCH p = (start)<-[:REFERS_TO|AMENDS*1..4]-(other:Resolution)
  RETURN other, 'followed by' AS direction, length(p) AS steps
}
WITH start, direction, other, min(steps) AS steps
OPTIONAL MATCH (other)-[:ISSUED_BY]->(ob:Actor)
RETURN start.id AS resolution, direction, steps, other.id AS other_id, ob.name AS other_issuer,
       other.date AS other_date, other.item AS other_item, other.title AS other_title,
       EXISTS { (other)-[:AMENDS]-(start) } AS amends
ORDER BY direction, other_date
