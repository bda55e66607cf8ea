"""Turn a plain description of the Neo4j graph into RDF, mapped entirely through the ontology.

Input: nodes `{"labels": [...], "properties": {...}}` (identified by their `id` property) and
relationships `{"type": "REQUESTS", "start": id, "end": id, "properties": {...}}`.
Every relationship becomes its direct triple (plus the super-properties it declares, so that
e.g. ISSUED_BY also states `eli:passed_by` without a reasoner). A scored statement is also
reified as an `skg:Statement` derived (`prov:wasDerivedFrom`) from an `skg:Passage` holding
the properties the ontology marks `skg:provenance` (sentence, offsets, point, document);
other relationships with properties are reified as plain `rdf:Statement`s.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any
from urllib.parse import quote

from rdflib import DCTERMS, ORG, PROV, RDF, SKOS, XSD, Graph, Literal, URIRef

from ontology.model import CPOV, ELI, SKG, SKGID, Ontology, Property, load_ontology

PREFIXES = {"skg": SKG._NS, "skgid": SKGID, "eli": ELI._NS, "cpov": CPOV._NS, "org": ORG,
            "prov": PROV, "skos": SKOS, "dcterms": DCTERMS}


class ExportError(ValueError):
    """Input that the ontology cannot map (unknown label or type, dangling id)."""


def node_iri(node_id: str) -> URIRef:
    """IRI of a node in the SKGID namespace (`DE-HE` → `…/id/DE-HE`)."""
    return SKGID[quote(str(node_id), safe="-._~/")]


def _values(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, (list, tuple, set, frozenset)):
        return [v for v in value if v is not None and v != ""]
    return [] if value == "" else [value]


def _literal(prop: Property, value: Any) -> Literal:
    datatype = prop.datatype
    if datatype == RDF.langString:
        return Literal(str(value), lang="de")
    if datatype in (XSD.date, XSD.dateTime):
        text = value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else str(value)
        if hasattr(value, "iso_format"):  # neo4j.time.Date / DateTime
            text = value.iso_format()
        return Literal(text, datatype=datatype)
    if datatype == XSD.integer:
        return Literal(int(value), datatype=XSD.integer)
    if datatype == XSD.decimal:
        return Literal(Decimal(str(value)), datatype=XSD.decimal)
    if datatype == XSD.string:
        return Literal(str(value))  # a plain literal is xsd:string in RDF 1.1; keeps Turtle terse
    return Literal(str(value), datatype=datatype)


class _Exporter:
    def __init__(self, ont: Ontology) -> None:
        self.ont = ont
        self.g = Graph()
        for prefix, ns in PREFIXES.items():
            self.g.bind(prefix, ns)
        self.documents: dict[str, str] = {}  # resolution id → document

    def _put(self, subject: URIRef, prop: Property, value: Any) -> None:
        for v in _values(value):
            obj = node_iri(v) if prop.target else _literal(prop, v)
            self.g.add((subject, prop.iri, obj))

    def add_node(self, node: Mapping[str, Any]) -> str:
        labels = list(node.get("labels", []))
        props = dict(node.get("properties", {}))
        cls = self.ont.most_specific(labels)
        if cls is None:
            raise ExportError(f"node with labels {labels} has no class in the ontology")
        node_id = props.get("id")
        if not node_id:
            raise ExportError(f"{cls.label} node without an id: {props}")
        subject = node_iri(node_id)
        for key in self.ont.ancestors(cls.key):
            ancestor = self.ont.classes[key]
            self.g.add((subject, RDF.type, ancestor.iri))
            for external in ancestor.external_parents:
                self.g.add((subject, RDF.type, external))
        mapping = self.ont.properties_for(cls.key)
        for name, value in props.items():
            if name in mapping:  # other properties (search helpers) are not part of the model
                self._put(subject, mapping[name], value)
        if cls.key == "resolution" and props.get("document"):
            self.documents[str(node_id)] = str(props["document"])
        return str(node_id)

    def add_relationship(self, rel: Mapping[str, Any], known: set[str]) -> None:
        rel_type = rel.get("type")
        relation = self.ont.relations.get(str(rel_type))
        if relation is None:
            raise ExportError(f"relationship type {rel_type!r} is not in the ontology")
        for end in ("start", "end"):
            if str(rel.get(end)) not in known:
                raise ExportError(f"{rel_type}: {end} node {rel.get(end)!r} is not among the nodes")
        start, end = node_iri(rel["start"]), node_iri(rel["end"])
        for predicate in (relation.iri, *relation.super_properties):
            if predicate != SKG.statesAbout:
                self.g.add((start, predicate, end))
        props = {k: v for k, v in dict(rel.get("properties", {})).items() if _values(v)}
        if not relation.scored and not props:
            return
        digest = hashlib.sha1(
            repr((rel_type, rel["start"], rel["end"], sorted(props.items(), key=str))).encode()
        ).hexdigest()[:16]
        statement = SKGID[f"statement/{digest}"]
        self.g.add((statement, RDF.type, RDF.Statement))
        self.g.add((statement, RDF.subject, start))
        self.g.add((statement, RDF.predicate, relation.iri))
        self.g.add((statement, RDF.object, end))
        mapping = self.ont.properties_for("statement")
        on_passage = {n: v for n, v in props.items() if n in mapping and mapping[n].provenance}
        for name, value in props.items():
            if name in mapping and name not in on_passage:
                self._put(statement, mapping[name], value)
        if not relation.scored:
            return
        self.g.add((statement, RDF.type, SKG.Statement))
        if not on_passage:
            return  # no provenance: the shapes report it
        passage = SKGID[f"passage/{digest}"]
        passage_props = self.ont.properties_for("passage")
        self.g.add((passage, RDF.type, SKG.Passage))
        self.g.add((passage, RDF.type, PROV.Entity))
        self.g.add((statement, PROV.wasDerivedFrom, passage))
        for name, value in on_passage.items():
            self._put(passage, passage_props[name], value)
        document = self.documents.get(str(props.get("resolution")))
        if document and "document" not in on_passage:
            self._put(passage, passage_props["document"], document)


def to_graph(nodes: Iterable[Mapping[str, Any]], relationships: Iterable[Mapping[str, Any]],
             ontology: Ontology | None = None) -> Graph:
    """RDF for the given nodes and relationships; raises `ExportError` on unmappable input."""
    exporter = _Exporter(ontology or load_ontology())
    known = {exporter.add_node(node) for node in nodes}
    for rel in relationships:
        exporter.add_relationship(rel, known)
    return exporter.g


def to_turtle(graph: Graph) -> str:
    return graph.serialize(format="turtle")


def to_jsonld(graph: Graph) -> str:
    """JSON-LD with the project's prefixes as context."""
    context = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    return graph.serialize(format="json-ld", context=context, indent=2)
