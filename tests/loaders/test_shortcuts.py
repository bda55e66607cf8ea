"""The extractor's shortcuts change nothing: frames tried only on sentences with a word they
need, head nouns tried only at capitalised head words, gazetteer names tried only where their
first word stands and only if the document contains it. Each is compared with the plain way
on every text the extractor reads in the test corpora and 80 generated documents, and on
texts with the characters the shortcuts must not be fooled by."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest

from bench.generate import generate_corpus
from loaders import bodies, extract_file, predicates
from loaders.mentions import ActorRegistry
from ontology.gazetteer import Gazetteer, load_gazetteer
from ontology.regex_literals import leading_text, required_texts

ROOT = Path(__file__).resolve().parents[2]
CORPORA = [ROOT / "tests" / "corpus" / "heldout", ROOT / "tests" / "corpus" / "heldout2",
           ROOT / "tests" / "corpus" / "sealed", ROOT / "examples" / "resolutions"]
# Spellings a shortcut could get wrong: dotless i, long s and dotted capital I (which
# lower-case to other letters or to two characters), heads of two words, "X- und Y".
ODD = ["Das Bundesministerium der Finanzen und das Bundeſministerium des Innern",
       "Die Digitalministerkonferenz und die Dıgitalministerkonferenz", "İ Land Hessen und DMK",
       "Die Task Force und die Amtschefinnen und Amtschefs der Länder",
       "Die Industrie- und  Handelskammern, die Bund-Länder-Arbeitsgruppe und -Verwaltung",
       "DIE VERWALTUNG WIRD GEBETEN", "die verwaltung wird gebeten, der sonder-dmk zu berichten"]


@pytest.fixture(scope="module")
def seen(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list]:
    """The texts mentions are read from, with the gazetteer (view) that read them."""
    generated = tmp_path_factory.mktemp("shortcuts")
    generate_corpus(generated, resolutions=80, seed=5, pdf_share=0.0)
    texts: dict[str, list] = {"mentions": [], "gazetteer": []}
    mentions, find_all = ActorRegistry.mentions, Gazetteer._find_all

    def spy_mentions(self, sentence, owner=None):  # noqa: ANN001, ANN202
        texts["mentions"].append(sentence)
        return mentions(self, sentence, owner)

    def spy_find_all(self, text):  # noqa: ANN001, ANN202
        texts["gazetteer"].append((self, text))
        return find_all(self, text)

    ActorRegistry.mentions, Gazetteer._find_all = spy_mentions, spy_find_all
    try:
        for folder in [*CORPORA, generated]:
            for path in sorted(folder.glob("*.txt")):
                extract_file(path)
    finally:
        ActorRegistry.mentions, Gazetteer._find_all = mentions, find_all
    texts["mentions"] += ODD
    return texts


def _spans(matches) -> list:  # noqa: ANN001
    return [(m.span(), m.groupdict()) for m in matches]


def test_head_nouns_are_found_where_the_pattern_finds_them(seen: dict[str, list]) -> None:
    assert len(seen["mentions"]) > 500
    assert any(bodies.head_matches(t) for t in seen["mentions"])
    for text in seen["mentions"]:
        assert _spans(bodies.head_matches(text)) == _spans(bodies.HEAD_RE.finditer(text)), text


def test_frames_find_the_same_triggers_as_when_every_frame_is_tried(
        seen: dict[str, list], monkeypatch: pytest.MonkeyPatch) -> None:
    def triggers() -> list:
        return [predicates.find_triggers(t, minutes) for t in seen["mentions"]
                for minutes in (False, True)]

    quick = triggers()
    monkeypatch.setattr(predicates, "required_texts", lambda pattern: None)
    monkeypatch.setattr(predicates, "_INDEXES", {})
    plain = triggers()
    assert any(quick) and quick == plain


def _plain(gazetteer: Gazetteer) -> Gazetteer:
    """The gazetteer as it was: every name whose literal the text contains, run all over it."""
    whole = gazetteer._whole or gazetteer
    plain = copy.copy(whole)
    plain._by_literal = {literal: [(i, p, a, False) for i, p, a, _ in entries]
                         for literal, entries in whole._by_literal.items()}
    plain._cache = {}
    return plain


def test_gazetteer_finds_the_same_mentions_as_when_every_name_is_run(
        seen: dict[str, list]) -> None:
    whole = load_gazetteer()
    plain = _plain(whole)
    views = [(g, t) for g, t in seen["gazetteer"] if g._document is not None]
    assert len(views) > 200
    for gazetteer, text in [*seen["gazetteer"], *((whole, t) for t in ODD)]:
        assert gazetteer._find_all(text) == plain._find_all(text), text
        half = len(text) // 2
        for odd in (text[:half] + text[half:].replace("i", "ı"), text.upper(),
                    text[:half] + text[half:].replace("s", "ſ")):
            assert whole._find_all(odd) == plain._find_all(odd), odd


def test_resolve_takes_the_first_actor_with_that_id_or_abbreviation() -> None:
    gazetteer = load_gazetteer()
    for actor in gazetteer.actors.values():
        for key in (actor.id.lower(), (actor.abbr or actor.id).upper()):
            first = next(a for a in gazetteer.actors.values()
                         if key.casefold() in {a.id.casefold(), (a.abbr or "").casefold()})
            assert gazetteer.resolve(key) == first, key


def test_required_texts_and_leading_text_read_the_pattern() -> None:
    assert required_texts(re.compile(r"\b(?:wird|werden)\b.{0,80}?\bgebeten\b")) == {"gebeten"}
    assert required_texts(re.compile(r"(?:x|yy)zz")) == {"xzz", "yyzz"}
    assert required_texts(re.compile(r"(?:abc|\d+de)")) == {"abc", "de"}
    assert required_texts(re.compile(r"(?P<o>abc)?dd")) == {"dd"}
    assert required_texts(re.compile("abc", re.I)) is None  # case-insensitive: not a substring
    assert required_texts(re.compile("(?i:abc)def")) == {"def"}
    assert required_texts(re.compile("ab?c")) is None  # no fixed piece of two characters
    assert leading_text(re.compile(r"(?<![\w\-])(?:Bundes(?:es|s)?\s+Rat)", re.I)) == "Bundes"
    assert leading_text(re.compile(r"(?:ab|cd)e")) == ""
