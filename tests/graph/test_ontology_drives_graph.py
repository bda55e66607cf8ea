"""The ontology drives the graph: exports conform to its shapes, and renaming a class in it
renames the Neo4j label everywhere without another edit."""

import os
import shutil
from pathlib import Path

import pytest
from neo4j import Driver
from typer.testing import CliRunner

import ontology.gazetteer as gazetteer_module
import ontology.model as model_module
from graph.export import export_graph
from graph.loading import load_documents
from ontology.validate import validate
from skg.cli import app
from skg.settings import get_settings

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "resolutions"
ONTOLOGY_DIR = Path(model_module.__file__).parent


#: The shared dev corpus, beside the main checkout or a worktree (`../shared`, `../../shared`).
DEV_CORPUS = next((p / "shared" / "corpus" / "dev" for p in Path(__file__).resolve().parents[3:5]
                   if (p / "shared" / "corpus" / "dev").is_dir()), None)


@pytest.mark.parametrize("inference", ["none", "rdfs"])
def test_export_of_the_example_corpus_conforms_to_the_shapes(loaded_driver: Driver,
                                                             inference: str) -> None:
    """Also under RDFS entailment of the ontology, as a consumer that reasons sees it."""
    graph = export_graph(loaded_driver)
    report = validate(graph, inference=inference)
    assert report.conforms, str(report)
    assert len(graph) > 500


@pytest.mark.skipif(DEV_CORPUS is None, reason="the shared dev corpus (../shared/corpus/dev) "
                                                "is not beside this checkout")
@pytest.mark.parametrize("inference", ["none", "rdfs"])
def test_export_of_the_dev_corpus_conforms_to_the_shapes(driver: Driver, inference: str) -> None:
    files = sorted(p for p in DEV_CORPUS.iterdir() if p.suffix in (".txt", ".pdf"))
    report = load_documents(driver, files, progress=False)
    assert not report.failures, report.failures
    graph = export_graph(driver)
    validation = validate(graph, inference=inference)
    assert validation.conforms, str(validation)
    assert len(graph) > 500


@pytest.mark.parametrize("flags", [[], ["--rdfs"]])
def test_skg_validate_passes_on_the_examples(loaded_driver: Driver, neo4j_uri: str,
                                             monkeypatch: pytest.MonkeyPatch,
                                             flags: list[str]) -> None:
    monkeypatch.setenv("NEO4J_URI", neo4j_uri)
    monkeypatch.setenv("NEO4J_PASSWORD", os.environ.get("SKG_TEST_NEO4J_PASSWORD", "unused"))
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(app, ["validate", *flags])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    assert "conforms" in result.stdout


@pytest.fixture
def renamed_ontology(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """skg:Land renamed to skg:Bundesland in the ontology folder's Turtle files."""
    for name in ("skg.ttl", "gazetteer.ttl"):
        text = (ONTOLOGY_DIR / name).read_text(encoding="utf-8")
        (tmp_path / name).write_text(text.replace("skg:Land ", "skg:Bundesland ")
                                     .replace("skg:Land;", "skg:Bundesland;")
                                     .replace("skg:Land,", "skg:Bundesland,")
                                     .replace("skg:Land .", "skg:Bundesland ."),
                                     encoding="utf-8")
    shutil.copy(ONTOLOGY_DIR / "shapes.ttl", tmp_path / "shapes.ttl")
    monkeypatch.setattr(model_module, "ONTOLOGY_PATH", tmp_path / "skg.ttl")
    monkeypatch.setattr(gazetteer_module, "GAZETTEER_TTL", tmp_path / "gazetteer.ttl")
    model_module.load_ontology.cache_clear()
    gazetteer_module.load_gazetteer.cache_clear()
    yield
    model_module.load_ontology.cache_clear()
    gazetteer_module.load_gazetteer.cache_clear()


def test_renaming_a_class_renames_the_label_everywhere(renamed_ontology: None,
                                                       driver: Driver) -> None:
    assert model_module.load_ontology().label("land") == "Bundesland"
    load_documents(driver, [EXAMPLES / "dmk-2024-10-18-top07.txt"], progress=False)
    records, _, _ = driver.execute_query(
        "MATCH (a {id: 'DE-HE'}) RETURN labels(a) AS labels")
    assert "Bundesland" in records[0]["labels"] and "Land" not in records[0]["labels"]
    records, _, _ = driver.execute_query(
        "MATCH (:Bundesland)-[:SUBMITS]->(r:Resolution) RETURN count(*) AS n")
    assert records[0]["n"] == 5
