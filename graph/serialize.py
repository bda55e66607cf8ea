"""Neo4j values (nodes, relationships, paths, temporal types) as plain JSON values.

Analysts' results and API answers share these shapes: a node is
`{"id", "labels", "properties"}`, a relationship `{"id", "type", "start", "end",
"properties"}`, a path `{"nodes", "relationships"}`; dates and times become ISO strings.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from typing import Any

from neo4j.graph import Node, Path, Relationship
from neo4j.spatial import Point
from neo4j.time import Date, DateTime, Duration, Time


def to_json(value: Any) -> Any:
    """Convert one value returned by the driver into JSON-serialisable data."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, Node):
        return node_json(value)
    if isinstance(value, Relationship):
        return relationship_json(value)
    if isinstance(value, Path):
        return {"nodes": [node_json(n) for n in value.nodes],
                "relationships": [relationship_json(r) for r in value.relationships]}
    if isinstance(value, Date | DateTime | Time | date | datetime | time):
        return value.isoformat()
    if isinstance(value, Duration | timedelta):
        return str(value.iso_format() if isinstance(value, Duration) else value)
    if isinstance(value, Point):
        return {"srid": value.srid, "coordinates": list(value)}
    if isinstance(value, bytes | bytearray):
        return value.hex()
    if isinstance(value, Mapping):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [to_json(v) for v in value]
    return str(value)


def properties_json(entity: Node | Relationship | Mapping[str, Any]) -> dict[str, Any]:
    """The properties of a node or relationship (or a plain mapping), JSON-ready."""
    items = entity.items() if hasattr(entity, "items") else dict(entity).items()
    return {key: to_json(val) for key, val in sorted(items)}


def node_json(node: Node) -> dict[str, Any]:
    """`{"id": elementId, "labels": [...], "properties": {...}}`."""
    return {"id": node.element_id, "labels": sorted(node.labels),
            "properties": properties_json(node)}


def relationship_json(rel: Relationship) -> dict[str, Any]:
    """`{"id", "type", "start", "end", "properties"}` with element ids of the ends."""
    start = rel.start_node.element_id if rel.start_node is not None else None
    end = rel.end_node.element_id if rel.end_node is not None else None
    return {"id": rel.element_id, "type": rel.type, "start": start, "end": end,
            "properties": properties_json(rel)}
