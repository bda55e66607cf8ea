"""Extraction workers end with their loader, even when it is killed with SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

SKG = Path(sys.executable).with_name("skg")


def children(pid: int) -> set[int]:
    """Pids of the live processes whose parent is `pid` (from /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.add(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """150 generated resolutions: enough for the loader to be mid-run when it is killed."""
    out = tmp_path_factory.mktemp("workers")
    subprocess.run([str(SKG), "generate", "--resolutions", "150", "--seed", "3", "--out",
                    str(out)], check=True, capture_output=True, timeout=300)
    return out


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_no_extraction_worker_survives_a_sigkilled_loader(corpus: Path,
                                                          cli_env: dict[str, str]) -> None:
    loader = subprocess.Popen([str(SKG), "load", "--no-progress", "--workers", "2",
                               str(corpus)], env={**os.environ, **cli_env},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        workers: set[int] = set()
        while len(workers) < 2 and time.monotonic() < deadline:
            assert loader.poll() is None, "the loader finished before its workers were seen"
            workers = children(loader.pid)
            time.sleep(0.01)
        assert len(workers) >= 2, "the loader started no extraction workers"
        loader.send_signal(signal.SIGKILL)
    finally:
        loader.wait(timeout=30)
    assert loader.returncode == -signal.SIGKILL
    deadline = time.monotonic() + 15
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in workers if alive(pid)], "workers outlived their loader"
