"""Metadata of layouts beyond the conference TOP: Drucksache covers, comma datelines, quoted
drafts, vote lines, cited attachments."""

from __future__ import annotations


def test_drucksache_cover_with_anlage_before_the_text(extract):
    header = ("Bundesrat                                Drucksache 77/26 (Beschluss)\n\n"
              "12.06.26\n\nBeschluss\ndes Bundesrates\n\n"
              "Entschließung des Bundesrates zur Förderung von Sportvereinen\n\n"
              "Der Bundesrat hat in seiner 1066. Sitzung am 12. Juni 2026 beschlossen, die aus der "
              "Anlage ersichtliche Entschließung zu fassen.\n\nAnlage\n\n"
              "Entschließung des Bundesrates zur Förderung von Sportvereinen\n\n")
    res = extract("1. Der Bundesrat bittet die Bundesregierung, ein Förderprogramm für "
                  "Sportvereine aufzulegen und jährlich darüber zu berichten.\n", header=header)
    r = res[0]
    assert (r.session, r.date, r.item) == ("1066", "2026-06-12", "Drucksache 77/26")
    assert r.title.startswith("Entschließung des Bundesrates") and len(r.attachments) == 1


def test_comma_dateline_place_and_labelled_submitters_first(extract):
    header = ("49. Digitalministerkonferenz\n06./07.11.2026, Bremen\n\nTOP 7\n"
              "Offene Daten in Kommunen\n\nBerichterstattung: Hessen, Thüringen\n\nBeschluss:\n\n")
    res = extract("1. Die Digitalministerkonferenz begrüßt den Bericht der Länder zu offenen "
                  "Daten in den Kommunen.\n", header=header)
    r = res[0]
    assert r.place == "Bremen" and [a.id for a in r.submitters] == ["DE-HE", "DE-TH"]


def test_document_kind_line_is_not_the_title(extract):
    header = ("Konferenz der Chefinnen und Chefs der Staats- und Senatskanzleien der Länder\n"
              "Besprechung am 19.06.2026 in Berlin\n\nErgebnisprotokoll – TOP 2\n"
              "Digitale Verwaltung\n\nBeschluss der CdS:\n\n")
    res = extract("1. Die Chefinnen und Chefs der Staats- und Senatskanzleien (CdS) nehmen den "
                  "Bericht zur digitalen Verwaltung zur Kenntnis.\n", header=header)
    assert res[0].title == "Digitale Verwaltung" and res[0].issuer.id == "CdS"
    assert res[0].statements[0].subject.id == "CdS"


def test_quoted_draft_speaks_for_the_recommended_body(extract):
    header = ("Bund/Länder-Arbeitsgemeinschaft Klima, Energie, Mobilität – Nachhaltigkeit "
              "(BLAG KliNa)\n\nEmpfehlung der BLAG KliNa\n24. Sitzung, 12. Februar 2026, Mainz\n\n"
              "Hitzeschutz\n\n")
    res = extract("1. Die BLAG KliNa empfiehlt der Umweltministerkonferenz (UMK), folgenden "
                  "Beschluss zu fassen:\n\n„1. Die Ministerinnen und Minister, Senatorinnen und "
                  "Senatoren der Umweltressorts der Länder begrüßen den Bericht.\n"
                  "2. Sie bitten das BMUKN, den Hitzeschutz zu fördern.“\n\n"
                  "2. Die Obleute der BLAG KliNa werden gebeten, die Empfehlung zu übermitteln.\n",
                  header=header)
    by = {(s.subject.id, s.predicate) for s in res[0].statements}
    assert {("UMK", "WELCOMES"), ("UMK", "REQUESTS"), ("BLAGKliNa", "RECOMMENDS")} <= by
    obleute = next(s.object for s in res[0].statements if s.subject.id == "BLAGKliNa"
                   and s.predicate == "REQUESTS")
    assert obleute.name == "Obleute" and res[0].place == "Mainz"


def test_attachment_cited_in_the_text(extract):
    res = extract("1. Die DMK stimmt dem Vertrag in der Fassung der Anlage zu. Der Bericht liegt "
                  "vor (Anlage).\n")
    assert res[0].attachments == ["Anlage"]


def test_council_minutes_with_zero_padded_points_and_billigt(extract, triples):
    header = ("Gemeinde Sankt Martin\nNiederschrift über die öffentliche Sitzung des Gemeinderates "
              "am 14.04.2026\n\nTOP 3 Bauleitplanung Sonnenhang\n\nDer Gemeinderat fasst folgenden "
              "Beschluss:\n")
    res = extract("01 Der Gemeinderat billigt den Entwurf des Bebauungsplans Sonnenhang.\n"
                  "02 Die Verwaltung wird beauftragt, den Entwurf auszulegen.\n"
                  "Abstimmungsergebnis: einstimmig\n", header=header)
    r = res[0]
    assert r.issuer.name == "Gemeinderat Sankt Martin" and r.item == "TOP 3"
    assert [(s.predicate, s.source.point) for s in r.statements] == [("ADOPTS", "1"),
                                                                     ("TASKS", "2")]


def test_roman_agenda_item_and_members_without_der_laender(extract, triples):
    header = ("Justizministerkonferenz\nFrühjahrskonferenz am 5. und 6. Juni 2026 in "
              "Saarbrücken\n\nTOP II.7\nDigitales Grundbuch\n\nBeschluss:\n\n")
    res = extract("1. Die Justizministerinnen und Justizminister nehmen den Bericht der "
                  "Arbeitsgruppe Grundbuch zur Kenntnis.\n\n2. Sie bitten das Ministerium der "
                  "Justiz des Landes Rheinland-Pfalz, einen Zeitplan vorzulegen.\n", header=header)
    r = res[0]
    assert (r.item, r.title, r.date) == ("TOP II.7", "Digitales Grundbuch", "2026-06-05")
    got = triples(res)
    assert any(t[:2] == ("JuMiKo", "TAKES_NOTE") for t in got)
    assert ("JuMiKo", "REQUESTS", "Ministerium der Justiz") in got
    assert any(s.object.id == "DE-RP/ministerium-der-justiz" for s in r.statements)


def test_date_first_beratungsfolge_rows_and_membership_fee(extract):
    header = ("Hansestadt Musterburg\nBeschlussvorlage\nVorlage Nr. VO/0815/26\n\n"
              "Beratungsfolge:\n12.05.2026   Ausschuss für Umwelt und Klima (Vorberatung)\n"
              "19.05.2026   Verwaltungsausschuss (Vorberatung)\n"
              "28.05.2026   Rat der Hansestadt Musterburg (beschließend)\n\n"
              "Betreff: Beitritt zum Klimabündnis\n\nBeschlussvorschlag:\nDer Rat beschließt:\n\n")
    res = extract("1. Die Stadt trägt den Mitgliedsbeitrag von jährlich 4.500 Euro.\n",
                  header=header)
    r = res[0]
    assert (r.issuer.name, r.date, r.item) == ("Rat Musterburg", "2026-05-28",
                                               "Vorlage Nr. VO/0815/26")
    fin = r.statements[0]
    assert (fin.predicate, fin.object.name, fin.amount) == ("FINANCES", "Mitgliedsbeitrag",
                                                            "jährlich 4.500 Euro")


def test_title_with_a_colon_or_naming_the_sitting_it_is_for(extract):
    header = ("Konferenz der Chefinnen und Chefs der Staats- und Senatskanzleien der Länder\n"
              "Besprechung am 19.06.2026 in Berlin\n\nErgebnisprotokoll – TOP 2\n"
              "Föderale Agenda: Entlastung der Kommunen\n\nBeschluss der CdS:\n\n")
    res = extract("1. Die CdS nehmen den Bericht zur Kenntnis.\n", header=header)
    assert res[0].title == "Föderale Agenda: Entlastung der Kommunen"
    header = ("Bauministerkonferenz\nEmpfehlung der Fachkommission Städtebau\n"
              "12. Sitzung, 12. Februar 2026, Mainz\n\n"
              "Klimaanpassung – Beschlussempfehlung für die 150. Bauministerkonferenz\n\n")
    res = extract("1. Die Fachkommission Städtebau nimmt den Bericht zur Klimaanpassung in "
                  "Städten zur Kenntnis.\n", header=header)
    assert res[0].title.startswith("Klimaanpassung")
