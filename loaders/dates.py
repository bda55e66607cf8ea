"""German dates, deadlines and amounts of money."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

MONTHS = {
    "januar": 1,
    "jänner": 1,
    "jan": 1,
    "februar": 2,
    "feb": 2,
    "märz": 3,
    "mär": 3,
    "april": 4,
    "apr": 4,
    "mai": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "dezember": 12,
    "dez": 12,
}
MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
DATE_RE = re.compile(
    r"(?<!\d)(?P<d>\d{1,2})\.(?:\s*(?:/|–|-|und|bis)\s*\d{1,2}\.)?\s*"
    r"(?:(?P<m>\d{1,2})\.\s*(?P<y>\d{4}|\d{2}(?!\d))|(?P<mn>" + MONTH_RE + r")\.?\s+(?P<y2>\d{4}))"
    r"|(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})",
    re.I,
)
MONEY_RE = re.compile(
    r"(?:(?:jährlich|insgesamt|bis zu|rund|ca\.|pro Jahr)\s+)?"
    r"\d[\d.]*(?:,\d+)?\s*(?:Mio\.|Millionen|Mrd\.|Milliarden|Tsd\.|Tausend)?\s*(?:Euro|EUR|€)"
    r"(?:\s+(?:jährlich|pro Jahr|p\.\s?a\.))?",
    re.I,
)
SHARE_RE = re.compile(r"\d+(?:,\d+)?\s*(?:Prozent|%)|\b(?:je\s+zur\s+|die\s+)?Hälfte\b|"
                      r"\b(?:ein|zwei)\s+Drittel\b", re.I)
DEADLINE_START = re.compile(
    r"\b(?:bis(?:\s+spätestens)?(?:\s+(?:zum|zur|zu|Ende|Mitte|Anfang))?"
    r"|spätestens(?:\s+(?:zum|zur|bis))?|im(?=\s+(?:ersten|zweiten|dritten|vierten|[1-4]\.)\s+"
    r"(?:Halbjahr|Quartal)|\s+(?:Laufe\s+des\s+)?Jahre?s?\s+20\d{2}\b)"
    r"|zur(?=\s+(?:\d+\.\s*(?:Sitzung|[A-ZÄÖÜ])|nächsten|kommenden|Frühjahrs|Herbst))"
    r"|zu(?=\s+(?:ihrer|seiner)\s))"
    r"(?=\s)",
    re.I,
)
DEADLINE_END = re.compile(
    r"(?:\d{4}|\d{4}/\d{2}|\d{1,2}\.\d{1,2}\.\d{2,4}|\w*(?:sitzung|konferenz|tagung|quartal)s?"
    r"|Jahres"
    r"|(?-i:[A-ZÄÖÜ][\w\-]*MK|[A-ZÄÖÜ]{3,5}))$", re.I
)
TOKEN = re.compile(r"\S+")
ORDINALS = {"ersten": 1, "zweiten": 2, "dritten": 3, "vierten": 4}


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    iso: str


def find_dates(text: str) -> list[DateMatch]:
    """Dates in German notation; a range like "25./26. September 2025" gives its first day."""
    return list(_dates(text))


@lru_cache(maxsize=4096)
def _dates(text: str) -> tuple[DateMatch, ...]:
    """`find_dates`, kept per text: a heading's paragraphs are searched for dates by several
    metadata rules."""
    out = []
    for m in DATE_RE.finditer(text):
        if m.group("iy"):
            y, mo, d = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
        else:
            d = int(m.group("d"))
            if m.group("m"):
                mo, y = int(m.group("m")), int(m.group("y"))
                y += 2000 if y < 100 else 0
            else:
                mo, y = MONTHS[m.group("mn").lower()], int(m.group("y2"))
        if 1 <= d <= 31 and 1 <= mo <= 12:
            out.append(DateMatch(m.start(), m.end(), f"{y:04d}-{mo:02d}-{d:02d}"))
    return tuple(out)


@dataclass(frozen=True)
class Deadline:
    text: str
    date: str | None
    year: str | None
    sitting: str | None


def _deadline_phrase(text: str, start: int, end: int) -> str | None:
    """Extend a deadline opener ("bis zur") up to its last date, year or sitting word."""
    last = None
    for i, token in enumerate(TOKEN.finditer(text, end)):
        word = token.group().rstrip(",;:)")
        if i >= 8 or token.group() != word and not DEADLINE_END.search(word):
            break
        if DEADLINE_END.search(word.rstrip(".")) or re.fullmatch(
            r"\d{1,2}\.\d{1,2}\.\d{2,4}", word
        ):
            last = token.start() + len(word)
            if token.group() != word:
                break
    return text[start:last].rstrip(".") if last else None


def find_deadline(text: str) -> Deadline | None:
    """The first deadline phrase: "bis zum 31.03.2025", "bis zur 47. Sitzung", "bis Ende 2025"."""
    for m in DEADLINE_START.finditer(text):
        phrase = _deadline_phrase(text, m.start(), m.end())
        if not phrase:
            continue
        dates = find_dates(phrase)
        year = re.search(r"\b(20\d{2})\b", phrase)
        sitting = re.search(r"\b(\d+)\.\s*Sitzung", phrase)
        date = dates[0].iso if dates else None
        if date is None and year and re.match(r"bis\s+(?:spätestens\s+)?Ende\s+20\d{2}$", phrase):
            date = f"{year.group(1)}-12-31"
        if date is None and year and re.match(r"bis\s+(?:spätestens\s+)?Mitte\s+20\d{2}$", phrase):
            date = f"{year.group(1)}-06-30"
        quarter = re.search(r"\b([1-4]\.|ersten|zweiten|dritten|vierten)\s*(Quartal|Halbjahr)s?\s+"
                            r"(20\d{2})$", phrase)
        if date is None and quarter:
            n = ORDINALS.get(quarter.group(1), 0) or int(quarter.group(1).rstrip("."))
            month = (3 if quarter.group(2) == "Quartal" else 6) * n
            if month <= 12:
                date = f"{quarter.group(3)}-{month:02d}-{30 if month in (6, 9) else 31}"
        return Deadline(
            phrase, date, year.group(1) if year else None, sitting.group(1) if sitting else None
        )
    return None


def find_amount(text: str) -> str | None:
    m = MONEY_RE.search(text)
    return " ".join(m.group().split()) if m else None


def find_share(text: str) -> str | None:
    m = SHARE_RE.search(text)
    return " ".join(m.group().split()) if m else None
