"""Browser fixtures: the API served by uvicorn over the examples, and headless Chromium
driven over the DevTools protocol (`bench.cdp`), with what a page logged, axe-core's
accessibility check run inside the page, and screenshots into tests/artifacts/.
"""

from __future__ import annotations

import base64
import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from neo4j import Driver

from api.app import create_app
from bench.cdp import Chromium, find_chromium
from graph.server import free_port
from skg.settings import Settings
from viz.assets import AXE_SCRIPT, AssetError, web_module_file

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "resolutions"
ARTIFACTS = ROOT / "tests" / "artifacts"
#: Impacts of axe-core findings that fail a page.
BLOCKING_IMPACTS = ("serious", "critical")


def serve(driver: Driver, settings: Settings) -> Iterator[str]:
    """Serve the API over `driver` with uvicorn in a thread; yields its base URL."""
    port = free_port()
    config = uvicorn.Config(create_app(driver=driver, settings=settings),
                            host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture
def served(loaded_driver: Driver, test_settings: Settings) -> Iterator[str]:
    """Base URL of the API over the example resolutions (a fresh graph for the test)."""
    yield from serve(loaded_driver, test_settings)


@pytest.fixture(scope="module")
def examples_served(session_driver: Driver, test_settings: Settings) -> Iterator[str]:
    """Base URL of the API over the example resolutions, loaded once for the module as
    `skg load examples/resolutions` names them."""
    from graph.loading import load_documents
    from graph.schema import apply_schema
    from skg.cli_documents import document_names

    session_driver.execute_query("MATCH (n) DETACH DELETE n")
    apply_schema(session_driver)
    names = document_names([EXAMPLES])
    report = load_documents(session_driver, list(names), progress=False, names=names)
    assert not report.failures, report.failures
    yield from serve(session_driver, test_settings)


class Browser:
    """One headless Chromium page: open a URL, read what it logged, check it with axe-core,
    take a screenshot."""

    def __init__(self, chromium: Chromium) -> None:
        self.chromium = chromium
        for domain in ("Runtime.enable", "Log.enable"):
            chromium.call(domain, session=True)

    def open(self, url: str, ready: str = "document.readyState === 'complete'",
             timeout: float = 60.0) -> None:
        """Navigate and wait until the page is loaded and `ready` (a JS expression) holds."""
        self.chromium.events.clear()
        self.chromium.navigate(url)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.chromium.evaluate(f"Boolean({ready})") is True:
                return
            time.sleep(0.2)
        raise AssertionError(f"{url}: not ready within {timeout:.0f} s ({ready})")

    def errors(self) -> list[str]:
        """Console errors, uncaught exceptions and browser log errors (CSP, failed loads)
        since the last `open`."""
        self.chromium.evaluate("1")  # collect the events that arrived meanwhile
        found = []
        for event in self.chromium.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                found.append(json.dumps(params.get("exceptionDetails", {}))[:500])
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error",
                                                                                  "assert"):
                found.append(" ".join(str(a.get("value", a.get("description")))
                                      for a in params.get("args", [])))
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                found.append(f"{params['entry'].get('text')} {params['entry'].get('url', '')}")
        return found

    def evaluate(self, expression: str) -> Any:
        return self.chromium.evaluate(expression)

    def axe_violations(self) -> list[dict[str, Any]]:
        """axe-core's serious and critical findings on the current page."""
        source = web_module_file(AXE_SCRIPT).read_text(encoding="utf-8")
        self.chromium.call("Runtime.evaluate", {"expression": source}, session=True)
        impacts = json.dumps(list(BLOCKING_IMPACTS))
        result = self.chromium.call("Runtime.evaluate", {
            "expression": "axe.run(document, {resultTypes: ['violations']}).then(r => "
                          f"r.violations.filter(v => {impacts}.includes(v.impact)).map(v => "
                          "({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes"
                          ".slice(0, 5).map(n => n.target.join(' ') + ' ' + n.failureSummary)"
                          "})))",
            "awaitPromise": True, "returnByValue": True}, session=True, timeout=120)
        if "exceptionDetails" in result:
            raise AssertionError(f"axe-core failed: {result['exceptionDetails']}")
        return result["result"]["value"]

    def screenshot(self, name: str, max_height: int = 2600) -> Path:
        """A PNG of the page (up to `max_height` pixels of it) in tests/artifacts/: the
        window is made as tall as the page first, so that the page lays itself out for
        what the picture shows."""
        height = int(self.chromium.evaluate(
            "Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)") or 900)
        height = min(max(height, 900), max_height)
        self.chromium.call("Emulation.setDeviceMetricsOverride", {
            "width": 1400, "height": height, "deviceScaleFactor": 1, "mobile": False},
            session=True)
        try:
            time.sleep(1.0)  # resize handlers (vis-timeline redraws) settle
            shot = self.chromium.call("Page.captureScreenshot", {"format": "png"},
                                      session=True)
        finally:
            self.chromium.call("Emulation.clearDeviceMetricsOverride", session=True)
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        path.write_bytes(base64.b64decode(shot["data"]))
        return path


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Headless Chromium (skipped with a message when it or axe-core is missing)."""
    binary = find_chromium()
    if binary is None:
        pytest.skip("chromium is not installed: apt-get install chromium")
    try:
        web_module_file(AXE_SCRIPT)
    except AssetError as exc:
        pytest.skip(str(exc))
    with Chromium(binary) as chromium:
        yield Browser(chromium)
