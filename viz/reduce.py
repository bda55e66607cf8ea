"""From a subgraph to what a page draws: at most `node_cap` nodes, parallel edges merged.

A larger subgraph keeps its most connected nodes (top-k by degree; the centre node always
stays) and the edges between them; statements with the same subject, predicate and object
become one edge that carries their count, so the page stays readable and fast.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from graph.queries import Subgraph

#: Sentences quoted in an edge's tooltip before "… and N more".
TOOLTIP_SENTENCES = 5


@dataclass(frozen=True)
class Notice:
    """A notice of the page: a key of `viz/texts.json` and the values it names."""

    key: str
    values: dict[str, Any] = field(default_factory=dict)


@dataclass
class Drawing:
    """Nodes and merged edges to draw, and notices that explain any reduction."""

    nodes: list[dict[str, Any]] = field(default_factory=list)
    edges: list[dict[str, Any]] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    total_nodes: int = 0
    total_statements: int = 0


def top_nodes(subgraph: Subgraph, node_cap: int, keep: str | None = None) -> set[str]:
    """Ids of the `node_cap` nodes with the highest degree (ties by id); `keep` stays."""
    degree: Counter[str] = Counter()
    for node in subgraph.nodes:
        degree[node["id"]] += 0
    for edge in subgraph.edges:
        degree[edge["source"]] += statement_count(edge)
        degree[edge["target"]] += statement_count(edge)
    ranked = sorted(degree, key=lambda i: (i != keep, -degree[i], i))
    return set(ranked[:max(node_cap, 1)])


def statement_count(edge: dict[str, Any]) -> int:
    """Statements behind an edge: one, or `count` for an edge merged by the query."""
    return edge.get("count", 1)


def merge_edges(edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One edge per (source, predicate, target) with `count` and the statements behind it
    (edges the query merged already bring their `count` and first statements)."""
    merged: dict[tuple[str, str, str], dict[str, Any]] = {}
    for edge in edges:
        key = (edge["source"], edge["predicate"], edge["target"])
        entry = merged.setdefault(key, {"source": edge["source"], "target": edge["target"],
                                        "predicate": edge["predicate"], "count": 0,
                                        "statements": []})
        entry["count"] += statement_count(edge)
        entry["statements"].extend(edge["statements"] if "count" in edge else [edge])
    return list(merged.values())


def build_drawing(subgraph: Subgraph, node_cap: int, keep: str | None = None) -> Drawing:
    """The nodes and merged edges a page draws, reduced to `node_cap` nodes if needed."""
    total_nodes, total_statements = subgraph.reduced_from or (
        len(subgraph.nodes), sum(map(statement_count, subgraph.edges)))
    drawing = Drawing(total_nodes=total_nodes, total_statements=total_statements)
    kept = {n["id"] for n in subgraph.nodes}
    if len(kept) > node_cap:
        kept = top_nodes(subgraph, node_cap, keep)
    if len(kept) < total_nodes:  # reduced here or, before any edge was fetched, by the query
        drawing.notices.append(Notice("graph.notice.reduced", {
            "kept": len(kept), "total": total_nodes}))
    drawing.nodes = [n for n in subgraph.nodes if n["id"] in kept]
    edges = [e for e in subgraph.edges if e["source"] in kept and e["target"] in kept]
    drawing.edges = merge_edges(edges)
    merged = sum(map(statement_count, edges)) - len(drawing.edges)
    if merged:
        drawing.notices.append(Notice("graph.notice.merged", {"n": merged}))
    if subgraph.truncated:
        drawing.notices.append(Notice("graph.notice.truncated"))
    if not subgraph.nodes:
        drawing.notices.append(Notice("graph.notice.empty"))
    return drawing
