"""One small resolution text per German construction the extractor handles."""

from __future__ import annotations


def test_passive_request_has_issuer_as_subject(extract):
    res = extract("1. Das Bundesministerium der Finanzen wird gebeten, bis zum 30.09.2025 "
                  "einen Bericht vorzulegen.\n")
    st = res[0].statements[0]
    assert (st.subject.id, st.predicate, st.object.id) == ("DMK", "REQUESTS", "BMF")
    assert st.deadline_date == "2025-09-30" and st.status == "open"


def test_pronoun_subject_is_the_issuer(extract, triples):
    res = extract("1. Sie bittet die Innenministerkonferenz, die Vorschläge zu prüfen.\n")
    assert ("DMK", "REQUESTS", "IMK") in triples(res)


def test_coordinated_addressees_give_one_statement_each(extract, triples):
    res = extract("1. Die DMK bittet die Kultusministerkonferenz, die Gesundheitsministerkonferenz "
                  "und den IT-Planungsrat, bis Ende 2025 zu berichten.\n")
    got = {t for t in triples(res) if t[1] == "REQUESTS"}
    assert got == {("DMK", "REQUESTS", "KMK"), ("DMK", "REQUESTS", "GMK"),
                   ("DMK", "REQUESTS", "ITPLR")}
    assert all(s.deadline_date == "2025-12-31" for s in res[0].statements)


def test_nested_recommendation_is_attributed_to_the_speaker(extract, triples):
    res = extract("1. Die DMK nimmt den Bericht zur Kenntnis.\n\nBegründung:\n\n"
                  "Der Normenkontrollrat hat am 03.02.2025 empfohlen, dass die "
                  "Finanzministerkonferenz die Federführung übernimmt.\n")
    assert ("normenkontrollrat", "RECOMMENDS", "FMK") in triples(res)
    assert not any(s.predicate == "LEADS" for s in res[0].statements)


def test_inflected_names_resolve(extract, triples):
    res = extract("1. Die DMK bittet den Deutschen Städtetag und die Freie und Hansestadt "
                  "Hamburg, Beispiele zu sammeln.\n")
    assert {("DMK", "REQUESTS", "DST"), ("DMK", "REQUESTS", "DE-HH")} <= triples(res)


def test_unknown_body_becomes_an_actor(extract):
    res = extract("1. Die Arbeitsgruppe Cloud wird beauftragt, ein Konzept zu erarbeiten.\n")
    st = res[0].statements[0]
    assert st.predicate == "TASKS" and st.object.name == "Arbeitsgruppe Cloud"
    assert st.object.type_key == "committee" and not st.object.known


def test_deadline_forms(extract):
    res = extract("1. Die DMK beauftragt die FITKO, bis zur 50. Sitzung zu berichten.\n\n"
                  "2. Die DMK bittet den Bund, zu ihrer Herbstsitzung 2026 zu berichten.\n")
    deadlines = [s.deadline for s in res[0].statements]
    assert deadlines == ["bis zur 50. Sitzung", "zu ihrer Herbstsitzung 2026"]


def test_amounts_and_shares(extract):
    res = extract("1. Die DMK beschließt das Programm Offene Daten und stellt hierfür jährlich "
                  "1,5 Mio. Euro bereit.\n\nBegründung:\n\nDas Bundesministerium für Gesundheit "
                  "fördert das Programm Offene Daten mit 50 Prozent der Ausgaben.\n")
    fin = [s for s in res[0].statements if s.predicate == "FINANCES"]
    assert fin[0].subject.id == "DMK" and "1,5 Mio. Euro" in fin[0].amount
    assert fin[1].subject.id == "BMG" and fin[1].share == "50 Prozent"


def test_request_for_money_is_not_financing(extract):
    res = extract("1. Die DMK bittet den Bund, die Finanzierung in Höhe von 3 Mio. Euro "
                  "sicherzustellen.\n")
    assert [s.predicate for s in res[0].statements] == ["REQUESTS"]
    assert res[0].statements[0].amount == "3 Mio. Euro"


def test_protokollerklaerung(extract):
    res = extract("1. Die DMK begrüßt den Bericht.\n\nProtokollerklärung Sachsen:\n"
                  "Sachsen trägt den Beschluss mit.\n")
    decl = [s for s in res[0].statements if s.predicate == "DECLARES"]
    assert decl[0].subject.id == "DE-SN" and "Protokollerklärung" in decl[0].object.name


def test_multi_resolution_file(extract):
    header = "Sammlung der Beschlüsse der 12. Digitalministerkonferenz am 14.03.2025\n\n"
    body = ("TOP 1: Cloud\n\n1. Die DMK begrüßt die Cloudstrategie.\n\n"
            "TOP 2: Daten\n\n1. Die DMK bittet den Bund, Daten bereitzustellen.\n")
    res = extract(body, header=header)
    assert [r.item for r in res] == ["TOP 1", "TOP 2"]
    assert all(r.issuer.id == "DMK" and r.date == "2025-03-14" for r in res)


def test_begruendung_statements_and_participles(extract, triples):
    res = extract("1. Die DMK begrüßt den Bericht.\n\nBegründung:\n\nDer vom BMI eingesetzte "
                  "Lenkungskreis hat den Bericht beschlossen. Die Federführung für das Vorhaben "
                  "liegt beim Land Hessen.\n")
    got = triples(res)
    assert ("BMI", "ESTABLISHES", "Lenkungskreis") in got
    assert any(t[0] == "DE-HE" and t[1] == "LEADS" for t in got)


def test_provenance_offsets_point_at_the_sentence(extract, tmp_path):
    res = extract("1. Die DMK bittet den Bund, zu berichten. Sie begrüßt den Bericht.\n")
    from loaders import read_document

    text = read_document(tmp_path / "resolution.txt").text
    for st in res[0].statements:
        assert text[st.source.start:st.source.end] == st.source.sentence
        assert st.source.point == "1"


def test_more_deadline_forms(extract):
    res = extract("1. Die DMK bittet den Bund, bis 31. Dezember 2026 zu berichten.\n\n"
                  "2. Die DMK bittet die FITKO, im ersten Halbjahr 2027 einen Entwurf "
                  "vorzulegen.\n\n"
                  "3. Die DMK bittet das BMI, spätestens zum 30.6.2026 Zahlen zu liefern.\n\n"
                  "4. Die DMK bittet das BMG, bis Ende des Jahres eine Liste vorzulegen.\n\n"
                  "5. Die DMK bittet das BSI, im Jahr 2027 erneut zu berichten.\n")
    got = [(s.deadline, s.deadline_date) for s in res[0].statements]
    assert got == [("bis 31. Dezember 2026", "2026-12-31"),
                   ("im ersten Halbjahr 2027", "2027-06-30"),
                   ("spätestens zum 30.6.2026", "2026-06-30"), ("bis Ende des Jahres", None),
                   ("im Jahr 2027", None)]
