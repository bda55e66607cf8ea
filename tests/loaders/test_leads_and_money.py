"""LEADS, ESTABLISHES, COOPERATES_WITH and FINANCES wordings of municipal and Land papers."""

from __future__ import annotations


def test_federfuehrung_obliegt_and_cooperation_in_a_task(extract, triples):
    res = extract("1. Die DMK beauftragt die FITKO, bis Ende 2026 eine Cloudstrategie "
                  "vorzulegen. Die Federführung obliegt dem Land Bremen; die Strategie wird in "
                  "Abstimmung mit dem Deutschen Städtetag erarbeitet.\n")
    got = triples(res)
    assert ("DE-HB", "LEADS", "Cloudstrategie") in got
    assert ("FITKO", "COOPERATES_WITH", "DST") in got


def test_passive_establishment_under_leadership(extract, triples):
    res = extract("1. Zur Steuerung wird eine Lenkungsgruppe Cloud unter Leitung des "
                  "Beigeordneten für Digitales, Personal und Allgemeine Verwaltung eingerichtet.\n")
    assert ("DMK", "ESTABLISHES", "Lenkungsgruppe Cloud") in triples(res)
    named = {(s.subject.name, s.predicate, s.object.name) for s in res[0].statements}
    assert ("Beigeordneter für Digitales, Personal und Allgemeine Verwaltung", "LEADS",
            "Lenkungsgruppe Cloud") in named


def test_den_vorsitz_fuehrt_and_abbreviation_owner(extract):
    res = extract("1. Beim Bundesamt für Sicherheit in der Informationstechnik wird eine "
                  "Taskforce Cloud eingerichtet. Den Vorsitz führt der Staatssekretär des BMI.\n")
    lead = next(s for s in res[0].statements if s.predicate == "LEADS")
    assert lead.subject.id == "BMI/staatssekretaer" and lead.object.name == "Taskforce Cloud"


def test_tasked_body_leads_what_it_implements(extract, triples):
    res = extract("1. Das BMG wird beauftragt, das Förderprogramm Pflege federführend "
                  "umzusetzen.\n")
    assert ("BMG", "LEADS", "Förderprogramm Pflege") in triples(res)


def test_lead_of_the_body_named_right_before(extract):
    res = extract("1. Die DMK beauftragt die Arbeitsgruppe Cloud unter Federführung Bremens, "
                  "ein Konzept zu erarbeiten.\n")
    lead = next(s for s in res[0].statements if s.predicate == "LEADS")
    assert (lead.subject.id, lead.object.name) == ("DE-HB", "Arbeitsgruppe Cloud")


def test_passive_money_for_a_fronted_purpose(extract):
    res = extract("1. Für die Sanierung der Schulen werden im Haushaltsjahr 2027 Mittel in Höhe "
                  "von 2,4 Mio. Euro bereitgestellt. Die Daten werden den Ländern zur Verfügung "
                  "gestellt.\n")
    fin = [s for s in res[0].statements if s.predicate == "FINANCES"]
    assert len(fin) == 1 and fin[0].subject.id == "DMK"
    assert "Sanierung" in fin[0].object.name and fin[0].amount == "2,4 Mio. Euro"


def test_fronted_purpose_with_subject_after_the_verb(extract):
    res = extract("1. Für den Probebetrieb stellt die FITKO im Jahr 2026 Mittel in Höhe von "
                  "300.000 Euro zur Verfügung.\n")
    fin = next(s for s in res[0].statements if s.predicate == "FINANCES")
    assert fin.subject.id == "FITKO" and fin.object.name == "Probebetrieb"


def test_elliptic_share_of_the_same_costs(extract):
    res = extract("1. Das Land Hessen trägt einen Anteil von 70 % der Kosten der Leitstelle; "
                  "das Land Bayern trägt 30 %.\n")
    fin = {s.subject.id: s for s in res[0].statements if s.predicate == "FINANCES"}
    assert fin["DE-BY"].object.id == fin["DE-HE"].object.id and fin["DE-BY"].share == "30 %"


def test_established_in_a_welcomed_dass_clause(extract, triples):
    res = extract("1. Die DMK begrüßt, dass der Bund eine Koordinierungsstelle Cloud eingerichtet "
                  "hat.\n")
    assert ("DE", "ESTABLISHES", "Koordinierungsstelle Cloud") in triples(res)


def test_company_as_partner_and_agreement_with_a_town(extract, triples):
    res = extract("1. Die DMK stimmt dem Abschluss einer Zweckvereinbarung mit der Gemeinde "
                  "Musterdorf zu. Die FITKO arbeitet dabei in Abstimmung mit der Datenwerk "
                  "Nord GmbH.\n")
    got = triples(res)
    assert ("DMK", "COOPERATES_WITH", "Gemeinde Musterdorf") in got
    assert ("FITKO", "COOPERATES_WITH", "Datenwerk Nord GmbH") in got


def test_share_in_costs_with_sich_beteiligen(extract, triples):
    res = extract("1. Die DMK stellt fest, dass sich der Bund mit bis zu 2 Mrd. Euro an den "
                  "Investitionskosten beteiligt.\n\n2. Die DMK bittet die Länder, sich an der "
                  "Erprobung zu beteiligen.\n")
    fin = [s for s in res[0].statements if s.predicate == "FINANCES"]
    assert [(s.subject.id, s.object.name) for s in fin] == [("DE", "Investitionskosten")]
    assert "2 Mrd. Euro" in fin[0].amount
