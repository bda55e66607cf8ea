"""Obligations followed to their answers: fulfilment decisions and timelines."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body
from pydantic import BaseModel, Field

from api.deps import GraphDep
from api.security import WriteKeyDep
from graph import obligations, timelines

router = APIRouter(tags=["obligations"])


class FulfilmentDecisionIn(BaseModel):
    resolution: str = Field(max_length=300, description="Id of the answering resolution")
    decision: str = Field(pattern="^(confirmed|rejected)$")
    by: str | None = Field(None, max_length=200, description="Who decided")
    note: str | None = Field(None, max_length=2000)


class FulfilmentDecisionOut(BaseModel):
    obligation: str
    resolution: str
    decision: str
    by: str | None
    at: str


class TimelineEvent(BaseModel):
    kind: str
    date: str | None = None
    resolution: str | None = None
    issuer: str | None = None
    title: str | None = None
    item: str | None = None
    relation: str | None = None
    predicate: str | None = None
    subject: str | None = None
    subject_name: str | None = None
    subject_level: str | None = None
    object: str | None = None
    sentence: str | None = None


@router.post("/requests/{obligation_id:path}/fulfilment", response_model=FulfilmentDecisionOut,
             dependencies=[WriteKeyDep])
def decide_fulfilment(graph: GraphDep, obligation_id: str,
                      body: Annotated[FulfilmentDecisionIn, Body()]) -> Any:
    """Confirm or reject that a resolution fulfils an obligation. The decision is stored
    apart from the documents and survives their reloads."""
    return obligations.decide_fulfilment(graph.driver, obligation_id, body.resolution,
                                         body.decision, by=body.by, note=body.note,
                                         database=graph.database)


@router.get("/resolutions/{resolution_id:path}/timeline", response_model=list[TimelineEvent])
def resolution_timeline(graph: GraphDep, resolution_id: str) -> Any:
    """The resolution with those it builds on and those that refer to or answer it."""
    return timelines.resolution_timeline(graph, resolution_id)


@router.get("/initiatives/{matter_id}/timeline", response_model=list[TimelineEvent])
def initiative_timeline(graph: GraphDep, matter_id: str) -> Any:
    """Every statement about an initiative (and the matters that name it), by date."""
    return timelines.initiative_timeline(graph, matter_id)
