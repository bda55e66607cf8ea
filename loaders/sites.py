"""The Kommune a council information system publishes for, read from the page's address.

A decision page of SessionNet, ALLRIS, komuna and the like often names neither town nor
organ ("Beschluss: beschlossen", vote lines, the decision); the address it was fetched from
does: `buergerinfo.kitzingen.info`, `ratsinfo-friedberg-hessen.de`, `session.stadt-xy.de`,
or, on a hosting provider's domain, the first label or path segment
(`buergerinfo-stadt-stein.<provider>.de`, `ris.<provider>.net/rohrbach/`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

# Labels of a council information system or a Kommune's official notices: an address with
# one of them (or a kind word, a system's page name, a provider) is a Kommune's own site.
SYSTEM_WORDS = frozenset({
    "bi", "bis", "bi2", "buergerinfo", "buergerinformation", "ratsinfo", "ratsinfo2",
    "ratsinformation", "ratsinfosystem", "ratsinformationssystem", "ris", "rim", "ksd",
    "session", "sessionnet", "sitzungsdienst", "sitzungen", "gremien", "gremieninfo", "allris",
    "sdnet", "smc", "kreistag", "stadtrat", "gemeinderat", "bekanntmachungen", "amtsblatt",
    "stadtverwaltung", "gemeindeverwaltung"
})
# Other labels that never name the town.
SERVICE_WORDS = SYSTEM_WORDS | frozenset({
    "www", "www2", "ri", "info", "informationen", "intern", "extern", "portal", "online",
    "transparent", "transparenz", "rat", "politik", "verwaltung", "edv", "it", "net", "web",
    "buergerportal", "service", "services", "cloud", "public", "sg", "migration"
})
# Page names of council information systems (SessionNet to0050.asp, ALLRIS to020.asp, komuna).
SYSTEM_PAGE = re.compile(r"/(?:to|vo|si|kp|pa|au)\d{3,4}(?:\.(?:php|asp))?\b|/Meeting\.mvc/"
                         r"|/(?:bi|ris)/", re.I)
# What kind of Kommune a label says it is ("stadt-koeln", "gemeinde-waldburg").
KIND_WORDS = {"stadt": "Stadt", "gemeinde": "Gemeinde", "markt": "Markt", "landkreis": "Landkreis",
              "kreis": "Kreis", "lk": "Landkreis", "samtgemeinde": "Samtgemeinde",
              "verbandsgemeinde": "Verbandsgemeinde", "amt": "Amt"}
# A Land after the town tells it from a namesake ("friedberg-hessen"); not part of the name.
LAND_WORDS = frozenset({
    "badenwuerttemberg", "bw", "bayern", "by", "berlin", "brandenburg", "bremen", "hamburg",
    "hessen", "mecklenburgvorpommern", "mv", "niedersachsen", "nrw", "nordrheinwestfalen",
    "rheinlandpfalz", "rlp", "saarland", "sachsen", "sachsenanhalt", "schleswigholstein", "sh",
    "thueringen"
})
# Domains of providers that host many towns' systems: the town is a label or path segment.
PROVIDERS = frozenset({"livingdata", "komuna", "more-rubin1", "ratsinfomanagement",
                       "sitzung-online", "sessionnet", "allris", "cc-egov", "kdo", "krz",
                       "regioit", "ekom21", "citkomm", "kommune365"})
PREFIXES = {"bad": "Bad", "st": "St.", "sankt": "Sankt"}
UMLAUTS = (("ae", "ä"), ("oe", "ö"), ("ue", "ü"))


@dataclass(frozen=True)
class SitePlace:
    """A town a site is for: its name as the address spells it, the kind if the address
    says it, and the spellings with umlauts the transliteration may stand for."""

    name: str
    kind: str | None
    spellings: tuple[str, ...]


def place_of_url(url: str | None) -> SitePlace | None:
    """The Kommune a council site's address names, if it names one."""
    if not url:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    labels = host.split(".")[:-1]  # without the top-level domain
    if not labels:
        return None
    words = {w for label in labels for w in re.split(r"[-_]", label)}
    provider = labels[-1] in PROVIDERS
    if not (provider or words & SYSTEM_WORDS or words & KIND_WORDS.keys()
            or SYSTEM_PAGE.search(parts.path)):
        return None  # a document host or a body's site, not a Kommune's own system
    if provider:
        segments = [s for s in parts.path.lower().split("/") if s]
        candidates = labels[:-1] + segments[:1]
    else:
        candidates = labels
    for label in candidates:
        place = _place_of_label(label)
        if place is not None:
            return place
    return None


def _place_of_label(label: str) -> SitePlace | None:
    words = [w for w in re.split(r"[-_]", label) if w]
    kind = next((KIND_WORDS[w] for w in words if w in KIND_WORDS), None)
    words = [w for w in words if w not in SERVICE_WORDS and w not in KIND_WORDS
             and w not in LAND_WORDS and not w.isdigit()]
    if not words or not any(len(w) >= 4 and w.isalpha() for w in words):
        return None
    name = _spelled(words)
    return SitePlace(name=name, kind=kind, spellings=_with_umlauts(name))


def _spelled(words: list[str]) -> str:
    out: list[str] = []
    for i, word in enumerate(words):
        if word in PREFIXES and i + 1 < len(words):
            out.append(PREFIXES[word] + " ")
            continue
        out.append(word.capitalize())
        if i + 1 < len(words):
            out.append("-")
    return "".join(out)


def _with_umlauts(name: str) -> tuple[str, ...]:
    """ "Koeln" may be Köln: each transliterated umlaut restored, as an alternative."""
    spelled = name
    for ascii_form, umlaut in UMLAUTS:
        spelled = spelled.replace(ascii_form, umlaut)
    return (spelled,) if spelled != name else ()
