"""Every frame of ontology/frames.toml reads its own example sentences, and a broken frames
file is refused with a message that names the frame."""

from __future__ import annotations

import pytest

from ontology.frames import load_frames, parse_frames
from ontology.model import InvalidOntology, load_ontology

FRAMES = load_frames()
EXAMPLES = [(f.predicate, f.kind, e, f.minutes) for f in FRAMES for e in f.examples]
# A past-tense frame reads the report of a sitting; its examples stand in one.
MINUTES = "Niederschrift über die Sitzung\n\n"


def _names(ref) -> set[str]:
    return {ref.id, ref.name, *getattr(ref, "aliases", ())}


@pytest.mark.parametrize(("predicate", "kind", "example", "minutes"), EXAMPLES,
                         ids=[f"{p}-{k}-{e.text[:40]}" for p, k, e, _ in EXAMPLES])
def test_frame_reads_its_example(extract, predicate, kind, example, minutes):
    res = extract(f"{MINUTES if minutes else ''}1. {example.text}\n")
    got = [s for r in res for s in r.statements if s.predicate == predicate]
    assert any(s.subject.id == example.subject and (
        s.object.id == example.object or any(example.object in n for n in _names(s.object)))
        for s in got), [(s.subject.id, s.predicate, s.object.name) for r in res
                        for s in r.statements]


@pytest.mark.parametrize(("predicate", "kind", "example", "minutes"),
                         [e for e in EXAMPLES if e[3]], ids=lambda v: getattr(v, "text", v))
def test_past_tense_outside_minutes_is_narrative(extract, predicate, kind, example, minutes):
    """In a resolution's reasoning "wurde genehmigt" tells what happened before."""
    res = extract(f"1. {example.text}\n")
    assert not [s for r in res for s in r.statements if s.predicate == predicate]


def test_every_scored_relation_has_a_frame():
    assert {f.predicate for f in FRAMES} >= load_ontology().scored_predicates() - {"DECLARES",
                                                                                  "COOPERATES_WITH"}


@pytest.mark.parametrize(("frame", "message"), [
    ({"predicate": "ASKS", "kind": "address", "pattern": "x", "examples": [{}]}, "not a scored"),
    ({"predicate": "TASKS", "kind": "active", "pattern": "x"}, "kind must be"),
    ({"predicate": "TASKS", "kind": "address", "pattern": "(", "examples": []}, "bad or missing"),
    ({"predicate": "TASKS", "kind": "address", "pattern": "x", "examples": []}, "example"),
])
def test_bad_frame_is_refused_by_name(frame, message):
    with pytest.raises(InvalidOntology, match=f"frame 1 .*{message}"):
        parse_frames({"frame": [frame]}, load_ontology(), "frames.toml")
