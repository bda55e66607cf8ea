"""HTML pages: the interactive network page (`/graph`, `skg viz`).

Nodes and edges are assembled with pyvis; the page itself comes from our own Jinja template
because pyvis' template loads scripts from CDNs. The page is self-contained: vis-network is
inlined, a Content-Security-Policy forbids every network fetch, and no `http://` or
`https://` address appears in it. All text from the graph reaches the browser as JSON data
(with `<`, `>` and `&` escaped) and is shown as text, never parsed as HTML.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from pyvis.network import Network

from graph.queries import Subgraph
from ontology.model import load_ontology
from ontology.styles import legend, node_style
from viz.assets import vis_script, vis_style
from viz.i18n import Words
from viz.reduce import TOOLTIP_SENTENCES, Drawing, build_drawing

TEMPLATES = Path(__file__).with_name("templates")
GERMAN = Words("de")
LABEL_CHARS = 40

#: vis-network options: physics only until the layout is stable, then frozen by the page.
NETWORK_OPTIONS: dict[str, Any] = {
    "physics": {"enabled": True, "solver": "forceAtlas2Based",
                "stabilization": {"enabled": True, "iterations": 400, "updateInterval": 50,
                                  "fit": True}},
    "layout": {"randomSeed": 7},
    "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False},
    "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.6}}, "smooth": False,
              "font": {"size": 10, "align": "middle"}, "color": {"inherit": False}},
    "nodes": {"font": {"size": 14}, "widthConstraint": {"maximum": 140}},
}
#: From this many nodes on, a page trades layout polish for time (see `network_options`).
LARGE_GRAPH_NODES = 300


def network_options(node_count: int) -> dict[str, Any]:
    """vis-network options for a page of `node_count` nodes.

    Small pages keep ForceAtlas2 with 400 stabilisation iterations. Large ones skip
    vis-network's "improved layout" (a Kamada-Kawai pass over clusters that alone takes
    seconds at a thousand nodes), use the Barnes-Hut solver, and stop stabilising after
    fewer iterations the larger they are; the page freezes physics once stable either way.
    """
    options = json.loads(json.dumps(NETWORK_OPTIONS))
    if node_count < LARGE_GRAPH_NODES:
        return options
    iterations = max(40, min(200, 80_000 // node_count))
    options["layout"]["improvedLayout"] = False
    options["physics"] = {
        "enabled": True, "solver": "barnesHut",
        "barnesHut": {"theta": 0.9, "gravitationalConstant": -4000, "centralGravity": 0.4,
                      "springLength": 110, "springConstant": 0.05, "damping": 0.35,
                      "avoidOverlap": 0},
        "minVelocity": 2.0, "timestep": 0.6,
        "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 50,
                          "fit": True}}
    return options


@cache
def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(
        enabled_extensions=("html",), default_for_string=True, default=True))


def script_json(value: Any) -> str:
    """JSON that is safe inside a `<script>` element: no `<`, `>`, `&` or line separators."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


def _short(text: str | None, limit: int = LABEL_CHARS) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def node_tooltip(node: dict[str, Any], words: Words = GERMAN) -> str:
    """Plain-text tooltip of a node: name, id, level and class."""
    kind = words.kind(node.get("labels") or []) or words.t("graph.node")
    return "\n".join(filter(None, [node.get("name") or node["id"], f"id: {node['id']}",
                                   f"{kind}, {words.t('graph.level')} "
                                   f"{words.level(node.get('level'))}"]))


def edge_tooltip(edge: dict[str, Any], words: Words = GERMAN) -> str:
    """Plain-text tooltip of a (merged) edge: its sentences with resolution and point."""
    lines = [f"{words.predicate(edge['predicate'])} ({edge['predicate']}, "
             f"{words.t('graph.statements', n=edge['count'])})"]
    for st in edge["statements"][:TOOLTIP_SENTENCES]:
        where = st.get("resolution") or "?"
        if st.get("point"):
            where += ", " + words.t("res.point", p=st["point"])
        lines.append(f"• {_short(st.get('sentence'), 300)} [{where}]")
    if edge["count"] > TOOLTIP_SENTENCES:
        lines.append(words.t("search.more", n=edge["count"] - TOOLTIP_SENTENCES))
    return "\n".join(lines)


def network_data(drawing: Drawing, words: Words = GERMAN
                 ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """vis-network nodes and edges for a drawing, assembled with pyvis."""
    net = Network(directed=True, cdn_resources="remote")
    relations = load_ontology().relations
    for node in drawing.nodes:
        style = node_style(node.get("labels") or [])
        net.add_node(node["id"], label=_short(node.get("name") or node["id"]),
                     title=node_tooltip(node, words), color=style["color"], shape=style["shape"],
                     level_name=node.get("level") or "")
    for index, edge in enumerate(drawing.edges):
        rel = relations.get(edge["predicate"])
        label = words.predicate(edge["predicate"]) if rel else edge["predicate"]
        if edge["count"] > 1:
            label += f" ×{edge['count']}"
        net.add_edge(edge["source"], edge["target"], id=f"e{index}", label=label,
                     title=edge_tooltip(edge, words), width=min(1 + edge["count"], 8),
                     predicate=edge["predicate"], count=edge["count"])
    nodes, edges, *_ = net.get_network_data()
    return nodes, edges


def render_drawing(drawing: Drawing, title: str = "stakeholder-graph",
                   description: str = "", words: Words = GERMAN) -> str:
    """The self-contained HTML page of a drawing."""
    nodes, edges = network_data(drawing, words)
    data = {"nodes": nodes, "edges": edges, "options": network_options(len(nodes)),
            "stableLabel": words.t("graph.stable")}
    return _environment().get_template("graph.html").render(
        L=words, title=title, description=description, notices=drawing.notices, legend=legend(),
        node_count=len(nodes), edge_count=len(edges), total_nodes=drawing.total_nodes,
        total_statements=drawing.total_statements, data_json=script_json(data),
        vis_script=vis_script(), vis_style=vis_style())


def render_graph_page(subgraph: Subgraph, *, node_cap: int, keep: str | None = None,
                      title: str = "stakeholder-graph", description: str = "",
                      words: Words = GERMAN) -> str:
    """A subgraph as a page: reduced to `node_cap` nodes (keeping `keep`), then rendered."""
    return render_drawing(build_drawing(subgraph, node_cap, keep), title, description, words)


def build_page(graph: Any, node_cap: int, *, around: str | None = None, depth: int = 1,
               predicates: list[str] | None = None, resolution: str | None = None,
               date_from: str | None = None, date_to: str | None = None,
               level: str | None = None, words: Words = GERMAN) -> tuple[str, int]:
    """Query the subgraph and render its page; (html, nodes drawn). For `/graph` and
    `skg viz`; `graph` is a `graph.queries.Graph`, names are already checked."""
    from graph.queries import subgraph

    sub = subgraph(graph, around=around, depth=depth, predicates=predicates,
                   resolution=resolution, date_from=date_from, date_to=date_to, level=level,
                   node_cap=node_cap, merged=TOOLTIP_SENTENCES)
    drawing = build_drawing(sub, node_cap, keep=around)
    w = words
    parts = [w.t("graph.around", id=around, depth=depth) if around else w.t("graph.all"),
             w.t("graph.predicates", p=", ".join(map(w.predicate, predicates)))
             if predicates else "",
             w.t("graph.resolution", id=resolution) if resolution else "",
             w.t("graph.from", day=w.date(date_from)) if date_from else "",
             w.t("graph.to", day=w.date(date_to)) if date_to else "",
             w.t("graph.level_only", level=w.level(level)) if level else ""]
    page = render_drawing(drawing, title=w.t("graph.title"),
                          description="; ".join(p for p in parts if p), words=w)
    return page, len(drawing.nodes)
