"""vis-network, vendored from the pyvis package and made safe to inline into a page.

pyvis 0.3.2 ships vis-network 9.1.2 in `pyvis/lib/vis-9.1.2/`. Its minified script names
some addresses (licence comments, the SVG namespace inside a string); writing `:\\/\\/`
instead of `://` leaves every string value unchanged while no `http://` or `https://`
remains in the page.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pyvis

VIS_VERSION = "9.1.2"
VIS_DIR = Path(pyvis.__file__).parent / "lib" / f"vis-{VIS_VERSION}"


class AssetError(RuntimeError):
    """The vendored vis-network files are missing or cannot be inlined safely."""


def _read(name: str) -> str:
    path = VIS_DIR / name
    if not path.is_file():
        raise AssetError(f"{path} is missing: reinstall pyvis==0.3.2")
    return path.read_text(encoding="utf-8")


@cache
def vis_script() -> str:
    """vis-network.min.js without `://` and safe inside a `<script>` element."""
    text = _read("vis-network.min.js").replace("://", ":\\/\\/")
    if "</script" in text.lower() or "<!--" in text:
        raise AssetError("vis-network.min.js cannot be inlined: it contains </script or <!--")
    return text


@cache
def vis_style() -> str:
    """vis-network.css, safe inside a `<style>` element (its images are data: URIs)."""
    text = _read("vis-network.css")
    if "</style" in text.lower() or "://" in text:
        raise AssetError("vis-network.css cannot be inlined: it names an address or </style")
    return text


#: npm packages installed by `make install` (see web/package.json), never committed.
WEB_MODULES = Path(__file__).resolve().parents[1] / "web" / "node_modules"
TIMELINE_SCRIPT = "vis-timeline/standalone/umd/vis-timeline-graph2d.min.js"
TIMELINE_STYLE = "vis-timeline/styles/vis-timeline-graph2d.min.css"
AXE_SCRIPT = "axe-core/axe.min.js"


def web_module_file(relative: str) -> Path:
    """A file of an npm package in web/node_modules; AssetError when it is missing."""
    path = WEB_MODULES / relative
    if not path.is_file():
        raise AssetError(f"{path} is missing: run `make install` (it installs the npm "
                         "packages of web/package.json)")
    return path


@cache
def timeline_script() -> str:
    """vis-timeline's standalone build (moment and its German locale inside), without
    `://` and safe inside a `<script>` element."""
    text = web_module_file(TIMELINE_SCRIPT).read_text(encoding="utf-8").replace("://",
                                                                                 ":\\/\\/")
    if "</script" in text.lower() or "<!--" in text:
        raise AssetError("vis-timeline cannot be inlined: it contains </script or <!--")
    return text


@cache
def timeline_style() -> str:
    """vis-timeline's stylesheet, safe inside a `<style>` element."""
    text = web_module_file(TIMELINE_STYLE).read_text(encoding="utf-8")
    if "</style" in text.lower() or "://" in text:
        raise AssetError("vis-timeline's CSS cannot be inlined: it names an address or </style")
    return text
