"""The analyst pages in headless Chromium, over the example resolutions: each renders with no
console error and no serious or critical axe-core finding (screenshots in tests/artifacts/);
the resolution page marks every statement `/resolutions/{id}` lists; the timeline draws
its items on a time axis.
"""

from __future__ import annotations

from urllib.parse import quote

import httpx
import pytest

pytestmark = pytest.mark.browser

DMK = "DMK/2024-10-18/top-7"
STUFENPLAN = "stufenplan-smarte-staedte-und-regionen"
TIMELINE_READY = ("document.readyState === 'complete' && "
                  "document.getElementById('skg-status').dataset.drawn === 'true'")
GRAPH_READY = ("document.readyState === 'complete' && "
               "document.getElementById('skg-status').dataset.stabilized === 'true'")
PAGES = {
    "home": ("/", None),
    "home-en": ("/?lang=en", None),
    "search": ("/pages/search?q=Stufenplan", None),
    "resolution-dmk": (f"/pages/resolutions/{DMK}", None),
    "resolution-bmk-en": ("/pages/resolutions/BMK/2025-09-25/top-12?lang=en", None),
    "actor-bund": ("/pages/actors/DE", None),
    "actor-dmk-en": ("/pages/actors/DMK?lang=en", None),
    "initiatives": ("/pages/initiatives", None),
    "initiative": (f"/pages/initiatives/{STUFENPLAN}", None),
    "requests": ("/pages/requests?as_of=2025-07-15", None),
    "requests-en": ("/pages/requests?as_of=2025-07-15&lang=en", None),
    "timeline-initiative": (f"/pages/timeline?initiative={STUFENPLAN}", TIMELINE_READY),
    "timeline-resolution": (f"/pages/timeline?resolution={quote(DMK)}", TIMELINE_READY),
    "network": ("/graph?around=DMK", GRAPH_READY),
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_renders_cleanly_and_passes_axe(name: str, examples_served: str,
                                             browser) -> None:
    path, ready = PAGES[name]
    browser.open(examples_served + path, ready or "document.readyState === 'complete'")
    assert browser.errors() == [], f"{path}: console errors"
    lang = browser.evaluate("document.documentElement.lang")
    assert lang == ("en" if "lang=en" in path else "de")
    violations = browser.axe_violations()
    shot = browser.screenshot(name)
    assert shot.stat().st_size > 10_000
    assert violations == [], f"{path}: axe-core reports {violations}"


def test_resolution_page_marks_every_statement(examples_served: str, browser) -> None:
    resolutions = httpx.get(f"{examples_served}/resolutions", params={"limit": 500}).json()
    assert resolutions["total"] >= 4
    for item in resolutions["items"]:
        listed = httpx.get(f"{examples_served}/resolutions/{item['id']}").json()["statements"]
        browser.open(f"{examples_served}/pages/resolutions/{quote(item['id'])}")
        marked = browser.evaluate(
            "Array.from(new Set(Array.from(document.querySelectorAll("
            "'#resolution-text mark[data-statement]')).map(m => m.dataset.statement))).length")
        anchors = browser.evaluate("document.querySelectorAll('#resolution-text mark[id]')"
                                   ".length")
        assert marked == anchors == len(listed) > 0, item["id"]
        predicates = browser.evaluate(
            "Array.from(document.querySelectorAll('#resolution-text mark[id]'))"
            ".map(m => m.dataset.predicate).sort()")
        assert predicates == sorted(s["predicate"] for s in listed), item["id"]


def test_clicking_a_mark_shows_who_asks_whom(examples_served: str, browser) -> None:
    browser.open(f"{examples_served}/pages/resolutions/{quote(DMK)}")
    listed = httpx.get(f"{examples_served}/resolutions/{DMK}").json()["statements"]
    index = next(i for i, s in enumerate(listed) if s["object"]["id"] == "BMK")
    browser.evaluate(f"document.getElementById('st-{index}').click()")
    detail = browser.evaluate("document.getElementById('st-detail').textContent")
    assert "Digitalministerkonferenz → bittet → Bauministerkonferenz" in detail
    assert "Frist" in detail
    link = browser.evaluate(f"document.querySelector('#statement-list a[href=\"#st-{index}\"]')"
                            ".textContent")
    assert "Bauministerkonferenz" in link


def test_timeline_draws_items_on_a_time_axis(examples_served: str, browser) -> None:
    browser.open(f"{examples_served}/pages/timeline?resolution={quote(DMK)}", TIMELINE_READY)
    drawn = browser.evaluate("window.skgItemCount")
    expected = browser.evaluate("JSON.parse(document.getElementById('skg-data').textContent)"
                                ".items.length")
    assert drawn == expected > 0
    years = browser.evaluate("Array.from(document.querySelectorAll("
                             "'.vis-time-axis .vis-text.vis-major')).map(e => e.textContent)")
    assert "2024" in " ".join(years) and "2025" in " ".join(years)
    lanes = browser.evaluate("Array.from(document.querySelectorAll('.vis-labelset .vis-label'))"
                             ".map(e => e.textContent.trim())")
    assert "Digitalministerkonferenz" in lanes and "Bauministerkonferenz" in lanes
    # an item of 2025 stands right of the resolution of 18.10.2024: a real time axis
    left = browser.evaluate(
        "['TOP 7 ', 'TOP 12 '].map(label => Array.from(document.querySelectorAll("
        "'#timeline .vis-item.resolution.vis-box')).find(e => e.textContent.startsWith(label))"
        ".getBoundingClientRect().left)")
    assert left[0] < left[1]
    kinds = browser.evaluate("Array.from(document.querySelectorAll('#timeline .vis-item.deadline"
                             ".vis-range, #timeline .vis-item.fulfilment')).length")
    assert kinds >= 2  # the request to the BMK has a deadline range and its answer
