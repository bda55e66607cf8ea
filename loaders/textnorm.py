"""Lines from any format become one normalised text: one paragraph per line, blank lines between.

Wrapped lines are unwrapped (so a sentence never spans a line break), hyphenation at line
ends is joined, runs of spaces (justified PDF text) become one space. Offsets of statements
point into this text, so the PDF and the text version of a resolution read the same.
"""

from __future__ import annotations

import re

STRUCTURAL = re.compile(
    r"^(?:\d{1,2}[.)](?:\s|$)|0\d\s+(?=[A-ZÄÖÜ])|[a-z]\)\s|[-•–·*]\s|TOP\s|Tagesordnungspunkt\s|Begründung|"
    r"Sachdarstellung|Sachverhalt|Protokollerklärung|Anlage|Beschluss\b|Antrag\b|Betreff|"
    r"Berichterstattung|Antragsteller)"
)
OPEN_END = re.compile(
    r"(?:\b(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|und|oder|sowie|für|in|"
    r"im|mit|von|vom|zu|zur|zum|bei|beim|auf|an|am|über|durch|nach|aus|bzw\.|als|dass))$",
    re.I,
)
SPACES = re.compile(r"[ \t\u00a0\u2007\u202f]+")
NO_SPACE_AFTER_HYPHEN = {"und", "oder", "bzw.", "sowie", "bis"}


def clean_line(line: str) -> str:
    return SPACES.sub(" ", line.replace("\u00ad", "")).strip()


def _join(prev: str, line: str) -> str:
    """Join a wrapped line to its predecessor, undoing hyphenation."""
    if re.search(r"\w-$", prev):
        first = line.split(" ", 1)[0]
        if first in NO_SPACE_AFTER_HYPHEN:
            return prev + " " + line
        if line[:1].islower():
            return prev[:-1] + line
        return prev + line
    return prev + " " + line


def _wrap_width(lines: list[str]) -> int:
    lengths = sorted(len(line) for line in lines if line)
    if not lengths:
        return 0
    return lengths[int(len(lengths) * 0.9) - 1 if len(lengths) > 1 else 0]


def normalise_lines(lines: list[str]) -> str:
    """Unwrap lines into paragraphs; a blank line in the input may separate paragraphs."""
    lines = [clean_line(line) for line in lines]
    width = _wrap_width(lines)
    paragraphs: list[str] = []
    blank = True
    last_len = 0
    for line in lines:
        if not line:
            blank = True
            continue
        if paragraphs:
            prev = paragraphs[-1]
            prev_last_line_full = last_len >= 0.6 * width
            if blank:
                join = not STRUCTURAL.match(line) and (
                    line[:1].islower() or bool(OPEN_END.search(prev)))
            else:
                join = not STRUCTURAL.match(line) and not prev.endswith(":") and (
                    prev_last_line_full or bool(re.search(r"(\w-|,)$", prev))
                    or bool(OPEN_END.search(prev)) or line[:1].islower())
            if join:
                paragraphs[-1] = _join(prev, line)
                blank = False
                last_len = len(line)
                continue
        paragraphs.append(line)
        blank = False
        last_len = len(line)
    return "\n\n".join(paragraphs) + ("\n" if paragraphs else "")
