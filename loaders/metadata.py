"""Who passed a resolution, when, where, under which item, and what it builds on."""

from __future__ import annotations

import re

from loaders.bodies import TOWN, genitive, kommune, named_body
from loaders.councils import organ_of, place_named, site_council, unidentified_council
from loaders.dates import find_dates
from loaders.mentions import ActorRegistry, to_ref
from loaders.predicates import find_triggers
from loaders.records import ActorRef, Reference, Resolution, slug
from loaders.sites import SitePlace
from loaders.structure import BARE_NUMBER, VOTE, Paragraph, title_line

ISSUER_KEYS = {"conference", "committee"}
ISSUER_IDS = {"BR", "BT"}  # the chambers of Parliament pass resolutions too
KOMMUNE = re.compile(
    r"^(?P<kind>(?i:Stadt|Gemeinde|Landkreis|Kreis|Markt|Landeshauptstadt|Hansestadt|"
    r"Universitätsstadt|Große\s+Kreisstadt|Kreisstadt|Stadtgemeinde))\s+(?P<name>(?i:" + TOWN
    + r"))(?:\s+(?:Beschlussvorlage|Vorlage|Sitzungsvorlage|Niederschrift|Der\s+"
    r"Oberbürgermeister|Die\s+Oberbürgermeisterin|Der\s+Bürgermeister|Die\s+Bürgermeisterin|"
    r"Der\s+Landrat|Die\s+Landrätin|\(Druckversion\)))?\s*$"
)
RESULT_LINE = re.compile(r"^(?:Beschluss|Ergebnis|Beschlussergebnis)\s*:", re.I)
ORGAN = re.compile(r"\b(?:Beschlussorgan|Gremium)\s*:\s*(?P<organ>[A-ZÄÖÜ][\w\-]+)")
COUNCILS = r"Gemeinderat|Stadtrat|Kreistag|Stadtverordnetenversammlung|Gemeindevertretung|Rat"
DECIDING_ROW = re.compile(r"^(?P<organ>" + COUNCILS + r")\b.*\b(?:Entscheidung|Beschlussfassung|"
                          r"beschließend|Beschluss|[Ee]ntscheidend)\b")
# A row of a Beratungsfolge table: a committee, a date, its role.
CONSULTING_ROW = re.compile(r"\b(?:Vorberatung|vorberatend|Kenntnisnahme|Anhörung|Entscheidung|"
                            r"beschließend|Beschlussfassung)\s*$|\d{2}\.\d{2}\.\d{2,4}\s+"
                            r"(?:[Öö]ffentlich|[Nn]ichtöffentlich|Ö|N)\s*$")
COUNCIL_SPEAKS = re.compile(r"\b(?:Der|Die)\s+(?P<organ>" + COUNCILS + r")\s+(?:beschließt|"
                            r"nimmt|stimmt|beauftragt|bittet|fasst|billigt|genehmigt|ermächtigt)\b")
# "Sitzung des Gemeinderates", "Niederschrift über die Sitzung des Stadtrats"
COUNCIL_SITTING = re.compile(r"\bSitzung\s+(?:des|der)\s+(?P<organ>" + COUNCILS + r")(?:e?s)?\b")
RECIPIENT = re.compile(r"^(?:Empfehlung|Bericht|Vorlage|Antrag)\s+an\b|^an\s+die\b", re.I)
OWN_BODY = re.compile(r"^(?:[A-ZÄÖÜ][\w\-]*\s+)?(?P<head>Arbeitsgruppe|Arbeitskreis|Projektgruppe|"
                      r"Unterarbeitsgruppe|Ausschuss|Kommission|Fachkommission|Lenkungskreis|"
                      r"Steuerungsgruppe)\s+[„\"]?(?P<name>[^“”\"]+?)[“”\"]?\s*$")
SESSION = re.compile(
    r"(?<![\d.])(\d{1,4})\.\s*(?:ordentliche\s+)?(?:Sitzung|Tagung|Konferenz|"
    r"[A-ZÄÖÜ]\w*konferenz)"
)
ITEM = re.compile(
    r"\b(?:TOP|Tagesordnungspunkt)\s+((?:\d+[a-z]?|[IVX]{1,5}\.\d+)(?:\.\d+)?)"
    r"|\bBeschluss(?:\s+Nr\.\s*|nummer\s*\(?|\s*:\s*|\s+)(\d{4}/\d+)"
)
# A paper's number when no agenda item is given: "Vorlage Nr.: 2025/0456", "Drucksache 123/25".
PAPER = re.compile(r"\b(?P<kind>Vorlage|Drucksache|Beschlussvorlage|Sitzungsvorlage)"
                   r"(?P<nr>\s+Nr\.?)?\s*:?\s*(?P<num>(?:[A-Z]{1,4}[\-/\s]?)?\d[\w\-]*(?:/\d{2,4})+)"
                   r"\b")
TITLE_LABEL = re.compile(
    r"^(?:(?:Betreff|Gegenstand|Thema)\s*:|(?:TOP|Tagesordnungspunkt)\s+(?:\d+[a-z]?|[IVX]{1,5})"
    r"(?:\.\d+)*"
    r"(?:\s*:|\s+(?=[A-ZÄÖÜ][a-zäöüß])))\s*(?P<title>.+)$"
)
SUBMITTERS = re.compile(
    r"^(?:Antragsteller(?:in|innen)?|Einreicher(?:in|innen)?|Berichterstattung|"
    r"Antrag\s+(?:der|des|von))"
    r"\s*:?\s*(?P<who>.+)$"
)
REFERENCE = re.compile(
    r"\b(?:Beschl(?:uss|usses|üsse[n]?)|Bitte|Empfehlung(?:en)?|Sitzung|"
    r"Entschließung|Umlaufbeschluss(?:es)?)\b"
)
AMENDS = re.compile(
    r"\b(?:ändert|ergänzt|aufhebt|hebt|ersetzt)\b[^.]{0,40}?\bBeschluss(?:es)?\s+"
    r"(?:Nr\.\s*)?(?P<num>\d{4}/\d+)"
)
PLACE = re.compile(
    r"(?:\d{4}|\d\.)\s+in\s+(?P<place>[A-ZÄÖÜ][\w\-]+(?:\s+(?:am|an der)\s+"
    r"[A-ZÄÖÜ][\w\-]+)?)|\bOrt\s*:\s*(?P<place2>[A-ZÄÖÜ][\w\-]+)"
    r"|\d{2,4},\s+(?P<place3>[A-ZÄÖÜ][\w\-]+)$", re.M
)
# The sender line of a letterhead: "Sächsische Staatskanzlei", "Der Oberbürgermeister".
LETTERHEAD = re.compile(r"^(?:[A-ZÄÖÜ]\w+e\s+)?(?:Staatskanzlei|Senatskanzlei|Staatsministerium|"
                        r"Ministerium|Landratsamt|Bürgermeisteramt|Senatsverwaltung)\b|^(?:Der|Die)\s+"
                        r"(?:Oberbürgermeister(?:in)?|Bürgermeister(?:in)?|Landrat|Landrätin|Senat)\s*$")
# A document kind and the body it is of: "Empfehlung der BLAG KliNa", "Ergebnisprotokoll – TOP 4".
DOC_KIND = re.compile(r"^(?:Beschluss|Empfehlung|Entschließung|Ergebnisprotokoll|Protokoll|"
                      r"Niederschrift|Auszug|Beschlusssammlung|Sammlung|Stellungnahme|"
                      r"Kabinettsbeschluss)\b")


def _council(header: list[Paragraph], text: str) -> tuple[str, str | None] | None:
    """The Kommune of a council's resolution and the organ that decides."""
    kommune = next((KOMMUNE.match(p.text) for p in header if KOMMUNE.match(p.text)), None)
    if not kommune:
        return None
    organ = next((ORGAN.search(p.text) for p in header if ORGAN.search(p.text)), None)
    decides = next((m for p in header for m in [DECIDING_ROW.match(p.text)] if m), None)
    speaks = COUNCIL_SPEAKS.search(text) or next(
        (m for p in header for m in [COUNCIL_SITTING.search(p.text)] if m), None)
    name = (organ.group("organ") if organ else decides.group("organ") if decides
            else speaks.group("organ") if speaks else None)
    town = re.sub(r"\s*\((?:Druckversion|Druckansicht)\)$", "", kommune.group("name"))
    return f"{_cased(kommune.group('kind'))} {_cased(town)}", name


def _cased(words: str) -> str:
    """ "LANDKREIS GÖTTINGEN" -> "Landkreis Göttingen"; other spellings stay."""
    if not words.isupper():
        return " ".join(words.split())
    return " ".join(w.capitalize() if len(w) > 2 else w.lower() for w in words.split())


def _only_land(text: str, registry: ActorRegistry) -> str | None:
    """The one Land a municipal document names, if it names exactly one."""
    lands = {m.actor.id for m in registry.gazetteer.find_all(text)
             if m.actor.type_key == "land" and m.actor.id != "DE-LAENDER"}
    return lands.pop() if len(lands) == 1 else None


GOVERNMENT = re.compile(r"\b(?:Die|Der)\s+(?P<gov>Landesregierung|Staatsregierung|Senat)\s+"
                        r"(?:beschließt|hat\s+(?:in\s+ihrer|in\s+seiner|am)\b)"
                        r"|^(?:Kabinett(?:s)?beschluss|Beschluss\s+der\s+(?P<gov2>Landesregierung|"
                        r"Staatsregierung))\b")


def _government(header: list[Paragraph], registry: ActorRegistry,
                text: str) -> ActorRef | None:
    """A Land government's decision ("Die Landesregierung beschließt", a Kabinettsbeschluss):
    the Landesregierung of the one Land the heading names."""
    said = GOVERNMENT.search(text) or next(
        (m for p in header for m in [GOVERNMENT.search(p.text)] if m), None)
    if said is None:
        return None
    lands = [m.actor for p in header for m in registry.gazetteer.find_all(p.text)
             if m.actor.type_key == "land" and m.actor.id != "DE-LAENDER"]
    if len({a.id for a in lands}) != 1:
        return None
    land = lands[0]
    kind = said.group("gov") or said.group("gov2") or "Landesregierung"
    registry.land = land.id
    return ActorRef(id=f"{land.id}/{slug(kind)}", name=f"{kind} {land.name}", type_key="agency",
                    aliases=(kind, f"{kind} des Landes {land.name}"), known=False,
                    level="agency", land=land.id)


def _issuer(header: list[Paragraph], registry: ActorRegistry, text: str,
            document_key: str = "", site: SitePlace | None = None) -> ActorRef | None:
    found = _named_issuer(header, registry, text)
    if found is not None:
        return found
    organ = organ_of(text, bool(find_triggers(text)))
    if organ is None:
        return None
    site = place_named("\n".join(p.text for p in header) + "\n" + text, organ) or site
    if site is not None:
        registry.home, council = site_council(organ, site, text)
        return council
    council = unidentified_council(organ, document_key or slug(text[:200]))
    registry.home = council
    return council


def _named_issuer(header: list[Paragraph], registry: ActorRegistry,
                  text: str) -> ActorRef | None:
    government = _government(header, registry, text)
    if government is not None:
        return government
    council = _council(header, text)
    if council:
        town, organ = council
        home = kommune(town, _only_land(text, registry))
        registry.home = home
        organ = organ or organ_of(text, decides=False)
        if not organ:
            return home
        place = town.split(None, 1)[1]
        name = organ if organ.endswith(place) else f"{organ} {place}"
        return ActorRef(id=f"{home.id}/{slug(organ)}", name=name,
                        type_key="committee", known=False, level="board",
                        aliases=(f"{organ} {genitive(home)}", town, place, organ))
    best = None
    parent = None
    for p in header:
        if RECIPIENT.match(p.text):
            continue
        body = OWN_BODY.match(p.text)
        if body and not CONSULTING_ROW.search(p.text) and not find_dates(p.text):
            name = f"{body.group('head')} {body.group('name')}"
            return named_body(name, "committee", owner=parent)
        for m in registry.gazetteer.find_all(p.text):
            if m.actor.type_key in ISSUER_KEYS or m.actor.id in ISSUER_IDS:
                score = bool(SESSION.search(p.text) or find_dates(p.text) or "|" in p.text)
                score += len(p.text) < 80
                if best is None or score > best[0]:
                    best = (score, to_ref(m.actor))
        if best is not None:
            parent = best[1]
    return best[1] if best else None


def _sitting_date(header: list[Paragraph], organ: str | None = None) -> str | None:
    best: tuple[int, int, str] | None = None
    labelled = any(re.match(r"Sitzung\s*:", p.text) for p in header)
    for i, p in enumerate(header):
        dates = find_dates(p.text)
        for k, d in enumerate(dates):
            before = p.text[: d.start]
            own = p.text[dates[k - 1].end if k else 0:d.start]
            following = p.text[d.end:dates[k + 1].start if k + 1 < len(dates) else len(p.text)]
            score = 0
            if organ and re.search(r"(?:^|\s)" + re.escape(organ) + r"\b", own):
                score += 6
            if re.search(r"\b(?:Entscheidung|Beschlussfassung|beschließend)\b", following):
                score += 3
            if organ and re.match(r"\s*" + re.escape(organ) + r"\b", following):
                score += 6  # a date-first row: "28.05.2026 Rat der Stadt (beschließend)"
            if labelled and re.search(r"Datum\s*:\s*$", before):
                score += 6
            if re.search(r"^\(?Beschluss\s+(?:der|des)\s+[^,;]{3,80}\s+vom\s+$", before):
                score += 6
            if re.search(r"^\(?(?:Kabinett(?:s)?beschluss|Kabinettsitzung)\s+vom\s+$", before):
                score += 6
            if re.search(r"\b(?:[Aa]nknüpfend|[Bb]ezug|[Gg]emäß|Umlauf)", before):
                score -= 6
            score += (
                3 if re.search(r"(?:Sitzung|Tagung|Konferenz)\s+am\s+$|\bam\s+$", before) else 0
            )
            score += 1 if re.search(r"Sitzung|Konferenz|\bin\s+[A-ZÄÖÜ]|\|", p.text) else 0
            score -= 3 if re.search(r"(?:vom|Datum:|Stand:|Datum\s*)\s*$", before) else 0
            if best is None or score > best[0]:
                best = (score, -i, d.iso)
    return best[2] if best and best[0] >= 0 else None


FRAKTION = re.compile(r"(?P<head>[\w\-]*[Ff]raktion)\s+(?:der\s+)?(?P<party>[A-ZÄÖÜ][\w\-]*"
                      r"(?:\s+\d+)?(?:/[A-ZÄÖÜ][\w\-]*(?:\s+[A-ZÄÖÜ][\w\-]*)?)?)")
PAPER_BY = re.compile(r"(?:^\(?Vorlage|\bKabinettvorlage|\bKabinettsvorlage)\b[^()]*?\s"
                      r"(?:des|der)\s+(?P<who>[^()]+?)(?:\)|$)")
MOTION_BY = re.compile(r"\bauf\s+Antrag\s+(?:der|des|von)\s+(?P<who>[^.;:]+?)(?=\s+(?:beschlossen|"
                       r"die|den|das|einstimmig|mehrheitlich)\b|[,.;]|$)")


def _labelled_submitters(who: str, registry: ActorRegistry) -> list[ActorRef]:
    """Submitters a labelled line names: known actors, a council group, or bodies."""
    group = FRAKTION.search(who)
    if group:
        name = f"{group.group('head')} {group.group('party')}"
        return [named_body(name, "committee")]
    found = [m.actor for m in registry.mentions(who) if not m.pronoun]
    return [a for a in dict.fromkeys(found) if a.type_key != "land" or a.id != "DE-LAENDER"
            or len(found) == 1]


def _submitters(header: list[Paragraph], registry: ActorRegistry,
                text: str = "") -> list[ActorRef]:
    labelled = [p for p in header if SUBMITTERS.match(p.text) or PAPER_BY.search(p.text)]
    for p in labelled + [p for p in header if p not in labelled and not re.search(r"\d", p.text)]:
        m = SUBMITTERS.match(p.text) or PAPER_BY.search(p.text)
        if m and not registry.gazetteer.find_all(m.group("who")):
            return _labelled_submitters(m.group("who"), registry)
        text_ = m.group("who") if m else p.text
        found = registry.gazetteer.find_all(text_)
        rest = text_
        for f in reversed(found):
            rest = rest[: f.start] + rest[f.end :]
        only_names = found and not re.search(r"[A-Za-zÄÖÜäöü]{3,}", re.sub(r"\bund\b", "", rest))
        if (m and found) or (
            only_names
            and all(f.actor.type_key == "land" for f in found)
            and len(found) >= 1
            and "," in p.text
        ):
            return _drop_all_laender(list(dict.fromkeys(to_ref(f.actor) for f in found)))
    motion = MOTION_BY.search(text)
    if motion:
        return _drop_all_laender([to_ref(f.actor) for f in
                                  registry.gazetteer.find_all(motion.group("who"))])
    return []


def _drop_all_laender(actors: list[ActorRef]) -> list[ActorRef]:
    """ "der Länder Rheinland-Pfalz und Niedersachsen": the named Länder only."""
    named = [a for a in actors if a.id != "DE-LAENDER"]
    return named if any(a.type_key == "land" for a in named) else actors


def title_of(header: list[Paragraph], registry: ActorRegistry) -> str | None:
    """The title a resolution's own heading lines give: in a collection the line before the
    decision's number ("Registerdaten" / "Beschluss: 2025/08")."""
    for before, par in zip(header, header[1:], strict=False):
        if BARE_NUMBER.match(par.text) and title_line(before):
            return before.text
    return _title(header, None, registry)


def _title(header: list[Paragraph], issuer: ActorRef | None, registry: ActorRegistry) -> str | None:
    for p in header:
        m = TITLE_LABEL.match(p.text)
        if m:
            return m.group("title").strip()
    for strict in (True, False):
        # Second pass: a title may have a colon ("Agenda: Entlastung der Kommunen") or name
        # the sitting it is for ("… für die 104. Umweltministerkonferenz").
        for p in header:
            if _title_like(p.text, registry, strict):
                return p.text
    return None


def _title_like(t: str, registry: ActorRegistry, strict: bool) -> bool:
    if re.fullmatch(r"\(.*\)", t) or t.endswith(":") or "|" in t or ITEM.match(t):
        return False
    if VOTE.match(t) or RESULT_LINE.match(t):
        return False  # "Abstimmung: Ja: 9, Nein: 0", "Beschluss: einstimmig beschlossen"
    if strict and (re.match(r"^[\w\s\-]+:\s", t) or SESSION.search(t)):
        return False
    if not strict and len(t.split()) <= 4:
        return False
    if find_dates(t) or SUBMITTERS.match(t) or len(t.split()) < 2:
        return False
    if PAPER.search(t) or DOC_KIND.match(t) and _words_besides_actors(t, registry) <= 3:
        return False
    if LETTERHEAD.match(t) and len(t.split()) <= 6:
        return False
    covered = sum(f.end - f.start for f in registry.gazetteer.find_all(t))
    return not (covered > 0.5 * len(t) or KOMMUNE.match(t) or ORGAN.search(t)
                or t in {"Beschluss", "Beschlussvorlage"})


def _words_besides_actors(text: str, registry: ActorRegistry) -> int:
    for m in reversed([m for m in registry.mentions(text) if not m.pronoun]):
        text = text[:m.start] + text[m.end:]
    text = re.sub(r"\b(?:TOP|Tagesordnungspunkt)\s+\d+\S*", "", text)
    return len(re.findall(r"[A-Za-zÄÖÜäöüß]{2,}", text))


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


def read_metadata(header: list[Paragraph], registry: ActorRegistry,
                  text: str = "", document_key: str = "",
                  site: SitePlace | None = None) -> Resolution:
    """The metadata fields of a resolution from its header paragraphs (`text`: the whole
    resolution, where a council's resolution says which organ decides; `document_key`
    scopes the organ of a Kommune the text does not name; `site`, the Kommune the page's
    address names, identifies it)."""
    issuer = _issuer(header, registry, text, document_key, site)
    organ = issuer.name.split()[0] if issuer is not None and registry.home is not None else None
    joined = "\n".join(p.text for p in header)
    session = SESSION.search(joined) or re.search(
        r"\bin\s+(?:seiner|ihrer)\s+(\d{1,4})\.\s*(?:Sitzung|Tagung)", text)
    item = ITEM.search(joined)
    place = PLACE.search(joined)
    item_text = None
    if item:
        item_text = f"TOP {item.group(1)}" if item.group(1) else item.group(2)
    elif (paper := PAPER.search(joined)) is not None:
        number = " Nr." if paper.group("nr") else ""
        item_text = f"{paper.group('kind')}{number} {paper.group('num')}"
    return Resolution(
        issuer=issuer,
        session=session.group(1) if session else None,
        date=_sitting_date(header, organ),
        place=(place.group("place") or place.group("place2") or place.group("place3"))
        if place else None,
        item=item_text,
        title=_title(header, issuer, registry),
        submitters=_submitters(header, registry, text),
    )
