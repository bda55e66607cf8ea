"""`GET /export.ttl`, `GET /export.jsonld` and `/sparql`: the loaded graph as RDF, read-only.

SPARQL updates (INSERT DATA, DELETE WHERE, LOAD, CLEAR, DROP …) are refused with 403 in
the one error shape, SERVICE too; a syntax error is a 400, a runaway query a 504; neither
the RDF nor the Neo4j graph changes.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient
from neo4j import Driver
from rdflib import Graph

from api.app import create_app
from skg.settings import Settings

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
RESOLUTIONS = ("PREFIX skg: <https://w3id.org/stakeholder-graph/ontology#> "
               "SELECT ?r WHERE { ?r a skg:Resolution }")

UPDATES = [
    "INSERT DATA { <urn:x> <urn:y> <urn:z> }",
    "DELETE DATA { <urn:x> <urn:y> <urn:z> }",
    "DELETE WHERE { ?s ?p ?o }",
    "DELETE { ?s ?p ?o } INSERT { ?s ?p 'pwned' } WHERE { ?s ?p ?o }",
    "LOAD <http://127.0.0.1:9/evil.ttl>",
    "LOAD <file:///etc/passwd> INTO GRAPH <urn:g>",
    "CLEAR ALL",
    "CLEAR DEFAULT",
    "DROP ALL",
    "DROP GRAPH <urn:g>",
    "CREATE GRAPH <urn:g>",
    "ADD DEFAULT TO <urn:g>",
    "COPY DEFAULT TO <urn:g>",
    "MOVE DEFAULT TO <urn:g>",
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { SERVICE SILENT <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
]


@pytest.fixture
def rdf_client(loaded_driver: Driver, test_settings: Settings) -> Iterator[TestClient]:
    """The API over the bundled example resolutions."""
    settings = test_settings.model_copy(update={"cypher_timeout": 5.0})
    with TestClient(create_app(driver=loaded_driver, settings=settings),
                    raise_server_exceptions=False) as client:
        yield client


def triples(client: TestClient) -> int:
    response = client.get("/sparql", params={"query": COUNT})
    assert response.status_code == 200, response.text
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def test_turtle_and_jsonld_exports_hold_the_graph(rdf_client: TestClient) -> None:
    ttl = rdf_client.get("/export.ttl")
    assert ttl.status_code == 200 and ttl.headers["content-type"].startswith("text/turtle")
    graph = Graph().parse(data=ttl.text, format="turtle")
    assert len(graph) == triples(rdf_client) > 100
    jsonld = rdf_client.get("/export.jsonld")
    assert jsonld.status_code == 200
    assert jsonld.headers["content-type"].startswith("application/ld+json")
    assert len(Graph().parse(data=jsonld.text, format="json-ld")) == len(graph)


def test_sparql_by_parameter_body_and_form(rdf_client: TestClient) -> None:
    by_get = rdf_client.get("/sparql", params={"query": RESOLUTIONS})
    assert by_get.status_code == 200
    assert by_get.headers["content-type"].startswith("application/sparql-results+json")
    body = by_get.json()
    assert body["head"]["vars"] == ["r"] and body["results"]["bindings"]
    assert all(b["r"]["type"] == "uri" for b in body["results"]["bindings"])
    by_body = rdf_client.post("/sparql", content=RESOLUTIONS.encode(),
                              headers={"content-type": "application/sparql-query"})
    by_form = rdf_client.post("/sparql", data={"query": RESOLUTIONS})
    by_param = rdf_client.post("/sparql", params={"query": RESOLUTIONS})
    for response in (by_body, by_form, by_param):
        assert response.status_code == 200, response.text
        assert json.loads(response.text) == body
    ask = rdf_client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).json()
    assert ask == {"head": {}, "boolean": True}
    construct = rdf_client.get("/sparql", params={
        "query": "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 5"})
    assert construct.headers["content-type"].startswith("text/turtle")
    assert len(Graph().parse(data=construct.text, format="turtle")) == 5


def test_sparql_updates_and_service_are_refused(rdf_client: TestClient, loaded_driver: Driver,
                                                graph_counts: Callable, error_of) -> None:
    """Every update, by every channel (parameter, query body, form): 403, nothing changed.
    One test over the list, so that the example graph is loaded once."""
    before, rdf_before = graph_counts(loaded_driver), triples(rdf_client)
    for update in UPDATES:
        for response in (rdf_client.get("/sparql", params={"query": update}),
                         rdf_client.post("/sparql", content=update.encode(),
                                         headers={"content-type": "application/sparql-query"}),
                         rdf_client.post("/sparql", data={"query": update})):
            message = error_of(response, 403)["message"]
            assert "refused" in message, (update, message)
    assert graph_counts(loaded_driver) == before and triples(rdf_client) == rdf_before


def test_update_channels_of_the_protocol_are_refused(rdf_client: TestClient, error_of) -> None:
    error_of(rdf_client.post("/sparql", data={"update": "CLEAR ALL"}), 403)
    error_of(rdf_client.post("/sparql", content=b"CLEAR ALL",
                             headers={"content-type": "application/sparql-update"}), 403)


def test_bad_queries_are_400_and_runaways_504(rdf_client: TestClient, error_of) -> None:
    assert "syntax" in error_of(rdf_client.get("/sparql", params={"query": "SELEC * {"}),
                                400)["message"]
    error_of(rdf_client.get("/sparql"), 400)
    error_of(rdf_client.post("/sparql", content=b"\xff\xfe",
                             headers={"content-type": "application/sparql-query"}), 400)
    runaway = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . "
               "FILTER(?c != ?i) }")
    error = error_of(rdf_client.get("/sparql", params={"query": runaway, "timeout": 0.5}), 504)
    assert "longer than allowed" in error["message"]


def test_from_clause_fetches_nothing(rdf_client: TestClient) -> None:
    response = rdf_client.get("/sparql", params={
        "query": "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o } LIMIT 1"})
    assert "root:" not in response.text
