"""Fixtures for the ontology tests (no Neo4j needed).

`dmk_graph` describes, as the graph layer would hand it to the RDF export, the facts of the
Digitalministerkonferenz resolution of 18.10.2024, TOP 7
(../shared/corpus/dev/dmk-2024-10-18-top07): issuer, submitters, the earlier resolution it
builds on, four statements with their sentences, and one obligation (the request to the
Bauministerkonferenz), fulfilled by the BMK resolution of 25.09.2025 (confirmed by a person).
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

FIXTURES = Path(__file__).with_name("fixtures")
RES = "DMK/2024-10-18/top-7"
BMK_RES = "BMK/2025-09-25/top-12"  # answers the DMK's request (corpus: bmk-2025-09-25-top12)
REQUEST_SENTENCE = (
    "Die Digitalministerkonferenz bittet die Bauministerkonferenz, die "
    "Raumentwicklungsministerkonferenz und den IT-Planungsrat darum, im Rahmen ihrer "
    "Zuständigkeiten eine Umsetzung des Stufenplans zu unterstützen und bis zur "
    "Frühjahrs-Digitalministerkonferenz 2025 eine Stellungnahme und konkrete Vorschläge für "
    "die Umsetzungsunterstützung mitzuteilen."
)


def _node(labels: list[str], **props: Any) -> dict[str, Any]:
    return {"labels": labels, "properties": props}


def _rel(rel_type: str, source: str, target: str, /, **props: Any) -> dict[str, Any]:
    return {"type": rel_type, "start": source, "end": target, "properties": props}


def _dmk() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    nodes = [
        _node(["Actor", "MinisterialConference"], id="DMK", name="Digitalministerkonferenz",
              aliases=["DMK"], level="conference"),
        _node(["Actor", "MinisterialConference"], id="BMK", name="Bauministerkonferenz",
              aliases=["BMK", "ARGEBAU"], level="conference"),
        _node(["Actor", "Bund"], id="DE", name="Bund", aliases=["Bundesregierung"], level="bund"),
        _node(["Actor", "Ministry", "FederalMinistry"], id="BMWSB",
              name="Bundesministerium für Wohnen, Stadtentwicklung und Bauwesen",
              aliases=["BMWSB"], level="ministry"),
        _node(["Actor", "Committee"], id="BMWSB/beirat-smarte-staedte",
              name="Beirat Smarte Städte und Regionen", level="board"),
        _node(["Actor", "Land"], id="DE-HE", name="Hessen", aliases=["Land Hessen"],
              level="land"),
        _node(["Actor", "Land"], id="DE-BY", name="Bayern", level="land"),
        _node(["Matter", "Initiative"], id="matter/stufenplan-smarte-staedte-und-regionen",
              name="Stufenplan „Smarte Städte und Regionen“"),
        _node(["Resolution"], id=RES, date="2024-10-18", session="2", place="Berlin",
              item="TOP 7", document="dmk-2024-10-18-top07.txt",
              title="Länderübergreifende Umsetzung des Stufenplans „Smarte Städte und "
                    "Regionen“ zur Stärkung der Digitalisierung in den Kommunen",
              aliases_text="ignored search helper"),
        _node(["Resolution"], id="DMK/2024-04-19/earlier", date="2024-04-19"),
        _node(["Resolution"], id=BMK_RES, date="2025-09-25", session="146",
              place="Leipzig", item="TOP 12"),
        _node(["FulfilmentDecision"], id=f"{RES}/4/BMK <- {BMK_RES}", obligation=f"{RES}/4/BMK",
              resolution=BMK_RES, decision="confirmed", by="analyst",
              at="2025-10-01T09:30:00"),
        _node(["Obligation"], id=f"{RES}/4/BMK", status="open", resolution=RES,
              deadline="bis zur Frühjahrs-Digitalministerkonferenz 2025"),
    ]
    stufenplan = "matter/stufenplan-smarte-staedte-und-regionen"
    beirat = "BMWSB/beirat-smarte-staedte"
    rels = [
        _rel("ISSUED_BY", RES, "DMK"),
        _rel("ISSUED_BY", "DMK/2024-04-19/earlier", "DMK"),
        _rel("SUBMITS", "DE-HE", RES),
        _rel("SUBMITS", "DE-BY", RES),
        _rel("REFERS_TO", RES, "DMK/2024-04-19/earlier"),
        _rel("PART_OF", "BMWSB", "DE"),
        _rel("ESTABLISHES", "BMWSB", beirat, resolution=RES, point="1", start=112, end=371,
             sentence="Die Digitalministerkonferenz begrüßt, dass der vom Bundesministerium für "
                      "Wohnen, Stadtentwicklung und Bauwesen (BMWSB) eingesetzte Beirat am "
                      "11.06.2024 den Stufenplan „Smarte Städte und Regionen“ beschlossen hat.",
             confidence=0.8),
        _rel("ADOPTS", beirat, stufenplan, resolution=RES, point="1", start=112, end=371,
             date="2024-06-11",
             sentence="Die Digitalministerkonferenz begrüßt, dass der vom Bundesministerium für "
                      "Wohnen, Stadtentwicklung und Bauwesen (BMWSB) eingesetzte Beirat am "
                      "11.06.2024 den Stufenplan „Smarte Städte und Regionen“ beschlossen hat."),
        # as graph/store.py writes it: also an id, the document and a search helper
        _rel("REQUESTS", "DMK", "BMK", resolution=RES, point="4", start=1320, end=1634,
             id=f"{RES}#3", document="dmk-2024-10-18-top07.txt", resolution_date="2024-10-18",
             sentence=REQUEST_SENTENCE,
             deadline="bis zur Frühjahrs-Digitalministerkonferenz 2025",
             action="Stellungnahme und konkrete Vorschläge mitteilen", confidence=0.9),
        _rel("REQUESTS", "DMK", "DE", resolution=RES, point="5", start=1635, end=1860,
             sentence="Die Digitalministerkonferenz bittet den Bund, die Anschubfinanzierung "
                      "für die beiden im Stufenplan enthaltenen Umsetzungsmaßnahmen (für die "
                      "Jahre 2025 und 2026) sicherzustellen …",
             action="Anschubfinanzierung sicherstellen"),
        _rel("ISSUED_BY", BMK_RES, "BMK"),
        _rel("REFERS_TO", BMK_RES, RES),
        _rel("FULFILS", BMK_RES, f"{RES}/4/BMK", status="confirmed", confidence=1.0,
             evidence="Bitte der Digitalministerkonferenz vom 18.10.2024"),
        _rel("ADDRESSED_TO", f"{RES}/4/BMK", "BMK"),
        _rel("REQUESTED_BY", f"{RES}/4/BMK", "DMK"),
        _rel("CONCERNS", f"{RES}/4/BMK", stufenplan),
        _rel("ARISES_FROM", f"{RES}/4/BMK", RES),
    ]
    return nodes, rels


@pytest.fixture
def dmk_graph() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Nodes and relationships of the DMK fixture (a fresh deep copy per test)."""
    return copy.deepcopy(_dmk())
