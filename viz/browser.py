"""Neo4j Browser material generated from the cookbook and the ontology.

`guide_html` writes a Browser guide (the HTML slide format that `:play URL` opens): a legend
of the actor levels in the graph pages' colours, then one slide per canned question with a
runnable `:params` block holding its defaults and a runnable query. `grass_stylesheet` (from
`ontology.styles`, not repeated here) is the style analysts drop onto the Browser so that it
colours nodes as the pages do.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from graph.cookbook import CannedQuery
from ontology.model import Ontology, load_ontology
from ontology.styles import grass_stylesheet, legend

__all__ = ["browser_style", "guide_html", "params_command", "write_browser_files"]


def browser_style(ontology: Ontology | None = None) -> str:
    """The GraSS stylesheet for Neo4j Browser (one rule per class, captions per type)."""
    return grass_stylesheet(ontology)


def _cypher_literal(value: Any) -> str:
    """A parameter value as Cypher source (`'2025-06-30'`, `5`, `true`, `['bund']`, `null`)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_cypher_literal(v) for v in value) + "]"
    return "'" + str(value).replace("\\", "\\\\").replace("'", "\\'") + "'"


def params_command(query: CannedQuery) -> str:
    """The Browser command that sets every parameter of the query to its default."""
    pairs = ", ".join(f"{p.name}: {_cypher_literal(p.default)}" for p in query.params)
    return f":params {{{pairs}}}"


def _legend_slide(ontology: Ontology) -> str:
    rows = "\n".join(
        f'<tr><td><span style="display:inline-block;width:14px;height:14px;'
        f'border-radius:7px;background:{html.escape(e.colour)}"></span></td>'
        f"<td><code>{html.escape(e.level)}</code></td><td>{html.escape(e.label_de)}</td>"
        f"<td>{html.escape(e.label)}</td></tr>"
        for e in legend(ontology))
    return (
        '<slide class="row-fluid">\n<div class="col-sm-3">\n'
        "<h3>Governance levels</h3>\n"
        '<p class="lead">Each actor carries a <code>level</code>; the style file colours '
        "nodes as the graph pages do.</p>\n</div>\n"
        '<div class="col-sm-9">\n<table class="table table-condensed">\n'
        "<tr><th></th><th>level</th><th>Deutsch</th><th>English</th></tr>\n"
        f"{rows}\n</table>\n"
        "<p>Load the colours: download <code>/browser/style.grass</code> from the API and "
        "drop the file onto this Browser window.</p>\n</div>\n</slide>")


def _query_slide(query: CannedQuery, api_base: str) -> str:
    params = "".join(
        f"<li><code>{html.escape(p.name)}</code> ({html.escape(p.type)}, default "
        f"<code>{html.escape(_cypher_literal(p.default))}</code>): "
        f"{html.escape(p.description)}</li>\n" for p in query.params) or "<li>none</li>\n"
    api = f"{api_base.rstrip('/')}/queries/{query.name}"
    runnable = '<pre class="pre-scrollable code runnable">'
    param_block = f"{runnable}{html.escape(params_command(query))}</pre>\n" if query.params else ""
    return (
        f'<slide class="row-fluid" id="{html.escape(query.name)}">\n<div class="col-sm-3">\n'
        f"<h3>{html.escape(query.title)}</h3>\n"
        f'<p class="lead">{html.escape(query.description)}</p>\n'
        f"<p>Name: <code>{html.escape(query.name)}</code><br>API: "
        f'<a href="{html.escape(api)}" target="_blank">{html.escape(api)}</a></p>\n'
        "</div>\n"
        f'<div class="col-sm-9">\n<p>Parameters (run the first block, edit the values, '
        f"then run the query):</p>\n<ul>\n{params}</ul>\n{param_block}"
        f"{runnable}{html.escape(query.cypher)}</pre>\n</div>\n</slide>")


def guide_html(queries: Iterable[CannedQuery], api_base: str = "http://127.0.0.1:8000",
               ontology: Ontology | None = None) -> str:
    """The Browser guide: a title slide with the index, the level legend, one slide each."""
    ont = ontology or load_ontology()
    queries = list(queries)
    index = "\n".join(f"<li>{html.escape(q.title)} (<code>{html.escape(q.name)}</code>)</li>"
                      for q in queries)
    intro = (
        '<slide class="row-fluid">\n<div class="col-sm-3">\n'
        "<h3>stakeholder-graph cookbook</h3>\n"
        f'<p class="lead">{len(queries)} canned questions about who asked whom to do what in '
        "German governance resolutions.</p>\n</div>\n"
        f'<div class="col-sm-9">\n<ol>\n{index}\n</ol>\n'
        "<p>Each slide sets its parameters with <code>:params</code> and runs one query. The "
        f"same questions answer at <code>{html.escape(api_base.rstrip('/'))}/queries</code> "
        "and with <code>skg query --name NAME</code>.</p>\n</div>\n</slide>")
    slides = [intro, _legend_slide(ont)] + [_query_slide(q, api_base) for q in queries]
    return ('<article class="guide">\n<carousel class="deck container-fluid">\n'
            + "\n".join(slides) + "\n</carousel>\n</article>\n")


def write_browser_files(folder: Path, queries: Iterable[CannedQuery],
                        api_base: str = "http://127.0.0.1:8000") -> list[Path]:
    """Write `style.grass` and `guide.html` into the folder; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    style = folder / "style.grass"
    style.write_text(browser_style(), encoding="utf-8")
    guide = folder / "guide.html"
    guide.write_text(guide_html(queries, api_base), encoding="utf-8")
    return [style, guide]
