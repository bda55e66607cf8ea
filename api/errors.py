"""One JSON error shape for every failure, and the one map from exceptions to statuses.

Every error answer is `{"error": {"status": int, "title": str, "message": str}}`.
"""

from __future__ import annotations

import logging
from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from graph.cypher import QueryTimedOut
from graph.errors import GraphError, GraphUnavailable, NotFound, QueryFailed, QueryRefused

log = logging.getLogger(__name__)

#: Graph errors → HTTP status; the most specific class that matches wins (listed first).
STATUS_FOR: tuple[tuple[type[Exception], int], ...] = (
    (GraphUnavailable, 503),
    (NotFound, 404),
    (QueryRefused, 403),
    (QueryTimedOut, 504),
    (QueryFailed, 400),
    (GraphError, 500),
)


class ErrorDetail(BaseModel):
    status: int
    title: str
    message: str


class ErrorBody(BaseModel):
    """The shape of every error answer."""

    error: ErrorDetail


class ApiError(Exception):
    """An error a router raises on purpose: a status and a message for the client."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def error_response(status: int, message: str, headers: dict[str, str] | None = None
                   ) -> JSONResponse:
    """The JSON error answer with the standard reason phrase as title."""
    title = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "Error"
    body = ErrorBody(error=ErrorDetail(status=status, title=title, message=message))
    return JSONResponse(body.model_dump(), status_code=status, headers=headers)


def status_for(exc: Exception) -> int:
    """The HTTP status of a graph error."""
    return next((status for cls, status in STATUS_FOR if isinstance(exc, cls)), 500)


def _graph_message(exc: GraphError, status: int) -> str:
    if status == 503:
        return f"Neo4j does not answer; try again shortly ({exc})"
    return str(exc)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ()) if p != "body") or "request"
        parts.append(f"{where}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def install_error_handlers(app: FastAPI) -> None:
    """Route every exception through `error_response`."""

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.message)

    @app.exception_handler(GraphError)
    async def _graph_error(request: Request, exc: GraphError) -> JSONResponse:
        status = status_for(exc)
        if status == 500:
            log.error("graph error on %s: %s", request.url.path, exc)
        return error_response(status, _graph_message(exc, status))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(422, _validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such endpoint: {request.url.path}"
        return error_response(exc.status_code, message, getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s", request.url.path)
        return error_response(500, "internal error; see the server log")
