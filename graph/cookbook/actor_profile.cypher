/*
title = "An actor's profile: what it does and what is asked of it"
description = """For one actor, how often it appears in each role: per relationship type and
direction (it requests, it is requested, it finances, it submits, …), with the other parties."""
tags = ["actors"]

[params.actor]
type = "string"
default = "DMK"
description = "Actor id (DMK, DE-BY, BMWSB) or name"
*/
MATCH (a:Actor)
WHERE a.id = $actor OR toLower(a.name) = toLower($actor) OR $actor IN coalesce(a.aliases, [])
MATCH (a)-[s]-(other)
WITH a, type(s) AS relation, CASE WHEN startNode(s) = a THEN 'out' ELSE 'in' END AS direction,
     other
RETURN a.id AS actor_id, a.name AS actor, relation, direction, count(*) AS times,
       collect(DISTINCT coalesce(other.name, other.title, other.id))[0..20] AS with
ORDER BY times DESC, relation, direction
