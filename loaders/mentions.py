"""Actor mentions in a sentence: gazetteer names, bodies the gazetteer does not know, pronouns.

The registry lives for one resolution and remembers what the text named before, so that a
bare "Die Arbeitsgruppe" refers to the working group set up two sentences earlier, "das Land"
to the Land last named, and "der Konferenz" to the conference the heading names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.bodies import (
    ABBR,
    ADJECTIVE,
    ARTICLE_WORDS,
    COMPANY,
    FOR_TAIL,
    GENERIC,
    HEAD_RE,
    LAND_ADJECTIVES,
    LAND_GENITIVE,
    MINISTRY_TAIL,
    MUNICIPALITIES,
    NAME_TAIL,
    NAMED_ONLY,
    NOT_BODIES,
    QUOTED,
    STOP_TAIL,
    TOWN,
    WORKING_GROUP,
    canonical_head,
    company,
    head_key,
    kommune,
    kommune_kind,
    land_ministry,
    municipalities,
    named_body,
    scoped_body,
)
from loaders.councils import ORGAN_WORDS
from loaders.records import ActorRef
from ontology.gazetteer import Actor, load_gazetteer

# An organ word: "Bezirksversammlung", "Haupt- und Finanzausschuss", "Ortsbeirat 10".
ORGAN_RE = re.compile(r"(?<![\w\-])" + ORGAN_WORDS + r"(?![\w\-])")
PRONOUN = re.compile(r"(?<![\w\-])(?:Sie|sie|Er|er|Es)(?![\w\-])")
POSSESSIVE = re.compile(r"(?:seine[nmrs]?|ihre[nmrs]?)\s+$")
ESTABLISHED_BY = re.compile(
    r"(?:vom|von\s+der|von\s+dem|durch\s+d\w+)\s+(?P<who>[^;]{1,120}?)\s+(?:\w+\s+)?"
    r"(?:eingesetzte|eingerichtete|errichtete|gegründete)[nmrs]?\s+$")
GENITIVE_OWNER = re.compile(r"\s+(?:der|des)\s+")
# The members of a conference speaking as the conference: "Die Finanzministerinnen und
# Finanzminister der Länder", "Die Ministerinnen und Minister, Senatorinnen und Senatoren für
# Gesundheit der Länder", "Die Umweltministerinnen, -minister und -senatoren der Länder".
MEMBERS = re.compile(
    r"(?<![\w\-])(?:[Dd]ie\s+)?(?=[A-ZÄÖÜ])(?i:\w*?(?:minister|senator)innen)\b[^.;:]{0,140}?"
    r"\bder\s+Länder\b"
    r"|^(?:Die\s+)?[A-ZÄÖÜ]\w*?(?:minister|senator)innen\s+und\s+[A-ZÄÖÜ]\w*?(?:minister|senator)"
    r"(?:en)?(?![\w\-])(?!\s+(?:der|des|für)\s)"
)
LAND_ANAPHOR = re.compile(r"(?<![\w\-])(?:[Dd]as|[Dd]em|[Dd]es)\s+(?P<w>Land(?:es)?)(?![\w\-])"
                          r"(?!\s+[A-ZÄÖÜ])")
KOMMUNE_ANAPHOR = re.compile(r"(?<![\w\-])(?:[Dd]er|[Dd]ie|[Dd]en|[Dd]em|[Dd]es)\s+"
                             r"(?P<w>Landkreis(?:es)?|Kreis(?:es)?|Stadt|Gemeinde)(?![\w\-])(?!\s+[A-ZÄÖÜ])")


@dataclass
class Mention:
    start: int
    end: int
    actor: ActorRef
    surface: str
    pronoun: bool = False


def to_ref(actor: Actor) -> ActorRef:
    return ActorRef(id=actor.id, name=actor.name, type_key=actor.type_key, aliases=actor.aliases,
                    known=True, abbr=actor.abbr, level=actor.level)


def _overlaps(a: Mention, start: int, end: int) -> bool:
    return a.start < end and start < a.end


class ActorRegistry:
    """Actors of one document: gazetteer entries and the bodies it names that are new."""

    def __init__(self, issuer: ActorRef | None = None, home: ActorRef | None = None) -> None:
        self.gazetteer = load_gazetteer()
        self.issuer = issuer
        self.home = home  # the Kommune or conference whose Verwaltung/Vorsitz is meant
        self.land: str | None = None  # the Land a Land government's paper belongs to
        self.abbrs: dict[str, ActorRef] = {}  # abbreviations the text introduced: "(MIK)"
        self.found: dict[str, ActorRef] = {}
        self.seen: list[ActorRef] = []  # actors in text order, latest last

    def remember(self, actor: ActorRef) -> ActorRef:
        """Keep one instance per id and note it as the latest mention."""
        actor = self.found.setdefault(actor.id, actor)
        if actor in self.seen:
            self.seen.remove(actor)
        self.seen.append(actor)
        return actor

    def latest(self, test) -> ActorRef | None:  # noqa: ANN001 - a predicate on ActorRef
        return next((a for a in reversed(self.seen) if test(a)), None)

    def _bare(self, head: str, key: str, owner: ActorRef | None) -> ActorRef:
        """A generic head without a name: the issuer, a body named before, or owner-scoped."""
        name = canonical_head(head)
        low = name.lower()
        if self.issuer and owner is None and self.issuer.name.lower().startswith(low):
            return self.issuer
        if owner is None:
            earlier = self.latest(lambda a: not a.known and a.name.lower().startswith(low)
                                  and a.id != (self.issuer.id if self.issuer else None))
            if earlier is None and key == "conference":
                earlier = self.latest(lambda a: a.type_key == "conference" and a.known
                                      and a != self.issuer)
            if earlier is not None:
                return earlier
        owner = owner or self.home or self.issuer
        if owner is None:
            return named_body(name, key)
        return scoped_body(head, key, owner)

    def _owner_before(self, sentence: str, start: int, out: list[Mention],
                      subject: ActorRef | None) -> ActorRef | None:
        before = sentence[:start]
        if POSSESSIVE.search(before):
            return subject or self.issuer
        by = ESTABLISHED_BY.search(before)
        if by:
            return next((m.actor for m in out if m.start == by.start("who")), None)
        return None

    def _ministry(self, sentence: str, name: str, prefix: str, end: int,
                  abbr: str | None) -> ActorRef | None:
        """An unknown ministry: federal by its name, else a Land ministry of the Land its
        adjective or genitive names, or of the document's Land."""
        if re.match(r"(?i)bundes", name) or name in {"Ministerium", "Staatsministerium"}:
            return named_body(name, "ministry", abbr) if name.lower().startswith("bundes") \
                else None
        land = next((v for k, v in LAND_ADJECTIVES.items() if prefix.startswith(k)), None)
        genitive = LAND_GENITIVE.match(sentence, end)
        if land is None and genitive:
            found = self.gazetteer.resolve(genitive.group("land"))
            land = found.id if found is not None and found.type_key == "land" else None
        return land_ministry(name, land or self.land, abbr)

    def _body(self, sentence: str, m: re.Match[str], out: list[Mention],
              subject: ActorRef | None) -> Mention | None:
        head, key = m.group("head"), head_key(m)
        if head.lower() in NOT_BODIES:
            return None
        needs_name = head.lower() in NAMED_ONLY
        if head.lower().startswith("vorsitz") and re.search(r"\bunter\s+(?:dem\s+)?$",
                                                             sentence[:m.start()]):
            return None
        start, end = m.start(), m.end()
        if key == "gemeinde":
            tail = re.match(r"\s+(" + TOWN + ")", sentence[end:])
            if not tail or tail.group(1) in STOP_TAIL or head.lower() not in {
                    "stadt", "gemeinde", "landkreis", "kreis"}:
                return None
            end += tail.end()
            name = f"{canonical_head(head)} {tail.group(1)}"
            actor = self.home if self.home and self.home.name == name else kommune(name)
            return Mention(start, end, actor, sentence[start:end])
        adjective = ADJECTIVE.search(sentence[:start])
        if adjective and adjective.group("adj") not in ARTICLE_WORDS:
            start = adjective.start("adj")
        quoted = QUOTED.match(sentence, end)
        tail = NAME_TAIL.match(sentence, end)
        portfolio = (MINISTRY_TAIL if key == "ministry" else FOR_TAIL).match(sentence, end)
        named = ""
        if quoted:
            named, end = quoted.group(1).strip(), quoted.end()
        elif portfolio:
            named, end = portfolio.group().strip(), portfolio.end()
        elif tail:
            keep: list[str] = []
            for word in tail.group().split()[:4]:
                known = self.gazetteer.resolve(word)
                if word in STOP_TAIL or known and known.type_key != "land":
                    break
                keep.append(word)
            while keep and keep[-1] in {"und", "für"}:
                keep.pop()
            if keep:
                end = end + tail.group().index(keep[-1], 0) + len(keep[-1])
                named = " ".join(keep)
        prefix = sentence[start:m.start()]
        abbr_m = ABBR.match(sentence, end)
        abbr = abbr_m.group("abbr") if abbr_m else None
        if needs_name and not (named or prefix):
            return None
        if not named and not prefix and self.issuer is not None and \
                self.issuer.name.lower().startswith(canonical_head(head).lower()):
            return Mention(start, end, self.issuer, sentence[start:end])
        if named or prefix or canonical_head(head).lower() not in GENERIC:
            word = canonical_head(head) if key in {"ministry", "office"} else \
                sentence[m.start():m.end()]
            if key == "ministry":  # "dem Sächsischen Staatsministerium" -> "Sächsisches …"
                prefix = re.sub(r"(\w+?)e[nrms]?\s+$", r"\1es ", prefix)
            full = re.sub(r"\s+", " ", f"{prefix}{word} {named}").strip()
            if not named and not prefix:  # "Industrie- und Handelskammern" keeps its first part
                full = sentence[m.start():m.start("head")] + canonical_head(head)
            owner = self._owner_before(sentence, start, out, subject)
            actor = self.latest(lambda a: a.name == full or full in a.aliases) or (
                self._ministry(sentence, full, prefix, end, abbr) if key == "ministry"
                else named_body(full, key, abbr, owner))
            if actor is None:
                return None
            if abbr and not actor.known:
                self.abbrs.setdefault(abbr, actor)
            return Mention(start, end, actor, sentence[start:end])
        owner = self._owner_before(sentence, start, out, subject)
        genitive = GENITIVE_OWNER.match(sentence, end)
        if owner is None and genitive:
            after = next((x for x in out if x.start > end and re.fullmatch(
                r"(?:der|des)(?:\s+(?:Vorsitz|Sitz)?(?:[Ll]ande?s|[Ff]reistaate?s))?",
                sentence[end:x.start].strip())), None)
            if after is not None:
                owner, end = after.actor, after.end
        if self.issuer and self.issuer.type_key in {"committee"} and head.lower() in {
                "vorsitz", "vorsitzende", "vorsitzender"} and owner is None:
            owner = self.issuer
        return Mention(start, end, self._bare(head, key, owner), sentence[start:end])

    def _own_organ(self, sentence: str, out: list[Mention]) -> list[Mention]:
        """ "Die Bezirksversammlung stimmt zu" on a page of that Bezirksversammlung: the
        organ word the issuing organ goes by is the issuer."""
        issuer = self.issuer
        if issuer is None or issuer.known or issuer.type_key != "committee":
            return []
        names = {issuer.name, *issuer.aliases}
        found = []
        for m in ORGAN_RE.finditer(sentence):
            organ = " ".join(m.group().split())
            if organ in names and not any(_overlaps(x, m.start(), m.end()) for x in out):
                found.append(Mention(m.start(), m.end(), issuer, m.group()))
        return found

    def mentions(self, sentence: str, owner: ActorRef | None = None) -> list[Mention]:
        """All actor mentions, gazetteer first; `owner` qualifies "seinen Vorsitz"."""
        out = [Mention(m.start, m.end, to_ref(m.actor), m.surface)
               for m in self.gazetteer.find_all(sentence)]
        if self.issuer is not None:
            for m in MEMBERS.finditer(sentence):
                out = [x for x in out if not _overlaps(x, m.start(), m.end())]
                out.append(Mention(m.start(), m.end(), self.issuer, m.group()))
            out += self._own_organ(sentence, out)
        out += self._abbreviations(sentence, out)
        out.sort(key=lambda x: x.start)
        bodies: list[Mention] = []
        for m in HEAD_RE.finditer(sentence):
            if any(x.start <= m.start() < x.end for x in out + bodies):
                continue
            body = self._body(sentence, m, out + bodies, owner)
            if body is None:
                continue
            inside = [x for x in out if x.start < body.end and body.start < x.end]
            if any(x.actor.type_key != "land" and x.start < m.end() or x.start < body.start
                   for x in inside):
                continue
            out = [x for x in out if x not in inside]
            bodies.append(body)
        out += bodies
        out += self._companies(sentence, out)
        for m in WORKING_GROUP.finditer(sentence):
            if not any(_overlaps(x, m.start(), m.end()) for x in out):
                group = named_body(f"Arbeitsgruppe {m.group('name')}", "committee")
                out.append(Mention(m.start(), m.end(), group, m.group()))
        for m in MUNICIPALITIES.finditer(sentence):
            if not any(_overlaps(x, m.start(), m.end()) for x in out):
                land = next((a for a in reversed(self.seen) if a.type_key == "land"
                             and a.id != "DE-LAENDER"), None)
                home = self.home
                owner = home if home is not None and home.type_key in {"gemeinde", "kreis"} \
                    else land
                out.append(Mention(m.start(), m.end(), municipalities(m.group(), owner),
                                   m.group()))
        for x in bodies:
            if x.actor.abbr and not x.actor.known:
                self.abbrs.setdefault(x.actor.abbr, x.actor)
        out += self._abbreviations(sentence, out)
        out += self._anaphors(sentence, out)
        for m in PRONOUN.finditer(sentence):
            if not any(x.start <= m.start() < x.end for x in out):
                out.append(Mention(m.start(), m.end(), ActorRef("", "", "actor"), m.group(),
                                   pronoun=True))
        out = _merge_abbreviations(sentence, sorted(out, key=lambda x: x.start))
        out = _drop_apposition(sentence, out)
        for x in out:
            if not x.pronoun:
                x.actor = self.remember(x.actor)
        return out

    def _companies(self, sentence: str, out: list[Mention]) -> list[Mention]:
        """ "der SachsenEnergie AG": a company the gazetteer does not know."""
        found: list[Mention] = []
        for m in COMPANY.finditer(sentence):
            words = m.group("name").split()
            while words and words[0] in ARTICLE_WORDS:
                words.pop(0)
            if not words:
                continue
            start = m.start("name") + m.group("name").index(words[0])
            if any(_overlaps(x, start, m.end()) for x in out):
                continue
            actor = company(" ".join(words), re.sub(r"\s+", " ", m.group("form")))
            found.append(Mention(start, m.end(), actor, sentence[start:m.end()]))
        return found

    def _abbreviations(self, sentence: str, out: list[Mention]) -> list[Mention]:
        """ "das MIK" after "Ministerium des Innern und für Kommunales (MIK)"."""
        found: list[Mention] = []
        for abbr, actor in self.abbrs.items():
            if abbr not in sentence:
                continue
            for m in re.finditer(r"(?<![\w\-])" + re.escape(abbr) + r"s?(?![\w\-])", sentence):
                if not any(_overlaps(x, m.start(), m.end()) for x in out + found):
                    found.append(Mention(m.start(), m.end(), actor, m.group()))
        return found

    def _anaphors(self, sentence: str, out: list[Mention]) -> list[Mention]:
        """ "das Land" -> the Land named last; "der Landkreis" -> the document's Kommune."""
        found: list[Mention] = []
        for m in LAND_ANAPHOR.finditer(sentence):
            if any(_overlaps(x, m.start(), m.end()) for x in out):
                continue
            before = [x.actor for x in out if x.end <= m.start() and x.actor.type_key == "land"
                      and x.actor.id != "DE-LAENDER"]
            land = before[-1] if before else self.latest(
                lambda a: a.type_key == "land" and a.id != "DE-LAENDER")
            if land is not None:
                found.append(Mention(m.start("w"), m.end(), land, m.group("w")))
        home = self.home
        for m in KOMMUNE_ANAPHOR.finditer(sentence):
            if home is None or any(_overlaps(x, m.start(), m.end()) for x in out):
                continue
            if kommune_kind(m.group("w")) == home.type_key:
                found.append(Mention(m.start("w"), m.end(), home, m.group("w")))
        return found


def _merge_abbreviations(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """ "Bundesministerium für … (BMWSB)" is one mention, not two."""
    out: list[Mention] = []
    for m in mentions:
        if out and re.fullmatch(r"\s*\(\s*", sentence[out[-1].end:m.start]) \
                and sentence[m.end:m.end + 1] == ")" \
                and (out[-1].actor.id == m.actor.id or not out[-1].actor.known):
            prev = out[-1]
            out[-1] = Mention(prev.start, m.end + 1, prev.actor, sentence[prev.start:m.end + 1])
            continue
        out.append(m)
    return out


def _drop_apposition(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """ "die Länder Bremen und Saarland": the named Länder, not all Länder."""
    out: list[Mention] = []
    for i, m in enumerate(mentions):
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if m.actor.id == "DE-LAENDER" and nxt is not None and nxt.actor.type_key == "land" \
                and not sentence[m.end:nxt.start].strip():
            continue
        out.append(m)
    return out
