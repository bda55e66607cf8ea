"""Sentence spans in one paragraph: the cases SoMaJo's outcome is certain for, without it.

SoMaJo (the German tokenizer and sentence splitter) runs some hundred regular expressions over
a paragraph, a few milliseconds each time, and dominated extraction. Its sentence splitter
ends a sentence after a token that is a full stop, `!` or `?` (or an abbreviation such as
"usw.") when the next token, past opening punctuation, starts with a capital letter or is a
number. So the outcome is certain without tokenizing wherever every mark in the paragraph is
one of these:

- a mark followed by a space and a lower-case letter: never a boundary, whatever the tokens;
- a full stop between digits ("31.12.2025", "1.000"): part of a number or date;
- a full stop after a known abbreviation ("Nr.", "Abs.") or an ordinal number ("135.") that
  SoMaJo keeps as one token;
- a mark after a plain word of two or more letters that no abbreviation rule matches, or after
  a year, followed by a space and a capital letter (after optional opening brackets or
  dashes): a boundary.

Anything else — digits or brackets before the mark, quotes after it, an ellipsis, characters
SoMaJo would drop — sends the paragraph to SoMaJo, so the spans are SoMaJo's in every case
(tests/loaders/test_sentences.py compares both on every corpus paragraph).
"""

from __future__ import annotations

import types
from functools import cache

import regex
from somajo import SoMaJo, utils

MARKS = regex.compile(r"[.!?…]")
# Characters SoMaJo keeps as they are; anything else (controls, format characters, symbols
# that may be emoji) goes the slow way.
ORDINARY = regex.compile(r"^[\p{L}\p{N}\p{P}\p{Sm}\p{Sc}\p{Sk}§°€ ]*$")
WORD_BEFORE = regex.compile(r"(?:^|(?<=[ (\[{–—]))(\p{L}{2,})$")
NUMBER_BEFORE = regex.compile(r"(?:^|(?<=[ (\[{–—]))(\d+)$")
# SoMaJo's ordinal rule: "135." stays one token, "2015." is a year and a full stop.
ORDINAL = regex.compile(r"\d{1,3}|\d{5,}|[3-9]\d{3}")
NO_BREAK_AFTER = regex.compile(r"\s+\p{Ll}")
BREAK_AFTER = regex.compile(r"\s+(?:[(\[{–—]\s*)*\p{Lu}")
ROMAN = regex.compile(r"[MDCLXVI]+")
EMOJI = regex.compile(r"[\p{Extended_Pictographic}\p{Emoji_Presentation}\uFE0F]")


@cache
def _abbreviations() -> tuple[frozenset[str], frozenset[str]]:
    """SoMaJo's own lists: one-token abbreviations (lower case) and those that may end a
    sentence ("usw.")."""
    kept = set(utils.read_abbreviation_file("abbreviations_de.txt", to_lower=True))
    for name in ("single_token_abbreviations_de.txt", "single_tokens_de.txt"):
        kept |= {a.lower() for a in utils.read_abbreviation_file(name)}
    kept.add("ps.")
    return frozenset(kept), frozenset(utils.read_abbreviation_file("eos_abbreviations.txt"))


def _mark_is_boundary(body: str, at: int) -> bool | None:
    """Whether SoMaJo ends a sentence at the mark `body[at]`; None when not certain."""
    after = body[at + 1:]
    if NO_BREAK_AFTER.match(after):
        return False
    mark = body[at]
    if mark == "." and at > 0 and body[at - 1].isdigit() and after[:1].isdigit():
        return False
    if mark == "." and (number := NUMBER_BEFORE.search(body, 0, at)) is not None:
        if ORDINAL.fullmatch(number.group(1)):
            return None if after[:1].isdigit() else False
        return True if BREAK_AFTER.match(after) else None
    word = WORD_BEFORE.search(body, 0, at)
    if mark == "…" or word is None or not BREAK_AFTER.match(after):
        return None
    if mark in "!?":
        return True
    kept, sentence_final = _abbreviations()
    token = word.group(1) + "."
    if token.lower() in kept:
        return None if token.lower() in sentence_final else False
    if token.lower().endswith("str.") or ROMAN.fullmatch(word.group(1)):
        return None
    return True


def certain_spans(body: str) -> list[tuple[int, int]] | None:
    """Sentence spans (offsets into `body`) where SoMaJo's outcome is certain, else None."""
    stripped = body.rstrip()
    if not ORDINARY.match(stripped):
        return None
    cuts = []
    for m in MARKS.finditer(stripped, 0, len(stripped) - 1):
        boundary = _mark_is_boundary(stripped, m.start())
        if boundary is None:
            return None
        if boundary:
            cuts.append(m.end())
    spans, start = [], 0
    for cut in [*cuts, len(stripped)]:
        piece = stripped[start:cut]
        lead = len(piece) - len(piece.lstrip())
        spans.append((start + lead, cut))
        start = cut
    return spans


def _split_emojis_if_any(tokenizer: object, original: types.MethodType) -> types.MethodType:
    """SoMaJo's emoji step tests every grapheme with a regular expression (half its time);
    skip it for a token without a character that step looks for — the same outcome."""
    def split(self: object, node: object, token_class: str = "emoticon") -> None:
        if EMOJI.search(node.value.text):  # type: ignore[attr-defined]
            original(node, token_class)
    return types.MethodType(split, tokenizer)


@cache
def tokenizer() -> SoMaJo:
    """SoMaJo for the paragraphs `certain_spans` leaves open."""
    somajo = SoMaJo("de_CMC", split_camel_case=False, character_offsets=True)
    inner = somajo._tokenizer
    inner._split_emojis = _split_emojis_if_any(inner, inner._split_emojis)
    return somajo


def somajo_spans(body: str) -> list[tuple[int, int]]:
    """Sentence spans (offsets into `body`) as SoMaJo splits it."""
    return [(s[0].character_offset[0], s[-1].character_offset[1])
            for s in tokenizer().tokenize_text([body])]


def sentence_spans(body: str) -> list[tuple[int, int]]:
    """Sentence spans (offsets into `body`): the certain way when it can, else SoMaJo."""
    spans = certain_spans(body)
    return spans if spans is not None else somajo_spans(body)
