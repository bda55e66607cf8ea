"""Published collections of decisions (Bundesanzeiger notices, decision lists): one resolution
per numbered decision, each with its own title and points. Texts invented."""

from __future__ import annotations

NOTICE = """Bekanntmachung der Entscheidungen des IT-Planungsrats

Vom 4. Mai 2025

Auf Grund des IT-Staatsvertrags werden Entscheidungen des IT-Planungsrats veröffentlicht (Anlage).

Anlage

Offene Schnittstellen
Beschlussnummer (2025/07)

1.
Der IT-Planungsrat nimmt den Bericht zu offenen Schnittstellen zur Kenntnis.
2.
Er bittet Bayern als Themenpate und die AG Schnittstellen um einen Umsetzungsplan.

Registerdaten
Beschluss: 2025/08
Der IT-Planungsrat stimmt dem Konzept Registerdaten zu.
"""


def test_bare_numbers_head_decisions_and_the_line_before_is_the_title(extract):
    res = extract(NOTICE, header="")
    assert [(r.item, r.title) for r in res] == [("2025/07", "Offene Schnittstellen"),
                                                ("2025/08", "Registerdaten")]


def test_point_numbers_on_lines_of_their_own(extract):
    res = extract(NOTICE, header="")
    points = [(s.predicate, s.source.point) for s in res[0].statements]
    assert ("TAKES_NOTE", "1") in points and ("REQUESTS", "2") in points


def test_a_role_in_apposition_does_not_end_the_list_of_addressees(extract):
    res = extract(NOTICE, header="")
    asked = {s.object.name for s in res[0].statements if s.predicate == "REQUESTS"}
    assert asked == {"Bayern", "Arbeitsgruppe Schnittstellen"}
