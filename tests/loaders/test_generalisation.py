"""Constructions beyond the first sentence shapes: one small invented text each."""

from __future__ import annotations

COUNCIL = ("Stadt Neustadt\n\nBeschlussvorlage\n\nBeschlussorgan: Stadtrat    Sitzung am "
           "05.05.2025    TOP 2\n\nBetreff: Radwege\n\nAntrag:\n\n")


def test_plural_members_speak_as_the_conference(extract, triples):
    res = extract("1. Die Verkehrsministerinnen und Verkehrsminister der Länder nehmen den "
                  "Bericht zur Kenntnis.\n\n2. Sie fordern den Bund auf, die Mittel zu erhöhen.\n")
    got = triples(res)
    assert ("DMK", "TAKES_NOTE", "Bericht") in got and ("DMK", "REQUESTS", "DE") in got


def test_named_laender_replace_all_laender(extract, triples):
    res = extract("1. Die Länder Thüringen und Sachsen werden gebeten, bis zum 1. Quartal 2026 "
                  "Vorschläge zu machen.\n")
    assert {t[2] for t in triples(res)} == {"DE-TH", "DE-SN"}
    assert res[0].statements[0].deadline_date == "2026-03-31"


def test_second_addressee_after_its_own_task(extract, triples):
    res = extract("1. Die DMK bittet das BMG, einen Entwurf vorzulegen, und den IT-Planungsrat, "
                  "die Schnittstellen zu prüfen.\n")
    assert {("DMK", "REQUESTS", "BMG"), ("DMK", "REQUESTS", "ITPLR")} <= triples(res)


def test_established_body_is_led_and_tasked_by_pronoun(extract):
    res = extract("1. Die DMK setzt eine Projektgruppe „Offene Schnittstellen“ unter Vorsitz von "
                  "Bremen ein. Sie wird beauftragt, zur 7. DMK zu berichten.\n")
    by = {s.predicate: s for s in res[0].statements}
    body = by["ESTABLISHES"].object
    assert body.name == "Projektgruppe Offene Schnittstellen"
    assert by["LEADS"].subject.id == "DE-HB" and by["LEADS"].object.id == body.id
    assert by["TASKS"].object.id == body.id and "7" in by["TASKS"].deadline


def test_federfuehrung_liegt_bei_two_laender(extract, triples):
    res = extract("1. Die DMK richtet einen Lenkungskreis „Cloud“ ein. Die Federführung liegt "
                  "bei Bremen und dem Saarland.\n")
    got = triples(res)
    assert {("DE-HB", "LEADS", "Lenkungskreis Cloud"),
            ("DE-SL", "LEADS", "Lenkungskreis Cloud")} <= got


def test_federfuehrend_geleitet_and_chair_of_a_committee(extract, triples):
    res = extract("1. Sie richtet eine Arbeitsgruppe „Register“ ein, die federführend von Berlin "
                  "geleitet wird.\n\nBegründung:\n\nDer Arbeitskreis „Normen“ tagt unter Vorsitz "
                  "des Bundesministeriums der Finanzen.\n")
    got = triples(res)
    assert ("DE-BE", "LEADS", "Arbeitsgruppe Register") in got
    assert ("BMF", "LEADS", "Arbeitskreis Normen") in got


def test_cooperation_as_fact_and_of_the_addressee_of_a_request(extract, triples):
    res = extract("1. Die DMK bittet den Bund, gemeinsam mit Hessen ein Konzept vorzulegen.\n\n"
                  "Begründung:\n\nBremen betreibt das Portal. Seit 2024 baut das Land das Portal "
                  "gemeinsam mit Niedersachsen aus.\n")
    coop = {t for t in triples(res) if t[1] == "COOPERATES_WITH"}
    assert coop == {("DE-HB", "COOPERATES_WITH", "DE-NI"), ("DE", "COOPERATES_WITH", "DE-HE")}


def test_generic_heads_are_scoped_to_their_owner(extract):
    res = extract("1. Der Vorsitz der Innenministerkonferenz wird gebeten, zu berichten.\n\n"
                  "2. Die DMK bittet ihren Vorsitz, den Bund zu unterrichten.\n")
    ids = [s.object.id for s in res[0].statements if s.predicate == "REQUESTS"]
    assert ids == ["IMK/vorsitz", "DMK/vorsitz"]
    assert "Vorsitz der Innenministerkonferenz" in res[0].statements[0].object.aliases


def test_council_issuer_kommune_and_its_administration(extract):
    res = extract("1. Der Stadtrat beauftragt die Verwaltung, bis Ende 2027 einen Plan "
                  "vorzulegen.\n\n2. Die Stadt Neustadt stellt für Radwege 20.000 Euro bereit.\n",
                  header=COUNCIL)
    r = res[0]
    assert r.issuer.id == "stadt-neustadt/stadtrat" and r.date == "2025-05-05"
    task = r.statements[0]
    assert task.object.id == "stadt-neustadt/verwaltung" and task.object.name == "Verwaltung"
    assert "Verwaltung der Stadt Neustadt" in task.object.aliases
    assert task.deadline_date == "2027-12-31"
    assert r.statements[1].subject.type_key == "gemeinde"


def test_inverted_subject_zustaendig_and_cost_shares(extract):
    res = extract("1. Die DMK begrüßt den Bericht.\n\nBegründung:\n\nZuständig für den Betrieb "
                  "ist die FITKO. Für die Wartung trägt der Bund 40 Prozent der Kosten. Die "
                  "übrigen Kosten tragen Bremen und Hamburg je zur Hälfte.\n")
    sts = res[0].statements
    resp = next(s for s in sts if s.predicate == "RESPONSIBLE_FOR")
    assert resp.subject.id == "FITKO" and resp.object.name == "Betrieb"
    fin = [s for s in sts if s.predicate == "FINANCES"]
    assert fin[0].subject.id == "DE" and fin[0].object.name == "Wartung"
    assert fin[0].amount == "40 Prozent"
    assert {s.subject.id for s in fin[1:]} == {"DE-HB", "DE-HH"}
    assert all("Hälfte" in s.share for s in fin[1:])


def test_money_only_is_financing(extract, triples):
    res = extract("1. Die DMK stellt für die Erprobung 1,2 Mio. Euro bereit.\n\nBegründung:\n\n"
                  "Bayern stellt die Software den Kommunen zur Verfügung. Hessen unterstützt das "
                  "Projekt mit einer Förderung von 90.000 Euro.\n")
    fin = {(t[0], t[2]) for t in triples(res) if t[1] == "FINANCES"}
    assert fin == {("DMK", "Erprobung"), ("DE-HE", "Projekt")}


def test_negation_rejection_and_subjunctive_give_nothing(extract):
    res = extract("1. Die DMK sieht keine Notwendigkeit, den Bund zu beauftragen.\n\n"
                  "2. Sie lehnt die Forderung ab, das Portal zu finanzieren.\n\nBegründung:\n\n"
                  "Der Antrag Bremens, die FITKO zu beauftragen, wurde abgelehnt. Der Bund "
                  "würde die Kosten tragen.\n")
    assert res[0].statements == []


def test_informs_with_dative_and_date(extract, triples):
    res = extract("1. Die DMK begrüßt den Bericht.\n\nBegründung:\n\nDie DMK hat den Bericht am "
                  "03.03.2025 dem IT-Planungsrat übermittelt.\n")
    st = next(s for s in res[0].statements if s.predicate == "INFORMS")
    assert st.object.id == "ITPLR" and st.date == "2025-03-03"


def test_quoted_draft_resolution_speaks_for_the_recipient(extract, triples):
    header = ("Länderoffene Arbeitsgruppe „Pflege“\n\nEmpfehlung an die "
              "Gesundheitsministerkonferenz\n\nSitzung am 4. März 2025\nVorsitz: Bremen\n\n")
    body = ("Die Arbeitsgruppe empfiehlt der Konferenz, folgenden Beschluss zu fassen:\n\n"
            "„1. Die GMK nimmt den Bericht zur Kenntnis.\n2. Das BMG wird gebeten, zu "
            "berichten.“\n")
    res = extract(body, header=header)
    r = res[0]
    assert r.issuer.name == "Arbeitsgruppe Pflege"
    got = triples(res)
    assert (r.issuer.id, "RECOMMENDS", "GMK") in got and ("GMK", "REQUESTS", "BMG") in got
    assert ("DE-HB", "LEADS", "Arbeitsgruppe Pflege") in got


def test_objects_are_clean_noun_phrases_with_initiative(extract):
    res = extract("1. Die DMK begrüßt das Förderprogramm „Smarte Dörfer“.\n\n2. Sie erklärt ihre "
                  "Bereitschaft, sich in die Umsetzung des Förderprogramms einzubringen.\n\n"
                  "3. Sie unterstützt den Aufbau einer Plattform und empfiehlt, diese an das "
                  "Bundesportal anzubinden.\n")
    names = {s.predicate: s for s in res[0].statements}
    assert names["SUPPORTS"].object.name in {"Umsetzung des Förderprogramms",
                                             "Aufbau einer Plattform"}
    assert names["WELCOMES"].object.type_key == "initiative"
    support = [s for s in res[0].statements if s.predicate == "SUPPORTS"]
    assert support[0].object.name == "Umsetzung des Förderprogramms"
    assert support[0].concerns.name == "Förderprogramm „Smarte Dörfer“"
    assert support[1].object.name == "Aufbau einer Plattform"
    assert names["RECOMMENDS"].object.name == "Bundesportal"


def test_metadata_layouts(extract):
    res = extract("1. Der Rat begrüßt den Bericht.\n",
                  header="IT-Planungsrat\n\nBeschluss Nr. 2025/99\n\nSitzung: 60. Sitzung\n"
                         "Datum: 8. Mai 2025\nOrt: Kiel\n\nRegister\n\nEinreicher: Bremen\n\n")
    r = res[0]
    assert (r.issuer.id, r.date, r.place, r.item, r.session) == (
        "ITPLR", "2025-05-08", "Kiel", "2025/99", "60")
    assert [a.id for a in r.submitters] == ["DE-HB"]
    dated = extract("1. Die KMK begrüßt den Bericht.\n",
                    header="Titel der Sache\n\n(Beschluss der Kultusministerkonferenz vom "
                           "12.12.2025)\n\nAnknüpfend an ihren Beschluss vom 01.02.2024 fasst "
                           "die Kultusministerkonferenz folgenden Beschluss:\n\n")
    assert dated[0].date == "2025-12-12"
    assert [x.date for x in dated[0].references] == ["2024-02-01"]


def test_beratungsfolge_gives_the_deciding_council(extract):
    header = ("Landkreis Waldau\n\nBeschlussvorlage\nDatum: 01.08.2025\n\nBeratungsfolge:\n"
              "Kreisausschuss 02.09.2025 Vorberatung\nKreistag 30.09.2025 Entscheidung\n\n"
              "Betreff: Schulbus\n\nBeschlussvorschlag:\n\n")
    res = extract("1. Der Kreistag stimmt dem Konzept zu.\n\n2. Der Landrat wird beauftragt, "
                  "zu berichten.\n\nSachverhalt:\n\nDer Landkreis hat das Konzept am 01.07.2025 "
                  "dem Land Hessen übermittelt.\n", header=header)
    r = res[0]
    assert r.issuer.id == "landkreis-waldau/kreistag" and r.date == "2025-09-30"
    preds = {(s.subject.id, s.predicate, s.object.id) for s in r.statements}
    assert ("landkreis-waldau/kreistag", "TASKS", "landkreis-waldau/landrat") in preds
    assert ("landkreis-waldau", "INFORMS", "DE-HE") in preds
    kreis = next(s.subject for s in r.statements if s.subject.id == "landkreis-waldau")
    assert kreis.type_key == "kreis" and kreis.land == "DE-HE"


def test_quoted_initiative_name_keeps_its_und() -> None:
    from loaders.roles import find_initiatives

    found = find_initiatives("Der Rat begrüßt das Förderprogramm „Wasser und Wärme im "
                             "Quartier“ und bittet um Umsetzung des Förderprogramms.")
    assert found["förderprogramm"].name == "Förderprogramm „Wasser und Wärme im Quartier“"
