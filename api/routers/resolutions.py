"""Resolutions: listing by issuer, submitter and date; one resolution in full."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from api.deps import GraphDep
from api.errors import ApiError
from api.models import Page, Resolution, ResolutionDetail, statement
from api.params import DateFrom, DateTo, Id, Limit, Offset, iso
from graph import queries

router = APIRouter(tags=["resolutions"])


def check_range(date_from: object, date_to: object) -> None:
    """400 when `from` lies after `to`."""
    if date_from and date_to and date_from > date_to:  # type: ignore[operator]
        raise ApiError(400, f"'from' ({date_from}) lies after 'to' ({date_to})")


@router.get("/resolutions", response_model=Page[Resolution])
def list_resolutions(graph: GraphDep, limit: Limit = 50, offset: Offset = 0,
                     issuer: Id = None, submitter: Id = None, date_from: DateFrom = None,
                     date_to: DateTo = None) -> Page[Resolution]:
    """Resolutions, newest first, by issuer id (e.g. DMK), submitter id and date range."""
    check_range(date_from, date_to)
    total, items = queries.list_resolutions(graph, issuer=issuer, submitter=submitter,
                                            date_from=iso(date_from), date_to=iso(date_to),
                                            limit=limit, offset=offset)
    return Page(total=total, limit=limit, offset=offset, items=items)


@router.get("/resolutions/{resolution_id:path}", response_model=ResolutionDetail)
def get_resolution(graph: GraphDep,
                   resolution_id: Annotated[str, Path(max_length=300)]) -> ResolutionDetail:
    """One resolution (ids contain slashes: `DMK/2024-10-18/top-7`): metadata, issuer,
    submitters, statements and references."""
    row = queries.get_resolution(graph, resolution_id)
    return ResolutionDetail(resolution={**row["resolution"], "issuer": row["issuer"]},
                            submitters=row["submitters"],
                            statements=[statement(s) for s in row["statements"]],
                            references=row["references"], refers_to=row["refers_to"],
                            referred_by=row["referred_by"])
