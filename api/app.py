"""The FastAPI application: routers, error handlers, CORS and the driver's lifetime."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from neo4j import Driver

from api.errors import ErrorBody, install_error_handlers
from api.routers import (
    actors,
    cookbook,
    cypher,
    documents,
    graph_page,
    initiatives,
    obligations,
    pages,
    rdf,
    resolutions,
    service,
    statements,
    timeline_pages,
)
from skg.settings import Settings, get_settings

ERROR_RESPONSES = {status: {"model": ErrorBody} for status in (400, 404, 422, 503)}


def create_app(driver: Driver | None = None, settings: Settings | None = None) -> FastAPI:
    """The API. Without `driver`, one is created at startup (not verified, so the service
    starts while Neo4j is down and answers 503 until it is up) and closed at shutdown; an
    injected driver belongs to the caller."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if driver is not None:
            app.state.driver = driver
            yield
            return
        from graph.connection import connect

        app.state.driver = connect(settings, verify=False)
        try:
            yield
        finally:
            app.state.driver.close()

    app = FastAPI(title="stakeholder-graph", version="0.1.0", lifespan=lifespan,
                  description="Who asked whom to do what, by when, who leads, who pays — "
                  "from German governance resolutions.", responses=ERROR_RESPONSES)
    app.state.settings = settings
    app.state.driver = driver
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins,
                           allow_methods=["GET", "POST"], allow_headers=["X-API-Key",
                                                                         "Content-Type"])
    install_error_handlers(app)
    # obligations before resolutions: `/resolutions/{id:path}/timeline` must win over
    # `/resolutions/{id:path}`.
    for module in (service, pages, timeline_pages, actors, obligations, initiatives,
                   resolutions, statements, cypher, cookbook, graph_page, rdf, documents):
        app.include_router(module.router)
    return app
