"""Check an exported graph against `shapes.ttl` plus domain/range shapes from the ontology."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from pyshacl import validate as shacl_validate
from rdflib import RDF, SH, BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from ontology.model import ONTOLOGY_PATH, Ontology, load_ontology

SHAPES_PATH = Path(__file__).with_name("shapes.ttl")
SKGSH = Namespace("https://w3id.org/stakeholder-graph/shapes#")


@dataclass(frozen=True)
class Violation:
    """One failed constraint: the node, the property path (if any) and why."""

    focus: str
    path: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.focus} {self.path}" if self.path else self.focus
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool
    violations: list[Violation] = field(default_factory=list)

    def __str__(self) -> str:
        if self.conforms:
            return "The graph conforms to the stakeholder-graph shapes."
        lines = [f"The graph does not conform: {len(self.violations)} violation(s)."]
        lines += [f"- {v}" for v in self.violations]
        return "\n".join(lines)


def _class_constraint(g: Graph, shape: Node, keys: tuple[str, ...], ont: Ontology) -> None:
    """`sh:class` for one class, `sh:or` of `sh:class` for a union."""
    iris = [ont.classes[k].iri for k in keys]
    if len(iris) == 1:
        g.add((shape, SH["class"], iris[0]))
        return
    alternatives = []
    for iri in iris:
        alt = BNode()
        g.add((alt, SH["class"], iri))
        alternatives.append(alt)
    head = BNode()
    Collection(g, head, alternatives)
    g.add((shape, SH["or"], head))


def relation_shapes(ont: Ontology) -> Graph:
    """Shapes that check the domain and range of every relation, generated from the ontology."""
    g = Graph()
    g.bind("sh", SH)
    g.bind("skgsh", SKGSH)
    for rel in ont.relations.values():
        names = {"domain": " or ".join(ont.label(k) for k in rel.domain),
                 "range": " or ".join(ont.label(k) for k in rel.range)}
        for end, target, keys in (("domain", SH.targetSubjectsOf, rel.domain),
                                  ("range", SH.targetObjectsOf, rel.range)):
            shape = SKGSH[f"{rel.neo4j_type}_{end}"]
            g.add((shape, RDF.type, SH.NodeShape))
            g.add((shape, target, rel.iri))
            _class_constraint(g, shape, keys, ont)
            side = "start" if end == "domain" else "end"
            message = f"the {side} of a {rel.neo4j_type} relationship must be of class {names[end]}"
            g.add((shape, SH.message, Literal(message)))
    return g


@cache
def shapes_graph() -> Graph:
    """`shapes.ttl` together with the generated relation shapes."""
    g = Graph().parse(SHAPES_PATH, format="turtle")
    g += relation_shapes(load_ontology())
    return g


def _short(g: Graph, node: Node | None) -> str | None:
    if node is None:
        return None
    if isinstance(node, URIRef):
        return node.n3(g.namespace_manager)
    return str(node)


@cache
def ontology_graph() -> Graph:
    """The ontology's triples, whose entailments `validate(…, inference="rdfs")` adds."""
    return Graph().parse(ONTOLOGY_PATH, format="turtle")


def validate(graph: Graph, inference: str = "none") -> ValidationReport:
    """Validate an exported graph.

    Without inference (the default: the export states types and super-properties itself), or
    with `inference="rdfs"`, as an RDF consumer that reasons would: the ontology's
    sub-classes, sub-properties, domains and ranges are entailed first. The export conforms
    either way.
    """
    conforms, results, _ = shacl_validate(
        graph, shacl_graph=shapes_graph(), inference=inference, allow_warnings=True,
        ont_graph=ontology_graph() if inference != "none" else None)
    violations = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        violations.append(Violation(
            focus=_short(graph, results.value(result, SH.focusNode)) or "?",
            path=_short(graph, results.value(result, SH.resultPath)),
            message=str(results.value(result, SH.resultMessage) or "constraint violated"),
        ))
    violations.sort(key=lambda v: (v.focus, v.path or "", v.message))
    return ValidationReport(conforms=bool(conforms), violations=violations)
