"""Exposure rules: loopback by default; anything wider needs an API key.

With `SKG_API_KEY` set, `POST` endpoints (analysts' Cypher and writes) require the
`X-API-Key` header; reading endpoints stay open so graph pages work in a browser. Writes
(uploads, fulfilment decisions) are switched off altogether while no key is configured.
"""

from __future__ import annotations

import ipaddress
import secrets
from typing import Annotated

from fastapi import Depends, Header, Request

from api.errors import ApiError

LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


def is_loopback(host: str) -> bool:
    """Whether `host` only listens on this machine (127.0.0.0/8, ::1, localhost)."""
    name = host.strip().strip("[]").lower()
    if name in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def check_exposure(host: str, settings) -> None:  # noqa: ANN001 - skg.settings.Settings
    """Raise ValueError when serving on a non-loopback address without an API key."""
    if not is_loopback(host) and not settings.api_key:
        raise ValueError(f"refusing to listen on {host} without an API key: set SKG_API_KEY "
                         "(clients send it as X-API-Key), or serve on 127.0.0.1")


def require_api_key(request: Request,
                    x_api_key: Annotated[str | None, Header()] = None) -> None:
    """When an API key is configured, the request must carry it in `X-API-Key`."""
    expected = request.app.state.settings.api_key
    if not expected:
        return
    if x_api_key is None or not secrets.compare_digest(x_api_key.encode(), expected.encode()):
        raise ApiError(401, "this endpoint needs the X-API-Key header with the server's key")


ApiKeyDep = Depends(require_api_key)


def require_write_key(request: Request) -> None:
    """Writes need the configured API key; without one configured they are switched off."""
    if not request.app.state.settings.api_key:
        raise ApiError(403, "writes are switched off: set SKG_API_KEY on the server and send "
                            "it as X-API-Key")
    require_api_key(request, request.headers.get("x-api-key"))


WriteKeyDep = Depends(require_write_key)
