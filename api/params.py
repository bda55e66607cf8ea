"""Bounded query parameters shared by the listing endpoints."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import Query

Limit = Annotated[int, Query(ge=1, le=500, description="Items per page")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Items to skip")]
DateFrom = Annotated[date | None, Query(alias="from", description="On or after (ISO date)")]
DateTo = Annotated[date | None, Query(alias="to", description="On or before (ISO date)")]
Id = Annotated[str | None, Query(max_length=300)]


def iso(day: date | None) -> str | None:
    """An optional date as the ISO string the graph stores."""
    return day.isoformat() if day else None
