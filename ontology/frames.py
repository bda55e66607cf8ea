"""The German wordings (frames) of the ontology's scored relations, read from the file that
the ontology names with `skg:frames` and checked against the relations it declares."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache

from ontology.model import ONTOLOGY_PATH, InvalidOntology, Ontology, load_ontology

KINDS = {"address", "passive", "passive_thing", "agent", "thing", "dative", "inverted", "lead"}


@dataclass(frozen=True)
class Example:
    """An invented sentence and what it states: subject id, object id or a word of its name."""

    text: str
    subject: str
    object: str


@dataclass(frozen=True)
class Frame:
    """One wording of a relation: how its arguments are found and where its parts stand."""

    predicate: str
    kind: str
    pattern: re.Pattern[str]
    examples: tuple[Example, ...]
    minutes: bool = False  # a past-tense report of a decision: read only in minutes


def parse_frames(data: dict, ont: Ontology, where: str) -> tuple[Frame, ...]:
    """Frames from the parsed TOML; raises `InvalidOntology` naming the frame at fault."""
    frames = []
    scored = ont.scored_predicates()
    for n, raw in enumerate(data.get("frame", []), start=1):
        name = f"{where}: frame {n} ({raw.get('predicate')!r})"
        if raw.get("predicate") not in scored:
            raise InvalidOntology(f"{name}: not a scored relation of the ontology")
        if raw.get("kind") not in KINDS:
            raise InvalidOntology(f"{name}: kind must be one of {sorted(KINDS)}")
        try:
            pattern = re.compile(raw["pattern"])
        except (KeyError, re.error) as exc:
            raise InvalidOntology(f"{name}: bad or missing pattern: {exc}") from exc
        examples = tuple(Example(**e) for e in raw.get("examples", []))
        if not examples:
            raise InvalidOntology(f"{name}: a frame needs at least one example sentence")
        minutes = raw.get("minutes", False)
        if not isinstance(minutes, bool):
            raise InvalidOntology(f"{name}: minutes must be true or false")
        frames.append(Frame(raw["predicate"], raw["kind"], pattern, examples, minutes))
    return tuple(frames)


@cache
def load_frames() -> tuple[Frame, ...]:
    """The project's frames, in the order they are tried."""
    ont = load_ontology()
    if not ont.frames_file:
        raise InvalidOntology("the ontology names no frames file (skg:frames)")
    path = ONTOLOGY_PATH.with_name(ont.frames_file)
    with path.open("rb") as fh:
        return parse_frames(tomllib.load(fh), ont, path.name)
