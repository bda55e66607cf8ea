"""The pages' language: German by default, English with `?lang=en`.

Labels of the graph's terms (predicates, statuses, levels, classes) come from the ontology
(`ontology.labels`); the words of the pages themselves are in `viz/texts.json`, one entry
per key with its German and English text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from ontology import labels

LANGUAGES = ("de", "en")
DEFAULT_LANGUAGE = "de"
TEXTS = Path(__file__).with_name("texts.json")
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
             "Dec")


@cache
def texts() -> dict[str, dict[str, str]]:
    """Every page text by key: `{"home.title": {"de": "…", "en": "…"}}`."""
    return json.loads(TEXTS.read_text(encoding="utf-8"))


def language(value: str | None) -> str:
    """The page language for a `lang` parameter: `en` when asked for, else German."""
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def path_of(identifier: str) -> str:
    """An id as a URL path part (slashes kept, since the routes take `{id:path}`)."""
    return quote(identifier, safe="/")


@dataclass(frozen=True)
class Words:
    """What a template needs to speak one language: texts, labels, dates and links."""

    lang: str = DEFAULT_LANGUAGE

    def t(self, key: str, **values: Any) -> str:
        """The page text `key`, with `{name}` placeholders filled."""
        entry = texts().get(key)
        if entry is None:
            raise KeyError(f"no page text {key!r} in {TEXTS.name}")
        text = entry.get(self.lang) or entry[DEFAULT_LANGUAGE]
        return text.format(**values) if values else text

    def predicate(self, predicate: str | None) -> str:
        return labels.predicate_label(predicate or "", self.lang)

    def colour(self, predicate: str | None) -> str:
        return labels.predicate_colour(predicate or "")

    def status(self, status: str | None) -> str:
        return labels.status_label(status, self.lang)

    def level(self, level: str | None) -> str:
        return labels.level_label(level, self.lang)

    def kind(self, node_labels: list[str] | None) -> str:
        return labels.class_label(list(node_labels or []), self.lang)

    def date(self, value: Any) -> str:
        """An ISO date as 18.10.2024 (German) or 18 Oct 2024 (English); '–' when absent."""
        if not value:
            return "–"
        try:
            day = date.fromisoformat(str(value)[:10])
        except ValueError:
            return str(value)
        if self.lang == "de":
            return day.strftime("%d.%m.%Y")
        return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"

    def href(self, path: str, **params: Any) -> str:
        """A link to one of our pages in the same language (None values are left out)."""
        query = {k: v for k, v in params.items() if v is not None and v != ""}
        if self.lang != DEFAULT_LANGUAGE:
            query["lang"] = self.lang
        return path + ("?" + urlencode(query) if query else "")

    def switch(self, path: str, **params: Any) -> str:
        """The same page in the other language."""
        other = "en" if self.lang == "de" else "de"
        return Words(other).href(path, **params)
