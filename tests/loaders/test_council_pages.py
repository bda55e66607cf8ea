"""Decision pages of council information systems, as they come: a decision block with vote
lines and no letterhead, the organ named in the text or only implied. Texts invented."""

from __future__ import annotations

BARE = ""  # no letterhead at all: the page starts with the decision block


def test_bare_decision_block_has_an_unidentified_council_as_speaker(extract):
    res = extract("Beschluss: einstimmig beschlossen\n\nAbstimmung: Ja: 14, Nein: 0\n\n"
                  "1. Vom Bericht der Stadtverwaltung über die Schulwegsicherung wird Kenntnis "
                  "genommen.\n\n2. Der Bebauungsplan „Am Mühlbach“ wird geändert.\n", header=BARE)
    issuer = res[0].issuer
    assert issuer is not None and issuer.name == "Stadtrat" and not issuer.known
    got = {(s.subject.id, s.predicate, s.object.name) for s in res[0].statements}
    assert (issuer.id, "TAKES_NOTE", "Bericht der Stadtverwaltung") in got
    assert any(p == "ADOPTS" and "Am Mühlbach" in o for _, p, o in got)


def test_two_pages_of_unknown_towns_do_not_share_their_council(extract, tmp_path):
    first = extract("Beschluss:\n\nDer Gemeinderat beschließt die Satzung.\n", header=BARE)
    second = extract("Beschluss:\n\nDer Gemeinderat beschließt die Gebührenordnung.\n",
                     header=BARE)
    assert first[0].issuer.name == second[0].issuer.name == "Gemeinderat"
    assert first[0].issuer.id != second[0].issuer.id


def test_organ_named_after_the_verb_speaks(extract, triples):
    res = extract("Beschluss: einstimmig beschlossen\n\nNach Vorberatung im Kulturausschuss "
                  "fasst der Finanzausschuss folgenden Beschluss:\n\n1. Der Erhöhung des "
                  "Zuschusses für den Heimatverein um 300 Euro wird zugestimmt.\n", header=BARE)
    assert res[0].issuer.name == "Finanzausschuss"
    adopts = [s for s in res[0].statements if s.predicate == "ADOPTS"]
    assert adopts and "Erhöhung des Zuschusses" in adopts[0].object.name
    assert "300 Euro" in (adopts[0].amount or "")


def test_organ_mentioned_in_passing_and_the_executive_addressed(extract, triples):
    res = extract("Anregung an den Magistrat vom 03.03.2025\n\nDer Magistrat wird gebeten, "
                  "am Dorfplatz zwei Bänke aufzustellen, wie vom Ortsbeirat vorgeschlagen.\n",
                  header=BARE)
    assert res[0].issuer.name == "Ortsbeirat"
    assert any(s.predicate == "REQUESTS" and s.object.name.startswith("Magistrat")
               for s in res[0].statements)


def test_perfect_with_the_council_after_the_auxiliary(extract):
    res = extract("Aufgrund des § 10 der Gemeindeordnung hat der Gemeinderat in seiner Sitzung "
                  "am 12.03.2025 folgende Satzung beschlossen:\n\nArtikel 1\n", header=BARE)
    assert res[0].issuer.name == "Gemeinderat"


def test_a_greeting_is_not_a_position(extract):
    res = extract("Der Bürgermeister begrüßt die Anwesenden und stellt die Beschlussfähigkeit "
                  "fest.\n\nBeschluss:\n\nDer Gemeinderat beschließt die Tagesordnung.\n",
                  header=BARE)
    assert not any(s.predicate == "WELCOMES" for s in res[0].statements)
    assert any(s.predicate == "ADOPTS" for s in res[0].statements)


def test_a_passive_in_the_reasoning_decides_nothing(extract):
    res = extract("Beschluss:\n\nDer Stadtrat nimmt den Bericht zur Kenntnis.\n\nBegründung:\n\n"
                  "Der Bebauungsplan wird derzeit von einem Planungsbüro geändert.\n",
                  header=BARE)
    assert [s.predicate for s in res[0].statements] == ["TAKES_NOTE"]
