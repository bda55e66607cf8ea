"""Pages of histories and obligations: a timeline laid out in time, and who owes what.

The timeline is a vis-network drawing with physics off: each event sits at the x of its
date, in the lane of the actor who speaks, coloured by that actor's level (ontology).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from ontology.styles import legend, level_styles
from viz.assets import vis_script, vis_style
from viz.pages import _environment, script_json

DAY_WIDTH = 1.2  # pixels per day
LANE_HEIGHT = 90


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def timeline_data(events: list[dict[str, Any]]) -> dict[str, Any]:
    """vis-network nodes and edges for events sorted by date (events without a date drop)."""
    dated = [e for e in events if e.get("date")]
    if not dated:
        return {"nodes": [], "edges": []}
    first = date.fromisoformat(dated[0]["date"][:10])
    styles = level_styles()
    lanes: dict[str, int] = {}
    nodes, edges = [], []
    per_day: dict[tuple[str, str], int] = defaultdict(int)
    for index, event in enumerate(dated):
        who = event.get("subject") or event.get("issuer") or "?"
        lane = lanes.setdefault(who, len(lanes))
        day = date.fromisoformat(event["date"][:10])
        stack = per_day[(who, event["date"])]
        per_day[(who, event["date"])] += 1
        style = styles.get(event.get("subject_level") or "", {})
        what = event.get("predicate") or _short(" ".join(
            v for v in (event.get("item"), event.get("title")) if v)) or event.get("kind")
        nodes.append({
            "id": index, "x": (day - first).days * DAY_WIDTH + stack * 18,
            "y": lane * LANE_HEIGHT + stack * 18, "fixed": True, "shape": "box",
            "color": style.get("color", "#BBBBBB"),
            "label": f"{event.get('subject_name') or who}\n{what}\n{day.strftime('%d.%m.%Y')}",
            "title": "\n".join(str(v) for v in (event.get("resolution"), event.get("title"),
                                                event.get("object"), event.get("sentence"))
                               if v),
        })
        if index:
            edges.append({"from": index - 1, "to": index, "arrows": "to",
                          "color": {"color": "#999999"}})
    return {"nodes": nodes, "edges": edges}


def render_timeline_page(events: list[dict[str, Any]], title: str) -> str:
    """The offline HTML page of a history laid out in time."""
    data = timeline_data(events)
    return _environment().get_template("timeline.html").render(
        title=title, data_json=script_json(data), vis_script=vis_script(),
        vis_style=vis_style(), legend=legend(), event_count=len(data["nodes"]))


def render_requests_page(items: list[dict[str, Any]], as_of: date) -> str:
    """Open, due and overdue obligations grouped by addressee."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for item in items:
        groups[item["addressee"].get("name") or item["addressee"]["id"]].append(item)
    ordered = sorted(groups.items(), key=lambda kv: (-sum(i["status"] == "overdue"
                                                          for i in kv[1]), kv[0]))
    return _environment().get_template("requests.html").render(
        as_of=as_of.isoformat(), groups=ordered, total=len(items))
