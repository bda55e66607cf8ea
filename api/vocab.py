"""Names a client may use, from the ontology; an unknown name is a 400 listing the allowed."""

from __future__ import annotations

from functools import cache

from api.errors import ApiError
from graph.obligations import STATUSES
from ontology.model import load_ontology


@cache
def actor_types() -> dict[str, str]:
    """Actor class key → Neo4j label (`"land"` → `"Land"`), the root class excluded."""
    ont = load_ontology()
    return {key: cls.label for key, cls in sorted(ont.classes.items())
            if key != "actor" and ont.is_a(key, "actor")}


@cache
def levels() -> tuple[str, ...]:
    """Governance levels, in legend order."""
    return tuple(load_ontology().actor_levels())


@cache
def predicates() -> tuple[str, ...]:
    """Statement predicates (relationship types)."""
    return tuple(sorted(load_ontology().scored_predicates()))


def _unknown(what: str, value: str, allowed: tuple[str, ...] | list[str]) -> ApiError:
    return ApiError(400, f"unknown {what} {value!r}; allowed: {', '.join(allowed)}")


def check_actor_type(value: str | None) -> str | None:
    """The Neo4j label for an actor type given by key (or label); None passes through."""
    if value is None:
        return None
    types = actor_types()
    if value in types:
        return types[value]
    by_label = {label.lower(): label for label in types.values()}
    if value.lower() in by_label:
        return by_label[value.lower()]
    raise _unknown("actor type", value, list(types))


def check_level(value: str | None) -> str | None:
    if value is not None and value not in levels():
        raise _unknown("level", value, levels())
    return value


def check_status(value: str | None) -> str | None:
    if value is not None and value not in STATUSES:
        raise _unknown("status", value, STATUSES)
    return value


def check_predicates(value: str | None) -> list[str] | None:
    """A comma list of predicates (any case) as relationship types; None means all."""
    if value is None or not value.strip():
        return None
    chosen = []
    for item in value.split(","):
        name = item.strip().upper()
        if name not in predicates():
            raise _unknown("predicate", item.strip(), predicates())
        chosen.append(name)
    return sorted(set(chosen))
