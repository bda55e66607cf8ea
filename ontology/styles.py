"""Colours and shapes for pages (pyvis / vis-network) and the Neo4j Browser, from the ontology."""

from __future__ import annotations

from dataclasses import dataclass

from ontology.model import Ontology, load_ontology

FALLBACK_COLOUR = "#BBBBBB"
FALLBACK_SHAPE = "dot"


@dataclass(frozen=True)
class LegendEntry:
    level: str
    label: str
    label_de: str
    colour: str
    shape: str


def level_styles(ontology: Ontology | None = None) -> dict[str, dict[str, str]]:
    """vis-network node options per level: `{"land": {"color": "#009E73", "shape": "hexagon"}}`."""
    ont = ontology or load_ontology()
    return {lv.level: {"color": lv.colour, "shape": lv.shape} for lv in ont.actor_levels().values()}


def node_style(labels: list[str], ontology: Ontology | None = None) -> dict[str, str]:
    """vis-network `color`/`shape` for a node with these Neo4j labels (most specific class)."""
    ont = ontology or load_ontology()
    cls = ont.most_specific(labels)
    if cls is None:
        return {"color": FALLBACK_COLOUR, "shape": FALLBACK_SHAPE}
    return {"color": cls.colour or FALLBACK_COLOUR, "shape": cls.shape or FALLBACK_SHAPE}


def legend(ontology: Ontology | None = None) -> list[LegendEntry]:
    """One entry per level, in legend order (bund, land, kommune, … initiative, matter)."""
    ont = ontology or load_ontology()
    return [LegendEntry(lv.level, lv.label, lv.label_de, lv.colour, lv.shape)
            for lv in ont.actor_levels().values()]


# vis-network shapes mapped to the diameters the Browser uses; the Browser draws only circles,
# so a shape becomes a size to keep the hierarchy readable.
_GRASS_DIAMETER = {"star": "65px", "hexagon": "60px", "diamond": "55px", "square": "50px"}


def _caption_property(ont: Ontology, key: str) -> str:
    props = ont.properties_for(key)
    for name in ("name", "title", "id"):
        if name in props:
            return name
    return "id"


def grass_stylesheet(ontology: Ontology | None = None) -> str:
    """A Neo4j Browser GraSS stylesheet (`:style` command / drag-and-drop file).

    One rule per class with a colour (every actor class, Matter, Initiative, Resolution, …),
    more specific classes after their parents so they win, and one caption rule per
    relationship type.
    """
    ont = ontology or load_ontology()
    rules = ["node {\n  diameter: 40px;\n  color: #BBBBBB;\n  border-color: #777777;\n"
             "  text-color-internal: #000000;\n  caption: '{id}';\n}"]
    styled = [c for c in ont.classes.values() if c.colour]
    styled.sort(key=lambda c: (len(ont.ancestors(c.key)), c.label))
    for cls in styled:
        colour = cls.colour or FALLBACK_COLOUR
        text = "#FFFFFF" if _is_dark(colour) else "#000000"
        diameter = _GRASS_DIAMETER.get(cls.shape or "", "45px")
        rules.append(
            f"node.{cls.label} {{\n  color: {colour};\n  border-color: {_darker(colour)};\n"
            f"  text-color-internal: {text};\n  diameter: {diameter};\n"
            f"  caption: '{{{_caption_property(ont, cls.key)}}}';\n}}")
    rules.append("relationship {\n  color: #A5ABB6;\n  shaft-width: 1px;\n  caption: '<type>';\n}")
    for rel in sorted(ont.relations.values(), key=lambda r: r.neo4j_type):
        width = "3px" if rel.scored else "1px"
        rules.append(f"relationship.{rel.neo4j_type} {{\n  shaft-width: {width};\n"
                     f"  caption: '{rel.neo4j_type}';\n}}")
    return "\n\n".join(rules) + "\n"


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _is_dark(colour: str) -> bool:
    r, g, b = _rgb(colour)
    return 0.299 * r + 0.587 * g + 0.114 * b < 140


def _darker(colour: str) -> str:
    return "#" + "".join(f"{int(c * 0.7):02X}" for c in _rgb(colour))
