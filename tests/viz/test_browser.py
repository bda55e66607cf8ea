"""The network page in headless Chromium: it stabilises and draws what the API said.

`/graph` is served by uvicorn (in a thread, on a free port) over the example resolutions.
Chromium runs with virtual time, so the layout finishes without waiting in real time; the
page's script writes the drawn node count into `#skg-status` after stabilisation.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn

from api.app import create_app
from graph.server import free_port

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
STATUS = re.compile(r'<span id="skg-status" data-stabilized="(\w+)" data-node-count="(\d*)"')

pytestmark = pytest.mark.browser


@pytest.fixture
def served(loaded_driver, test_settings) -> Iterator[str]:
    """Base URL of the API over the example resolutions, served by uvicorn in a thread."""
    port = free_port()
    config = uvicorn.Config(create_app(driver=loaded_driver, settings=test_settings),
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


def chromium(tmp_path: Path, *args: str) -> str:
    """Run headless Chromium once (own profile, no background traffic); its stdout."""
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip("chromium is not installed: apt-get install chromium")
    command = [CHROMIUM if Path(CHROMIUM).exists() else "chromium", "--headless",
               "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run",
               f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=15000",
               *args]
    proc = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


def test_graph_page_stabilises_and_draws_all_nodes(served: str, tmp_path: Path) -> None:
    url = f"{served}/graph"
    answer = httpx.get(url, timeout=30)
    assert answer.status_code == 200
    expected = int(answer.headers["X-SKG-Node-Count"])
    assert expected > 0
    dom = chromium(tmp_path, "--dump-dom", url)
    match = STATUS.search(dom)
    assert match, "the page has no status element"
    assert match.group(1) == "true", "the layout did not stabilise"
    assert int(match.group(2)) == expected
    assert "skgPwned" not in dom
    ARTIFACTS.mkdir(exist_ok=True)
    screenshot = ARTIFACTS / "graph.png"
    screenshot.unlink(missing_ok=True)
    chromium(tmp_path, "--window-size=1400,900", f"--screenshot={screenshot}", url)
    assert screenshot.exists() and screenshot.stat().st_size > 10_000
