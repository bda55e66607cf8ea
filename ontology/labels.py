"""Labels of the ontology's terms in German and English, for pages and legends.

Classes and relations carry `skos:prefLabel@de` and `rdfs:label@en` (read by
`ontology.model`); the values of an obligation's status are SKOS concepts of
`skg:ObligationStatus`, read here.
"""

from __future__ import annotations

from functools import cache

from rdflib import RDFS, SKOS, Graph, Literal, URIRef

from ontology.model import ONTOLOGY_PATH, load_ontology

SKG_NS = "https://w3id.org/stakeholder-graph/ontology#"


def _literal(g: Graph, subject: URIRef, predicate: URIRef, lang: str) -> str:
    values = [o for o in g.objects(subject, predicate)
              if isinstance(o, Literal) and o.language == lang]
    return str(values[0]) if values else ""


@cache
def status_labels() -> dict[str, dict[str, str]]:
    """`{"overdue": {"de": "überfällig", "en": "overdue"}, …}` from the status scheme."""
    g = Graph().parse(ONTOLOGY_PATH, format="turtle")
    scheme = URIRef(SKG_NS + "ObligationStatus")
    labels: dict[str, dict[str, str]] = {}
    for concept in g.subjects(SKOS.inScheme, scheme):
        assert isinstance(concept, URIRef)
        notation = str(g.value(concept, SKOS.notation))
        labels[notation] = {"de": _literal(g, concept, SKOS.prefLabel, "de"),
                            "en": _literal(g, concept, RDFS.label, "en")}
    return labels


def predicate_label(predicate: str, lang: str) -> str:
    """A relation's label ("bittet" / "requests"); its type when the ontology has none."""
    rel = load_ontology().relations.get(predicate)
    if rel is None:
        return predicate
    return (rel.label_de if lang == "de" else rel.label) or rel.label or predicate


def predicate_colour(predicate: str) -> str:
    """A relation's colour (`skg:colour`), grey when it has none."""
    rel = load_ontology().relations.get(predicate)
    return (rel.colour if rel else None) or "#BBBBBB"


def status_label(status: str | None, lang: str) -> str:
    """An obligation status in the language ("überfällig" / "overdue")."""
    if not status:
        return "–"
    return status_labels().get(status, {}).get(lang) or status


def level_label(level: str | None, lang: str) -> str:
    """A governance level's label ("Kommune" / "Municipal authority")."""
    if not level:
        return "–"
    found = load_ontology().actor_levels().get(level)
    if found is None:
        return level
    return found.label_de if lang == "de" else found.label


def class_label(labels: list[str], lang: str) -> str:
    """The label of a node's most specific class ("Fachministerkonferenz")."""
    cls = load_ontology().most_specific(labels or [])
    if cls is None:
        return ""
    return (cls.name_de if lang == "de" else cls.name) or cls.name or cls.label
