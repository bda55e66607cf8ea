"""Score extracted resolutions against the generator's manifest.

The matching rules are those of `../shared/tools/score_extraction.py` (names normalised,
an actor matches one of the alternatives, a thing matches when a name contains a word), so
recall on a generated corpus means the same as recall on the gold corpus.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

NAME_KEYS = ("id", "name", "label", "title", "abbr", "aliases", "ags", "notation")


def norm(text: Any) -> str:
    """Case, spaces, hyphens and punctuation ignored; ß as ss."""
    text = unicodedata.normalize("NFKC", str(text)).casefold().replace("ß", "ss")
    return re.sub(r"[^0-9a-zäöü]+", "", text)


def names(obj: Any) -> set[str]:
    """Every normalised name an extracted actor or thing goes by."""
    if obj is None:
        return set()
    if isinstance(obj, str):
        return {norm(obj)} - {""}
    out: set[str] = set()
    if isinstance(obj, dict):
        for key in NAME_KEYS:
            value = obj.get(key)
            if isinstance(value, str):
                out.add(norm(value))
            elif isinstance(value, list):
                out.update(norm(v) for v in value if isinstance(v, str))
    return out - {""}


def statement_matches(pred: dict, gold: dict) -> bool:
    """Same predicate, subject among the alternatives, object named or containing a word."""
    if str(pred.get("predicate", "")).upper() != gold["predicate"]:
        return False
    if not names(pred.get("subject")) & {norm(a) for a in gold["subject"]}:
        return False
    obj = pred.get("object")
    if "object" in gold and names(obj) & {norm(a) for a in gold["object"]}:
        return True
    return "object_contains" in gold and any(
        norm(w) in n for w in gold["object_contains"] for n in names(obj))


def _blob(value: Any) -> str:
    return norm(json.dumps(value, ensure_ascii=False)) if value is not None else ""


@dataclass
class RecallScore:
    """Totals over the documents scored; `missed` keeps a few examples for the report."""

    documents: int = 0
    required: int = 0
    found: int = 0
    attributes: int = 0
    attributes_ok: int = 0
    issuer_ok: int = 0
    date_ok: int = 0
    missed: list[str] = field(default_factory=list)

    def add_document(self, entry: dict, contract: dict) -> None:
        """Score one document's extraction (`to_contract` JSON) against its manifest entry."""
        self.documents += 1
        resolutions = contract.get("resolutions") or []
        statements = [s for r in resolutions for s in (r.get("statements") or [])]
        meta = entry["resolution"]
        if any(names(r.get("issuer")) & {norm(a) for a in meta["issuer"]}
               for r in resolutions):
            self.issuer_ok += 1
        if any(str(r.get("date") or "")[:10] == meta["date"] for r in resolutions):
            self.date_ok += 1
        for gold in entry["statements"]:
            if gold.get("optional"):
                continue
            self.required += 1
            hits = [s for s in statements if statement_matches(s, gold)]
            self.found += bool(hits)
            if not hits and len(self.missed) < 25:
                obj = (gold.get("object") or gold.get("object_contains"))[0]
                self.missed.append(f"{entry['file']}: {gold['subject'][0]} {gold['predicate']} "
                                   f"{obj}")
            for key in ("deadline", "amount"):
                want = gold.get(f"{key}_contains")
                if want and hits:
                    self.attributes += 1
                    self.attributes_ok += any(norm(want) in _blob(h.get(key)) for h in hits)

    def as_dict(self) -> dict:
        def ratio(a: int, b: int) -> float | None:
            return round(a / b, 3) if b else None

        return {"documents": self.documents, "required_statements": self.required,
                "found": self.found, "recall": ratio(self.found, self.required),
                "attributes_right": ratio(self.attributes_ok, self.attributes),
                "issuer_right": ratio(self.issuer_ok, self.documents),
                "date_right": ratio(self.date_ok, self.documents),
                "missed_examples": self.missed[:10]}
