"""Text that every match of a regular expression must contain, read from its parse.

A rule set of many patterns (frames, gazetteer names) is mostly tried on texts where a pattern
cannot match; a substring test for text that every match contains (`"gebeten" in sentence`)
rules a pattern out at a fraction of the cost of running it, with the same outcome. Anything
the analysis does not understand counts as "no required text", so the pattern simply runs.
"""

from __future__ import annotations

import re
from itertools import product

try:  # the parser `re` compiles with; private, so every use below has a way out
    from re import _constants as sre_c
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - other Python versions
    sre_c = sre_parse = None  # type: ignore[assignment]

MAX_CHOICES = 64  # alternatives a required piece may have before it stops paying off
_ZERO_WIDTH = {"AT", "ASSERT", "ASSERT_NOT"}


def _exact(items: list, ignore_case: bool) -> set[str] | None:
    """The strings a sequence of parse items matches when it matches one of a few fixed
    strings (literals, alternatives of literals, zero-width assertions), else None."""
    out = {""}
    for op, av in items:
        name = str(op)
        if name in _ZERO_WIDTH:
            continue
        if name == "LITERAL" and not ignore_case:
            choices = {chr(av)}
        elif name == "BRANCH":
            choices = set()
            for alternative in av[1]:
                strings = _exact(list(alternative), ignore_case)
                if strings is None:
                    return None
                choices |= strings
        elif name == "SUBPATTERN":
            _, add, delete, sub = av
            case = (ignore_case or bool(add & re.IGNORECASE)) and not delete & re.IGNORECASE
            choices = _exact(list(sub), case)
            if choices is None:
                return None
        else:
            return None
        out = {a + b for a, b in product(out, choices)}
        if len(out) > MAX_CHOICES:
            return None
    return out


def _pieces(items: list, ignore_case: bool) -> list[set[str]]:
    """Sets of strings of which a match of the sequence contains one each: runs of
    consecutive items with `_exact` strings, and what a group, a repetition of at least one
    or every alternative of a branch requires."""
    pieces: list[set[str]] = []
    current: list = []
    for item in [*items, (None, None)]:
        if item[0] is not None and _exact([item], ignore_case) is not None:
            current.append(item)
            continue
        if current:
            pieces.append(_exact(current, ignore_case) or set())
            current = []
        if item[0] is not None and (inner := _inner(item, ignore_case)) is not None:
            pieces.append(inner)
    return [p for p in pieces if p and min(map(len, p)) >= 2]


def _best(items: list, ignore_case: bool) -> set[str] | None:
    pieces = _pieces(items, ignore_case)
    return max(pieces, key=lambda p: min(map(len, p))) if pieces else None


def _inner(item: tuple, ignore_case: bool) -> set[str] | None:
    """What a non-literal item requires of the text it matches, if anything."""
    op, av = item
    name = str(op)
    if name == "SUBPATTERN":
        _, add, delete, sub = av
        case = (ignore_case or bool(add & re.IGNORECASE)) and not delete & re.IGNORECASE
        return _best(list(sub), case)
    if name in {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"} and av[0] >= 1:
        return _best(list(av[2]), ignore_case)
    if name == "BRANCH":
        out: set[str] = set()
        for alternative in av[1]:
            best = _best(list(alternative), ignore_case)
            if best is None:
                return None
            out |= best
        return out if len(out) <= MAX_CHOICES else None
    return None


def required_texts(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Strings of which every match of `pattern` contains at least one (its most selective
    required piece), or None when there is no such piece of two or more characters.
    Case-insensitive parts are never used."""
    if sre_parse is None or not isinstance(pattern.pattern, str):
        return None
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - an unknown parser: no shortcut, the pattern runs
        return None
    best = _best(list(parsed), bool(parsed.state.flags & re.IGNORECASE))
    return frozenset(best) if best is not None else None


def leading_text(pattern: re.Pattern[str]) -> str:
    """The characters every match of `pattern` begins with, as the pattern writes them
    (compare lower-cased for a case-insensitive pattern); "" when unknown."""
    if sre_parse is None or not isinstance(pattern.pattern, str):
        return ""
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - an unknown parser: no shortcut
        return ""
    return _leading(list(parsed))[0]


def _leading(items: list) -> tuple[str, bool]:
    """(leading literal characters, whether the whole sequence was literal)."""
    text = ""
    for op, av in items:
        name = str(op)
        if name in _ZERO_WIDTH:
            continue
        if name == "LITERAL":
            text += chr(av)
            continue
        if name == "SUBPATTERN":
            inner, whole = _leading(list(av[3]))
            text += inner
            if whole:
                continue
        return text, False
    return text, True
