"""The article text of an HTML page as lines, one block element per paragraph."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

DROP = ["nav", "header", "footer", "script", "style", "aside", "form", "noscript", "template",
        "button", "menu"]
BLOCKS = ["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "dt", "dd", "td", "th", "pre",
          "blockquote", "div", "section", "article", "main", "caption"]


def _leaf_blocks(root: Tag) -> list[Tag]:
    return [el for el in root.find_all(BLOCKS)
            if not el.find(BLOCKS) or el.name in {"p", "li", "h1", "h2", "h3", "h4"}
            and not el.find_parent(["p", "li"])]


def canonical_url(markup: str) -> str | None:
    """The page's own address from `<link rel="canonical" href="…">`, when it gives an
    absolute http(s) one (a relative or other-scheme link says nothing about the source)."""
    soup = BeautifulSoup(markup, "lxml")
    for link in soup.find_all("link", href=True):
        rel = link.get("rel") or []
        rels = rel if isinstance(rel, list) else str(rel).split()
        href = str(link["href"]).strip()
        if "canonical" in (r.lower() for r in rels) and re.match(r"https?://\S+$", href):
            return href
    return None


def html_lines(markup: str) -> list[str]:
    """Paragraphs and list items of the main content; navigation and furniture dropped."""
    soup = BeautifulSoup(markup, "lxml")
    for name in DROP:
        for element in soup.find_all(name):
            element.decompose()
    root = soup.find("main") or soup.find("article") or soup.body or soup
    lines: list[str] = []
    seen: set[int] = set()
    for block in _leaf_blocks(root):
        if any(id(parent) in seen for parent in block.parents):
            continue
        seen.add(id(block))
        for br in block.find_all("br"):
            br.replace_with("\n")
        text = block.get_text(" ")
        if block.name == "li":
            parent = block.find_parent(["ol", "ul"])
            if parent is not None and parent.name == "ol":
                items = [li for li in parent.find_all("li", recursive=False)]
                start = int(parent.get("start", 1))
                text = f"{start + items.index(block)}. {text}" if block in items else text
            else:
                text = f"- {text}"
        for part in text.split("\n"):
            lines.append(" ".join(part.split()))
        lines.append("")
    return lines
