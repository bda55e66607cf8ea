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
