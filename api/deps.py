"""Dependencies as aliases: a router asks for `GraphDep` or `SettingsDep`, nothing more."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from graph.queries import Graph
from skg.settings import Settings


def get_settings_dep(request: Request) -> Settings:
    """The settings the app was created with."""
    return request.app.state.settings


def get_graph(request: Request) -> Graph:
    """The shared driver with the configured database and time limit.

    The driver is never replaced: when Neo4j goes away, queries raise GraphUnavailable
    (503) and the driver's pool reconnects by itself once Neo4j is back.
    """
    settings: Settings = request.app.state.settings
    return Graph(request.app.state.driver, database=settings.neo4j_database,
                 timeout=settings.cypher_timeout)


SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
GraphDep = Annotated[Graph, Depends(get_graph)]
