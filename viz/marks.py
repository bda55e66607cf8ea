"""A resolution's text with each statement marked at its character offsets.

Statements' `start`/`end` count from the beginning of the document's normalised text (see
`loaders.records.Source`); a resolution stores its own span of that text and where the
span starts (`text_start`), so a statement stands at `start - text_start` in it. Several
statements often share one sentence, and spans may overlap: the text is cut at every
boundary, and each piece is wrapped in one `<mark>` per statement covering it, outermost
the one that started first. A statement's first piece carries its anchor `id="st-N"`.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

from viz.i18n import Words


def _span(statement: dict[str, Any], offset: int, length: int) -> tuple[int, int] | None:
    start, end = statement.get("start"), statement.get("end")
    if not isinstance(start, int) or not isinstance(end, int):
        return None
    start, end = start - offset, end - offset
    if start < 0 or end > length or start >= end:
        return None
    return start, end


def marked_text(text: str | None, offset: int, statements: list[dict[str, Any]]
                ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Pieces of `text` with the statements covering each (`{"text", "marks", "first"}`),
    and the statements that cannot be placed in it (no offsets, or outside the span)."""
    if not text:
        return [], list(statements)
    spans: dict[int, tuple[int, int]] = {}
    unplaced = []
    for st in statements:
        span = _span(st, offset, len(text))
        if span is None:
            unplaced.append(st)
        else:
            spans[st["index"]] = span
    cuts = sorted({0, len(text), *(p for span in spans.values() for p in span)})
    order = sorted(spans, key=lambda i: (spans[i][0], -spans[i][1], i))
    pieces, started = [], set()
    for left, right in zip(cuts, cuts[1:], strict=False):
        covering = [i for i in order if spans[i][0] <= left and right <= spans[i][1]]
        first = [i for i in covering if i not in started]
        started.update(first)
        pieces.append({"text": text[left:right], "marks": covering, "first": first})
    return pieces, unplaced


def mark_title(st: dict[str, Any], words: Words) -> str:
    """The hover text of a mark: subject → predicate → object, deadline, amount."""
    subject = st["subject"].get("name") or st["subject"]["id"]
    obj = st["object"].get("name") or st["object"]["id"]
    parts = [f"{subject} → {words.predicate(st['predicate'])} → {obj}"]
    if st.get("deadline") or st.get("deadline_date"):
        when = words.date(st["deadline_date"]) if st.get("deadline_date") else ""
        parts.append(f"{words.t('statement.deadline')}: "
                     + " ".join(v for v in (st.get("deadline"), f"({when})" if when else "")
                                if v))
    if st.get("amount"):
        parts.append(f"{words.t('statement.amount')}: {st['amount']}")
    return "\n".join(parts)


def _open_tag(st: dict[str, Any], first: bool, words: Words) -> str:
    attrs = {
        "class": "st", "data-statement": str(st["index"]), "data-predicate": st["predicate"],
        "data-predicate-label": words.predicate(st["predicate"]),
        "data-subject": st["subject"].get("name") or st["subject"]["id"],
        "data-object": st["object"].get("name") or st["object"]["id"],
        "data-deadline": " ".join(v for v in (st.get("deadline"),
                                              words.date(st.get("deadline_date"))
                                              if st.get("deadline_date") else None) if v),
        "data-amount": st.get("amount") or "",
        "style": f"--c: {words.colour(st['predicate'])}",
        "title": mark_title(st, words), "tabindex": "0",
    }
    if first:
        attrs["id"] = f"st-{st['index']}"
    return "<mark " + " ".join(f'{k}="{escape(v)}"' for k, v in attrs.items()) + ">"


def marked_html(pieces: list[dict[str, Any]], statements: list[dict[str, Any]],
                words: Words) -> Markup:
    """The marked text as HTML: every character escaped, marks nested per piece."""
    by_index = {st["index"]: st for st in statements}
    out = []
    for piece in pieces:
        opened = [_open_tag(by_index[i], i in piece["first"], words) for i in piece["marks"]]
        out.append("".join(opened) + str(escape(piece["text"])) + "</mark>" * len(opened))
    return Markup("".join(out))
