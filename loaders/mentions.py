"""Actor mentions in a sentence: gazetteer names, bodies the gazetteer does not know, pronouns."""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.records import ActorRef, slug
from ontology.gazetteer import Actor, load_gazetteer

# Head nouns of bodies the gazetteer does not know, with the class key they get.
HEADS = [
    ("konferenz", "conference"),
    (
        "beirat|ausschuss|kommission|arbeitsgruppe|arbeitskreis|gremium|lenkungskreis|"
        "steuerungsgruppe|projektgruppe|gemeinderat|stadtrat|kreistag|landtag|rat",
        "committee",
    ),
    ("ministerium", "ministry"),
    ("vorsitz|oberbürgermeister(?:in)?|bürgermeister(?:in)?|landrat|landrätin", "office"),
    (
        "verwaltung|stadtwerke|agentur|geschäftsstelle|behörde|bundesamt|landesamt|"
        "staatskanzlei|senatskanzlei|landesregierung|staatsregierung|transferstelle",
        "agency",
    ),
    ("stadt|gemeinde|landkreis|kreis", "gemeinde"),
]
NOT_BODIES = {
    "vorrat",
    "unrat",
    "hausrat",
    "heirat",
    "verrat",
    "referat",
    "apparat",
    "großstadt",
    "innenstadt",
    "hauptstadt",
    "altstadt",
    "kleinstadt",
    "hansestadt",
}
HEAD_RE = re.compile(
    r"(?<![\w\-])(?:[A-ZÄÖÜ][\w]*-\s+und\s+)?(?P<head>(?=[A-ZÄÖÜ])(?i:[\w\-]*?)(?:"
    + "|".join(f"(?P<k{i}>(?i:{h[0]}))" for i, h in enumerate(HEADS))
    + r"))(?:e|es|s|en|n)?(?![\w\-])"
)
UNQUALIFIED = {
    "verwaltung",
    "vorsitz",
    "oberbürgermeister",
    "oberbürgermeisterin",
    "bürgermeister",
    "bürgermeisterin",
    "geschäftsstelle",
    "landrat",
    "landrätin",
}
NAME_TAIL = re.compile(r"(?:\s+(?:[A-ZÄÖÜ][\w\-/]*|und\s+(?=[A-ZÄÖÜ])|für\s+(?=[A-ZÄÖÜ])))+")
STOP_TAIL = {"Euro", "Prozent", "Bund", "Ländern", "Länder"}
PRONOUN = re.compile(r"(?<![\w\-])(?:Sie|sie|Er|er)(?![\w\-])")
POSSESSIVE = re.compile(r"(?:seine[nmrs]?|ihre[nmrs]?)\s+$")


@dataclass
class Mention:
    start: int
    end: int
    actor: ActorRef
    surface: str
    pronoun: bool = False


def to_ref(actor: Actor) -> ActorRef:
    return ActorRef(
        id=actor.id,
        name=actor.name,
        type_key=actor.type_key,
        aliases=actor.aliases,
        known=True,
        abbr=actor.abbr,
        level=actor.level,
    )


def genitive(actor: ActorRef) -> str:
    """ "der Bauministerkonferenz", "des IT-Planungsrats": a name as a genitive attribute."""
    name = actor.name
    feminine = re.search(
        r"(konferenz|kommission|gruppe|verwaltung|stelle|regierung|ung|tät|e)$", name, re.I
    )
    if feminine or actor.type_key in {"land", "bund"} and " " not in name:
        return f"der {name}" if feminine else name
    return f"des {name}{'' if name[-1] in 'sxzß' else 's'}"


class ActorRegistry:
    """Actors of one document: gazetteer entries and the bodies it names that are new."""

    def __init__(self, issuer: ActorRef | None = None, home: ActorRef | None = None) -> None:
        self.gazetteer = load_gazetteer()
        self.issuer = issuer
        self.home = home  # the Stadt or conference whose Verwaltung/Vorsitz is meant
        self.found: dict[str, ActorRef] = {}

    def new_body(self, name: str, key: str, owner: ActorRef | None = None) -> ActorRef:
        aliases: list[str] = []
        base = name
        if owner is not None:
            name = f"{base} {genitive(owner)}"
            aliases = [base, f"{base} {owner.name}", f"{owner.abbr or owner.name}-{base}"]
            if base.lower() == "verwaltung":
                aliases.append(f"Stadtverwaltung {owner.name.split()[-1]}")
        ident = slug(name)
        if ident not in self.found:
            level = {
                "conference": "conference",
                "committee": "board",
                "ministry": "ministry",
                "office": "office",
                "agency": "agency",
                "gemeinde": "kommune",
            }[key]
            self.found[ident] = ActorRef(
                id=ident, name=name, type_key=key, aliases=tuple(aliases), known=False, level=level
            )
        return self.found[ident]

    def mentions(self, sentence: str, owner: ActorRef | None = None) -> list[Mention]:
        """All actor mentions, gazetteer first; `owner` qualifies "seinen Vorsitz"."""
        out = [
            Mention(m.start, m.end, to_ref(m.actor), m.surface)
            for m in self.gazetteer.find_all(sentence)
        ]
        for m in HEAD_RE.finditer(sentence):
            if any(x.start <= m.start() < x.end or m.start() <= x.start < m.end() for x in out):
                continue
            key = next(HEADS[i][1] for i in range(len(HEADS)) if m.group(f"k{i}"))
            if m.group("head").lower() in NOT_BODIES:
                continue
            end = m.end()
            tail = NAME_TAIL.match(sentence, end)
            if tail and key != "gemeinde":
                words = tail.group().split()
                keep = []
                for w in words[:4]:
                    if w in STOP_TAIL or self.gazetteer.resolve(w):
                        break
                    keep.append(w)
                while keep and keep[-1] in {"und", "für"}:
                    keep.pop()
                if keep:
                    end = end + tail.group().index(keep[-1]) + len(keep[-1])
            elif key == "gemeinde":
                if not tail:
                    continue
                end = end + len(tail.group().split()[0]) + 1
            surface = sentence[m.start() : end]
            head = m.group("head")
            if (
                self.issuer
                and head.lower() == self.issuer.name.split()[0].lower()
                and end == m.end()
            ):
                out.append(Mention(m.start(), end, self.issuer, surface))
                continue
            if key == "gemeinde":
                out.append(Mention(m.start(), end, self.new_body(surface, "gemeinde"), surface))
                continue
            base = head if end == m.end() else surface
            qualifier = None
            if head.lower() in UNQUALIFIED and end == m.end():
                qualifier = owner if POSSESSIVE.search(sentence[: m.start()]) else self.home
            out.append(Mention(m.start(), end, self.new_body(base, key, qualifier), surface))
        for m in PRONOUN.finditer(sentence):
            if not any(x.start <= m.start() < x.end for x in out):
                out.append(
                    Mention(m.start(), m.end(), ActorRef("", "", "actor"), m.group(), pronoun=True)
                )
        return _merge_abbreviations(sentence, sorted(out, key=lambda x: x.start))


def _merge_abbreviations(sentence: str, mentions: list[Mention]) -> list[Mention]:
    """ "Bundesministerium für … (BMWSB)" is one mention, not two."""
    out: list[Mention] = []
    for m in mentions:
        if (
            out
            and out[-1].actor.id == m.actor.id
            and re.fullmatch(r"\s*\(\s*", sentence[out[-1].end : m.start])
            and sentence[m.end : m.end + 1] == ")"
        ):
            prev = out[-1]
            out[-1] = Mention(prev.start, m.end + 1, prev.actor, sentence[prev.start : m.end + 1])
            continue
        out.append(m)
    return out
