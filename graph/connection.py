"""The one place a Neo4j driver is created, for the local server or NEO4J_URI."""

from __future__ import annotations

from neo4j import Driver, GraphDatabase
from neo4j.exceptions import AuthError, ServiceUnavailable

from graph.errors import GraphUnavailable
from graph.server import main_instance
from skg.settings import Settings


def connection_target(settings: Settings) -> tuple[str, tuple[str, str] | None]:
    """URI and auth: NEO4J_URI when set, else the local server and its generated password."""
    if settings.neo4j_uri:
        auth = (settings.neo4j_user, settings.neo4j_password or "")
        return settings.neo4j_uri, auth
    local = main_instance(settings)
    password = settings.neo4j_password or local.password()
    return local.bolt_uri, (settings.neo4j_user, password) if password else None


def connect(settings: Settings, verify: bool = True) -> Driver:
    """A driver for the configured server; GraphUnavailable with what to do if it fails."""
    uri, auth = connection_target(settings)
    driver = GraphDatabase.driver(uri, auth=auth, connection_acquisition_timeout=10,
                                  notifications_min_severity="OFF",
                                  max_connection_lifetime=300)
    if verify:
        try:
            driver.verify_connectivity()
        except (ServiceUnavailable, OSError) as exc:
            driver.close()
            hint = ("start it with `skg neo4j start`" if settings.uses_local_server
                    else "check NEO4J_URI")
            raise GraphUnavailable(f"Neo4j does not answer at {uri}: {hint}") from exc
        except AuthError as exc:
            driver.close()
            raise GraphUnavailable(f"Neo4j at {uri} refused the credentials: check "
                                   "NEO4J_USER and NEO4J_PASSWORD") from exc
    return driver
