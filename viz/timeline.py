"""The timeline page: an initiative's history or a resolution's thread on a real time axis.

Drawn with vis-timeline (inlined from its npm package, see `viz.assets`): one lane
(group) per actor, a box per statement on its resolution's date in the speaker's lane, a
range from the request to its deadline in the addressee's lane, and a box per answering
resolution in its issuer's lane; a request, its deadline and its answers share a `link`
key, so choosing one highlights the others. Labels are dark text on light tints of the
ontology's colours. vis-timeline renders `content` and `title` as HTML: every text is
escaped here.
"""

from __future__ import annotations

import html
from datetime import date, timedelta
from typing import Any

from ontology.labels import predicate_colour
from viz.assets import timeline_script, timeline_style
from viz.i18n import Words

LABEL_CHARS = 48


def _short(text: str | None, limit: int = LABEL_CHARS) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _name(ref: dict[str, Any] | None) -> str:
    return (ref or {}).get("name") or (ref or {}).get("id") or "?"


class Lanes:
    """Groups of the timeline, one per actor, in the order actors first appear."""

    def __init__(self, words: Words) -> None:
        self.words = words
        self.groups: dict[str, dict[str, Any]] = {}

    def lane(self, ref: dict[str, Any] | None) -> str:
        key = (ref or {}).get("id") or "?"
        if key not in self.groups:
            level = self.words.level((ref or {}).get("level"))
            self.groups[key] = {"id": key, "order": len(self.groups),
                                "content": html.escape(_short(_name(ref), 36)),
                                "title": html.escape(f"{_name(ref)} ({level})")}
        return key


def timeline_items(statements: list[dict[str, Any]], obligations: list[dict[str, Any]],
                   resolutions: list[dict[str, Any]], words: Words
                   ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(groups, items) for vis-timeline from statements (`{rel, subject, object}` rows),
    obligations (`graph.threads.obligations_of`) and thread resolutions."""
    lanes = Lanes(words)
    items: list[dict[str, Any]] = []
    for res in resolutions:
        if not res.get("date"):
            continue
        lane = lanes.lane({"id": res.get("issuer"), "name": res.get("subject_name")
                           or res.get("issuer"), "level": res.get("subject_level")})
        label = " ".join(v for v in (res.get("item"), _short(res.get("title"), 36)) if v)
        items.append({"id": f"r:{res['resolution']}", "group": lane, "start": res["date"][:10],
                      "type": "box", "className": f"resolution rel-{res.get('relation')}",
                      "content": html.escape(label or res["resolution"]),
                      "title": html.escape(f"{res['resolution']}\n{res.get('title') or ''}"),
                      "resolution": res["resolution"]})
    by_statement = {o["obligation"].get("statement"): o for o in obligations}
    for row in statements:
        rel = row["rel"]
        # A statement may date itself ("hat am 11.06.2024 … beschlossen"); else its
        # resolution's date.
        day = rel.get("date") or rel.get("resolution_date")
        if not day:
            continue
        obligation = by_statement.get(rel.get("id"))
        link = obligation["obligation"]["id"] if obligation else None
        verb = words.predicate(rel["predicate"])
        items.append({
            "id": f"s:{rel['id']}", "group": lanes.lane(row["subject"]),
            "start": day[:10], "type": "box", "link": link,
            "className": "statement",
            "style": f"border-color: {predicate_colour(rel['predicate'])}",
            "content": html.escape(f"{verb} → {_short(_name(row['object']), 32)}"),
            "title": html.escape(f"{_name(row['subject'])} → {verb} → {_name(row['object'])}\n"
                                 f"{words.date(day)} · {rel['resolution']}\n"
                                 f"{_short(rel.get('sentence'), 300)}"),
            "resolution": rel["resolution"]})
    for o in obligations:
        items += _obligation_items(o, lanes, words)
    return sorted(lanes.groups.values(), key=lambda g: g["order"]), items


def _obligation_items(o: dict[str, Any], lanes: Lanes, words: Words) -> list[dict[str, Any]]:
    """The deadline range of an obligation and a box per answering resolution."""
    ob, out = o["obligation"], []
    begin, deadline = ob.get("resolution_date"), ob.get("deadline_date") or ob.get("due_date")
    status = words.status(o["status"])
    if begin and deadline and deadline[:10] > begin[:10]:
        out.append({
            "id": f"d:{ob['id']}", "group": lanes.lane(o["addressee"]), "link": ob["id"],
            "start": begin[:10], "end": deadline[:10], "type": "range",
            "className": f"deadline status-{o['status']}",
            "content": html.escape(f"{words.t('timeline.deadline')} {words.date(deadline)}: "
                                   f"{_short(ob.get('action') or ob.get('sentence'), 40)}"
                                   f" ({status})"),
            "title": html.escape(f"{_name(o['requester'])} → {_name(o['addressee'])}\n"
                                 f"{ob.get('deadline') or ''} ({words.date(deadline)}) · "
                                 f"{status}\n{_short(ob.get('sentence'), 300)}"),
            "resolution": ob.get("resolution")})
    for answer in o.get("fulfilled_by") or []:
        if not answer.get("date"):
            continue
        out.append({
            "id": f"f:{ob['id']}:{answer['id']}", "link": ob["id"],
            "group": lanes.lane({"id": answer.get("issuer"), "name": answer.get("issuer")}),
            "start": answer["date"][:10], "type": "box", "className": "fulfilment",
            "content": html.escape(f"✓ {words.t('timeline.answers')} "
                                   f"{_short(_name(o['requester']), 24)}"),
            "title": html.escape(f"{answer['id']} {words.t('timeline.answers')} "
                                 f"{ob.get('resolution')}\n{_short(ob.get('sentence'), 300)}"),
            "resolution": answer["id"]})
    return out


def time_window(items: list[dict[str, Any]]) -> dict[str, str] | None:
    """The first window the page shows: every item, with room on the right for the labels
    of the last ones (boxes start at their date and extend to the right)."""
    days = [d for item in items for d in (item["start"], item.get("end")) if d]
    if not days:
        return None
    first, last = date.fromisoformat(min(days)), date.fromisoformat(max(days))
    span = max((last - first).days, 30)
    return {"start": (first - timedelta(days=span // 12)).isoformat(),
            "end": (last + timedelta(days=span // 3)).isoformat()}


def timeline_assets() -> dict[str, str]:
    """The inlined vis-timeline script and style for the page template."""
    return {"timeline_script": timeline_script(), "timeline_style": timeline_style()}
