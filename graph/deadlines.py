"""Deadlines tied to a sitting ("bis zur Frühjahrs-DMK 2025", "zur 47. Sitzung").

Such a deadline becomes a date once the graph holds that sitting's resolutions; until then
an estimate (the end of the season or year) stands in, flagged as estimated.
"""

from __future__ import annotations

import re
from typing import Any

from ontology.gazetteer import load_gazetteer

# Season words → the last month of the season, for estimates and for matching sittings.
SEASONS = {
    "frühjahr": (3, 6), "frühling": (3, 6), "sommer": (6, 8), "herbst": (9, 11),
    "winter": (11, 12), "jahresende": (11, 12), "ende des jahres": (11, 12),
}
SEASON_END_DAY = {6: 30, 8: 31, 11: 30, 12: 31}
SESSION = re.compile(r"(\d{1,3})\.\s*Sitzung")
NEXT_SITTING = re.compile(r"\bnächste[nr]?\s+(?:\w+)?[Ss]itzung|\bnächste[nr]?\s+\w*konferenz",
                          re.I)
YEAR = re.compile(r"\b(20\d\d)\b")


#: Where obligations without a deadline sort: after every date.
NO_DEADLINE = "9999"
#: Between date and id in `deadline_key`: below every printable character, so a shorter
#: date sorts before a longer one it begins ("2025-06" before "2025-06-30").
KEY_SEPARATOR = "\x1f"


def deadline_key(deadline_date: Any, obligation: str) -> str:
    """The stored order of obligations (`deadline_key`, range-indexed): by deadline date,
    those without one last, then by id."""
    return f"{deadline_date or NO_DEADLINE}{KEY_SEPARATOR}{obligation}"


def sitting_deadline(statement: Any) -> dict[str, Any]:
    """Obligation properties that key a sitting deadline; {} for none or a plain date."""
    text = statement.deadline
    if not text or statement.deadline_date:
        return {}
    lowered = text.casefold()
    out: dict[str, Any] = {}
    session = SESSION.search(text)
    if session:
        out["deadline_session"] = session.group(1)
    year = YEAR.search(text)
    if year:
        out["deadline_year"] = year.group(1)
    season = next((name for name in SEASONS if name in lowered), None)
    if season:
        out["deadline_season"] = season
        out["deadline_months"] = [f"{m:02d}" for m in season_months(season)]
    if NEXT_SITTING.search(text):
        out["deadline_next_sitting"] = True
    if not out:
        return {}
    matches = load_gazetteer().find_all(text)
    out["deadline_issuer"] = matches[0].actor.id if matches else statement.subject.id
    estimate = estimated_due_date(out.get("deadline_year"), season)
    if estimate:
        out["due_date"] = estimate
        out["due_date_estimated"] = True
    return out


def estimated_due_date(year: str | None, season: str | None) -> str | None:
    """The last day of the season (or of the year) named; None without a year."""
    if not year:
        return None
    last_month = SEASONS[season][1] if season else 12
    return f"{year}-{last_month:02d}-{SEASON_END_DAY.get(last_month, 30)}"


def season_months(season: str | None) -> list[int]:
    """Months in which a sitting of that season takes place (all months for none)."""
    if not season:
        return list(range(1, 13))
    first, last = SEASONS[season]
    return list(range(first, last + 1))
