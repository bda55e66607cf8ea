"""Service endpoints: health, counts and full-text search."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from api.deps import GraphDep
from api.errors import ApiError
from api.models import Health, Page, SearchHit, Stats
from api.params import Limit, Offset
from graph import queries

router = APIRouter()


@router.get("/health", response_model=Health, tags=["service"],
            responses={503: {"description": "Neo4j does not answer"}})
def health(graph: GraphDep) -> Health:
    """Whether Neo4j answers, and its version; 503 when it does not."""
    return Health(status="ok", neo4j=queries.server_info(graph))


@router.get("/stats", response_model=Stats, tags=["service"])
def stats(graph: GraphDep) -> Stats:
    """Number of nodes per label and relationships per type."""
    return Stats(**queries.counts(graph))


@router.get("/search", response_model=Page[SearchHit], tags=["service"])
def search(graph: GraphDep,
           q: Annotated[str, Query(min_length=1, max_length=200, description="Words to find")],
           kind: Annotated[Literal["names", "sentences"] | None,
                           Query(description="Only names/titles or only sentences")] = None,
           limit: Limit = 20, offset: Offset = 0) -> Page[SearchHit]:
    """Full-text search over names, aliases and titles, and over statement sentences.

    The text is taken literally: Lucene operators and special characters are escaped.
    """
    if not q.strip():
        raise ApiError(400, "the search text is empty")
    hits = queries.search(graph, q, kind=kind)
    return Page(total=len(hits), limit=limit, offset=offset, items=hits[offset:offset + limit])
