"""Initiatives: a paged list with counts and dates, and one initiative with its statements."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from api.deps import GraphDep
from api.models import Initiative, InitiativeDetail, Page, statement
from api.params import Limit, Offset
from graph import initiatives

router = APIRouter(tags=["initiatives"])


@router.get("/initiatives", response_model=Page[Initiative])
def list_initiatives(graph: GraphDep, limit: Limit = 50, offset: Offset = 0,
                     q: Annotated[str | None, Query(max_length=200,
                                                    description="Text in name or id")] = None,
                     ) -> Page[Initiative]:
    """Initiatives by name, each with its number of statements, obligations, resolutions
    and actors and the first and last date a resolution spoke of it."""
    total, items = initiatives.list_initiatives(graph, text=(q or "").strip() or None,
                                                limit=limit, offset=offset)
    return Page(total=total, limit=limit, offset=offset, items=items)


@router.get("/initiatives/{initiative_id}", response_model=InitiativeDetail)
def get_initiative(graph: GraphDep, initiative_id: Annotated[str, Path(max_length=300)],
                   limit: Limit = 100, offset: Offset = 0) -> InitiativeDetail:
    """One initiative: its counts and dates, the matters that concern it and a page of its
    statements (oldest first)."""
    row = initiatives.get_initiative(graph, initiative_id, limit=limit, offset=offset)
    return InitiativeDetail(initiative=row["initiative"], matters=row["matters"],
                            statements=[statement(s) for s in row["statements"]])
