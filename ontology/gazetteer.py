"""Known actors (ontology/gazetteer.ttl) and how to find them in German text.

German inflects names: "des Bundes", "dem Deutschen Städtetag", "der kommunalen
Spitzenverbände", "des IT-Planungsrats". Each label is compiled into a regular expression
that accepts those endings and hyphen variants; abbreviations match case-sensitively.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import RDF, SKOS

from ontology.model import SKG as SKG_TERMS
from ontology.model import load_ontology
from ontology.regex_literals import leading_text

# Open namespace: the gazetteer reads data terms (skg:id, skg:validFrom …) beyond the
# ones Python code names in `ontology.model.SKG`.
SKG = Namespace(str(SKG_TERMS._NS))
HERE = Path(__file__).resolve().parent
GAZETTEER_TTL = HERE / "gazetteer.ttl"


FUNCTION_WORDS = {"für", "der", "des", "und", "mit", "von", "zur", "zum", "in", "den", "dem"}
WORD_LEFT = r"(?<![\w\-])"
WORD_RIGHT = r"(?![\w\-])"
# "Sonder-GMK", "Frühjahrs-DMK": a sitting of the body named by its abbreviation.
SITTING_PREFIX = r"(?:(?<![\w\-])(?:Sonder|Frühjahrs|Herbst|Video|Online)-|" + WORD_LEFT + ")"


@dataclass(frozen=True)
class Actor:
    """A governance actor: a gazetteer entry or a body found in a document."""

    id: str
    name: str
    type_key: str
    aliases: tuple[str, ...] = ()
    abbr: str | None = None
    level: str | None = None
    known: bool = True
    valid_from: str | None = None
    valid_to: str | None = None
    succeeded_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActorMatch:
    start: int
    end: int
    actor: Actor
    surface: str


def _class_keys() -> dict[str, tuple[str, str | None]]:
    """Class IRI -> (skg:key, skg:level), from the ontology."""
    return {str(c.iri): (c.key, c.level) for c in load_ontology().classes.values()}


def _token_pattern(token: str, is_last: bool, before_head: bool) -> str:
    """Regex for one word of a name, allowing German case endings."""
    if token.endswith("-") or not token[:1].isalpha():
        return re.escape(token)
    parts = [re.escape(p) for p in token.split("-")]
    body = r"[\-\u2010\u2011 ]?".join(parts)
    if (before_head or not is_last) and re.search(r"(e|er|es|en)$", token):
        stem = re.escape(re.sub(r"(e|er|es|en)$", "", token))
        return stem + "(?:e|er|es|en|em)"
    if token[0].isupper():
        if token[-1] in "sxzß":
            return body
        return body + ("(?:es|s|en|n|e)?" if is_last else "(?:es|s|e)?")
    return body + ("(?:n)?" if is_last else "")


def name_pattern(name: str) -> str:
    """Regex source for a multi-word name with inflection and hyphen variants."""
    tokens = name.split()
    head = len(tokens) - 1
    for i, token in enumerate(tokens):
        if token.lower() in FUNCTION_WORDS and i > 0:
            head = i - 1
            break
    parts = [_token_pattern(t, i == len(tokens) - 1, i < head) for i, t in enumerate(tokens)]
    return r"\s+".join(parts)


def required_literal(name: str) -> str | None:
    """A lower-case piece of text that every match of `name_pattern(name)` contains (the
    first word up to its first hyphen, without a case ending), or None."""
    first = re.sub(r"(e|er|es|en)$", "", name.split()[0].split("-")[0]).lower()
    return first if len(first) >= 2 and re.fullmatch(r"[a-zäöü]+", first) else None


# Characters a case-insensitive pattern matches although `str.lower` does not turn them into
# that letter ("ı" matches "i"), or turns them into two ("İ"): in a text with one of them,
# positions of the lower-cased copy are not positions of matches.
CASE_ODD = re.compile("[\u0130\u0131\u017f]")


@dataclass
class Gazetteer:
    """Known actors by id, with compiled patterns for finding them in text."""

    actors: dict[str, Actor]
    # Each pattern with a lower-case literal that every match contains (checked with `in`
    # before the pattern runs: most names do not occur in a given sentence).
    _names: list[tuple[str | None, re.Pattern[str], Actor]] = field(default_factory=list)
    _abbrs: list[tuple[str, re.Pattern[str], Actor]] = field(default_factory=list)
    # The name patterns by literal, each with its place in `_names` and whether every match
    # begins with the literal (then it is only tried where the literal stands).
    _by_literal: dict[str | None, list[tuple[int, re.Pattern[str], Actor, bool]]] = field(
        default_factory=dict)
    _by_casefold: dict[str, Actor] = field(default_factory=dict)  # ids and abbreviations
    # The abbreviation patterns with their places after the names (see `_find_all`).
    _abbr_entries: list[tuple[int, str, re.Pattern[str], Actor]] = field(default_factory=list)
    # Set on a view for one document (`within`): its text and the whole gazetteer.
    _document: str | None = field(default=None, repr=False, compare=False)
    _whole: Gazetteer | None = field(default=None, repr=False, compare=False)
    _last_view: Gazetteer | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        for actor in self.actors.values():
            for label in (actor.name, *actor.aliases):
                if label.isupper() or label == actor.abbr:
                    continue
                self._names.append((required_literal(label), re.compile(
                    WORD_LEFT + "(?:" + name_pattern(label) + ")" + WORD_RIGHT, re.I), actor))
            for abbr in sorted({actor.abbr, actor.id, *(a for a in actor.aliases
                                                        if a.isupper())} - {None}):
                if abbr and not abbr.startswith("DE"):
                    self._abbrs.append((abbr, re.compile(
                        SITTING_PREFIX + re.escape(abbr) + r"(?:s)?" + WORD_RIGHT), actor))
        self._abbr_entries = [(len(self._names) + i, abbr, pattern, actor)
                              for i, (abbr, pattern, actor) in enumerate(self._abbrs)]
        for actor in self.actors.values():  # the first actor with that id or abbreviation
            for key in (actor.id.casefold(), (actor.abbr or "").casefold()):
                self._by_casefold.setdefault(key, actor)
        for index, (literal, pattern, actor) in enumerate(self._names):
            anchored = literal is not None and leading_text(pattern).lower().startswith(literal)
            self._by_literal.setdefault(literal, []).append((index, pattern, actor, anchored))

    _cache: dict[str, list[ActorMatch]] = field(default_factory=dict)

    def within(self, document: str) -> Gazetteer:
        """This gazetteer for the parts of one document: a name whose literal the document
        does not contain, or an abbreviation it does not contain, cannot stand in a part of
        it and is not looked for there (a text that is not part of it gets the whole
        search). Views share the patterns and the cache of found mentions."""
        whole = self._whole or self
        last = whole._last_view
        if last is not None and last._document is document:
            return last
        low = document.lower()
        view = copy.copy(whole)
        view._by_literal = {literal: entries for literal, entries in whole._by_literal.items()
                            if literal is None or literal in low}
        view._abbr_entries = [e for e in whole._abbr_entries if e[1] in document]
        view._document, view._whole, view._last_view = document, whole, None
        whole._last_view = view
        return view

    def find_all(self, text: str) -> list[ActorMatch]:
        """Every actor mention, longest match first, without overlaps, in text order."""
        cached = self._cache.get(text)
        if cached is None:
            if len(self._cache) > 4096:
                self._cache.clear()
            cached = self._cache[text] = self._find_all(text)
        return list(cached)

    def _find_all(self, text: str) -> list[ActorMatch]:
        if self._whole is not None and self._document is not None \
                and text not in self._document:
            return self._whole._find_all(text)
        found: list[tuple[int, re.Match[str], Actor]] = []
        low = text.lower()
        aligned = len(low) == len(text) and not CASE_ODD.search(text)
        for literal, entries in self._by_literal.items():
            if literal is None:
                at = None
            elif (first := low.find(literal)) < 0:
                continue
            else:
                at = _positions(low, literal, first) if aligned else None
            for index, pattern, actor, anchored in entries:
                if anchored and at is not None:
                    _matches_at(found, index, pattern, actor, text, at)
                else:
                    found.extend((index, m, actor) for m in pattern.finditer(text))
        for index, abbr, pattern, actor in self._abbr_entries:
            if abbr not in text:
                continue
            found.extend((index, m, actor) for m in pattern.finditer(text))
        found.sort(key=lambda f: f[0])  # the order of the patterns: it settles equal matches
        result: list[ActorMatch] = []
        matches = [ActorMatch(m.start(), m.end(), actor, m.group()) for _, m, actor in found]
        for match in sorted(matches, key=lambda m: (-(m.end - m.start), m.start)):
            if any(m.start < match.end and match.start < m.end for m in result):
                continue
            result.append(match)
        return sorted(result, key=lambda m: m.start)

    def resolve(self, text: str) -> Actor | None:
        """The actor a short text names ("dem Land Hessen", "BMI", "DE-BY"), or None."""
        cleaned = re.sub(r"^(?:der|die|das|des|dem|den)\s+", "", text.strip(), flags=re.I)
        cleaned = cleaned.strip(" ,.;:")
        if cleaned in self.actors:
            return self.actors[cleaned]
        by_key = self._by_casefold.get(cleaned.casefold())
        if by_key is not None:
            return by_key
        matches = self.find_all(cleaned)
        if len(matches) == 1 and matches[0].start == 0 and matches[0].end == len(cleaned):
            return matches[0].actor
        return None


def _positions(low: str, literal: str, first: int) -> list[int]:
    """Where `literal` stands in `low`, from its first place on."""
    out = []
    while first >= 0:
        out.append(first)
        first = low.find(literal, first + 1)
    return out


def _matches_at(found: list, index: int, pattern: re.Pattern[str], actor: Actor, text: str,
                positions: list[int]) -> None:
    """`pattern.finditer(text)` for a pattern whose every match begins with a literal that
    stands at `positions` (of the lower-cased text, aligned with it): tried only there."""
    end = 0
    for at in positions:
        if at >= end and (m := pattern.match(text, at)) is not None:
            found.append((index, m, actor))
            end = m.end()


def _literal(graph: Graph, node: URIRef, prop: URIRef) -> str | None:
    value = graph.value(node, prop)
    return str(value) if value is not None else None


@cache
def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """Read the gazetteer (default `ontology/gazetteer.ttl`) once per process."""
    path = path or GAZETTEER_TTL
    graph = Graph()
    graph.parse(path)
    keys = _class_keys()
    actors: dict[str, Actor] = {}
    for node in set(graph.subjects(SKG.id, None)):
        cls = graph.value(node, RDF.type)
        actor_id = str(graph.value(node, SKG.id))
        if str(cls) not in keys:
            raise ValueError(f"{path}: actor {actor_id} has a class the ontology does not "
                             f"declare: {cls}")
        key, level = keys[str(cls)]
        notations = sorted(str(n) for n in graph.objects(node, SKOS.notation))
        aliases = sorted(str(a) for a in graph.objects(node, SKOS.altLabel))
        abbr = next((n for n in notations if n == actor_id), notations[0] if notations else None)
        aliases += [n for n in notations if n != abbr]
        successors = tuple(sorted(str(graph.value(s, SKG.id)) for s in
                                  graph.objects(node, SKG.succeededBy)))
        actors[actor_id] = Actor(
            id=actor_id, name=str(graph.value(node, SKOS.prefLabel)), type_key=key,
            aliases=tuple(aliases), abbr=abbr, level=level,
            valid_from=_literal(graph, node, SKG.validFrom),
            valid_to=_literal(graph, node, SKG.validTo), succeeded_by=successors)
    return Gazetteer(actors)
