"""Response models: what each endpoint answers, as OpenAPI shows it at /docs."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")


class Open(BaseModel):
    """A model that keeps properties it does not name (the graph may carry more)."""

    model_config = ConfigDict(extra="allow")


class Page(BaseModel, Generic[T]):
    """One page of a listing and the total number of matches."""

    total: int = Field(description="Number of matches over all pages")
    limit: int
    offset: int
    items: list[T]


class Ref(Open):
    """A short reference to an actor or matter."""

    id: str
    name: str | None = None
    level: str | None = None
    type: str | None = None
    labels: list[str] = []


class Health(BaseModel):
    status: str = Field(description="`ok` when Neo4j answers")
    neo4j: dict[str, Any]


class Actor(Open):
    id: str
    name: str | None = None
    level: str | None = None
    type: str | None = None
    land: str | None = None
    aliases: list[str] | None = None
    labels: list[str] = []


class Statement(Open):
    """Who → predicate → whom, with provenance: sentence, resolution and point."""

    id: str | None = None
    predicate: str
    subject: Ref
    object: Ref
    resolution: str | None = None
    resolution_date: str | None = None
    point: str | None = None
    sentence: str | None = None
    document: str | None = None
    action: str | None = None
    deadline: str | None = None
    deadline_date: str | None = None
    amount: str | None = None
    share: str | None = None
    confidence: float | None = None


class ActorDetail(BaseModel):
    actor: Actor
    outgoing: list[Statement] = Field(description="One page of the statements it makes")
    incoming: list[Statement] = Field(description="One page of the statements about it")
    counts: dict[str, dict[str, int]] = Field(
        description="Statements per direction (`outgoing`, `incoming`) and predicate")
    totals: dict[str, int] = Field(description="Statements per direction over all pages")
    limit: int
    offset: int
    member_of: list[Ref]
    members: list[Ref]
    part_of: list[Ref]
    predecessors: list[Ref]
    successors: list[Ref]
    issued: list[str] = Field(description="Ids of resolutions the actor issued")
    submitted: list[str] = Field(description="Ids of resolutions the actor submitted")


class Resolution(Open):
    id: str
    date: str | None = None
    title: str | None = None
    session: str | None = None
    place: str | None = None
    item: str | None = None
    document: str | None = None
    issuer: Ref | None = None


class ResolutionLink(Open):
    id: str
    date: str | None = None
    title: str | None = None


class ResolutionDetail(BaseModel):
    resolution: Resolution
    submitters: list[Ref]
    statements: list[Statement]
    references: list[dict[str, Any]] = Field(description="References as written in the text")
    refers_to: list[ResolutionLink] = Field(description="Loaded resolutions it refers to")
    referred_by: list[ResolutionLink]


class Request(Open):
    """An obligation (a request or task) with its status as of the asked date."""

    id: str | None = None
    kind: str | None = None
    status: str
    requester: Ref
    addressee: Ref
    deadline: str | None = None
    deadline_date: str | None = None
    resolution: str | None = None
    point: str | None = None
    sentence: str | None = None
    fulfilled_by: list[str] = []


class SearchHit(BaseModel):
    kind: str = Field(description="`node` (actor, matter, resolution) or `statement`")
    id: str | None
    name: str | None
    labels: list[str]
    level: str | None
    date: str | None
    predicate: str | None
    resolution: str | None
    sentence: str | None
    score: float


class Stats(BaseModel):
    labels: dict[str, int]
    relationships: dict[str, int]
    totals: dict[str, int]


class CypherRequest(BaseModel):
    """An analyst's read-only Cypher query and its parameters."""

    query: str = Field(min_length=1, max_length=20_000,
                       examples=["MATCH (a:Actor)-[r:REQUESTS]->(b) RETURN a.name, b.name"])
    params: dict[str, Any] = Field(default_factory=dict)
    timeout: float | None = Field(None, gt=0, description="Seconds; may only lower the limit")
    row_cap: int | None = Field(None, ge=1, description="Rows; may only lower the cap")


class CypherResult(BaseModel):
    columns: list[str]
    rows: list[list[Any]]
    truncated: bool = Field(description="True when the row cap cut the result short")


def statement(row: dict[str, Any]) -> Statement:
    """A statement from the `{rel, subject, object}` rows of `graph.queries`."""
    return Statement(**row["rel"], subject=row["subject"], object=row["object"])


class Initiative(Open):
    """An initiative with how much the graph holds about it and when it was spoken of."""

    id: str
    name: str | None = None
    statements: int = Field(description="Statements about it or a matter that concerns it")
    obligations: int = Field(description="Requests and tasks that concern it")
    resolutions: int = Field(description="Resolutions those come from")
    actors: int = Field(description="Actors that speak of it")
    first_date: str | None = Field(None, description="Date of the earliest such resolution")
    last_date: str | None = Field(None, description="Date of the latest such resolution")


class InitiativeDetail(BaseModel):
    initiative: Initiative
    matters: list[Ref] = Field(description="Matters that concern it")
    statements: list[Statement] = Field(description="One page of its statements, oldest first")
