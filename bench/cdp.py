"""Headless Chromium driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`).

No extra package and no port: Chromium reads commands from fd 3 and writes answers to fd 4,
each a JSON message ended by a NUL byte.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import subprocess
import tempfile
import time
from typing import Any

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "chromium",
                       "google-chrome")


def find_chromium() -> str | None:
    """The Chromium binary, or None when none is installed."""
    for name in CHROMIUM_CANDIDATES:
        path = name if os.path.isabs(name) else shutil.which(name)
        if path and os.path.exists(path):
            return path
    return None


class CdpError(RuntimeError):
    """Chromium answered a command with an error, or did not answer in time."""


class Chromium:
    """One headless browser with one page; `navigate` and `evaluate` are all the bench needs."""

    def __init__(self, binary: str) -> None:
        self._profile = tempfile.mkdtemp(prefix="bench-chromium-")
        cmd_read, cmd_write = os.pipe()
        out_read, out_write = os.pipe()
        # Copies above 100 so that the dup2 onto 3 and 4 in the child cannot clobber them.
        high_in = fcntl.fcntl(cmd_read, fcntl.F_DUPFD, 100)
        high_out = fcntl.fcntl(out_write, fcntl.F_DUPFD, 100)

        def child_fds() -> None:
            os.dup2(high_in, 3)
            os.dup2(high_out, 4)

        self.proc = subprocess.Popen(
            [binary, "--headless", "--no-sandbox", "--disable-gpu",
             "--disable-background-networking", "--disable-extensions", "--no-first-run",
             "--disable-quic", "--disable-component-update", "--disable-sync",
             "--remote-debugging-pipe", f"--user-data-dir={self._profile}",
             "--window-size=1400,900", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            pass_fds=(3, 4), preexec_fn=child_fds)
        for fd in (cmd_read, out_write, high_in, high_out):
            os.close(fd)
        self._send_fd, self._recv_fd = cmd_write, out_read
        self._buffer = b""
        self._next_id = 0
        #: Events (messages without an id) that arrived while waiting for answers.
        self.events: list[dict] = []
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget",
                                 {"targetId": target, "flatten": True})["sessionId"]
        self.call("Page.enable", session=True)

    def _read_message(self, deadline: float) -> dict:
        while b"\0" not in self._buffer:
            if time.monotonic() > deadline:
                raise CdpError("Chromium did not answer in time")
            chunk = os.read(self._recv_fd, 1 << 16)
            if not chunk:
                raise CdpError("Chromium closed the pipe")
            self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        return json.loads(message)

    def call(self, method: str, params: dict | None = None, session: bool = False,
             timeout: float = 60.0) -> dict:
        """Send one command and wait for its answer (events in between go to `events`)."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method,
                                   "params": params or {}}
        if session:
            message["sessionId"] = self.session
        os.write(self._send_fd, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            answer = self._read_message(deadline)
            if "id" not in answer:
                self.events.append(answer)
            elif answer.get("id") == self._next_id:
                if "error" in answer:
                    raise CdpError(f"{method}: {answer['error'].get('message')}")
                return answer.get("result", {})

    def navigate(self, url: str) -> None:
        self.call("Page.navigate", {"url": url}, session=True)

    def evaluate(self, expression: str, timeout: float = 60.0) -> Any:
        """The value of a JavaScript expression in the page."""
        result = self.call("Runtime.evaluate", {"expression": expression,
                                                "returnByValue": True}, session=True,
                           timeout=timeout)
        return result.get("result", {}).get("value")

    def close(self) -> None:
        """End the browser and remove its profile."""
        with contextlib.suppress(CdpError, OSError):
            self.call("Browser.close", timeout=5)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        for fd in (self._send_fd, self._recv_fd):
            with contextlib.suppress(OSError):
                os.close(fd)
        shutil.rmtree(self._profile, ignore_errors=True)

    def __enter__(self) -> Chromium:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
