"""The ontology file parses, holds the contract the other folders code against, and is checked."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import OWL, RDF, Graph, URIRef

from ontology.model import (
    CPOV,
    ELI,
    ONTOLOGY_PATH,
    SKG,
    InvalidOntology,
    load_ontology,
    load_ontology_from,
)

CORPUS_README = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "README.md"

# The class contract of issue 3: key → (Neo4j label, parent key).
CONTRACT = {
    "actor": ("Actor", None), "bund": ("Bund", "actor"), "land": ("Land", "actor"),
    "kommune": ("Kommune", "actor"), "gemeinde": ("Gemeinde", "kommune"),
    "kreis": ("Kreis", "kommune"), "ministry": ("Ministry", "actor"),
    "federal_ministry": ("FederalMinistry", "ministry"),
    "land_ministry": ("LandMinistry", "ministry"),
    "conference": ("MinisterialConference", "actor"), "committee": ("Committee", "actor"),
    "agency": ("PublicBody", "actor"), "association": ("Association", "actor"),
    "office": ("Office", "actor"), "matter": ("Matter", None),
    "initiative": ("Initiative", "matter"), "resolution": ("Resolution", None),
    "sitting": ("Sitting", None), "agenda_item": ("AgendaItem", None),
    "attachment": ("Attachment", None), "obligation": ("Obligation", None),
    "passage": ("Passage", None), "extraction_run": ("ExtractionRun", None),
    "fulfilment_decision": ("FulfilmentDecision", None),
}


def test_ontology_is_valid_turtle_with_owl_classes() -> None:
    g = Graph().parse(ONTOLOGY_PATH, format="turtle")
    assert (SKG.Actor, RDF.type, OWL.Class) in g
    assert (SKG.statesAbout, RDF.type, OWL.ObjectProperty) in g


@pytest.mark.parametrize(("key", "expected"), CONTRACT.items())
def test_class_contract(key: str, expected: tuple[str, str | None]) -> None:
    label, parent = expected
    cls = load_ontology().classes[key]
    assert cls.label == label
    assert cls.parents == ((parent,) if parent else ())


def test_labels_for_lists_ancestors_root_first() -> None:
    ont = load_ontology()
    assert ont.labels_for("federal_ministry") == ["Actor", "Ministry", "FederalMinistry"]
    assert ont.labels_for("gemeinde") == ["Actor", "Kommune", "Gemeinde"]
    assert ont.labels_for("resolution") == ["Resolution"]
    assert ont.label("agency") == "PublicBody"
    with pytest.raises(KeyError, match="nosuchclass"):
        ont.label("nosuchclass")


def test_class_for_label_and_most_specific() -> None:
    ont = load_ontology()
    assert ont.class_for_label("Land").key == "land"
    assert ont.class_for_label("Nope") is None
    assert ont.most_specific(["Actor", "Ministry", "FederalMinistry"]).key == "federal_ministry"


def test_styles_are_inherited_and_actor_levels_distinct() -> None:
    ont = load_ontology()
    assert ont.classes["gemeinde"].colour == ont.classes["kommune"].colour
    assert ont.classes["federal_ministry"].level == "ministry"
    levels = ont.actor_levels()
    assert list(levels) == ["bund", "land", "kommune", "conference", "board", "ministry",
                            "agency", "association", "office", "initiative", "matter"]
    colours = [lv.colour.lower() for lv in levels.values()]
    assert len(set(colours)) == len(colours)
    assert all(re.fullmatch(r"#[0-9a-f]{6}", c) for c in colours)


def test_scored_predicates_match_the_corpus_readme() -> None:
    if not CORPUS_README.exists():
        pytest.skip(f"{CORPUS_README} not available")
    table = re.findall(r"^\| ([A-Z_]+) \|", CORPUS_README.read_text(), flags=re.M)
    assert table, "no predicate table found in the corpus README"
    assert load_ontology().scored_predicates() == set(table)


def test_relations_have_labels_and_defined_ends() -> None:
    ont = load_ontology()
    for rel in ont.relations.values():
        assert rel.label and rel.label_de and rel.comment, rel.neo4j_type
        assert all(k in ont.classes for k in rel.domain + rel.range), rel.neo4j_type
    assert ont.relations["REQUESTS"].range == ("actor", "matter")
    assert ont.relations["ISSUED_BY"].domain == ("resolution",)
    assert ELI.passed_by in ont.relations["ISSUED_BY"].super_properties
    for name in ("SUBMITS", "ISSUED_BY", "MEMBER_OF", "PART_OF", "SUCCEEDED_BY", "REFERS_TO",
                 "AMENDS", "FULFILS", "CONCERNS", "ADDRESSED_TO", "REQUESTED_BY",
                 "HAS_ATTACHMENT"):
        assert not ont.relations[name].scored


def test_constraints_and_indexes_come_from_declarations() -> None:
    ont = load_ontology()
    constraints = ont.constraints()
    assert ("Actor", "id") in constraints and ("Resolution", "id") in constraints
    assert ("Land", "id") not in constraints  # covered by :Actor(id)
    assert ("Actor", "name") in ont.indexes() and ("Resolution", "date") in ont.indexes()


def test_property_mapping_depends_on_the_class() -> None:
    ont = load_ontology()
    assert ont.properties_for("resolution")["date"].iri == ELI.date_document
    assert ont.properties_for("statement")["date"].iri == SKG._NS["statementDate"]
    assert ont.properties_for("land")["name"].iri.endswith("prefLabel")
    assert ont.properties_for("obligation")["status"].allowed[0] == "open"


def test_defined_namespace_terms_exist_in_the_ontology() -> None:
    g = Graph().parse(ONTOLOGY_PATH, format="turtle")
    subjects = set(g.subjects())
    terms = list(SKG.__annotations__)
    assert "Actor" in terms
    missing = [t for t in terms if SKG[t] not in subjects]
    assert not missing
    with pytest.raises(AttributeError):
        _ = SKG.Actr  # a typo raises instead of minting an IRI
    assert str(CPOV.PublicOrganisation).startswith("http://data.europa.eu/m8g/")


def test_gazetteer_uses_only_terms_the_ontology_defines() -> None:
    gazetteer = ONTOLOGY_PATH.with_name("gazetteer.ttl")
    if not gazetteer.exists():
        pytest.skip("no gazetteer yet")
    defined = set(Graph().parse(ONTOLOGY_PATH, format="turtle").subjects())
    used = {t for triple in Graph().parse(gazetteer, format="turtle") for t in triple[1:]
            if isinstance(t, URIRef) and str(t).startswith(str(SKG._NS))}
    assert used and not used - defined, sorted(used - defined)


BROKEN = [
    ("skg:Bund a owl:Class", "skg:Bund a owl:Class ; rdfs:subClassOf skg:Nation",
     "Nation"),
    ('skg:key "kreis"', 'skg:key "gemeinde"', "'gemeinde'"),
    ('skg:colour "#0072B2"', 'skg:colour "blue"', "Bund"),
    ("rdfs:domain skg:Obligation ;\n    rdfs:range skg:Resolution", "rdfs:range skg:Resolution",
     "ARISES_FROM"),
    ("rdfs:range skg:Attachment", "rdfs:range skg:Annex", "hasAttachment"),
]


@pytest.mark.parametrize(("old", "new", "named"), BROKEN)
def test_broken_ontology_raises_naming_the_term(tmp_path: Path, old: str, new: str,
                                                named: str) -> None:
    text = ONTOLOGY_PATH.read_text(encoding="utf-8")
    assert old in text
    broken = tmp_path / "skg.ttl"
    broken.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(InvalidOntology, match=re.escape(named)):
        load_ontology_from(broken)
