"""Graph pages: offline, escaped, styled from the ontology, reduced to the node cap."""

from __future__ import annotations

import json
import re

from graph.queries import Subgraph
from ontology.model import load_ontology
from viz.pages import render_graph_page, script_json
from viz.reduce import build_drawing

XSS = "</script><script>window.skgPwned = true</script><img src=x onerror=alert(1)>"


def node(node_id: str, labels: list[str], level: str, name: str | None = None) -> dict:
    return {"id": node_id, "name": name or node_id, "labels": labels, "level": level}


def edge(source: str, target: str, predicate: str = "REQUESTS", sentence: str = "s") -> dict:
    return {"id": f"{source}-{target}-{sentence}", "source": source, "target": target,
            "predicate": predicate, "sentence": sentence, "resolution": "DMK/2024-10-18/top-7",
            "point": "1", "deadline": None}


def star(leaves: int) -> Subgraph:
    """A conference asking `leaves` Länder, plus a pair of minor nodes."""
    nodes = [node("DMK", ["Actor", "MinisterialConference"], "conference")]
    nodes += [node(f"L{i}", ["Actor", "Land"], "land") for i in range(leaves)]
    nodes += [node("x", ["Actor", "Office"], "office"), node("y", ["Matter"], "matter")]
    edges = [edge("DMK", f"L{i}") for i in range(leaves)] + [edge("x", "y", "WELCOMES")]
    return Subgraph(nodes=nodes, edges=edges)


def page_data(page: str) -> dict:
    match = re.search(r'<script id="skg-data" type="application/json">(.*?)</script>', page,
                      re.S)
    assert match
    return json.loads(match.group(1))


def test_page_has_no_web_address() -> None:
    page = render_graph_page(star(3), node_cap=100)
    assert not re.search(r"https?://", page, re.IGNORECASE)
    assert "vis.Network" in page and "stabilizationIterationsDone" in page
    assert "physics: false" in page and "window.skgNodeCount" in page


def test_colours_shapes_and_legend_from_ontology() -> None:
    levels = load_ontology().actor_levels()
    page = render_graph_page(star(2), node_cap=100)
    nodes = {n["id"]: n for n in page_data(page)["nodes"]}
    assert nodes["L0"]["color"] == levels["land"].colour
    assert nodes["L0"]["shape"] == levels["land"].shape
    assert nodes["DMK"]["color"] == levels["conference"].colour
    for level in levels.values():
        assert level.colour in page and level.label_de in page


def test_edges_labelled_by_predicate_with_sentence_tooltip() -> None:
    page = render_graph_page(star(1), node_cap=100)
    edges = page_data(page)["edges"]
    first = next(e for e in edges if e["from"] == "DMK")
    assert first["predicate"] == "REQUESTS" and first["label"]
    assert "DMK/2024-10-18/top-7" in first["title"] and "s [" in first["title"]


def test_everything_from_the_graph_is_escaped() -> None:
    sub = Subgraph(nodes=[node("a", ["Actor", "Land"], "land", XSS),
                          node("b", ["Actor", "Land"], "land")],
                   edges=[edge("a", "b", sentence=XSS)])
    page = render_graph_page(sub, node_cap=100, description=XSS)
    assert "<script>window.skgPwned" not in page
    assert "<img src=x" not in page
    assert page.count("</script>") == 3  # the data, vis-network and our script
    data = page_data(page)
    assert any(XSS in e["title"] for e in data["edges"])
    assert "<" not in script_json({"x": XSS})


def test_large_request_is_reduced_with_notice() -> None:
    sub = star(10)
    sub.edges += [edge("DMK", "L0", sentence="again"), edge("DMK", "L0", sentence="more")]
    drawing = build_drawing(sub, node_cap=5, keep="x")
    ids = {n["id"] for n in drawing.nodes}
    assert len(ids) == 5 and "DMK" in ids and "x" in ids
    merged = next(e for e in drawing.edges if (e["source"], e["target"]) == ("DMK", "L0"))
    assert merged["count"] == 3
    page = render_graph_page(sub, node_cap=5, keep="x")
    assert "die 5 am stärksten verbundenen von 13 Knoten" in page
    assert len(page_data(page)["nodes"]) == 5
    assert "×3" in next(e["label"] for e in page_data(page)["edges"] if e["count"] == 3)


def test_empty_subgraph_says_so() -> None:
    page = render_graph_page(Subgraph(), node_cap=10)
    assert "Keine Aussage passt" in page and page_data(page)["nodes"] == []
