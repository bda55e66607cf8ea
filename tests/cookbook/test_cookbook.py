"""The cookbook folder: enough questions, valid front-matter, typed parameters, and every
label, relationship type and full-text index it names known to the ontology and schema."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graph.cookbook import (
    InvalidCookbook,
    ParameterError,
    UnknownQuery,
    get_query,
    labels_and_types,
    load_cookbook,
    parse_cli_params,
    parse_query_file,
    result_to_csv,
    result_to_json,
)
from graph.cypher import QueryResult, check_text
from graph.schema import FULLTEXT_NODES, FULLTEXT_STATEMENTS
from ontology.model import load_ontology


@pytest.fixture(scope="module")
def queries():
    return load_cookbook()


def test_at_least_twenty_questions_with_title_and_description(queries) -> None:
    assert len(queries) >= 20
    for query in queries.values():
        assert query.title and len(query.description) > 40, query.name


def test_every_label_and_type_is_in_the_ontology(queries) -> None:
    ont = load_ontology()
    known = {c.label for c in ont.classes.values()} | set(ont.relations)
    for query in queries.values():
        names = labels_and_types(query.cypher)
        assert names or "fulltext" in query.cypher, query.name
        assert names <= known, (query.name, names - known)


def test_label_scanner_sees_patterns_predicates_and_quoted_types() -> None:
    text = ("MATCH (a:Actor:Land {id: $x})-[r:REQUESTS|TASKS*1..2]->(b) "
            "WHERE b:Bund OR type(r) = 'FINANCES' RETURN {name: a.name}")
    assert labels_and_types(text) == {"Actor", "Land", "REQUESTS", "TASKS", "Bund", "FINANCES"}


def test_fulltext_indexes_named_are_the_schema_ones(queries) -> None:
    named = {m for q in queries.values()
             for m in re.findall(r"fulltext\.query\w+\('(\w+)'", q.cypher)}
    assert named == {FULLTEXT_NODES, FULLTEXT_STATEMENTS}


def test_every_query_passes_the_cypher_guard_text_check(queries) -> None:
    for query in queries.values():
        check_text(query.cypher)


def test_parameter_types_parse_and_defaults_are_typed(queries) -> None:
    who = queries["who_asked_whom"]
    assert who.bind({}) == {"requester": None, "addressee": None, "year": None,
                            "include_tasks": True}
    assert who.bind({"year": "2024", "include_tasks": "false", "requester": "DMK"}) == {
        "requester": "DMK", "addressee": None, "year": 2024, "include_tasks": False}
    levels = queries["requests_to_levels"]
    assert levels.bind({"levels": ["bund,land", "kommune"], "min_confidence": "0.5"}) == {
        "levels": ["bund", "land", "kommune"], "min_confidence": 0.5}
    assert queries["open_requests"].bind({"as_of": "2025-01-31"})["as_of"] == "2025-01-31"


@pytest.mark.parametrize("name,raw,message", [
    ("who_asked_whom", {"yaer": "2024"}, "unknown parameter 'yaer'"),
    ("who_asked_whom", {"year": "zweitausend"}, "whole number"),
    ("who_asked_whom", {"include_tasks": "vielleicht"}, "true or false"),
    ("open_requests", {"as_of": "31.12.2025"}, "ISO date"),
    ("requests_to_levels", {"min_confidence": "1.5"}, "at most 1"),
    ("most_addressed_per_level", {"top": "0"}, "at least 1"),
    ("who_asked_whom", {"year": ["2024", "2025"]}, "one value"),
])
def test_bad_parameters_are_refused(queries, name, raw, message) -> None:
    with pytest.raises(ParameterError, match=message):
        queries[name].bind(raw)


def test_unknown_query() -> None:
    with pytest.raises(UnknownQuery, match="no canned query named 'nope'"):
        get_query("nope")


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / f"{name}.cypher"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("text,message", [
    ("MATCH (n) RETURN n", "front-matter"),
    ('/*\ntitle = "t"\n*/\nMATCH (n) RETURN n', "title and description"),
    ('/*\ntitle = "t"\ndescription = "d"\n*/\nMATCH (n:Actr) RETURN n', "Actr"),
    ('/*\ntitle = "t"\ndescription = "d"\n*/\nMATCH ()-[r:ASKS]->() RETURN r', "ASKS"),
    ('/*\ntitle = "t"\ndescription = "d"\n*/\nMATCH (n) WHERE n.id = $x RETURN n',
     "used but not declared"),
    ('/*\ntitle = "t"\ndescription = "d"\n[params.x]\ntype = "int"\n*/\nRETURN 1',
     "declared but not used"),
    ('/*\ntitle = "t"\ndescription = "d"\n[params.x]\ntype = "complex"\n*/\nRETURN $x',
     "type 'complex'"),
    ('/*\ntitle = "t"\ndescription = "d"\n[params.x]\ntype = "date"\ndefault = "morgen"\n*/\n'
     "RETURN $x", "ISO date"),
    ('/*\ntitle = "t"\ndescription = "d"\n[params.format]\ntype = "string"\n*/\nRETURN $format',
     "reserved"),
])
def test_malformed_files_fail_loudly(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(InvalidCookbook, match=message):
        parse_query_file(_write(tmp_path, "bad", text))


def test_cli_params_gather_repeated_keys() -> None:
    assert parse_cli_params(["year=2024", "levels=bund", "levels=land"]) == {
        "year": ["2024"], "levels": ["bund", "land"]}
    with pytest.raises(ParameterError):
        parse_cli_params(["year"])


def test_csv_and_json_rendering() -> None:
    result = QueryResult(columns=["name", "list", "flag", "none"],
                         rows=[["Bund, DE", ["a", "b"], True, None]], truncated=True)
    assert result_to_csv(result) == 'name,list,flag,none\n"Bund, DE","[""a"", ""b""]",true,\n'
    body = result_to_json(result)
    assert body["rows"] == [{"name": "Bund, DE", "list": ["a", "b"], "flag": True,
                             "none": None}]
    assert body["truncated"] is True
