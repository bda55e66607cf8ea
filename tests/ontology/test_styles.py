"""Page styles and the Neo4j Browser stylesheet cover every level and type of the ontology."""

from __future__ import annotations

import re

from ontology.model import load_ontology
from ontology.styles import grass_stylesheet, legend, level_styles, node_style


def _grass_rules() -> dict[str, str]:
    return dict(re.findall(r"^((?:node|relationship)\.\w+) \{(.*?)\n\}", grass_stylesheet(),
                           flags=re.M | re.S))


def test_grass_names_every_actor_class_with_its_colour() -> None:
    ont = load_ontology()
    rules = _grass_rules()
    actor_classes = [c for c in ont.classes.values() if ont.is_a(c.key, "actor")]
    for cls in actor_classes:
        body = rules[f"node.{cls.label}"]
        assert f"color: {cls.colour};" in body
        assert "caption: '{name}';" in body
    levels = {c.level for c in actor_classes if c.level}
    assert levels == {"bund", "land", "kommune", "conference", "board", "ministry", "agency",
                      "association", "office"}


def test_grass_styles_matter_resolution_and_every_relationship_type() -> None:
    rules = _grass_rules()
    assert "node.Matter" in rules and "node.Initiative" in rules
    assert "caption: '{title}';" in rules["node.Resolution"]
    for rel_type in load_ontology().relation_types():
        assert f"caption: '{rel_type}';" in rules[f"relationship.{rel_type}"]


def test_subclass_rules_come_after_their_parents() -> None:
    css = grass_stylesheet()
    assert css.index("node.Kommune {") < css.index("node.Gemeinde {")
    assert css.index("node.Actor {") < css.index("node.Land {")


def test_pyvis_styles_and_legend_agree_with_the_ontology() -> None:
    styles = level_styles()
    assert styles["land"] == {"color": "#009E73", "shape": "hexagon"}
    assert [e.level for e in legend()] == list(styles)
    assert node_style(["Actor", "Kommune", "Gemeinde"]) == styles["kommune"]
    assert node_style(["SomethingElse"])["shape"] == "dot"
