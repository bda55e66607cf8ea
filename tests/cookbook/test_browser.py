"""Neo4j Browser: served by the test server, and the guide and style generated for it."""

from __future__ import annotations

import os
import re
import urllib.request
from html.parser import HTMLParser

from graph.cookbook import cookbook
from graph.server import LocalNeo4j
from ontology.model import load_ontology
from viz.browser import browser_style, guide_html, params_command

# A rule: selector { declarations }, where quoted captions may hold braces (`'{name}'`).
_RULE = re.compile(r"(?P<selector>[\w.\-]+)\s*\{(?P<body>(?:[^{}']|'[^']*')*)\}", re.S)


def parse_grass(text: str) -> dict[str, dict[str, str]]:
    """A GraSS stylesheet as {selector: {property: value}}; fails on anything else."""
    rules: dict[str, dict[str, str]] = {}
    rest = _RULE.sub("", text).strip()
    assert not rest, f"unparsed GraSS: {rest[:80]!r}"
    for match in _RULE.finditer(text):
        props = {}
        declarations = re.findall(r"(?:[^;']|'[^']*')+", match.group("body"))
        for decl in filter(None, (d.strip() for d in declarations)):
            key, sep, value = decl.partition(":")
            assert sep, f"bad declaration {decl!r}"
            props[key.strip()] = value.strip()
        rules[match.group("selector")] = props
    return rules


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.slides = 0
        self.runnable: list[str] = []
        self._in_pre = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag not in ("br", "img", "meta"):
            self.stack.append(tag)
        if tag == "slide":
            self.slides += 1
        if tag == "pre" and "runnable" in (dict(attrs).get("class") or ""):
            self._in_pre = True
            self.runnable.append("")

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()
        if tag == "pre":
            self._in_pre = False

    def handle_data(self, data: str) -> None:
        if self._in_pre:
            self.runnable[-1] += data


def test_browser_answers_on_the_test_server(neo4j_uri: str) -> None:
    base = os.environ.get("SKG_TEST_NEO4J_HTTP")
    assert base, "conftest sets SKG_TEST_NEO4J_HTTP when it starts the server"
    with urllib.request.urlopen(f"{base}/browser/", timeout=10) as answer:
        assert answer.status == 200
        assert b"Neo4j Browser" in answer.read()


def test_server_config_allows_the_guide_host(tmp_path) -> None:
    server = LocalNeo4j(lib=tmp_path, instance_dir=tmp_path / "x", http_port=7474)
    server.write_config()
    conf = (server.conf_dir / "neo4j.conf").read_text()
    assert "server.http.listen_address=127.0.0.1:7474" in conf
    assert re.search(r"^browser\.remote_content_hostname_whitelist=.*\b127\.0\.0\.1\b", conf,
                     re.M)
    assert "browser.post_connect_cmd=play http://127.0.0.1:8000/browser/guide.html" in conf


def test_style_parses_and_colours_every_level() -> None:
    ont = load_ontology()
    rules = parse_grass(browser_style())
    for level in ont.actor_levels().values():
        classes = [c.label for c in ont.classes.values()
                   if c.level == level.level and c.colour == level.colour]
        assert any(rules.get(f"node.{label}", {}).get("color") == level.colour
                   for label in classes), level.level
    for rel in ont.relations:
        assert f"relationship.{rel}" in rules


def test_guide_parses_and_names_every_level_and_question() -> None:
    queries = cookbook()
    text = guide_html(queries.values(), "http://127.0.0.1:8000")
    collector = _Collector()
    collector.feed(text)
    collector.close()
    assert collector.stack == []
    assert collector.slides == len(queries) + 2
    for level in load_ontology().actor_levels():
        assert f"<code>{level}</code>" in text, level
    for query in queries.values():
        assert f'id="{query.name}"' in text
        assert query.cypher in collector.runnable
        if query.params:
            assert params_command(query) in collector.runnable
