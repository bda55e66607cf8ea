/*
title = "Who pays for what"
description = """Financing: who funds what, with amount and share as written. With
include_requested, requests for money (a REQUESTS whose action is about financing or costs)
are listed too, marked as requested: the money has not been granted yet."""
tags = ["money"]

[params.include_requested]
type = "bool"
default = true
description = "Also list requests to finance something"

[params.topic]
type = "string"
description = "Only matters whose name (or the sentence) contains this text; empty for all"
*/
MATCH (a:Actor)-[s:FINANCES|REQUESTS]->(x)
WHERE (type(s) = 'FINANCES'
       OR ($include_requested
           AND toLower(coalesce(s.action, '')) =~ '.*(finanz|kosten|haushaltsmittel).*'))
  AND ($topic IS NULL OR toLower(coalesce(x.name, '') + ' ' + coalesce(s.sentence, ''))
       CONTAINS toLower($topic))
RETURN CASE type(s) WHEN 'FINANCES' THEN a.name ELSE x.name END AS payer,
       CASE type(s) WHEN 'FINANCES' THEN 'finances' ELSE 'asked to finance' END AS status,
       CASE type(s) WHEN 'FINANCES' THEN x.name ELSE s.action END AS what,
       CASE type(s) WHEN 'REQUESTS' THEN a.name END AS asked_by,
       s.amount AS amount, s.share AS share, s.resolution AS resolution,
       s.resolution_date AS date, s.sentence AS sentence
ORDER BY date DESC, payer
