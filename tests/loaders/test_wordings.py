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

CABINET = ("Land Thüringen\nStaatskanzlei\n\n"
           "Kabinettsbeschluss vom 3. Februar 2026\n"
           "(Kabinettvorlage Nr. 7/26 des Ministeriums für Bildung, Jugend und Sport)\n\n"
           "Schulbauprogramm 2030\n\nDie Landesregierung beschließt:\n\n")


def test_cabinet_decision_of_a_land_government(extract, triples):
    res = extract("I.\nDie Landesregierung beschließt das Schulbauprogramm 2030.\n\nII.\n"
                  "Das Ministerium für Bildung, Jugend und Sport (TMBJS) wird beauftragt, bis "
                  "zum 30.06.2026 zu berichten.\n\nIII.\nDas TMBJS unterrichtet den Landtag.\n",
                  header=CABINET)
    r = res[0]
    assert r.issuer.id == "DE-TH/landesregierung" and r.date == "2026-02-03"
    assert r.title == "Schulbauprogramm 2030"
    ministry = next(s.object for s in r.statements if s.predicate == "TASKS")
    assert ministry.type_key == "land_ministry" and ministry.land == "DE-TH"
    assert ministry.name == "Ministerium für Bildung, Jugend und Sport"
    assert [a.id for a in r.submitters] == [ministry.id]
    assert any(s.subject.id == ministry.id and s.predicate == "INFORMS" for s in r.statements)
    assert ("DE-TH/landesregierung", "ADOPTS", "Schulbauprogramm 2030") in triples(res)


def test_land_ministries_of_two_laender_do_not_collide(extract):
    res = extract("1. Die DMK bittet das Sächsische Staatsministerium für Digitales und das "
                  "Ministerium für Digitales des Landes Brandenburg, Daten bereitzustellen.\n")
    ids = {s.object.id for s in res[0].statements}
    assert ids == {"DE-SN/saechsisches-staatsministerium-fuer-digitales",
                   "DE-BB/ministerium-fuer-digitales"}


def test_council_group_as_submitter_and_office_with_portfolio(extract, triples):
    header = ("Stadt Musterstadt\n\nAntrag der Stadtratsfraktion BÜNDNIS 90/DIE GRÜNEN vom "
              "02.01.2026\n\nSitzung des Stadtrates am 20.01.2026\n\nDer Stadtrat beschließt:\n\n")
    res = extract("1. Der Stadtrat beauftragt den Beigeordneten für Umwelt, Klima und "
                  "Allgemeine Verwaltung, ein Konzept vorzulegen.\n", header=header)
    assert [a.name for a in res[0].submitters] == ["Stadtratsfraktion BÜNDNIS 90/DIE GRÜNEN"]
    assert any(t[1:] == ("TASKS", "Beigeordneter für Umwelt, Klima und Allgemeine Verwaltung")
               for t in triples(res))


def test_motion_named_in_the_cover_sentence(extract):
    header = "Bundesrat\n\nBeschluss des Bundesrates\n\n"
    res = extract("Der Bundesrat hat in seiner 1000. Sitzung am 12. Juni 2026 auf Antrag der "
                  "Länder Bremen und Hessen beschlossen, die Entschließung zu fassen.\n\n"
                  "1. Der Bundesrat fordert die Bundesregierung auf, zu handeln.\n", header=header)
    assert {a.id for a in res[0].submitters} == {"DE-HB", "DE-HE"}


def test_pronouns_agree_in_gender_and_number(extract, triples):
    header = "Bundesrat\n\nBeschluss des Bundesrates vom 12.06.2026\n\n"
    res = extract("1. Der Bundesrat begrüßt, dass das Bundesamt für Sicherheit in der "
                  "Informationstechnik eine Servicestelle Cloud eingerichtet hat. Er unterstützt "
                  "deren Ausbau.\n\n2. Das BMG wird beauftragt, einen Bericht vorzulegen. Es "
                  "bezieht dabei den Deutschen Städtetag ein.\n", header=header)
    got = triples(res)
    assert ("BSI", "ESTABLISHES", "Servicestelle Cloud") in got
    assert any(t[:2] == ("BR", "SUPPORTS") for t in got)
    assert not any(t[:2] == ("BSI", "SUPPORTS") for t in got)
    assert ("BMG", "COOPERATES_WITH", "DST") in got


def test_chair_line_with_unknown_body_and_hierfuer_after_a_request(extract, triples):
    header = ("12. Digitalministerkonferenz (DMK)\n\n14.03.2025 in Hamburg\n\n"
              "Vorsitz: Landesamt für Umwelt Bayern\n\nTOP 3\n\nBeschluss:\n\n")
    res = extract("1. Die DMK bittet den Bund, bis Ende 2026 ein Förderprogramm Offene Daten "
                  "aufzulegen. Die Länder stellen hierfür jährlich 2 Mio. Euro bereit.\n",
                  header=header)
    got = triples(res)
    assert ("DE-LAENDER", "FINANCES", "Förderprogramm Offene Daten") in got
    assert [t for t in got if t[1] == "LEADS"] == [("landesamt-fuer-umwelt", "LEADS", "DMK")]


def test_welcomed_dass_clause_gives_its_noun_phrase(extract, triples):
    res = extract("1. Die DMK begrüßt, dass der Deutsche Städtetag und der Deutsche Landkreistag "
                  "eine gemeinsame Arbeitshilfe für Cloudverträge erarbeiten.\n")
    assert ("DMK", "WELCOMES", "gemeinsame Arbeitshilfe für Cloudverträge") in triples(res)


def test_body_of_a_named_land_and_title_not_a_body_line(extract):
    header = ("Freistaat Sachsen\nSächsische Staatskanzlei\n\nBeschluss der Staatsregierung vom "
              "12. Mai 2026\n\nDigitale Schulen 2030\n\nDie Staatsregierung beschließt:\n\n")
    res = extract("1. Die Staatsregierung beschließt das Programm „Digitale Schulen 2030“.\n\n"
                  "2. Die Staatskanzlei des Landes Niedersachsen wird gebeten, den Beschluss "
                  "zu übermitteln.\n", header=header)
    r = res[0]
    assert r.issuer.id == "DE-SN/staatsregierung" and r.title == "Digitale Schulen 2030"
    assert any(s.object.id == "DE-NI/staatskanzlei" for s in r.statements)


def test_municipalities_group_and_chairs_who_forward_and_invite(extract, triples):
    header = ("Landkreis Musterland\n\nSitzung des Kreistages am 02.03.2026\nTOP 4: Busse\n\n"
              "Der Kreistag beschließt:\n\n")
    res = extract("1. Die Städte und Gemeinden im Kreisgebiet werden ersucht, Haltestellen zu "
                  "benennen.\n", header=header)
    assert ("landkreis-musterland/kreistag", "REQUESTS", "Städte und Gemeinden") in triples(res)
    res = extract("1. Die Vorsitzenden der Konferenz übermitteln diesen Beschluss der "
                  "Ministerpräsidentenkonferenz und laden die Bundesministerin für Bildung und "
                  "Forschung zur nächsten Sitzung ein.\n")
    got = {(s.predicate, s.object.name) for s in res[0].statements}
    assert ("INVITES", "Bundesministerin für Bildung und Forschung") in got
    assert ("INFORMS", "Ministerpräsidentenkonferenz") in got
