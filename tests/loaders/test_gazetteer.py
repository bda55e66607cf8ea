from ontology.gazetteer import load_gazetteer


def test_inflected_and_hyphen_variants():
    g = load_gazetteer()
    assert g.resolve("des IT-Planungsrates").id == "ITPLR"
    assert g.resolve("dem Land Hessen").id == "DE-HE"
    assert g.resolve("der kommunalen Spitzenverbände").id == "KSV"
    assert g.resolve("BAUMINISTERKONFERENZ").id == "BMK"
    assert g.resolve("Bundes").id == "DE"


def test_longest_match_and_successors():
    g = load_gazetteer()
    found = g.find_all("Sachsen-Anhalt und das Bundesministerium für Digitales und Verkehr")
    assert [m.actor.id for m in found] == ["DE-ST", "BMDV"]
    assert g.actors["BMDV"].succeeded_by == ("BMDS", "BMV")
    assert g.actors["DE-BY"].level == "land"


def test_a_special_sitting_names_its_body_by_abbreviation(extract):
    res = extract("1. Die Ministerinnen und Minister nehmen den Bericht zur Kenntnis.\n",
                  header="Beschlüsse der Sonder-GMK 04.11.2025\n\nTOP 3 Impfstrategie\n\n")
    assert res[0].issuer.id == "GMK"
