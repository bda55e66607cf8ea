"""Server-rendered pages for analysts: home, search, resolutions, actors, initiatives.

Every page extends `templates/page.html` (one Content-Security-Policy, no address outside
this server, German by default) and gets a `Words` object `L` for its language. Graph text
reaches the page through Jinja's autoescaping only.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from viz.i18n import Words, path_of
from viz.marks import marked_text
from viz.pages import _environment

#: Search hit groups in the order the page shows them.
SEARCH_GROUPS = ("actors", "resolutions", "initiatives", "matters", "sentences")


def render(template: str, words: Words, page_path: str,
           page_params: dict[str, Any] | None = None, **context: Any) -> str:
    """Render one page; `page_path` and `page_params` give the link to the same page in
    the other language."""
    return _environment().get_template(template).render(
        L=words, path_of=path_of, switch_href=words.switch(page_path, **(page_params or {})),
        **context)


def hit_group(hit: dict[str, Any]) -> str:
    """Which group of the search page a full-text hit belongs to."""
    if hit["kind"] == "statement":
        return "sentences"
    labels = set(hit.get("labels") or [])
    if "Resolution" in labels:
        return "resolutions"
    if "Initiative" in labels:
        return "initiatives"
    if "Actor" in labels:
        return "actors"
    return "matters"


def group_hits(hits: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Hits grouped as the search page shows them (empty groups left out)."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for hit in hits:
        groups[hit_group(hit)].append(hit)
    return [(name, groups[name]) for name in SEARCH_GROUPS if groups.get(name)]


def resolution_context(row: dict[str, Any], obligations: list[dict[str, Any]],
                       links: dict[str, list[dict[str, Any]]], today: date) -> dict[str, Any]:
    """What the resolution page shows: metadata, the marked text and the lists beside it."""
    res = row["resolution"]
    statements = [{**s["rel"], "subject": s["subject"], "object": s["object"],
                   "index": i} for i, s in enumerate(row["statements"])]
    text = res.get("text")
    segments, unplaced = marked_text(text, int(res.get("text_start") or 0), statements)
    return {"res": res, "issuer": row["issuer"], "submitters": row["submitters"],
            "statements": statements, "segments": segments, "unplaced": unplaced,
            "has_text": bool(text), "obligations": obligations, "links": links,
            "references": row["references"], "today": today.isoformat()}
