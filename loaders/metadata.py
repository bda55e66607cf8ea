"""Who passed a resolution, when, where, under which item, and what it builds on."""

from __future__ import annotations

import re

from loaders.dates import find_dates
from loaders.mentions import ActorRegistry, to_ref
from loaders.records import ActorRef, Reference, Resolution
from loaders.structure import Paragraph

ISSUER_KEYS = {"conference", "committee"}
KOMMUNE = re.compile(
    r"^(?P<kind>Stadt|Gemeinde|Landkreis|Kreis|Markt)\s+(?P<name>[A-ZÄÖÜ][\w\-]+"
    r"(?:\s+(?:an|am|im|in|ob)\s+(?:der\s+)?[A-ZÄÖÜ][\w\-]+)?)\s*$"
)
ORGAN = re.compile(r"\b(?:Beschlussorgan|Gremium)\s*:\s*(?P<organ>[A-ZÄÖÜ][\w\-]+)")
SESSION = re.compile(
    r"(?<![\d.])(\d{1,3})\.\s*(?:ordentliche\s+)?(?:Sitzung|Tagung|Konferenz|"
    r"[A-ZÄÖÜ]\w*konferenz)"
)
ITEM = re.compile(
    r"\b(?:TOP|Tagesordnungspunkt)\s+(\d+[a-z]?(?:\.\d+)?)"
    r"|\bBeschluss(?:\s+Nr\.)?\s+(\d{4}/\d+)"
)
TITLE_LABEL = re.compile(
    r"^(?:Betreff|Gegenstand|Thema|TOP\s+\d+[a-z]?|Tagesordnungspunkt\s+\d+)"
    r"\s*:\s*(?P<title>.+)$"
)
SUBMITTERS = re.compile(
    r"^(?:Antragsteller(?:in|innen)?|Berichterstattung|Antrag\s+(?:der|des|von))"
    r"\s*:?\s*(?P<who>.+)$"
)
REFERENCE = re.compile(
    r"\b(?:Beschl(?:uss|usses|üsse[n]?)|Bitte|Empfehlung(?:en)?|"
    r"Entschließung|Umlaufbeschluss(?:es)?)\b"
)
AMENDS = re.compile(
    r"\b(?:ändert|ergänzt|aufhebt|hebt|ersetzt)\b[^.]{0,40}?\bBeschluss(?:es)?\s+"
    r"(?:Nr\.\s*)?(?P<num>\d{4}/\d+)"
)
PLACE = re.compile(
    r"(?:\d{4}|\d\.)\s+in\s+(?P<place>[A-ZÄÖÜ][\w\-]+(?:\s+(?:am|an der)\s+"
    r"[A-ZÄÖÜ][\w\-]+)?)|\bOrt\s*:\s*(?P<place2>[A-ZÄÖÜ][\w\-]+)"
)


def _issuer(header: list[Paragraph], registry: ActorRegistry) -> ActorRef | None:
    kommune = next((KOMMUNE.match(p.text) for p in header if KOMMUNE.match(p.text)), None)
    if kommune:
        organ = next((ORGAN.search(p.text) for p in header if ORGAN.search(p.text)), None)
        place = kommune.group("name")
        town = f"{kommune.group('kind')} {place}"
        if organ:
            name = f"{organ.group('organ')} {place}"
            return ActorRef(
                id=f"{registry_slug(name)}",
                name=name,
                type_key="committee",
                aliases=(town, place, f"{organ.group('organ')} der {town}"),
                known=False,
                level="board",
            )
        return ActorRef(
            id=registry_slug(town),
            name=town,
            type_key="gemeinde",
            aliases=(place,),
            known=False,
            level="kommune",
        )
    best = None
    for p in header:
        for m in registry.gazetteer.find_all(p.text):
            if m.actor.type_key in ISSUER_KEYS:
                score = bool(SESSION.search(p.text) or find_dates(p.text) or "|" in p.text)
                score += len(p.text) < 80
                if best is None or score > best[0]:
                    best = (score, to_ref(m.actor))
    return best[1] if best else None


def registry_slug(name: str) -> str:
    from loaders.records import slug

    return slug(name)


def _sitting_date(header: list[Paragraph]) -> str | None:
    best: tuple[int, int, str] | None = None
    for i, p in enumerate(header):
        for d in find_dates(p.text):
            before = p.text[: d.start]
            score = 0
            score += (
                3 if re.search(r"(?:Sitzung|Tagung|Konferenz)\s+am\s+$|\bam\s+$", before) else 0
            )
            score += 1 if re.search(r"Sitzung|Konferenz|\bin\s+[A-ZÄÖÜ]|\|", p.text) else 0
            score -= 3 if re.search(r"(?:vom|Datum:|Stand:|Datum\s*)\s*$", before) else 0
            if best is None or score > best[0]:
                best = (score, -i, d.iso)
    return best[2] if best and best[0] >= 0 else None


def _submitters(header: list[Paragraph], registry: ActorRegistry) -> list[ActorRef]:
    for p in header:
        m = SUBMITTERS.match(p.text)
        text = m.group("who") if m else p.text
        found = registry.gazetteer.find_all(text)
        rest = text
        for f in reversed(found):
            rest = rest[: f.start] + rest[f.end :]
        only_names = found and not re.search(r"[A-Za-zÄÖÜäöü]{3,}", re.sub(r"\bund\b", "", rest))
        if (m and found) or (
            only_names
            and all(f.actor.type_key == "land" for f in found)
            and len(found) >= 1
            and "," in p.text
        ):
            return list(dict.fromkeys(to_ref(f.actor) for f in found))
    return []


def _title(header: list[Paragraph], issuer: ActorRef | None, registry: ActorRegistry) -> str | None:
    for p in header:
        m = TITLE_LABEL.match(p.text)
        if m:
            return m.group("title").strip()
    for p in header:
        t = p.text
        if t.endswith(":") or re.match(r"^[\w\s\-]+:\s", t) or "|" in t or ITEM.match(t):
            continue
        if find_dates(t) or SESSION.search(t) or SUBMITTERS.match(t) or len(t.split()) < 2:
            continue
        found = registry.gazetteer.find_all(t)
        covered = sum(f.end - f.start for f in found)
        if covered > 0.5 * len(t) or KOMMUNE.match(t) or t in {"Beschluss", "Beschlussvorlage"}:
            continue
        return t
    return None


def references(text: str, registry: ActorRegistry) -> list[Reference]:
    """Earlier resolutions: "Beschluss der DMK vom 19.04.2024", "ändert Beschluss 2022/43"."""
    out: dict[tuple[str | None, str | None], Reference] = {}
    for d in find_dates(text):
        before = text[max(0, d.start - 120) : d.start]
        if not re.search(r"\bvom\s+$", before):
            continue
        sentence_part = re.split(r"[.;:]\s", before)[-1]
        key = list(REFERENCE.finditer(sentence_part))
        if not key:
            continue
        phrase = sentence_part[key[-1].start() :] + text[d.start : d.end]
        actors = registry.gazetteer.find_all(phrase)
        issuer = to_ref(actors[0].actor) if actors else None
        out.setdefault(
            (d.iso, issuer.id if issuer else None),
            Reference(text=phrase.strip(), date=d.iso, issuer=issuer),
        )
    for m in AMENDS.finditer(text):
        out.setdefault(
            (None, m.group("num")), Reference(text=m.group().strip(), number=m.group("num"))
        )
    return list(out.values())


def read_metadata(header: list[Paragraph], registry: ActorRegistry) -> Resolution:
    """The metadata fields of a resolution from its header paragraphs."""
    issuer = _issuer(header, registry)
    joined = "\n".join(p.text for p in header)
    session = SESSION.search(joined)
    item = ITEM.search(joined)
    place = PLACE.search(joined)
    item_text = None
    if item:
        item_text = f"TOP {item.group(1)}" if item.group(1) else item.group(2)
    return Resolution(
        issuer=issuer,
        session=session.group(1) if session else None,
        date=_sitting_date(header),
        place=(place.group("place") or place.group("place2")) if place else None,
        item=item_text,
        title=_title(header, issuer, registry),
        submitters=_submitters(header, registry),
    )
