"""The network page in headless Chromium: it stabilises and draws what the API said.

`/graph` is served by uvicorn (in a thread, on a free port) over the example resolutions.
Chromium runs with virtual time, so the layout finishes without waiting in real time; the
page's script writes the drawn node count into `#skg-status` after stabilisation.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import httpx
import pytest

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
STATUS = re.compile(r'<span id="skg-status" data-stabilized="(\w+)" data-node-count="(\d*)"')

pytestmark = pytest.mark.browser


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
