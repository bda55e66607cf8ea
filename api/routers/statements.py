"""Statements (who asked whom to do what) and requests (obligations with a status)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import GraphDep
from api.models import Page, Request, Statement, statement
from api.params import DateFrom, DateTo, Id, Limit, Offset, iso
from api.routers.resolutions import check_range
from api.vocab import check_predicates, check_status
from graph import queries

router = APIRouter(tags=["statements"])


@router.get("/statements", response_model=Page[Statement])
def list_statements(
    graph: GraphDep, limit: Limit = 50, offset: Offset = 0,
    predicate: Annotated[str | None, Query(max_length=500,
                                           description="Comma list, e.g. REQUESTS,TASKS")] = None,
    subject: Id = None, object: Id = None, resolution: Id = None,
    date_from: DateFrom = None, date_to: DateTo = None,
) -> Page[Statement]:
    """Statements with provenance, by predicate, subject/object id, resolution and the
    date of the resolution."""
    check_range(date_from, date_to)
    total, items = queries.list_statements(
        graph, predicates=check_predicates(predicate), subject=subject, object_id=object,
        resolution=resolution, date_from=iso(date_from), date_to=iso(date_to),
        limit=limit, offset=offset)
    return Page(total=total, limit=limit, offset=offset, items=[statement(i) for i in items])


@router.get("/requests", response_model=Page[Request])
def list_requests(
    graph: GraphDep, limit: Limit = 50, offset: Offset = 0,
    requester: Id = None, addressee: Id = None,
    status: Annotated[str | None, Query(description="open, due, overdue, fulfilled, "
                                                    "superseded")] = None,
    as_of: Annotated[date | None, Query(description="Status as of this day (default today)")
                     ] = None,
    deadline_from: Annotated[date | None, Query(description="Deadline on or after")] = None,
    deadline_to: Annotated[date | None, Query(description="Deadline on or before")] = None,
) -> Page[Request]:
    """Obligations (requests and tasks): requester, addressee, deadline and status as of a
    day — overdue when the deadline has passed and nothing fulfilled it."""
    check_range(deadline_from, deadline_to)
    total, items = queries.list_requests(
        graph, as_of=as_of or date.today(), requester=requester, addressee=addressee,
        status=check_status(status), deadline_from=iso(deadline_from),
        deadline_to=iso(deadline_to), limit=limit, offset=offset)
    return Page(total=total, limit=limit, offset=offset, items=[
        Request(**{**i["obligation"], "status": i["status"], "requester": i["requester"],
                   "addressee": i["addressee"], "fulfilled_by": i["fulfilled_by"]})
        for i in items])
