"""stakeholder-graph: German multi-level governance resolutions as a knowledge graph."""

__version__ = "0.1.0"
