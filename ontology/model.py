"""The ontology (`skg.ttl`) read once into typed, checked Python objects.

Everything else derives from here: Neo4j labels, relationship types, constraints and indexes,
property mappings for the RDF export, colours and shapes. Code refers to classes by key
(`"land"`), to relations by Neo4j type (`"REQUESTS"`), to properties by Neo4j name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import Node

ONTOLOGY_PATH = Path(__file__).with_name("skg.ttl")


class SKG(DefinedNamespace):
    """Terms of the stakeholder-graph ontology that Python code names directly."""
    _NS = Namespace("https://w3id.org/stakeholder-graph/ontology#")
    _fail = True
    key: URIRef
    colour: URIRef
    shape: URIRef
    level: URIRef
    legendOrder: URIRef
    uniqueKey: URIRef
    indexed: URIRef
    neo4jType: URIRef
    scored: URIRef
    neo4jProperty: URIRef
    usedOn: URIRef
    provenance: URIRef
    frames: URIRef
    Actor: URIRef
    Matter: URIRef
    Resolution: URIRef
    Statement: URIRef
    Passage: URIRef
    Obligation: URIRef
    statesAbout: URIRef
    inResolution: URIRef


class ELI(DefinedNamespace):
    """European Legislation Identifier terms used here."""
    _NS = Namespace("http://data.europa.eu/eli/ontology#")
    _fail = True
    LegalResource: URIRef
    passed_by: URIRef
    date_document: URIRef
    amends: URIRef


class CPOV(DefinedNamespace):
    """Core Public Organisation Vocabulary terms used here."""
    _NS = Namespace("http://data.europa.eu/m8g/")
    _fail = True
    PublicOrganisation: URIRef


SKGID = Namespace("https://w3id.org/stakeholder-graph/id/")

VIS_SHAPES = frozenset({
    "ellipse", "circle", "database", "box", "text", "diamond", "dot", "star", "triangle",
    "triangleDown", "hexagon", "square",
})
_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")


class InvalidOntology(ValueError):
    """The ontology file is inconsistent; the message names the offending term."""


@dataclass(frozen=True)
class OntClass:
    """A class; `label` is its Neo4j label (IRI local name). Style fields are inherited."""

    key: str
    iri: URIRef
    label: str
    parents: tuple[str, ...]
    colour: str | None
    shape: str | None
    level: str | None
    comment: str
    unique_key: str | None = None
    indexed: tuple[str, ...] = ()
    name: str = ""
    name_de: str = ""
    external_parents: tuple[URIRef, ...] = ()
    legend_order: int | None = None


@dataclass(frozen=True)
class Relation:
    """An object property that is a Neo4j relationship type. Domain/range are class keys."""

    neo4j_type: str
    iri: URIRef
    label: str
    label_de: str
    domain: tuple[str, ...]
    range: tuple[str, ...]
    scored: bool
    comment: str
    super_properties: tuple[URIRef, ...] = ()


@dataclass(frozen=True)
class Property:
    """A Neo4j node/relationship property and the RDF property that carries it.

    `datatype` is an XSD/RDF datatype IRI, or None when `target` names the class key of a
    node the value refers to by id. `allowed` lists the permitted values, if closed;
    `provenance` marks where-it-was-read properties (they go on a Passage in RDF).
    """

    name: str
    iri: URIRef
    datatype: URIRef | None
    target: str | None
    used_on: tuple[str, ...]
    label: str
    comment: str
    allowed: tuple[str, ...] = ()
    provenance: bool = False


@dataclass(frozen=True)
class Level:
    """Legend entry for one governance level."""

    level: str
    colour: str
    shape: str
    label: str
    label_de: str


@dataclass(frozen=True)
class Ontology:
    """Classes by key, relations by Neo4j type, and the property mappings."""

    classes: dict[str, OntClass]
    relations: dict[str, Relation]
    properties: tuple[Property, ...] = ()
    frames_file: str | None = None  # the German wordings of the relations (ontology/frames.py)

    def cls(self, key: str) -> OntClass:
        """The class with this key; KeyError names the key if unknown."""
        try:
            return self.classes[key]
        except KeyError:
            raise KeyError(f"unknown class key {key!r}") from None

    def label(self, key: str) -> str:
        """Neo4j label of the class with this key (`"land"` → `"Land"`)."""
        return self.cls(key).label

    def ancestors(self, key: str) -> list[str]:
        """Keys of the class and its ancestors, root first."""
        chain: list[str] = []
        current: str | None = key
        while current is not None:
            chain.insert(0, current)
            parents = self.cls(current).parents
            current = parents[0] if parents else None
        return chain

    def labels_for(self, key: str) -> list[str]:
        """Neo4j labels of a node of this class, root first (`["Actor", "Land"]`)."""
        return [self.classes[k].label for k in self.ancestors(key)]

    def is_a(self, key: str, ancestor: str) -> bool:
        return ancestor in self.ancestors(key)

    def relation_types(self) -> list[str]:
        return sorted(self.relations)

    def scored_predicates(self) -> set[str]:
        return {t for t, r in self.relations.items() if r.scored}

    def class_for_label(self, label: str) -> OntClass | None:
        """The class whose Neo4j label this is, or None."""
        return next((c for c in self.classes.values() if c.label == label), None)

    def most_specific(self, labels: list[str]) -> OntClass | None:
        """Of a node's labels, the deepest known class (`["Actor", "Land"]` → Land)."""
        known = [c for c in map(self.class_for_label, labels) if c is not None]
        return max(known, key=lambda c: len(self.ancestors(c.key)), default=None)

    def actor_levels(self) -> dict[str, Level]:
        """Level → colour, shape and label of the class that introduces it, for legends.

        Ordered by skg:legendOrder; covers the actor levels and those of matters
        (initiative, matter).
        """
        owners = [
            c for c in self.classes.values()
            if c.level and not any(self.classes[p].level == c.level for p in c.parents)
        ]
        owners.sort(key=lambda c: (c.legend_order is None, c.legend_order or 0, c.key))
        return {
            c.level: Level(c.level, c.colour or "", c.shape or "", c.name, c.name_de)
            for c in owners if c.level
        }

    def constraints(self) -> list[tuple[str, str]]:
        """(label, property) pairs that must be unique, as declared (not inherited)."""
        return sorted((c.label, c.unique_key) for c in self.classes.values() if c.unique_key)

    def indexes(self) -> list[tuple[str, str]]:
        """(label, property) pairs to index, as declared (not inherited)."""
        return sorted((c.label, p) for c in self.classes.values() for p in c.indexed)

    def properties_for(self, key: str) -> dict[str, Property]:
        """Properties a node of this class (or `"statement"`) may carry, by Neo4j name."""
        chain = set(self.ancestors(key))
        return {p.name: p for p in self.properties if chain.intersection(p.used_on)}


# ------------------------------------------------------------------ loading


def _text(g: Graph, s: Node, p: URIRef, lang: str | None = None) -> str:
    values = [o for o in g.objects(s, p) if isinstance(o, Literal)]
    if lang:
        values = [o for o in values if o.language == lang] or values
    return str(values[0]) if values else ""


def _local(iri: URIRef) -> str:
    return re.split(r"[#/]", str(iri))[-1]


def _members(g: Graph, node: Node) -> list[Node]:
    """A class expression as a list: a named class, or the members of an owl:unionOf."""
    union = g.value(node, OWL.unionOf)
    return list(Collection(g, union)) if union is not None else [node]


def _key_of(keys: dict[URIRef, str], iri: Node, where: str) -> str:
    if iri not in keys:
        raise InvalidOntology(f"{where}: {iri} is not a class with an skg:key")
    return keys[iri]


def parse_ontology(g: Graph) -> Ontology:
    """Build and check an `Ontology` from a parsed graph; raises `InvalidOntology`."""
    skg_ns = str(SKG._NS)
    keys: dict[URIRef, str] = {}
    for iri in sorted(set(g.subjects(RDF.type, OWL.Class))):
        if not isinstance(iri, URIRef) or not str(iri).startswith(skg_ns):
            continue
        key = _text(g, iri, SKG.key)
        if not key:
            raise InvalidOntology(f"class {_local(iri)} has no skg:key")
        if key in keys.values():
            raise InvalidOntology(f"skg:key {key!r} of {_local(iri)} is used twice")
        keys[iri] = key

    raw: dict[str, dict] = {}
    for iri, key in keys.items():
        parents, external = [], []
        for parent in g.objects(iri, RDFS.subClassOf):
            if str(parent).startswith(skg_ns):
                parents.append(_key_of(keys, parent, f"parent of {_local(iri)}"))
            elif isinstance(parent, URIRef):
                external.append(parent)
        if len(parents) > 1:
            raise InvalidOntology(f"class {_local(iri)} has several skg parents: {parents}")
        colour = _text(g, iri, SKG.colour) or None
        if colour and not _HEX.match(colour):
            raise InvalidOntology(f"class {_local(iri)}: colour {colour!r} is not #RRGGBB")
        shape = _text(g, iri, SKG.shape) or None
        if shape and shape not in VIS_SHAPES:
            raise InvalidOntology(f"class {_local(iri)}: unknown vis-network shape {shape!r}")
        raw[key] = dict(
            key=key, iri=iri, label=_local(iri), parents=tuple(parents), colour=colour,
            shape=shape, level=_text(g, iri, SKG.level) or None,
            comment=_text(g, iri, RDFS.comment, "en"),
            unique_key=_text(g, iri, SKG.uniqueKey) or None,
            indexed=tuple(sorted(str(o) for o in g.objects(iri, SKG.indexed))),
            name=_text(g, iri, RDFS.label, "en"), name_de=_text(g, iri, SKOS.prefLabel, "de"),
            external_parents=tuple(sorted(external)),
            legend_order=int(order) if (order := g.value(iri, SKG.legendOrder)) else None,
        )

    def inherited(key: str, attr: str, seen: tuple[str, ...] = ()) -> str | None:
        if key in seen:
            raise InvalidOntology(f"class {raw[key]['label']} is its own ancestor")
        data = raw[key]
        if data[attr] or not data["parents"]:
            return data[attr]
        return inherited(data["parents"][0], attr, seen + (key,))

    classes = {
        k: OntClass(**{**d, **{a: inherited(k, a) for a in ("colour", "shape", "level")}})
        for k, d in raw.items()
    }
    frames = next(g.objects(None, SKG.frames), None)
    ontology = Ontology(classes, _relations(g, keys), _properties(g, keys),
                        str(frames) if frames is not None else None)
    _check(ontology)
    return ontology


def _relations(g: Graph, keys: dict[URIRef, str]) -> dict[str, Relation]:
    relations: dict[str, Relation] = {}
    for iri in sorted(set(g.subjects(SKG.neo4jType, None))):
        assert isinstance(iri, URIRef)
        neo4j_type = _text(g, iri, SKG.neo4jType)
        name = f"{_local(iri)} ({neo4j_type})"
        if neo4j_type in relations:
            raise InvalidOntology(f"neo4jType {neo4j_type} of {name} is used twice")
        if not re.fullmatch(r"[A-Z][A-Z0-9_]*", neo4j_type):
            raise InvalidOntology(f"relation {name}: neo4jType {neo4j_type!r} is not UPPER_CASE")
        ends = {}
        for end, pred in (("domain", RDFS.domain), ("range", RDFS.range)):
            node = g.value(iri, pred)
            if node is None:
                raise InvalidOntology(f"relation {name} has no rdfs:{end}")
            ends[end] = tuple(_key_of(keys, m, f"{end} of {name}") for m in _members(g, node))
        scored = g.value(iri, SKG.scored)
        relations[neo4j_type] = Relation(
            neo4j_type=neo4j_type, iri=iri, label=_text(g, iri, RDFS.label, "en"),
            label_de=_text(g, iri, SKOS.prefLabel, "de"), domain=ends["domain"],
            range=ends["range"], scored=bool(scored is not None and scored.toPython() is True),
            comment=_text(g, iri, RDFS.comment, "en"),
            super_properties=tuple(sorted(
                p for p in g.objects(iri, RDFS.subPropertyOf) if isinstance(p, URIRef))),
        )
    return relations


def _properties(g: Graph, keys: dict[URIRef, str]) -> tuple[Property, ...]:
    props = []
    for iri in sorted(set(g.subjects(SKG.neo4jProperty, None))):
        assert isinstance(iri, URIRef)
        name = _text(g, iri, SKG.neo4jProperty)
        used_on = tuple(sorted(
            _key_of(keys, c, f"skg:usedOn of {_local(iri)}") for c in g.objects(iri, SKG.usedOn)))
        if not used_on:
            raise InvalidOntology(f"property {_local(iri)} ({name}) has no skg:usedOn")
        rng = g.value(iri, RDFS.range)
        if rng is None:
            raise InvalidOntology(f"property {_local(iri)} has no rdfs:range")
        datatype, target, allowed = None, None, ()
        if rng in keys:
            target = keys[rng]
        elif (rng, OWL.oneOf, None) in g:
            allowed = tuple(str(v) for v in Collection(g, g.value(rng, OWL.oneOf)))
            datatype = URIRef("http://www.w3.org/2001/XMLSchema#string")
        elif isinstance(rng, URIRef):
            datatype = rng
        provenance = g.value(iri, SKG.provenance)
        props.append(Property(name, iri, datatype, target, used_on,
                              _text(g, iri, RDFS.label, "en"), _text(g, iri, RDFS.comment, "en"),
                              allowed, bool(provenance is not None and provenance.toPython())))
    return tuple(props)


def _check(ont: Ontology) -> None:
    """Model-wide invariants that single terms cannot show."""
    for key, cls in ont.classes.items():
        if ont.is_a(key, "actor") and key != "actor" and not (cls.level and cls.colour):
            raise InvalidOntology(f"actor class {cls.label} has no skg:level or skg:colour")
        seen: dict[str, Property] = {}
        for prop in ont.properties:
            if not set(ont.ancestors(key)).intersection(prop.used_on):
                continue
            other = seen.setdefault(prop.name, prop)
            if other is not prop:
                raise InvalidOntology(
                    f"class {cls.label}: Neo4j property {prop.name!r} maps to both "
                    f"{other.iri} and {prop.iri}")
    colours: dict[str, str] = {}
    for level in ont.actor_levels().values():
        if colours.setdefault(level.colour.lower(), level.level) != level.level:
            raise InvalidOntology(f"levels {colours[level.colour.lower()]} and {level.level} "
                                  f"share colour {level.colour}")


def load_ontology_from(path: Path) -> Ontology:
    """Parse and check an ontology file (uncached; for tests and tools)."""
    try:
        g = Graph().parse(path, format="turtle")
    except Exception as exc:  # rdflib raises several parser types
        raise InvalidOntology(f"{path}: cannot parse Turtle: {exc}") from exc
    return parse_ontology(g)


@cache
def load_ontology() -> Ontology:
    """The project's ontology, parsed and checked once per process."""
    return load_ontology_from(ONTOLOGY_PATH)
