"""Addressees that real resolutions name by role or short form. Texts invented."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("sentence", "name"), [
    ("Die DMK bittet die Federführer, bis zur nächsten Sitzung zu berichten.", "Federführer"),
    ("Die DMK bittet die Themenpaten, die Zielbilder vorzulegen.", "Themenpate"),
    ("Die DMK beauftragt die AL-Runde, über die Maßnahmen zu entscheiden.", "AL-Runde"),
    ("Die Projektleitungen werden gebeten, einen Zeitplan vorzulegen.", "Projektleitungen"),
    ("Die DMK beauftragt die Amtschefinnen und Amtschefs der Länder, einen Austausch "
     "durchzuführen.", "Amtschefinnen und Amtschefs"),
    ("Die DMK bittet die AG Finanzgovernance zu prüfen, ob Restmittel übertragen werden "
     "können.", "Arbeitsgruppe Finanzgovernance"),
    ("Die DMK bittet die KoSIT, regelmäßig zu berichten.", "KoSIT"),
])
def test_role_nouns_and_short_forms_are_addressees(extract, sentence, name):
    res = extract(f"1. {sentence}\n")
    objects = [s.object for s in res[0].statements if s.predicate in {"REQUESTS", "TASKS"}]
    assert [o.name for o in objects] == [name]


def test_role_of_a_body_is_scoped_to_it(extract):
    res = extract("1. Die DMK bittet die Federführer, zu berichten.\n")
    assert res[0].statements[0].object.id == "DMK/federfuehrer"


def test_working_group_short_form_is_an_alias(extract):
    res = extract("1. Die DMK bittet die AG Cloud, das Zielbild zu schärfen.\n")
    assert "AG Cloud" in res[0].statements[0].object.aliases


def test_an_extended_attribute_between_article_and_noun_keeps_the_noun(extract):
    res = extract("1. Die DMK setzt eine bis zum 31. Dezember 2026 befristete Arbeitsgruppe "
                  "ein.\n2. Die DMK billigt den vom Bauamt vorgelegten Entwurf der Satzung.\n")
    names = {s.predicate: s.object.name for r in res for s in r.statements}
    assert "Arbeitsgruppe" in names["ESTABLISHES"]
    assert names["ADOPTS"].startswith("vorgelegten Entwurf")
