"""Where the German wordings of the scored predicates stand in one sentence.

The wordings themselves are data: the frames the ontology names (`ontology/frames.toml`,
read by `ontology.frames`). Each gives the predicate, how its object is found (`kind`) and,
for separable or perfect verbs, the object region between the verb and its closing part
(group `obj`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ontology.frames import load_frames

OBLIGATIONS = {"REQUESTS", "TASKS", "RECOMMENDS", "INVITES", "INFORMS"}
NEGATION = re.compile(r"\b(?:nicht|keine[nmrs]?|weder|abgelehnt)\b|\blehnt\b.*\bab\b")
SUBJUNCTIVE = re.compile(r"\b(?:würde[nt]?|wäre[nt]?|könnte[nt]?|hätte[nt]?|müsste[nt]?)\b")


@dataclass
class Trigger:
    predicate: str
    kind: str
    start: int
    end: int
    obj_start: int | None
    obj_end: int | None


def find_triggers(sentence: str, minutes: bool = False) -> list[Trigger]:
    """Predicate wordings in a sentence, earliest first, overlapping matches dropped; the
    past-tense frames of a sitting's report only in `minutes`."""
    found: list[Trigger] = []
    for frame in load_frames():
        if frame.minutes and not minutes:
            continue
        predicate, kind, pattern = frame.predicate, frame.kind, frame.pattern
        for m in pattern.finditer(sentence):
            has_obj = "obj" in pattern.groupindex and m.group("obj") is not None
            found.append(
                Trigger(
                    predicate,
                    kind,
                    m.start(),
                    m.end(),
                    m.start("obj") if has_obj else None,
                    m.end("obj") if has_obj else None,
                )
            )
    found.sort(key=lambda t: (t.start, -(t.end - t.start)))
    result: list[Trigger] = []
    for trig in found:
        if trig.kind != "lead" and any(
            t.kind != "lead" and (t.start <= trig.start < t.end or trig.start <= t.start < trig.end)
            for t in result
        ):
            continue
        result.append(trig)
    # A chair or lead named inside another wording ("setzt … unter Vorsitz von X ein") is
    # read after it, when the body it leads is known.
    return [t for t in result if t.kind != "lead"] + [t for t in result if t.kind == "lead"]
