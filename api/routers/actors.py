"""Actors: listing with filters, and one actor with statements and relations."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query

from api.deps import GraphDep
from api.models import Actor, ActorDetail, Page, statement
from api.params import Id, Limit, Offset
from api.vocab import check_actor_type, check_level, check_predicates
from graph import actors, queries

router = APIRouter(tags=["actors"])


@router.get("/actors", response_model=Page[Actor])
def list_actors(graph: GraphDep, limit: Limit = 50, offset: Offset = 0,
                type: Annotated[str | None, Query(description="Actor class key, e.g. land")] = None,
                level: Annotated[str | None, Query(description="Level, e.g. kommune")] = None,
                land: Id = None,
                q: Annotated[str | None, Query(max_length=200,
                                               description="Text in name, id or alias")] = None,
                ) -> Page[Actor]:
    """Actors, filtered by class, level, Land (ISO 3166-2, e.g. DE-HE) and text."""
    total, items = queries.list_actors(graph, label=check_actor_type(type),
                                       level=check_level(level), land=land,
                                       text=(q or "").strip() or None,
                                       limit=limit, offset=offset)
    return Page(total=total, limit=limit, offset=offset, items=items)


@router.get("/actors/{actor_id:path}", response_model=ActorDetail)
def get_actor(graph: GraphDep,
              actor_id: Annotated[str, Path(max_length=300)], limit: Limit = 50,
              offset: Offset = 0,
              predicate: Annotated[str | None, Query(
                  max_length=500, description="Comma list, e.g. REQUESTS,TASKS")] = None,
              direction: Annotated[Literal["outgoing", "incoming"] | None, Query(
                  description="Only the statements it makes, or only those about it")] = None,
              ) -> ActorDetail:
    """One actor: a page (`limit`/`offset`, newest first) of the statements it makes and of
    those about it (with sentence, resolution, point), their number per predicate and
    direction, memberships, successions, and the resolutions it issued or submitted."""
    row = actors.get_actor(graph, actor_id, limit=limit, offset=offset,
                           predicates=check_predicates(predicate), direction=direction)
    return ActorDetail(**{**row, "outgoing": [statement(s) for s in row["outgoing"]],
                          "incoming": [statement(s) for s in row["incoming"]]})
