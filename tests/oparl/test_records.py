"""OParl objects as records, without a server: Kommune, Gremium, local dates, texts."""

from __future__ import annotations

from loaders.oparl.records import kommune_ref, local_date, organization_ref
from loaders.oparl.texts import decision_text


def test_a_body_is_a_kommune_by_its_ags_and_named_from_the_body() -> None:
    body = {"id": "http://127.0.0.1/b/1", "name": "Landkreis Musterland", "ags": "09999000",
            "shortName": "Musterland", "classification": "Landkreis"}
    kommune = kommune_ref(body)
    assert (kommune.id, kommune.name, kommune.type_key, kommune.known) == (
        "DE-09999000", "Landkreis Musterland", "kreis", True)
    without_ags = kommune_ref({"id": "http://127.0.0.1/b/2", "name": "Gemeinde Neudorf"})
    assert (without_ags.id, without_ags.type_key, without_ags.known) == (
        "gemeinde-neudorf", "gemeinde", False)


def test_an_organization_is_a_gremium_of_its_kommune() -> None:
    home = kommune_ref({"id": "b", "name": "Stadt Beispielstadt", "ags": "08999002",
                        "shortName": "Beispielstadt"})
    council = organization_ref({"id": "o1", "name": "Stadtrat"}, home)
    assert (council.id, council.name, council.type_key) == (
        "DE-08999002/stadtrat", "Stadtrat Beispielstadt", "committee")
    assert "Stadtrat der Stadt Beispielstadt" in council.aliases
    named = organization_ref({"id": "o2", "name": "Rat der Stadt Beispielstadt"}, home)
    assert named.name == "Rat der Stadt Beispielstadt"


def test_the_meeting_start_is_a_german_local_date() -> None:
    assert local_date("2026-03-10T23:30:00+00:00") == "2026-03-11"
    assert local_date("2026-07-10T23:30:00+00:00") == "2026-07-11"  # summer time
    assert local_date("2026-03-10T23:30:00+01:00") == "2026-03-10"
    assert local_date("2026-03-10") == "2026-03-10"
    assert local_date(None) is None


def test_markup_without_words_is_no_decision() -> None:
    assert decision_text(None, {"id": "i", "resolutionText": "<p> </p>"}) == (None, None)
    _, doc = decision_text(None, {"id": "i", "resolutionText": "<p>Der Rat beschließt.</p>"})
    assert (doc.path, doc.format, doc.text.strip()) == ("i", "html", "Der Rat beschließt.")
