"""Wordings and layouts added for unseen documents: one small invented text each."""

from __future__ import annotations


def test_singular_pronoun_after_plural_subject_is_the_issuer(extract, triples):
    res = extract("1. Die Länder stellen für das Vorhaben Datenraum 2 Mio. Euro bereit.\n\n"
                  "2. Sie unterstützt den Ausbau des Datenraums.\n\n"
                  "3. Sie richtet eine Arbeitsgruppe Datenraum ein.\n")
    got = triples(res)
    assert any(t[:2] == ("DMK", "SUPPORTS") for t in got)
    assert ("DMK", "ESTABLISHES", "Arbeitsgruppe Datenraum") in got
    assert not any(t[0] == "DE-LAENDER" and t[1] != "FINANCES" for t in got)


def test_plural_pronoun_keeps_the_plural_subject(extract, triples):
    res = extract("1. Die Länder begrüßen den Bericht. Sie bitten den Bund, zu berichten.\n")
    assert ("DE-LAENDER", "REQUESTS", "DE") in triples(res)


def test_town_with_two_word_name(extract, triples):
    header = ("Stadt Bad Kleinhausen\n\nBeschlussvorlage\n\nBeschlussorgan: Gemeinderat    "
              "Sitzung am 03.02.2025    TOP 4\n\nBetreff: Freibad\n\nAntrag:\n\n")
    res = extract("1. Der Gemeinderat nimmt den Bericht zum Freibad zur Kenntnis.\n\n"
                  "2. Die Verwaltung wird beauftragt, ein Konzept vorzulegen.\n", header=header)
    assert res[0].issuer.name == "Gemeinderat Bad Kleinhausen"
    assert res[0].date == "2025-02-03"
    assert ("stadt-bad-kleinhausen/gemeinderat", "TASKS", "Verwaltung") in triples(res)


def test_beratungsfolge_table_gives_the_deciding_council(extract, triples):
    header = ("Landeshauptstadt Musterhausen                     Beschlussvorlage\n\n"
              "Vorlage Nr.:   2026/0012\nDatum:   02.01.2026\n"
              "Gegenstand:   Spielplätze im Stadtteil Nord\n\n"
              "Beratungsfolge                          Sitzungstermin   Zuständigkeit\n"
              "Ausschuss für Jugend und Soziales       14.01.2026       Vorberatung\n"
              "Ausschuss für Finanzen                  21.01.2026       Vorberatung\n"
              "Stadtrat                                05.02.2026       Entscheidung\n\n"
              "Beschlussvorschlag:\n\n")
    res = extract("1. Der Stadtrat beschließt das Spielplatzkonzept.\n\n"
                  "Abstimmungsergebnis: 30 Ja, 2 Nein\n", header=header)
    assert res[0].issuer.name == "Stadtrat Musterhausen"
    assert res[0].date == "2026-02-05" and res[0].item == "Vorlage Nr. 2026/0012"
    assert [s.predicate for s in res[0].statements] == ["ADOPTS"]


def test_upper_case_landkreis_with_council_speaking(extract):
    header = ("LANDKREIS MUSTERTAL\nDie Landrätin\n\nSitzung des Kreistages am 02.03.2026\n"
              "TOP 4: Schulbusse\n\nDer Kreistag beschließt:\n\n")
    res = extract("1. Die Landrätin wird gebeten, ein Konzept vorzulegen.\n", header=header)
    assert res[0].issuer.name == "Kreistag Mustertal" and res[0].item == "TOP 4"


def test_roman_numbered_points(extract):
    res = extract("I.\nDie DMK begrüßt den Bericht.\n\nII.\nDie DMK bittet den Bund, "
                  "zu berichten.\n")
    assert [(s.predicate, s.source.point) for s in res[0].statements] == [
        ("WELCOMES", "1"), ("REQUESTS", "2")]


def test_text_after_anlage_heading_is_read(extract):
    res = extract("1. Die DMK hat beschlossen, die Entschließung zu fassen.\n\nAnlage\n\n"
                  "Entschließung zur Cloud\n\n1. Die Digitalministerkonferenz bittet den Bund, "
                  "einen Entwurf für ein Cloudgesetz vorzulegen.\n")
    assert res[0].attachments == ["Entschließung zur Cloud"]
    assert any(s.predicate == "REQUESTS" for s in res[0].statements)
