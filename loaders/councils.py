"""The organ of a municipal decision when no letterhead names its town.

Council information systems publish a decision as a bare block ("Beschluss: einstimmig
beschlossen", vote lines, the decision text). The organ is then named by the text ("fasst der
Finanzausschuss folgenden Beschluss", "Der Ortsbeirat bittet den Magistrat", "Die
Stadtverordnetenversammlung beschließt") or only implied. Either way the decision has a
speaker: an organ of a Kommune the text does not identify, scoped to the document.
"""

from __future__ import annotations

import re
from dataclasses import replace

from loaders.bodies import TOWN, genitive, kommune
from loaders.records import ActorRef, slug
from loaders.sites import SitePlace

# Deciding organs of German Kommunen; committees by their head noun ("Bau- und Umweltausschuss").
ORGAN_WORDS = (r"(?:(?:Stadtverordnetenversammlung|Bürgerschaft|Gemeindevertretung|Samtgemeinderat|"
               r"Ortsgemeinderat|Verbandsgemeinderat|Gemeinderat|Stadtrat|Stadtbezirksrat|"
               r"Ortschaftsrat|Ortsbeirat|Ortsrat|Bezirksvertretung|Bezirksversammlung|"
               r"Bezirksausschuss|Kreistag|Kreisausschuss|Magistrat|Rat\s+der\s+Stadt|"
               r"Rat\s+der\s+Gemeinde|(?:[A-ZÄÖÜ][\w]*-\s+und\s+)?[A-ZÄÖÜ][\w\-]*ausschuss"
               r"(?:\s+für\s+[A-ZÄÖÜ][\w\-]*(?:\s+und\s+[A-ZÄÖÜ][\w\-]*)?)?|Rat)"
               r"(?:\s+\d{1,2}(?![\d.]))?)")  # "Ortsbeirat 10"
DECIDES = r"(?:beschließt|beschloss|fasst|nimmt|stimmt|billigt|genehmigt|beauftragt|bittet|" \
          r"empfiehlt|ermächtigt|lehnt|hat)"
# "Der Stadtrat beschließt", "fasst der Finanzausschuss folgenden Beschluss",
# "Beschluss des Gemeinderates", "Der Hauptausschuss empfiehlt dem Rat".
SPEAKS = [
    re.compile(r"^(?P<organ>" + ORGAN_WORDS + r")\s*$", re.M),  # a heading: "Ortsbeirat 10"
    re.compile(r"\b(?:Der|Die|Das)\s+(?P<organ>" + ORGAN_WORDS + r")(?:\s+der\s+Stadt\s+\S+)?"
               r"\s+" + DECIDES + r"\b"),
    re.compile(r"\b" + DECIDES + r"\s+(?:der|die|das)\s+(?P<organ>" + ORGAN_WORDS + r")\b"),
    re.compile(r"\b(?:Beschluss|Empfehlung)\s+(?:des|der)\s+(?P<organ>" + ORGAN_WORDS
               + r")(?:e?s)?\b"),
]
# Words that tell a town from a municipality or a county when the organ is only implied.
KIND_HINTS = [("Kreistag", r"\b(?:Landrat|Landrätin|Kreisverwaltung|Landkreis|Kreistag)"),
              ("Stadtrat", r"\b(?:Oberbürgermeister(?:in)?|Stadtverwaltung|Stadtrat|städtisch)"),
              ("Gemeinderat", r"\b(?:Bürgermeister(?:in)?|Gemeindeverwaltung|Gemeinderat|"
                              r"Gemeinde)\b")]
# A council page's decision block: the result line or vote lines of a sitting.
DECISION_BLOCK = re.compile(r"^(?:Beschluss(?:text)?|Beschlussempfehlung|Abstimmung(?:sergebnis)?|"
                            r"Ergebnis)\s*:|^(?:einstimmig|mehrheitlich)\s+beschlossen\b"
                            r"|\bJa\s*:\s*\d+", re.M)


def organ_named(text: str) -> str | None:
    """The organ a decision text says speaks, in its nominative form."""
    for pattern in SPEAKS:
        m = pattern.search(text)
        if m:
            organ = " ".join(m.group("organ").split())
            return re.sub(r"(?<=[rt])e?s$", "", organ) if organ.endswith(("rates", "rats")) \
                else organ
    return None


# An organ the page names in passing ("vom Ortsbeirat benannten"); not the executive, which
# is addressed rather than deciding ("Der Magistrat wird gebeten").
MENTIONED = re.compile(r"\b(?:de[rsmn]|vom|im)\s+(?P<organ>" + ORGAN_WORDS + r")(?:e?s)?\b"
                       r"|\b(?P<sitting>Gemeinderat|Stadtrat|Kreistag|Ortschaftsrat|Ortsbeirat|"
                       r"Bezirksbeirat)s?sitzung")
EXECUTIVE = {"Magistrat", "Rat"}


def organ_mentioned(text: str) -> str | None:
    """The first deciding organ a page names at all."""
    for m in MENTIONED.finditer(text):
        organ = re.sub(r"(?<=rat)e?s$", "", " ".join((m.group("organ") or m.group("sitting"))
                                                      .split()))
        if organ not in EXECUTIVE:
            return organ
    return None


def organ_of(text: str, decides: bool) -> str | None:
    """The organ a council page names or implies, else None."""
    return organ_named(text) or organ_mentioned(text) or implied_organ(text, decides)


def implied_organ(text: str, decides: bool) -> str | None:
    """ "Stadtrat", "Gemeinderat", "Kreistag" from the words a council page uses, else "Rat",
    when the page is a decision block or `decides` (it holds a decision wording)."""
    if not decides and not DECISION_BLOCK.search(text):
        return None
    for organ, hint in KIND_HINTS:
        if re.search(hint, text):
            return organ
    return "Rat"


def unidentified_council(organ: str, document_key: str) -> ActorRef:
    """An organ of a Kommune the text does not name: an actor of its own per document, so
    two towns' councils never merge."""
    return ActorRef(id=f"kommune-{document_key[:10]}/{slug(organ)}", name=organ,
                    type_key="committee", known=False, level="board", aliases=())


# The kind of Kommune an organ belongs to, where its name says it.
ORGAN_KINDS = (("Stadt", r"^(?:Stadt|Magistrat|Bürgerschaft|Bezirks)"),
               ("Gemeinde", r"^(?:Gemeinde|Ortsgemeinde|Verbandsgemeinde)"),
               ("Samtgemeinde", r"^Samtgemeinde"), ("Landkreis", r"^Kreis"))


# A Kommune the page names: "Sitzungstermine in der Samtgemeinde Grasleben".
NAMED_PLACE = re.compile(r"\b(?P<kind>Stadt|Gemeinde|Samtgemeinde|Verbandsgemeinde|Markt|"
                         r"Landkreis|Kreis)\s+(?P<place>" + TOWN + r")")
COUNTY_ORGANS = ("Kreistag", "Kreisausschuss")


def place_named(text: str, organ: str) -> SitePlace | None:
    """The Kommune a page names (a Kreis only for an organ of a Kreis), else None."""
    county = organ.startswith(COUNTY_ORGANS)
    for m in NAMED_PLACE.finditer(text):
        if (m.group("kind") in {"Landkreis", "Kreis"}) == county:
            return SitePlace(name=m.group("place"), kind=m.group("kind"), spellings=())
    return None


def site_council(organ: str, place: SitePlace, text: str) -> tuple[ActorRef, ActorRef]:
    """The Kommune a council site is for and its organ that decides: "Stadtrat" on a page of
    Kitzingen's system is the Stadtrat of Kitzingen. The kind of Kommune comes from the
    address, the organ or the page's words; where none says it, the place stands alone."""
    kind = place.kind or next((k for k, p in ORGAN_KINDS if re.match(p, organ)), None)
    if kind is None:
        hinted = next((o for o, hint in KIND_HINTS if re.search(hint, text)), None)
        kind = {"Kreistag": "Landkreis", "Stadtrat": "Stadt", "Gemeinderat": "Gemeinde"}.get(
            hinted or "")
    town = f"{kind} {place.name}" if kind else place.name
    home = kommune(town)
    home = replace(home, aliases=(*home.aliases, *place.spellings))
    name = f"{organ} {place.name}"
    return home, ActorRef(id=f"{home.id}/{slug(organ)}", name=name, type_key="committee",
                          known=False, level="board",
                          aliases=(f"{organ} {genitive(home)}", town, place.name,
                                   *place.spellings, organ))
