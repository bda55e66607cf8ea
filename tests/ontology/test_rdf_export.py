"""The RDF export of the DMK fixture conforms to the shapes; broken variants do not."""

from __future__ import annotations

import json
from typing import Any

import pytest
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import PROV, SH

from ontology.model import ELI, SKG, load_ontology
from ontology.rdf_export import ExportError, node_iri, to_graph, to_jsonld, to_turtle
from ontology.validate import SHAPES_PATH, validate

RES = "DMK/2024-10-18/top-7"  # the fixture resolution's id (conftest.py)

Fixture = tuple[list[dict[str, Any]], list[dict[str, Any]]]


def _messages(nodes: list[dict[str, Any]], rels: list[dict[str, Any]]) -> list[str]:
    report = validate(to_graph(nodes, rels))
    assert not report.conforms
    return [v.message for v in report.violations]


def _rel(rels: list[dict[str, Any]], rel_type: str, end: str) -> dict[str, Any]:
    return next(r for r in rels if r["type"] == rel_type and r["end"] == end)


@pytest.mark.parametrize("inference", ["none", "rdfs"])
def test_fixture_conforms(dmk_graph: Fixture, inference: str) -> None:
    """With and without RDFS entailment of the ontology: skg:inResolution, a sub-property of
    prov:wasDerivedFrom, then makes the resolution a source of each statement too."""
    graph = to_graph(*dmk_graph)
    report = validate(graph, inference=inference)
    assert report.conforms, str(report)
    assert "conforms" in str(report)
    if inference == "rdfs":
        assert validate(graph).conforms and len(to_graph(*dmk_graph)) == len(graph)


def test_direct_triples_and_standard_super_properties(dmk_graph: Fixture) -> None:
    g = to_graph(*dmk_graph)
    res, dmk = node_iri(RES), node_iri("DMK")
    assert (res, load_ontology().relations["ISSUED_BY"].iri, dmk) in g
    assert (res, ELI.passed_by, dmk) in g  # without a reasoner
    assert (dmk, SKG._NS["requests"], node_iri("BMK")) in g
    assert (res, ELI.date_document, Literal("2024-10-18", datatype=URIRef(
        "http://www.w3.org/2001/XMLSchema#date"))) in g
    assert (node_iri("DE-HE"), RDF.type, SKG._NS["Land"]) in g
    assert (node_iri("DE-HE"), RDF.type, SKG.Actor) in g


def test_scored_statement_is_reified_with_its_passage(dmk_graph: Fixture) -> None:
    g = to_graph(*dmk_graph)
    requests = SKG._NS["requests"]
    [statement] = [s for s in g.subjects(RDF.object, node_iri("BMK"))
                   if (s, RDF.predicate, requests) in g]
    assert (statement, RDF.type, SKG.Statement) in g
    assert (statement, RDF.subject, node_iri("DMK")) in g
    assert (statement, SKG.inResolution, node_iri(RES)) in g
    assert "Frühjahrs" in str(g.value(statement, SKG._NS["deadline"]))
    passage = g.value(statement, PROV.wasDerivedFrom)
    assert (passage, RDF.type, SKG.Passage) in g
    assert str(g.value(passage, SKG._NS["sentence"])).startswith("Die Digitalministerkonferenz")
    assert g.value(passage, SKG._NS["start"]).toPython() == 1320
    assert str(g.value(passage, SKG._NS["document"])) == "dmk-2024-10-18-top07.txt"
    assert str(g.value(statement, URIRef("http://purl.org/dc/terms/identifier"))) == f"{RES}#3"
    obligation = node_iri(f"{RES}/4/BMK")
    assert (obligation, SKG.inResolution, node_iri(RES)) in g


def test_unmodelled_properties_are_left_out(dmk_graph: Fixture) -> None:
    g = to_graph(*dmk_graph)
    assert not any("ignored search helper" in str(o) for o in g.objects())
    assert not any(str(p).endswith("resolution_date") for p in g.predicates())


def test_turtle_and_jsonld_round_trip(dmk_graph: Fixture) -> None:
    g = to_graph(*dmk_graph)
    from_turtle = Graph().parse(data=to_turtle(g), format="turtle")
    from_jsonld = Graph().parse(data=to_jsonld(g), format="json-ld")
    assert len(from_turtle) == len(g) == len(from_jsonld)
    assert json.loads(to_jsonld(g))["@context"]["skg"] == str(SKG._NS)


def test_statement_without_sentence_violates(dmk_graph: Fixture) -> None:
    nodes, rels = dmk_graph
    del _rel(rels, "REQUESTS", "BMK")["properties"]["sentence"]
    assert _messages(nodes, rels) == [
        "a statement's provenance (skg:Passage) has one non-empty sentence"]


@pytest.mark.parametrize("inference", ["none", "rdfs"])
def test_statement_without_any_provenance_violates(dmk_graph: Fixture, inference: str) -> None:
    """Its resolution alone (entailed as a prov:wasDerivedFrom source) is no passage."""
    nodes, rels = dmk_graph
    request = _rel(rels, "REQUESTS", "DE")
    for key in ("sentence", "start", "end", "point"):
        del request["properties"][key]
    report = validate(to_graph(nodes, rels), inference=inference)
    assert [v.message for v in report.violations] == [
        "a statement is derived from a passage (its provenance)"]


def test_resolution_without_issuer_and_with_german_date_violates(dmk_graph: Fixture) -> None:
    nodes, rels = dmk_graph
    rels = [r for r in rels if not (r["type"] == "ISSUED_BY" and r["start"] == RES)]
    next(n for n in nodes if n["properties"]["id"] == RES)["properties"]["date"] = "18.10.2024"
    report = validate(to_graph(nodes, rels))
    messages = {v.message for v in report.violations}
    assert "a resolution is passed by an actor (eli:passed_by, Neo4j ISSUED_BY)" in messages
    assert "a resolution has one date (eli:date_document) of type xsd:date" in messages
    assert all(v.focus.endswith("top-7>") for v in report.violations)
    assert "eli:passed_by" in str(report)


def test_obligation_without_requester_and_bad_status_violates(dmk_graph: Fixture) -> None:
    nodes, rels = dmk_graph
    rels = [r for r in rels if r["type"] != "REQUESTED_BY"]
    obligation = next(n for n in nodes if "Obligation" in n["labels"])
    obligation["properties"]["status"] = "erledigt"
    messages = _messages(nodes, rels)
    assert "an obligation is requested by an actor (REQUESTED_BY)" in messages
    assert any(m.startswith("an obligation's status, if stated, is one of") for m in messages)


def test_relation_with_wrong_end_violates_generated_shape(dmk_graph: Fixture) -> None:
    nodes, rels = dmk_graph
    rels.append({"type": "SUBMITS", "start": "matter/stufenplan-smarte-staedte-und-regionen",
                 "end": RES, "properties": {}})
    assert "the start of a SUBMITS relationship must be of class Actor" in _messages(nodes, rels)


def test_fulfilment_with_unknown_status_violates(dmk_graph: Fixture) -> None:
    nodes, rels = dmk_graph
    _rel(rels, "FULFILS", f"{RES}/4/BMK")["properties"]["status"] = "maybe"
    assert _messages(nodes, rels) == ["a FULFILS link is proposed, confirmed or rejected"]


def test_actor_without_name_violates(dmk_graph: Fixture) -> None:
    nodes, rels = dmk_graph
    del next(n for n in nodes if n["properties"]["id"] == "BMK")["properties"]["name"]
    assert "an actor has exactly one name (skos:prefLabel)" in _messages(nodes, rels)


@pytest.mark.parametrize(("node", "rel", "error"), [
    ({"labels": ["Spaceship"], "properties": {"id": "x"}}, None, "Spaceship"),
    (None, {"type": "LIKES", "start": "DMK", "end": "BMK"}, "LIKES"),
    (None, {"type": "REQUESTS", "start": "DMK", "end": "NOWHERE"}, "NOWHERE"),
])
def test_unmappable_input_raises(dmk_graph: Fixture, node: dict | None, rel: dict | None,
                                 error: str) -> None:
    nodes, rels = dmk_graph
    with pytest.raises(ExportError, match=error):
        to_graph(nodes + ([node] if node else []), rels + ([rel] if rel else []))


@pytest.mark.parametrize(("term", "key", "name"), [
    ("status", "obligation", "status"), ("fulfilmentStatus", "statement", "status"),
    ("decision", "fulfilment_decision", "decision")])
def test_closed_value_lists_in_shapes_match_the_ontology(term: str, key: str, name: str) -> None:
    shapes = Graph().parse(SHAPES_PATH, format="turtle")
    [shape] = list(shapes.subjects(SH.path, SKG._NS[term]))
    in_list = [str(v) for v in Collection(shapes, shapes.value(shape, SH["in"]))]
    assert tuple(in_list) == load_ontology().properties_for(key)[name].allowed


def test_obligation_status_matches_the_graph_layer() -> None:
    obligations = pytest.importorskip("graph.obligations")
    allowed = load_ontology().properties_for("obligation")["status"].allowed
    assert set(allowed) == set(obligations.STATUSES)
