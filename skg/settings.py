"""One settings class for the whole project, read from the environment (and `.env`)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parents[1]


class Settings(BaseSettings):
    """Configuration; every field can be set by the environment variable named in its alias."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    neo4j_uri: str | None = Field(
        None,
        validation_alias=AliasChoices("NEO4J_URI"),
        description="Bolt or neo4j:// URI of an existing server or cluster; when set, "
        "the project starts no local Neo4j.",
    )
    neo4j_user: str = Field("neo4j", validation_alias=AliasChoices("NEO4J_USER"),
                            description="User name for NEO4J_URI (and the local server).")
    neo4j_password: str | None = Field(
        None, validation_alias=AliasChoices("NEO4J_PASSWORD"),
        description="Password for NEO4J_URI; the local server's generated password is read "
        "from its data folder when this is unset.")
    neo4j_database: str = Field("neo4j", validation_alias=AliasChoices("NEO4J_DATABASE"),
                                description="Database name.")
    home: Path = Field(PROJECT_ROOT / ".cache" / "neo4j",
                       validation_alias=AliasChoices("SKG_HOME"),
                       description="Folder of the local Neo4j: jars in lib/, instances beside.")
    bolt_port: int = Field(7687, validation_alias=AliasChoices("SKG_BOLT_PORT"),
                           description="Bolt port of the local Neo4j (127.0.0.1 only).")
    http_port: int = Field(7474, validation_alias=AliasChoices("SKG_HTTP_PORT"),
                           description="HTTP port of the local Neo4j, serving Neo4j Browser.")
    heap: str = Field("1g", validation_alias=AliasChoices("SKG_NEO4J_HEAP"),
                      description="Maximum Java heap of the local Neo4j.")
    pagecache: str = Field("256m", validation_alias=AliasChoices("SKG_NEO4J_PAGECACHE"),
                           description="Page cache of the local Neo4j.")
    api_key: str | None = Field(None, validation_alias=AliasChoices("SKG_API_KEY"),
                                description="Key for the API's write endpoints (X-API-Key).")
    cypher_timeout: float = Field(10.0, validation_alias=AliasChoices("SKG_CYPHER_TIMEOUT"),
                                  description="Seconds an analyst's Cypher query may run.")
    row_cap: int = Field(5000, validation_alias=AliasChoices("SKG_ROW_CAP"),
                         description="Most rows an analyst's Cypher query returns.")
    cors_origins: list[str] = Field(default_factory=list,
                                    validation_alias=AliasChoices("SKG_CORS_ORIGINS"),
                                    description="Origins allowed by CORS (JSON list); none "
                                    "by default.")
    graph_node_cap: int = Field(400, validation_alias=AliasChoices("SKG_GRAPH_NODE_CAP"),
                                description="Most nodes a graph page draws before the "
                                "server reduces it.")
    load_batch: int = Field(500, ge=1, validation_alias=AliasChoices("SKG_LOAD_BATCH"),
                            description="Most documents `skg load` stores in one transaction.")
    max_upload_mb: int = Field(100, validation_alias=AliasChoices("SKG_MAX_UPLOAD_MB"),
                               description="Largest document accepted, in MB.")
    oparl_rate: float = Field(4.0, validation_alias=AliasChoices("SKG_OPARL_RATE"),
                              description="Most requests per second the OParl importer sends "
                              "to one server (0: no limit).")
    oparl_timeout: float = Field(30.0, validation_alias=AliasChoices("SKG_OPARL_TIMEOUT"),
                                 description="Seconds the OParl importer waits for an answer.")
    oparl_attempts: int = Field(3, validation_alias=AliasChoices("SKG_OPARL_ATTEMPTS"),
                                description="Attempts per OParl URL on timeouts and server "
                                "errors before it is reported.")
    oparl_backoff: float = Field(1.0, validation_alias=AliasChoices("SKG_OPARL_BACKOFF"),
                                 description="Seconds before the first retry; each further "
                                 "wait doubles.")

    @property
    def uses_local_server(self) -> bool:
        """True unless NEO4J_URI names an existing server."""
        return not self.neo4j_uri


@cache
def get_settings() -> Settings:
    """The process-wide settings (read once)."""
    return Settings()
