"""A polite HTTP client for OParl endpoints: a rate limit, a User-Agent naming the project,
retries with exponential backoff on timeouts and server errors, and one-line errors.

Every answer is checked against the parts of the spec the importer relies on (JSON, an
object with `id` and the expected `type`, list pages with `data`); what breaks them raises
`SpecError`, which the walker reports and steps over.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from typing import Any

import httpx
from tenacity import Retrying, retry_if_exception, stop_after_attempt, wait_exponential


def _user_agent() -> str:
    try:
        release = version("stakeholder-graph")
    except PackageNotFoundError:  # a source checkout that is not installed
        release = "dev"
    return f"stakeholder-graph/{release} (OParl importer)"


USER_AGENT = _user_agent()


class OParlError(Exception):
    """A URL that could not be read; str() is one line `URL: reason`."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(url, reason)
        self.url = url
        self.reason = " ".join(reason.split())

    def __str__(self) -> str:
        return f"{self.url}: {self.reason}"


class SpecError(OParlError):
    """An answer that breaks the OParl spec: bad JSON, no `id`, the wrong `type`."""


class _Transient(Exception):
    """An answer worth asking again for: a timeout, a broken connection, 5xx or 429."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class ClientOptions:
    """How the client behaves; the CLI fills it from the SKG_OPARL_* settings."""

    requests_per_second: float = 4.0
    timeout: float = 30.0
    attempts: int = 3
    backoff: float = 1.0
    max_bytes: int = 100 * 1024 * 1024


def type_name(obj: dict[str, Any]) -> str:
    """ "Meeting" for "https://schema.oparl.org/1.1/Meeting" (OParl 1.0 and 1.1 alike)."""
    return str(obj.get("type", "")).rstrip("/").rsplit("/", 1)[-1]


def check_object(obj: Any, kind: str, where: str) -> dict[str, Any]:
    """The object if it has an `id` and is of type `kind`, else a SpecError naming `where`."""
    if not isinstance(obj, dict):
        raise SpecError(where, f"expected a {kind} object, got {type(obj).__name__}")
    if not isinstance(obj.get("id"), str) or not obj["id"]:
        raise SpecError(where, f"{kind} object without an id")
    if type_name(obj) != kind:
        raise SpecError(obj["id"], f"expected type {kind}, got {obj.get('type')!r}")
    return obj


class OParlClient:
    """GET JSON objects, list pages and files from one OParl server, politely."""

    def __init__(self, options: ClientOptions | None = None,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.options = options or ClientOptions()
        self.requests = 0
        self._http = httpx.Client(
            timeout=self.options.timeout, follow_redirects=True, transport=transport,
            headers={"User-Agent": USER_AGENT, "Accept": "application/json"})
        self._lock = threading.Lock()
        self._next_slot = 0.0

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> OParlClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _wait_for_slot(self) -> None:
        """At most `requests_per_second` requests start per second."""
        if self.options.requests_per_second <= 0:
            return
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next_slot)
            self._next_slot = start + 1.0 / self.options.requests_per_second
        if start > now:
            time.sleep(start - now)

    def _fetch(self, url: str, params: dict[str, str] | None) -> bytes:
        self._wait_for_slot()
        self.requests += 1
        try:
            with self._http.stream("GET", url, params=params) as response:
                if response.status_code >= 500 or response.status_code == 429:
                    raise _Transient(f"HTTP {response.status_code}")
                if response.status_code >= 400:
                    raise OParlError(url, f"HTTP {response.status_code}")
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > self.options.max_bytes:
                        raise OParlError(url, f"larger than {self.options.max_bytes} bytes")
                return bytes(body)
        except httpx.TimeoutException as exc:
            raise _Transient(f"timed out after {self.options.timeout:g} s") from exc
        except httpx.TransportError as exc:
            raise _Transient(f"connection failed ({exc.__class__.__name__})") from exc

    def get_bytes(self, url: str, params: dict[str, str] | None = None) -> bytes:
        """The body of a GET, retried with backoff on timeouts, 5xx and 429."""
        retrying = Retrying(
            stop=stop_after_attempt(max(1, self.options.attempts)),
            wait=wait_exponential(multiplier=self.options.backoff, max=60),
            retry=retry_if_exception(lambda exc: isinstance(exc, _Transient)), reraise=True)
        try:
            return retrying(self._fetch, url, params)
        except _Transient as exc:
            shown = str(httpx.URL(url, params=params)) if params else url
            raise OParlError(shown, f"{exc.reason} ({self.options.attempts} attempts)") from exc

    def get_json(self, url: str, params: dict[str, str] | None = None) -> Any:
        """A GET's JSON; bad JSON is a SpecError."""
        body = self.get_bytes(url, params)
        try:
            return json.loads(body)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise SpecError(url, f"not JSON ({exc.__class__.__name__})") from exc

    def get_object(self, url: str, kind: str) -> dict[str, Any]:
        """An OParl object of type `kind` by its URL."""
        return check_object(self.get_json(url), kind, url)

    def pages(self, url: str, params: dict[str, str] | None = None) -> Iterator[Any]:
        """The entries of an external object list, page by page along `links.next`.

        `params` (filters such as modified_since) go on the first page only: the spec has
        the server keep them in its `next` links. A page that cannot be read raises, and
        the caller knows the list is incomplete.
        """
        seen: set[str] = set()
        next_url: str | None = url
        first = True
        while next_url and next_url not in seen:
            seen.add(next_url)
            page = self.get_json(next_url, params if first else None)
            first = False
            if not isinstance(page, dict) or not isinstance(page.get("data"), list):
                raise SpecError(next_url, "list page without a data array")
            yield from page["data"]
            links = page.get("links")
            next_url = links.get("next") if isinstance(links, dict) else None
