/*
title = "Resolutions by body and period"
description = """The resolutions loaded, with their issuing body, sitting, agenda item, title,
submitters and how many statements were read from each."""
tags = ["resolutions"]

[params.issuer]
type = "string"
description = "Issuing body (id or name); empty for all"

[params.since]
type = "date"
default = "1990-01-01"
description = "Earliest date (ISO date)"

[params.until]
type = "date"
default = "2100-12-31"
description = "Latest date (ISO date)"
*/
MATCH (r:Resolution)
WHERE r.date >= $since AND r.date <= $until
OPTIONAL MATCH (r)-[:ISSUED_BY]->(body:Actor)
WITH r, body
WHERE $issuer IS NULL OR body.id = $issuer OR toLower(body.name) = toLower($issuer)
   OR $issuer IN coalesce(body.aliases, [])
OPTIONAL MATCH (sub:Actor)-[:SUBMITS]->(r)
WITH r, body, collect(sub.name) AS submitters
RETURN r.id AS resolution, body.name AS issuer, r.date AS date, r.session AS session,
       r.place AS place, r.item AS item, r.title AS title, submitters,
       COUNT { ()-[s]->() WHERE s.resolution = r.id AND s.sentence IS NOT NULL } AS statements
ORDER BY date DESC, issuer, item
