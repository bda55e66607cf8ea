"""Each canned question, run on the real Neo4j with the bundled resolutions loaded, and its
answer checked against what the documents say.

`fixtures/dmk-2025-03-14-top04.txt` (a DMK request to the BMDV, two months before the BMDV
was split into BMV and BMDS) is loaded only for the renaming question.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver

from graph.cookbook import cookbook, result_to_json, run_canned
from skg.settings import Settings

FIXTURES = Path(__file__).with_name("fixtures")
DMK_SUBMITTERS = {"Hessen", "Bayern", "Berlin", "Nordrhein-Westfalen", "Schleswig-Holstein"}


def ask(driver: Driver, settings: Settings, name: str, **raw: str) -> list[dict[str, Any]]:
    """The rows of one canned question as dicts."""
    return result_to_json(run_canned(driver, name, raw, settings))["rows"]


def column(rows: list[dict[str, Any]], key: str) -> set:
    return {row[key] for row in rows}


@pytest.mark.parametrize("name", sorted(cookbook()))
def test_every_question_runs_at_its_defaults(loaded_driver: Driver, test_settings: Settings,
                                             name: str) -> None:
    result = run_canned(loaded_driver, name, {}, test_settings)
    assert result.columns and not result.truncated


def test_who_asked_whom(loaded_driver: Driver, test_settings: Settings) -> None:
    rows = ask(loaded_driver, test_settings, "who_asked_whom", requester="DMK")
    assert column(rows, "requester_id") == {"DMK"}
    assert {"BMK", "RMK", "ITPLR", "DE"} <= column(rows, "addressee_id")
    to_bund = ask(loaded_driver, test_settings, "who_asked_whom", addressee="Bund")
    assert column(to_bund, "requester") == {"Digitalministerkonferenz"}
    assert any("Anschubfinanzierung" in r["action"] for r in to_bund)
    in_2025 = ask(loaded_driver, test_settings, "who_asked_whom", year="2025")
    assert column(in_2025, "requester_id") == {"BMK"}
    assert "BMWSB" in column(in_2025, "addressee_id")
    itplr = ask(loaded_driver, test_settings, "who_asked_whom", requester="IT-Planungsrat",
                include_tasks="false")
    assert "FITKO" not in column(itplr, "addressee_id")
    assert {"BMI", "KSV"} <= column(itplr, "addressee_id")


def test_requests_by_requester_and_addressee(loaded_driver: Driver,
                                             test_settings: Settings) -> None:
    by_requester = {r["requester_id"]: r for r in
                    ask(loaded_driver, test_settings, "requests_by_requester")}
    assert {"Bauministerkonferenz", "Raumentwicklungsministerkonferenz", "IT-Planungsrat",
            "Bund"} <= set(by_requester["DMK"]["addressee_names"])
    assert by_requester["DMK"]["years"] == ["2024"]
    assert set(r["requester_id"] for r in ask(
        loaded_driver, test_settings, "requests_by_requester", year="2025")) == {"BMK"}
    by_addressee = {r["addressee_id"]: r for r in
                    ask(loaded_driver, test_settings, "requests_by_addressee")}
    assert by_addressee["DE"]["requester_names"] == ["Digitalministerkonferenz"]
    assert by_addressee["BMWSB"]["requester_names"] == ["Bauministerkonferenz"]
    assert by_addressee["BMI"]["requester_names"] == ["IT-Planungsrat"]


def test_requests_per_year_between_levels(loaded_driver: Driver,
                                          test_settings: Settings) -> None:
    rows = ask(loaded_driver, test_settings, "requests_per_year")
    counts = {(r["year"], r["requester_level"], r["addressee_level"]): r["requests"]
              for r in rows}
    assert counts[(2024, "conference", "bund")] == 2  # DMK asks the Bund twice in point 5
    assert counts[(2025, "conference", "ministry")] == 1  # BMK asks the BMWSB
    only_2025 = ask(loaded_driver, test_settings, "requests_per_year", from_year="2025")
    assert column(only_2025, "year") == {2025}


def test_open_and_overdue_requests(loaded_driver: Driver, test_settings: Settings) -> None:
    early = ask(loaded_driver, test_settings, "open_requests", as_of="2025-01-15")
    assert {"Bundesministerium des Innern und für Heimat", "Bauministerkonferenz",
            "Raumentwicklungsministerkonferenz", "IT-Planungsrat", "Bund"} <= column(
                early, "addressee")
    # The BMK resolution of 25.09.2025 did not exist yet.
    assert "Bundesministerium für Wohnen, Stadtentwicklung und Bauwesen" not in column(
        early, "addressee")
    later = ask(loaded_driver, test_settings, "open_requests", as_of="2025-04-30")
    assert "Bundesministerium des Innern und für Heimat" not in column(later, "addressee")
    overdue = ask(loaded_driver, test_settings, "overdue_requests", as_of="2025-04-30")
    bmi = [r for r in overdue if r["addressee"].startswith("Bundesministerium des Innern")]
    assert len(bmi) == 1 and bmi[0]["due"] == "2025-03-31" and bmi[0]["days_late"] == 30
    assert column(ask(loaded_driver, test_settings, "overdue_requests", as_of="2025-04-30",
                      requester="BMK"), "requester") == set()


def test_deadlines_between(loaded_driver: Driver, test_settings: Settings) -> None:
    rows = ask(loaded_driver, test_settings, "deadlines_between", until="2025-04-30")
    assert [r["addressee"] for r in rows] == ["Bundesministerium des Innern und für Heimat"]
    ulm = ask(loaded_driver, test_settings, "deadlines_between", **{"from": "2025-06-30"},
              until="2025-06-30")
    assert "Gemeinderat Ulm" in column(ulm, "requester")


def test_asked_of_ministry_since(loaded_driver: Driver, test_settings: Settings) -> None:
    rows = ask(loaded_driver, test_settings, "asked_of_ministry_since", ministry="BMWSB",
               since="2025-01-01")
    assert column(rows, "requester") == {"Bauministerkonferenz"}
    assert ask(loaded_driver, test_settings, "asked_of_ministry_since", ministry="BMWSB",
               since="2026-01-01") == []


def test_asked_of_ministry_follows_the_2025_renaming(loaded_driver: Driver,
                                                     test_settings: Settings) -> None:
    from graph.loading import load_documents

    report = load_documents(loaded_driver, [FIXTURES / "dmk-2025-03-14-top04.txt"],
                            progress=False)
    assert not report.failures
    rows = ask(loaded_driver, test_settings, "asked_of_ministry_since", ministry="BMDS",
               since="2025-01-01")
    assert [(r["addressed_as_id"], r["requester"]) for r in rows] == [
        ("BMDV", "Digitalministerkonferenz")]
    # Asked under the old name, the successors are not mixed in, but the request is found.
    old = ask(loaded_driver, test_settings, "asked_of_ministry_since", ministry="BMDV",
              since="2025-01-01")
    assert column(old, "addressed_as_id") == {"BMDV"}


def test_who_leads_and_who_pays(loaded_driver: Driver, test_settings: Settings) -> None:
    leads = {(r["actor_id"], r["role"]) for r in
             ask(loaded_driver, test_settings, "who_leads")}
    assert {("DE-BY", "LEADS"), ("BMWSB", "LEADS"), ("DMK", "RESPONSIBLE_FOR")} <= leads
    assert column(ask(loaded_driver, test_settings, "who_leads", topic="Datenstrategie"),
                  "actor_id") == {"DE-BY"}
    pays = ask(loaded_driver, test_settings, "who_pays")
    granted = {(r["payer"], r["amount"] or r["share"]) for r in pays
               if r["status"] == "finances"}
    assert ("Gemeinderat Ulm", "jährlich 450.000 Euro") in granted
    assert ("Bundesministerium für Wohnen, Stadtentwicklung und Bauwesen",
            "65 Prozent") in granted
    asked = {r["payer"]: r for r in pays if r["status"] == "asked to finance"}
    assert asked["Bundesministerium des Innern und für Heimat"]["amount"] == "2,5 Mio. Euro"
    assert asked["Bund"]["asked_by"] == "Digitalministerkonferenz"
    assert "Bundesministerium für Wohnen, Stadtentwicklung und Bauwesen" in asked
    only_granted = ask(loaded_driver, test_settings, "who_pays", include_requested="false")
    assert column(only_granted, "status") == {"finances"}
    matter = ask(loaded_driver, test_settings, "lead_and_pay_by_matter", topic="Datenplattform")
    assert matter and matter[0]["finances"] == ["Gemeinderat Ulm"]
    assert "jährlich 450.000 Euro" in matter[0]["amounts"]


def test_laender_submissions(loaded_driver: Driver, test_settings: Settings) -> None:
    pairs = ask(loaded_driver, test_settings, "land_co_submissions")
    dmk_pairs = {frozenset((r["land_a"], r["land_b"])) for r in pairs if r["issuers"] == ["DMK"]}
    assert len(dmk_pairs) == 10 and set().union(*dmk_pairs) == DMK_SUBMITTERS
    assert {frozenset(("Nordrhein-Westfalen", "Sachsen"))} == {
        frozenset((r["land_a"], r["land_b"])) for r in pairs if r["issuers"] == ["BMK"]}
    assert ask(loaded_driver, test_settings, "land_co_submissions", min_count="2") == []
    per_land = {r["land_id"]: r for r in ask(loaded_driver, test_settings, "land_submissions")}
    assert per_land["DE-NW"]["submissions"] == 2
    assert set(per_land["DE-NW"]["bodies"]) == {"Bauministerkonferenz",
                                                 "Digitalministerkonferenz"}
    assert set(per_land["DE-HE"]["co_submitters"]) == DMK_SUBMITTERS - {"Hessen"}


def test_most_addressed_per_level(loaded_driver: Driver, test_settings: Settings) -> None:
    rows = ask(loaded_driver, test_settings, "most_addressed_per_level")
    top = {(r["level"], r["rank"]): r for r in rows}
    assert top[("bund", 1)]["actor_id"] == "DE" and top[("bund", 1)]["requests"] == 2
    conferences = ask(loaded_driver, test_settings, "most_addressed_per_level",
                      levels="conference", top="5")
    assert column(conferences, "actor_id") == {"BMK", "RMK"}
    assert len(ask(loaded_driver, test_settings, "most_addressed_per_level", top="1")) == len(
        column(rows, "level"))


def test_resolution_thread(loaded_driver: Driver, test_settings: Settings) -> None:
    rows = ask(loaded_driver, test_settings, "resolution_thread", issuer="DMK",
               date="2024-10-18")
    assert [(r["direction"], r["other_issuer"], r["other_date"]) for r in rows] == [
        ("followed by", "Bauministerkonferenz", "2025-09-25")]
    back = ask(loaded_driver, test_settings, "resolution_thread", issuer="Bauministerkonferenz",
               date="2025-09-25")
    assert [(r["direction"], r["other_issuer"]) for r in back] == [
        ("builds on", "Digitalministerkonferenz")]


def test_land_asked_of_bund(loaded_driver: Driver, test_settings: Settings) -> None:
    nrw = ask(loaded_driver, test_settings, "land_asked_of_bund", land="DE-NW")
    assert column(nrw, "federal_id") == {"DE", "BMWSB"}
    assert column(nrw, "how") == {"as submitter"}
    hessen = ask(loaded_driver, test_settings, "land_asked_of_bund", land="Hessen")
    assert column(hessen, "federal_id") == {"DE"}
    assert column(hessen, "requester") == {"Digitalministerkonferenz"}
    assert ask(loaded_driver, test_settings, "land_asked_of_bund", land="Thüringen") == []


def test_conferences_on_a_topic(loaded_driver: Driver, test_settings: Settings) -> None:
    assert column(ask(loaded_driver, test_settings, "conferences_on_topic", topic="Stufenplan"),
                  "body_id") == {"DMK", "BMK"}
    assert column(ask(loaded_driver, test_settings, "conferences_on_topic",
                      topic="Datenstrategie"), "body_id") == {"ITPLR"}


def test_bodies_sharing_a_matter(loaded_driver: Driver, test_settings: Settings) -> None:
    rows = ask(loaded_driver, test_settings, "shared_matters")
    pairs = {frozenset((r["body_a"], r["body_b"])) for r in rows}
    assert frozenset(("Bauministerkonferenz", "Digitalministerkonferenz")) in pairs


def test_mentioned_but_never_addressed(loaded_driver: Driver, test_settings: Settings) -> None:
    ids = column(ask(loaded_driver, test_settings, "mentioned_never_addressed"), "actor_id")
    assert {"DE-HE", "DE-BE", "DE-SH", "DE-SN"} <= ids
    assert not ids & {"DE", "BMK", "RMK", "ITPLR", "BMWSB", "BMI", "FITKO"}
    assert "BMDV" not in ids  # only the gazetteer knows it: not mentioned in a resolution
    lands = ask(loaded_driver, test_settings, "mentioned_never_addressed", level="land")
    assert column(lands, "level") == {"land"}


def test_full_text_search(loaded_driver: Driver, test_settings: Settings) -> None:
    names = ask(loaded_driver, test_settings, "search_names", q="Bauministerkonferenz")
    assert "BMK" in column(names, "id")
    plan = ask(loaded_driver, test_settings, "search_names", q="Stufenplan", limit="3")
    assert 0 < len(plan) <= 3 and any("Stufenplan" in r["name"] for r in plan)
    sentences = ask(loaded_driver, test_settings, "search_sentences", q="Finanzierung")
    assert {"ITPLR/2024-11-06/2024-31", "BMK/2025-09-25/top-12"} <= column(
        sentences, "resolution")


def test_resolutions_and_their_statements(loaded_driver: Driver,
                                          test_settings: Settings) -> None:
    rows = ask(loaded_driver, test_settings, "resolutions")
    assert len(rows) == 4
    dmk = ask(loaded_driver, test_settings, "resolutions", issuer="DMK")
    assert len(dmk) == 1 and set(dmk[0]["submitters"]) == DMK_SUBMITTERS
    assert (dmk[0]["date"], dmk[0]["place"], dmk[0]["item"]) == ("2024-10-18", "Berlin", "TOP 7")
    assert ask(loaded_driver, test_settings, "resolutions", since="2025-01-01",
               until="2025-12-31")[0]["issuer"] == "Bauministerkonferenz"
    said = ask(loaded_driver, test_settings, "resolution_statements")
    asked = {r["object"] for r in said if r["predicate"] == "REQUESTS"}
    assert {"Bauministerkonferenz", "Raumentwicklungsministerkonferenz", "IT-Planungsrat",
            "Bund"} <= asked


def test_actor_profile_and_levels(loaded_driver: Driver, test_settings: Settings) -> None:
    profile = {(r["relation"], r["direction"]): r for r in
               ask(loaded_driver, test_settings, "actor_profile", actor="DMK")}
    assert profile[("REQUESTS", "out")]["times"] == 5
    assert {"Bauministerkonferenz", "Bund"} <= set(profile[("REQUESTS", "out")]["with"])
    federal = ask(loaded_driver, test_settings, "requests_to_levels")
    assert column(federal, "addressee") == {
        "Bund", "Bundesministerium des Innern und für Heimat",
        "Bundesministerium für Wohnen, Stadtentwicklung und Bauwesen"}
    assert column(ask(loaded_driver, test_settings, "requests_to_levels", levels="conference"),
                  "addressee") == {"Bauministerkonferenz", "Raumentwicklungsministerkonferenz"}
