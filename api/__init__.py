"""The REST API and the graph pages (FastAPI): thin routers over `graph.queries` and `viz`."""
