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


def test_organ_heading_with_a_number_and_a_run_on_line(extract):
    res = extract("Ortsbezirk 7\n\nOrtsbeirat 7\n\nAnregung an den Magistrat vom 01.02.2025, OM 12 "
                  "Betreff: Sitzbänke am Weiher Der Magistrat wird gebeten, zwei Sitzbänke am "
                  "Weiher aufzustellen. Vertraulichkeit: Nein\n", header=BARE)
    assert res[0].issuer.name == "Ortsbeirat 7"
    assert [s.predicate for s in res[0].statements] == ["REQUESTS"]


def test_sitting_compound_names_the_organ_of_a_known_town(extract):
    res = extract("Gemeinde Seedorf (Druckversion)\n\nAus der Gemeinderatssitzung vom "
                  "6. Mai 2025\n\nDer Niederschrift über die Sitzung vom 1. April 2025 "
                  "wird zugestimmt.\n",
                  header=BARE)
    assert res[0].issuer.name == "Gemeinderat Seedorf"


def test_hanseatic_council_and_its_proposal(extract):
    res = extract("Beschlussvorschlag:\n\nDie Bürgerschaft beschließt die Erweiterung des "
                  "Stadtteilportals.\n", header=BARE)
    assert res[0].issuer.name == "Bürgerschaft"


def test_a_vote_line_is_not_a_title_and_money_needs_no_purpose(extract):
    res = extract("Beschluss: einstimmig beschlossen\n\nAbstimmung: Ja: 9, Nein: 0\n\n"
                  "Der Finanzausschuss fasst folgenden Beschluss:\n\n1. Die erforderlichen Mittel "
                  "in Höhe von 2.000 Euro werden im Nachtragshaushalt bereitgestellt.\n",
                  header=BARE)
    assert res[0].title is None or "Abstimmung" not in res[0].title
    fin = [s for s in res[0].statements if s.predicate == "FINANCES"]
    assert fin and "Mittel" in fin[0].object.name and "2.000 Euro" in fin[0].amount


def test_an_earlier_decision_quoted_in_the_facts_obliges_nobody_now(extract):
    res = extract("Beschlussvorschlag:\n\nDer Stadtrat beschließt die Fortführung des Portals.\n\n"
                  "Sachverhalt:\n\nIn der Sitzung vom 18.08.2021 wurde beschlossen: Der "
                  "Oberbürgermeister wird beauftragt zu prüfen, ob ein Portal geschaffen werden "
                  "kann.\n", header=BARE)
    assert not any(s.predicate == "TASKS" for s in res[0].statements)


def test_the_issuing_organ_named_by_its_organ_word_speaks(extract):
    for organ in ("Die Bezirksversammlung", "Die Stadtverordnetenversammlung",
                  "Die Gemeindevertretung", "Die Bürgerschaft", "Der Rat"):
        res = extract(f"Beschluss:\n\n{organ} stimmt der Tagesordnung zu.\n\n{organ} nimmt "
                      "die Drucksache zur Kenntnis.\n", header=BARE)
        issuer = res[0].issuer
        got = {(s.subject.id, s.predicate) for s in res[0].statements}
        assert got == {(issuer.id, "ADOPTS"), (issuer.id, "TAKES_NOTE")}, organ


def test_a_short_passive_line_with_a_colon_opens_the_decision(extract):
    res = extract("Vorlage - VII/123/25\n|\nDer Bürgermeister wird beauftragt:\neine Richtlinie "
                  "für die Vereinsförderung zu erarbeiten.\nBegründung: erfolgt mündlich\n",
                  header=BARE)
    assert any(s.predicate == "TASKS" and s.object.name.startswith("Bürgermeister")
               for s in res[0].statements)
