"""Reading OParl council information systems: `client` (polite HTTP), `walk` (system →
bodies → meetings → agenda items), `texts` (the decision text), `records` (OParl objects
as the project's records). Nothing here touches Neo4j."""
