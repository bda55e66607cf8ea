"""Subjects, addressees and object phrases around a predicate wording."""

from __future__ import annotations

import re

from loaders.mentions import Mention
from loaders.records import ActorRef, MatterRef, slug

OBLIQUE = {"den", "dem", "des", "vom", "von", "beim", "bei", "mit", "für", "an", "zu", "zur",
           "zum", "über", "durch", "aus", "im", "am", "in", "gegenüber", "seitens", "ihren",
           "seinen", "ihrem", "seinem", "einen", "einem", "unter", "nach", "auf", "um"}
ARTICLES = r"(?:der|die|das|den|dem|des|ein|eine|einen|einem|eines|seine[nmrs]?|ihre[nmrs]?|" \
           r"diese[nmrs]?|alle|beide[n]?)"
LIST_GAP = re.compile(r"^\s*(?:,|und|sowie|oder|als\s+auch|,\s*und|,\s*sowie)?\s*(?:"
                      + ARTICLES + r"\s+)?(?:[a-zäöü]\w*(?:e|en|er|es)\s+)?$")
FIRST_GAP = re.compile(r"^\s*(?:(?:an|nochmals|erneut|daher|ausdrücklich|zudem|dringend|"
                       r"ebenfalls|außerdem|deshalb|hiermit)\s+)*(?:" + ARTICLES
                       + r"\s+)?(?:[a-zäöü]\w*(?:e|en|er|es)\s+)?$")
ANAPHORIC = {"Vorhaben", "Projekt", "Programm", "Maßnahme", "Beschluss", "Konzept", "Anliegen"}
CUT_WORDS = re.compile(r"\s+(?:über\s+(?:die|den|das)\s+(?=[A-ZÄÖÜ])|mit\s+(?:\d|bis|rund|"
                       r"insgesamt|jährlich|einer?\s)|in\s+Höhe|ab\s+dem|ab\s+\d|jährlich|"
                       r"aus\s+(?:dem|seinem|ihrem)|bis\s+zu[mr]?\s|im\s+Rahmen|seit\s|"
                       r"in\s+den\s+Jahren|insgesamt\s|\d[\d.,]*\s*(?:Mio|Mrd|Euro|Millionen))")
LEADING = re.compile(r"^(?:(?:in|an|auf|für|über|zu|zur|zum|mit|bei|von|vom|im|am)\s+"
                     r"(?:die|den|das|dem|der|des|eine[nmrs]?)?\s*|(?:als\s+Anlage\s*\d*\s+)?"
                     r"beigefügte[nmrs]?\s+|diese[nmrs]?\s+|dieses\s*$)+")
TRAILING = re.compile(r"(?:\s+(?:und|sowie|oder|bzw\.|zu|von|mit|"
                      r"[a-zäöü]+zu[a-zäöü]+(?:en|ern|eln)|"
                      r"zu\s+[a-zäöü]+en))+\s*$")


def _preceding_word(sentence: str, pos: int) -> tuple[str, int]:
    m = re.search(r"(\S+)\s*$", sentence[:pos])
    return (m.group(1), m.start(1)) if m else ("", 0)


def is_oblique(sentence: str, mention: Mention, mentions: list[Mention]) -> bool:
    """True when the mention is in a prepositional, dative, accusative or genitive slot."""
    pos = mention.start
    for _ in range(6):
        word, start = _preceding_word(sentence, pos)
        low = word.lower()
        if not word:
            return False
        if low in OBLIQUE:
            return True
        if word in {"Der", "Die", "Das"} and start > 0:
            return False  # a capital article inside a run-on line starts a sentence
        if low in {"der", "die", "das"}:
            before, _ = _preceding_word(sentence, start)
            if before.lower() in OBLIQUE:
                return True
            return low == "der" and before[:1].isupper() and not before.endswith((",", ":"))
        other = next((m for m in mentions if m.end <= start + len(word) and m.end > start - 1
                      and m is not mention), None)
        if other is not None:
            prev, _ = _preceding_word(sentence, other.start)
            if prev.lower() in {"vom", "von", "durch"}:
                pos = other.start - len(prev) - 1
                continue
            return False
        if re.fullmatch(r"[a-zäöü][\w\-]*(?:e|en|er|es|em)|[a-zäöü]+", word):
            pos = start
            continue
        return False
    return False


def clause_start(sentence: str, pos: int) -> int:
    """Start of the clause holding `pos`: after the last "dass", ";" or ":" before it."""
    best = 0
    for m in re.finditer(r"(?:,\s*)?\bdass\b|;|:", sentence[:pos]):
        best = m.end()
    return best


def subject_before(sentence: str, pos: int, mentions: list[Mention]) -> Mention | None:
    start = clause_start(sentence, pos)
    cands = [m for m in mentions if m.start >= start and m.end <= pos
             and not is_oblique(sentence, m, mentions)]
    return cands[0] if cands else None


def subjects_before(sentence: str, pos: int, mentions: list[Mention]) -> list[Mention]:
    """The subject before `pos` with the actors coordinated with it: "Bund und Länder"."""
    first = subject_before(sentence, pos, mentions)
    if first is None:
        return []
    out = [first]
    for m in mentions:
        if m.start >= out[-1].end and m.end <= pos:
            gap = sentence[out[-1].end:m.start]
            if LIST_GAP.match(gap) and re.search(r"\b(?:und|sowie)\b|,", gap):
                out.append(m)
            elif m.start > out[-1].end:
                break
    return out


def subject_after(sentence: str, pos: int, mentions: list[Mention]) -> Mention | None:
    for m in mentions:
        if m.start >= pos:
            gap = sentence[pos:m.start]
            if re.fullmatch(r"\s*(?:(?:der|die|das)\s+(?:[a-zäöü]\w*(?:e|en)\s+)?)?", gap):
                return m
            return None
    return None


def addressees(sentence: str, pos: int, mentions: list[Mention]) -> list[Mention]:
    """The coordinated actors right after `pos`: "die BMK, die RMK und den IT-Planungsrat"."""
    out: list[Mention] = []
    comma_only: list[bool] = []
    cursor = pos
    for m in mentions:
        if m.start < cursor:
            continue
        gap = sentence[cursor:m.start]
        if out and re.fullmatch(r"\s+als\s+(?:[a-zäöü]\w*e[nrs]?\s+)?", gap):
            cursor = m.end  # "Hessen als Themenpate und die AG Cloud": a role, not another one
            continue
        if not (FIRST_GAP if not out else LIST_GAP).match(gap):
            break
        out.append(m)
        comma_only.append(bool(out[:-1]) and not re.search(r"\b(?:und|sowie|oder)\b", gap))
        cursor = m.end
    while out and comma_only[-1]:
        out.pop()
        comma_only.pop()
    return out


def clean_phrase(phrase: str) -> str:
    phrase = re.sub(r"^[\s,]*(?:dass\s+|darum\s*,?\s*|dafür\s*,?\s*)?", "", phrase)
    phrase = re.sub(r"^(?:am\s+\d\S*\s+|vor diesem Hintergrund\s+|auf Ebene der \w+\s+)+", "",
                    phrase, flags=re.I)
    return phrase.strip(" ,.;:")


# An extended attribute between article and noun: "eine bis Ende 2026 befristete
# Arbeitsgruppe", "den vom Land vorgelegten Entwurf" -> "eine befristete Arbeitsgruppe".
EXTENDED_ATTRIBUTE = re.compile(
    r"^(?P<art>(?:" + ARTICLES + r"))\s+(?:bis|für|mit|von|vom|zur|zum|im|in|an|auf|aus|nach|"
    r"über|unter|gegen|durch|seit)\b[^,;„“]{1,80}?\s(?P<adj>[a-zäöü][\w\-]*(?:te|ten|tes|ter|"
    r"ene|enen|ener|enes|ende|enden|ender)\s+[A-ZÄÖÜ])")


def matter_name(phrase: str, title: str | None = None) -> str | None:
    """A short name for a non-actor object phrase."""
    phrase = clean_phrase(phrase)
    phrase = EXTENDED_ATTRIBUTE.sub(r"\g<art> \g<adj>", phrase, count=1)
    quoted = re.search(r"([A-ZÄÖÜ][\w\-]*\s+)?„[^“”]+[“”]", phrase)
    if quoted and quoted.group(1) and (quoted.start() == 0 or not re.search(
            r"\b(?:der|des)\s+$", phrase[:quoted.start()])):
        return quoted.group().strip()
    phrase = CUT_WORDS.split(phrase, maxsplit=1)[0]
    phrase = re.split(r",\s|;", phrase, maxsplit=1)[0]
    phrase = re.sub(r"^(?:" + ARTICLES + r"|ihre|seine)\s+", "", phrase)
    phrase = re.sub(r"^(?:grundsätzliche|fachpolitische|sich)\s+", "", phrase)
    phrase = LEADING.sub("", phrase)
    phrase = re.sub(r"^(?:" + ARTICLES + r")\s+", "", phrase)
    lead_quote = re.match(r"(?:[a-zäöü][\w\-]*\s+)*„([^“”]+)[“”]", phrase)
    if lead_quote:
        return lead_quote.group(1).strip()
    phrase = TRAILING.sub("", phrase).strip(" ,.;:")
    words = phrase.split()
    if not words:
        return None
    name = " ".join(words[:14])
    if name in ANAPHORIC and title:
        return f"{name} ({title})"
    return name


def matter(phrase: str, title: str | None = None) -> MatterRef | None:
    name = matter_name(phrase, title)
    if not name or len(name) < 3:
        return None
    return MatterRef(id=slug(name)[:80], name=name)


def resolve_pronoun(mention: Mention, fallback: ActorRef | None) -> ActorRef | None:
    return fallback if mention.pronoun else mention.actor
