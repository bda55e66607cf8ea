"""Resolutions as the JSON contract of shared/corpus/README.md (plus provenance and ids)."""

from __future__ import annotations

from loaders.records import ActorRef, MatterRef, Reference, Resolution, Statement

BASE = "https://w3id.org/stakeholder-graph/id/"


def actor_json(actor: ActorRef | MatterRef | None) -> dict | None:
    if actor is None:
        return None
    if isinstance(actor, MatterRef):
        return {"id": actor.id, "name": actor.name, "type": actor.type_key,
                "aliases": list(actor.aliases)}
    out = {"id": actor.id, "name": actor.name, "type": actor.type_key,
           "aliases": list(actor.aliases), "known": actor.known}
    if actor.abbr:
        out["abbr"] = actor.abbr
    if actor.level:
        out["level"] = actor.level
    if actor.land:
        out["land"] = actor.land
    if actor.known:
        out["iri"] = BASE + actor.id
    return out


def statement_json(st: Statement) -> dict:
    out: dict = {"subject": actor_json(st.subject), "predicate": st.predicate,
                 "object": actor_json(st.object), "confidence": st.confidence}
    deadline = st.deadline_date or st.deadline
    for key, value in (("action", st.action), ("deadline", deadline),
                       ("deadline_text", st.deadline), ("deadline_date", st.deadline_date),
                       ("amount", st.amount), ("share", st.share), ("date", st.date),
                       ("status", st.status)):
        if value:
            out[key] = value
    if st.concerns is not None:
        out["concerns"] = actor_json(st.concerns)
    if st.partners:
        out["partners"] = [actor_json(p) for p in st.partners]
    if st.source:
        out["source"] = {"document": st.source.document, "point": st.source.point,
                         "sentence": st.source.sentence, "start": st.source.start,
                         "end": st.source.end}
    return out


def reference_json(ref: Reference) -> dict:
    return {"text": ref.text, "date": ref.date, "issuer": actor_json(ref.issuer),
            "number": ref.number}


def to_contract(resolutions: list[Resolution]) -> dict:
    """{"resolutions": [...]} as the scorer and `skg extract --format json` expect."""
    return {"resolutions": [{
        "id": r.id, "issuer": actor_json(r.issuer), "session": r.session, "date": r.date,
        "place": r.place, "item": r.item, "title": r.title,
        "submitters": [actor_json(a) for a in r.submitters],
        "references": [reference_json(x) for x in r.references],
        "attachments": r.attachments,
        "statements": [statement_json(s) for s in r.statements],
        "document": r.document, "checksum": r.checksum, "source_url": r.source_url,
    } for r in resolutions]}
