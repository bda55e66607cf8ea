"""The Kommune of a council page known only from the address it is published at. Addresses
and texts invented."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from loaders.sites import place_of_url
from skg.cli import app

BLOCK = ("Beschluss: beschlossen\n\nAbstimmung: Ja: 9, Nein: 2\n\n1. Vom Sachstandsbericht "
         "zur Sanierung der Grundschule wird Kenntnis genommen.\n\n2. Die Stadtverwaltung wird "
         "beauftragt, die Ausschreibung vorzubereiten.\n")


@pytest.mark.parametrize(("url", "name", "kind"), [
    ("https://buergerinfo.musterhausen.de/to0050.php?__ktonr=4711", "Musterhausen", None),
    ("https://www.ratsinfo-lindenfeld-hessen.de/buergerinfo/vo0050.php?__kvonr=12",
     "Lindenfeld", None),
    ("https://ratsinfo.stadt-bad-beispielheim.de/bi/to020.asp?TOLFDNR=3", "Bad Beispielheim",
     "Stadt"),
    ("https://www.landkreis-weidenau.de/sessionnet/to0050.php", "Weidenau", "Landkreis"),
    ("https://ris.komuna.net/ahornbach/Meeting.mvc/ps/1234", "Ahornbach", None),
    ("https://buergerinfo-gemeinde-tannried.livingdata.de/to0050.asp?__ktonr=7", "Tannried",
     "Gemeinde"),
    ("https://session.ober-erlenbach.de/bi/si0050.asp", "Ober-Erlenbach", None),
])
def test_a_council_site_names_its_kommune(url, name, kind):
    place = place_of_url(url)
    assert place is not None and (place.name, place.kind) == (name, kind)


@pytest.mark.parametrize("url", [
    "https://documents-shared.example.org/doc/15958279/protokoll-der-sitzung",
    "https://www.beispielkonferenz.de/beschluesse.html?id=12",
    "https://kreistag.lk-ab.de/bi/to0050.asp",  # an abbreviation names no town
    "not an address", None,
])
def test_other_addresses_name_no_kommune(url):
    assert place_of_url(url) is None


def test_a_transliterated_umlaut_is_offered_with_its_umlaut():
    place = place_of_url("https://ratsinfo.stadt-moerfelden.de/bi/to0050.asp")
    assert place is not None and place.name == "Moerfelden"
    assert "Mörfelden" in place.spellings


def test_bare_decision_block_speaks_for_the_town_of_its_site(extract):
    res = extract(BLOCK, header="", source_url="https://buergerinfo.musterhausen.de/"
                                             "to0050.php?__ktonr=4711")
    issuer = res[0].issuer
    assert issuer.name == "Stadtrat Musterhausen"  # "Stadtverwaltung": a town
    assert "Musterhausen" in issuer.aliases
    got = {(s.subject.id, s.predicate) for s in res[0].statements}
    assert (issuer.id, "TAKES_NOTE") in got and (issuer.id, "TASKS") in got
    tasked = next(s.object for s in res[0].statements if s.predicate == "TASKS")
    assert tasked.id == "stadt-musterhausen/stadtverwaltung"  # the town's, not every town's
    assert "Stadtverwaltung Musterhausen" in tasked.aliases


def test_the_organ_named_in_the_text_keeps_its_name_with_the_sites_town(extract):
    res = extract("Beschluss:\n\nDer Gemeinderat beschließt die Satzung über die "
                  "Friedhofsgebühren.\n", header="",
                  source_url="https://ris.komuna.net/ahornbach/Meeting.mvc/ps/99")
    assert res[0].issuer.name == "Gemeinderat Ahornbach"
    assert "Gemeinde Ahornbach" in res[0].issuer.aliases


def test_a_town_the_text_names_wins_over_the_address(extract):
    res = extract("Stadt Lindenfeld\n\nBeschlussauszug\n\nDer Stadtrat beschließt den "
                  "Haushaltsplan.\n", header="",
                  source_url="https://buergerinfo.musterhausen.de/to0050.php?__ktonr=1")
    assert "Lindenfeld" in res[0].issuer.name


def test_pages_of_two_towns_keep_their_councils_apart(extract):
    first = extract(BLOCK, header="", source_url="https://buergerinfo.musterhausen.de/to0050.php")
    second = extract(BLOCK, header="", source_url="https://buergerinfo.lindenfeld.de/to0050.php")
    assert first[0].issuer.id != second[0].issuer.id


def test_extract_cli_takes_the_address(tmp_path):
    page = tmp_path / "to0050.txt"
    page.write_text(BLOCK, encoding="utf-8")
    runner = CliRunner()
    good = runner.invoke(app, ["extract", "--format", "json", str(page), "--source-url",
                               "https://buergerinfo.musterhausen.de/to0050.php?__ktonr=4711"])
    assert good.exit_code == 0
    assert json.loads(good.stdout)["resolutions"][0]["issuer"]["name"] == "Stadtrat Musterhausen"
    bad = runner.invoke(app, ["extract", str(page), "--source-url", "ftp://x"])
    assert bad.exit_code != 0
    assert "--source-url 'ftp://x': not an http or https address" in bad.output


def test_a_kommune_the_page_names_wins_over_the_sites_host(extract):
    res = extract("Sitzungstermine in der Samtgemeinde Lindenfeld\n\nTOP 4 Genehmigung des "
                  "Protokolls\n\nBeschluss:\n\nDas Protokoll der letzten Sitzung wird "
                  "genehmigt.\n", header="",
                  source_url="https://ris.edv-musterhausen.de/bi/to0050.asp?__ktonr=3")
    issuer = res[0].issuer
    assert "Lindenfeld" in issuer.name and "Musterhausen" not in issuer.name
    assert "Rat der Samtgemeinde Lindenfeld" in issuer.aliases
