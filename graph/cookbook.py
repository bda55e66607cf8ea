"""The cookbook: analysts' canned questions, one parameterised Cypher file each.

Each `graph/cookbook/NAME.cypher` opens with a block comment holding TOML front-matter
(`title`, `description`, `tags`, and `[params.NAME]` tables with `type`, `default`,
`description` and, for numbers, `min`/`max`), then the query. The comment keeps the file valid
Cypher, so it can be pasted into Neo4j Browser as it is. The folder is checked when it loads,
as followthemoney checks its schema: every `$parameter` declared and every declared one used,
every label and relationship type known to the ontology. Queries run through
`graph.cypher.run_read_query`, the same read-only, time- and row-limited path as `/cypher`.
"""

from __future__ import annotations

import csv
import io
import json
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from neo4j import Driver

from graph.cypher import QueryResult, normalise, run_read_query, strip_comments_and_strings
from graph.errors import GraphError, NotFound
from ontology.model import Ontology, load_ontology

COOKBOOK_DIR = Path(__file__).with_name("cookbook")
PARAM_TYPES = ("string", "int", "float", "date", "bool", "list")
LIST_ITEM_TYPES = ("string", "int", "float", "date")
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
#: Query-string names the API keeps for itself, so no parameter may take them.
RESERVED_PARAMS = frozenset({"format"})
_FRONT = re.compile(r"\A\s*/\*(?P<front>.*?)\*/(?P<body>.*)\Z", re.DOTALL)
_PARAM_USE = re.compile(r"\$([A-Za-z_]\w*)")
# `(n:Label:Other`, `[r:TYPE|OTHER*1..3`, and label predicates `n:Label` / `n:A|B`. Map keys
# (`{id: $x}`) never match: they are followed by a space, labels and types by a name.
_PATTERN_NAMES = re.compile(r"[(\[]\s*\w*\s*:\s*([A-Za-z_][\w|&:!]*)")
_PREDICATE_NAMES = re.compile(r"\b\w+:([A-Z][\w|&:!]*)")
# Relationship types compared as text (`type(s) = 'REQUESTS'`) are checked too.
_QUOTED_TYPE = re.compile(r"'([A-Z][A-Z0-9]*_?[A-Z0-9_]*)'")
_TRUE = {"true", "1", "yes", "on"}
_FALSE = {"false", "0", "no", "off"}


class InvalidCookbook(GraphError):
    """A cookbook file is malformed or disagrees with the ontology; the message names it."""


class UnknownQuery(NotFound):
    """No canned query has this name."""


class ParameterError(GraphError):
    """A parameter is unknown, or its value does not parse as the declared type."""


@dataclass(frozen=True)
class Param:
    """One declared parameter: its type, default (None: no filter) and bounds."""

    name: str
    type: str
    description: str = ""
    default: Any = None
    items: str = "string"
    min: float | None = None
    max: float | None = None

    def parse(self, raw: str | Sequence[str]) -> Any:
        """The typed value of a raw string (or of repeated strings, for a list).

        An empty string means "not given": the default for lists, None otherwise.
        """
        if self.type == "list":
            values = [raw] if isinstance(raw, str) else list(raw)
            parts = [p.strip() for v in values for p in v.split(",") if p.strip()]
            return [self._scalar(self.items, p) for p in parts]
        if not isinstance(raw, str):
            if len(raw) != 1:
                raise ParameterError(f"parameter {self.name!r} takes one value, got {len(raw)}")
            raw = raw[0]
        if not raw.strip():
            return None
        return self._scalar(self.type, raw.strip())

    def _scalar(self, kind: str, text: str) -> Any:
        try:
            if kind == "int":
                value: Any = int(text)
            elif kind == "float":
                value = float(text)
            elif kind == "date":
                value = date.fromisoformat(text).isoformat()
            elif kind == "bool":
                if text.lower() not in _TRUE | _FALSE:
                    raise ValueError(text)
                value = text.lower() in _TRUE
            else:
                value = text
        except ValueError:
            raise ParameterError(f"parameter {self.name!r} must be {_KIND_WORDS[kind]}, "
                                 f"not {text!r}") from None
        if kind in ("int", "float"):
            if self.min is not None and value < self.min:
                raise ParameterError(f"parameter {self.name!r} must be at least {self.min:g}")
            if self.max is not None and value > self.max:
                raise ParameterError(f"parameter {self.name!r} must be at most {self.max:g}")
        return value

    def as_dict(self) -> dict[str, Any]:
        """JSON description for `GET /queries`."""
        out: dict[str, Any] = {"name": self.name, "type": self.type, "default": self.default,
                               "description": self.description}
        if self.type == "list":
            out["items"] = self.items
        if self.min is not None:
            out["min"] = self.min
        if self.max is not None:
            out["max"] = self.max
        return out


_KIND_WORDS = {"int": "a whole number", "float": "a number", "date": "an ISO date (YYYY-MM-DD)",
               "bool": "true or false", "string": "text"}


@dataclass(frozen=True)
class CannedQuery:
    """A named question: what it asks, its parameters, and the Cypher that answers it."""

    name: str
    title: str
    description: str
    cypher: str
    params: tuple[Param, ...] = ()
    tags: tuple[str, ...] = ()
    path: Path | None = field(default=None, compare=False)

    def param(self, name: str) -> Param:
        """The declared parameter; ParameterError listing the known ones otherwise."""
        for param in self.params:
            if param.name == name:
                return param
        known = ", ".join(p.name for p in self.params) or "none"
        raise ParameterError(f"unknown parameter {name!r} for query {self.name!r}; "
                             f"known: {known}")

    def defaults(self) -> dict[str, Any]:
        """Every parameter at its default value (None where it has none)."""
        return {p.name: p.default for p in self.params}

    def bind(self, raw: Mapping[str, str | Sequence[str]]) -> dict[str, Any]:
        """Typed parameters from raw strings: defaults, overridden by what was given."""
        values = self.defaults()
        for name, value in raw.items():
            param = self.param(name)
            parsed = param.parse(value)
            values[name] = param.default if parsed is None else parsed
        return values

    def as_dict(self) -> dict[str, Any]:
        """JSON description for `GET /queries`."""
        return {"name": self.name, "title": self.title, "description": self.description,
                "tags": list(self.tags), "params": [p.as_dict() for p in self.params],
                "cypher": self.cypher}


def labels_and_types(cypher: str) -> set[str]:
    """Labels and relationship types a query names (comments and strings ignored)."""
    text = strip_comments_and_strings(cypher)
    names: set[str] = set()
    for pattern in (_PATTERN_NAMES, _PREDICATE_NAMES):
        for match in pattern.finditer(text):
            names.update(n for n in re.split(r"[|&:!]", match.group(1)) if n)
    names.update(t for t in _QUOTED_TYPE.findall(normalise(cypher)) if len(t) > 2)
    return names


def _param_from_toml(query: str, name: str, spec: Any) -> Param:
    where = f"query {query}, parameter {name}"
    if name in RESERVED_PARAMS or not _NAME.match(name):
        raise InvalidCookbook(f"{where}: the name is reserved or not lower_snake_case")
    if not isinstance(spec, dict):
        raise InvalidCookbook(f"{where}: expected a [params.{name}] table")
    unknown = set(spec) - {"type", "default", "description", "items", "min", "max"}
    if unknown:
        raise InvalidCookbook(f"{where}: unknown keys {sorted(unknown)}")
    kind = spec.get("type")
    if kind not in PARAM_TYPES:
        raise InvalidCookbook(f"{where}: type {kind!r} is not one of {PARAM_TYPES}")
    items = spec.get("items", "string")
    if items not in LIST_ITEM_TYPES:
        raise InvalidCookbook(f"{where}: items {items!r} is not one of {LIST_ITEM_TYPES}")
    param = Param(name=name, type=kind, description=str(spec.get("description", "")),
                  items=items, min=spec.get("min"), max=spec.get("max"))
    default = spec.get("default")
    if default is not None:
        # The default must survive the same parsing as a value given by a user.
        raw = ([str(v) for v in default] if isinstance(default, list)
               else str(default).lower() if isinstance(default, bool) else str(default))
        try:
            default = param.parse(raw)
        except ParameterError as exc:
            raise InvalidCookbook(f"{where}: default {default!r}: {exc}") from None
    elif kind == "list":
        default = []
    return Param(**{**param.__dict__, "default": default})


def parse_query_file(path: Path, ontology: Ontology | None = None) -> CannedQuery:
    """Read and check one `NAME.cypher` file; InvalidCookbook names the file and the fault."""
    name = path.stem
    if not _NAME.match(name):
        raise InvalidCookbook(f"{path.name}: the name must be lower_snake_case")
    match = _FRONT.match(path.read_text(encoding="utf-8"))
    if not match:
        raise InvalidCookbook(f"{path.name}: no /* TOML front-matter */ at the top")
    try:
        front = tomllib.loads(match.group("front"))
    except tomllib.TOMLDecodeError as exc:
        raise InvalidCookbook(f"{path.name}: front-matter is not TOML: {exc}") from None
    unknown = set(front) - {"title", "description", "tags", "params"}
    if unknown:
        raise InvalidCookbook(f"{path.name}: unknown front-matter keys {sorted(unknown)}")
    if not front.get("title") or not front.get("description"):
        raise InvalidCookbook(f"{path.name}: title and description are required")
    cypher = match.group("body").strip()
    params = tuple(_param_from_toml(name, key, spec)
                   for key, spec in (front.get("params") or {}).items())
    query = CannedQuery(name=name, title=str(front["title"]),
                        description=" ".join(str(front["description"]).split()),
                        cypher=cypher, params=params, tags=tuple(front.get("tags", ())),
                        path=path)
    _check_query(query, ontology or load_ontology())
    return query


def _check_query(query: CannedQuery, ontology: Ontology) -> None:
    where = f"{query.name}.cypher"
    if not query.cypher:
        raise InvalidCookbook(f"{where}: the query is empty")
    used = set(_PARAM_USE.findall(strip_comments_and_strings(query.cypher)))
    declared = {p.name for p in query.params}
    if used - declared:
        raise InvalidCookbook(f"{where}: parameters used but not declared: "
                              f"{sorted(used - declared)}")
    if declared - used:
        raise InvalidCookbook(f"{where}: parameters declared but not used: "
                              f"{sorted(declared - used)}")
    known = {c.label for c in ontology.classes.values()} | set(ontology.relations)
    strangers = labels_and_types(query.cypher) - known
    if strangers:
        raise InvalidCookbook(f"{where}: labels or relationship types not in the ontology: "
                              f"{sorted(strangers)}")


def load_cookbook(folder: Path = COOKBOOK_DIR,
                  ontology: Ontology | None = None) -> dict[str, CannedQuery]:
    """Every canned query in the folder, by name, in name order."""
    files = sorted(folder.glob("*.cypher"))
    if not files:
        raise InvalidCookbook(f"{folder}: no .cypher files")
    return {q.name: q for q in (parse_query_file(f, ontology) for f in files)}


@cache
def cookbook() -> dict[str, CannedQuery]:
    """The project's cookbook, loaded and checked once per process."""
    return load_cookbook()


def get_query(name: str, queries: Mapping[str, CannedQuery] | None = None) -> CannedQuery:
    """The canned query with this name; UnknownQuery otherwise."""
    queries = cookbook() if queries is None else queries
    try:
        return queries[name]
    except KeyError:
        raise UnknownQuery(f"no canned query named {name!r}; see GET /queries or "
                           "`skg query --list`") from None


def run_canned(driver: Driver, name: str, raw_params: Mapping[str, str | Sequence[str]],
               settings: Any, queries: Mapping[str, CannedQuery] | None = None) -> QueryResult:
    """Bind the raw parameters to the named query and run it read-only, as `/cypher` does."""
    query = get_query(name, queries)
    return run_read_query(driver, query.cypher, query.bind(raw_params), settings)


def parse_cli_params(pairs: Sequence[str]) -> dict[str, list[str]]:
    """`k=v` pairs from the command line; a repeated key gathers its values (for lists)."""
    raw: dict[str, list[str]] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise ParameterError(f"expected NAME=VALUE, got {pair!r}")
        raw.setdefault(key.strip(), []).append(value)
    return raw


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def result_to_csv(result: QueryResult) -> str:
    """CSV with a header row; lists and maps as JSON in their cell."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(result.columns)
    for row in result.rows:
        writer.writerow([_cell(v) for v in row])
    return out.getvalue()


def result_to_json(result: QueryResult, query: CannedQuery | None = None,
                   params: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The JSON answer: columns, rows as objects, `truncated`, and what was asked."""
    body: dict[str, Any] = {
        "columns": result.columns,
        "rows": [dict(zip(result.columns, row, strict=True)) for row in result.rows],
        "truncated": result.truncated,
    }
    if query is not None:
        body = {"query": query.name, "title": query.title, "params": dict(params or {}), **body}
    return body
