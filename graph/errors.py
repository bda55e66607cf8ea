"""Typed failures of the graph layer, with one root so callers catch one thing."""


class GraphError(Exception):
    """Root of every error raised by `graph`."""


class GraphUnavailable(GraphError):
    """Neo4j does not answer (stopped, unreachable, or wrong credentials)."""


class QueryRefused(GraphError):
    """An analyst's query was refused before it ran (writes, procedures, LOAD CSV, …)."""


class QueryFailed(GraphError):
    """An analyst's query was accepted but failed (syntax error, timeout, …)."""


class QueryTimedOut(QueryFailed):
    """The query ran longer than the allowed time and was stopped by the server."""


class NotFound(GraphError):
    """The requested node does not exist."""
