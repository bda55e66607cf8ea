"""`skg query --list`, `--name NAME --param k=v` and `--format csv` against the test server."""

from __future__ import annotations

import json

import pytest
from neo4j import Driver
from typer.testing import CliRunner

from graph.cookbook import cookbook
from skg.cli import app
from skg.settings import get_settings


@pytest.fixture
def runner(loaded_driver: Driver, neo4j_uri: str, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("NEO4J_URI", neo4j_uri)
    monkeypatch.setenv("NEO4J_PASSWORD", "unused")
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()


def test_list_names_every_question(runner: CliRunner) -> None:
    result = runner.invoke(app, ["query", "--list"])
    assert result.exit_code == 0
    assert [line.split()[0] for line in result.stdout.splitlines()] == sorted(cookbook())


def test_named_query_with_params_as_json_and_csv(runner: CliRunner) -> None:
    result = runner.invoke(app, ["query", "--name", "who_asked_whom", "--param", "requester=DMK",
                                 "--param", "include_tasks=false"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert {"BMK", "RMK", "ITPLR", "DE"} <= {r["addressee_id"] for r in body["rows"]}
    csv = runner.invoke(app, ["query", "-n", "land_submissions", "-f", "csv"])
    assert csv.exit_code == 0 and csv.stdout.startswith("land_id,land,submissions")


def test_errors_are_one_line(runner: CliRunner) -> None:
    result = runner.invoke(app, ["query", "--name", "who_asked_whom", "--param", "yaer=2024"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "skg: unknown parameter 'yaer' for query 'who_asked_whom'; known: requester, "
        "addressee, year, include_tasks"]
    assert runner.invoke(app, ["query"]).exit_code == 1
