"""Statements from one sentence: who does what to whom, with deadline, amount and date."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders.clauses import (
    addressees,
    clause_start,
    is_oblique,
    matter,
    subject_after,
    subject_before,
)
from loaders.dates import find_amount, find_dates, find_deadline, find_share
from loaders.mentions import ActorRegistry, Mention
from loaders.predicates import NEGATION, OBLIGATIONS, Trigger, find_triggers
from loaders.records import ActorRef, MatterRef, Source, Statement
from loaders.structure import Sentence

PARTICIPLE_EST = re.compile(
    r"^\s+(?:\w+\s+)?(?:eingesetzte|eingerichtete|errichtete|gegründete)"
    r"[nmrs]?\s+$"
)
LEAD_ADJ = re.compile(r"\bfederführende[nmrs]?\s+$")
LEAD_AT = re.compile(
    r"\bFederführung\b(?P<obj>.{0,120}?)\bliegt\s+(?:bei|beim|bei\s+der|bei\s+dem)"
    r"\s+$"
)
LEAD_UNDER = re.compile(
    r"\bunter\s+(?:der\s+)?(?:Federführung|Vorsitz|Leitung)\s+(?:des|der|von)"
    r"\s+(?:[\w\-]+\s+)?$"
)
FOR_PP = re.compile(
    r"\b[Ff]ür\s+(?P<obj>(?:die|den|das)\s+[^,;]+?)(?=\s+(?:hat|haben|ist|sind|"
    r"wird|werden|liegt|übernimmt|als)\b|,|;|$)"
)
COOP = re.compile(r"\b(?:gemeinsam\s+mit|in\s+(?:enger\s+)?(?:Abstimmung|Zusammenarbeit)\s+mit)\s+")


@dataclass
class Context:
    """What the extractor knows while reading one resolution."""

    document: str
    issuer: ActorRef | None
    title: str | None
    registry: ActorRegistry
    last_subject: ActorRef | None = None
    last_object: ActorRef | MatterRef | None = None
    statements: list[Statement] = field(default_factory=list)


def _source(ctx: Context, sent: Sentence) -> Source:
    return Source(ctx.document, sent.point, sent.text, sent.start, sent.end)


def _add(
    ctx: Context,
    sent: Sentence,
    subject: ActorRef | None,
    predicate: str,
    obj: ActorRef | MatterRef | None,
    region: str = "",
    **attrs: object,
) -> None:
    if subject is None or obj is None or subject.id == getattr(obj, "id", None):
        return
    st = Statement(
        subject=subject, predicate=predicate, object=obj, source=_source(ctx, sent), **attrs
    )  # type: ignore[arg-type]
    if predicate in OBLIGATIONS and predicate != "RECOMMENDS" or predicate == "TASKS":
        st.status = "open"
    if region:
        deadline = find_deadline(region) if predicate in OBLIGATIONS else None
        if deadline:
            st.deadline, st.deadline_date = deadline.text, deadline.date
        st.amount = st.amount or find_amount(region)
        if predicate == "FINANCES":
            st.share = find_share(region)
        dates = [d for d in find_dates(region) if re.search(r"\bam\s+$", region[: d.start])]
        if dates and predicate not in OBLIGATIONS:
            st.date = dates[0].iso
    ctx.statements.append(st)


def _subject(
    ctx: Context, s: str, trig: Trigger, mentions: list[Mention], prev: ActorRef | None
) -> tuple[ActorRef | None, int]:
    """The speaking actor and where its object region starts."""
    m = subject_before(s, trig.start, mentions)
    after = trig.end if trig.obj_start is None else trig.obj_start
    if m is None:
        inv = subject_after(s, after, mentions)
        if inv is not None and not is_oblique(s, inv, mentions):
            m, after = inv, inv.end
    if m is None:
        if re.search(r"\bund\s*$", s[clause_start(s, trig.start) : trig.start]) and prev:
            return prev, after
        return None, after
    actor = (ctx.last_subject or ctx.issuer) if m.pronoun else m.actor
    return actor, after


def _participles(ctx: Context, sent: Sentence, mentions: list[Mention]) -> None:
    s = sent.text
    for i, m in enumerate(mentions):
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        before = s[: m.start]
        if (
            nxt
            and re.search(r"\b(?:vom|von\s+der|von\s+dem|durch\s+d\w+)\s+$", before)
            and PARTICIPLE_EST.match(s[m.end : nxt.start])
        ):
            _add(ctx, sent, m.actor, "ESTABLISHES", nxt.actor)
        if not m.pronoun and (
            LEAD_ADJ.search(before) or LEAD_AT.search(before) or LEAD_UNDER.search(before)
        ):
            at = LEAD_AT.search(before)
            pp = at.group("obj") if at else None
            if not pp:
                pp_m = FOR_PP.search(s)
                pp = pp_m.group("obj") if pp_m else None
            obj = matter(re.sub(r"^\s*für\s+", "", pp), ctx.title) if pp else None
            if obj is None and ctx.title:
                obj = matter(ctx.title)
            _add(ctx, sent, m.actor, "LEADS", obj)


def _thing_objects(
    ctx: Context, s: str, start: int, end: int, mentions: list[Mention], predicate: str
) -> list[ActorRef | MatterRef]:
    region = s[start:end]
    if predicate in {"FINANCES"} and re.match(r"\s*(?:hierfür|dafür|hierzu)\b", region):
        return [ctx.last_object] if ctx.last_object else []
    if predicate == "ESTABLISHES":
        parts = re.split(r"\s+und\s+(?=(?:eine?[nms]?|den|die|das)\s)", region)
    else:
        parts = [region]
    out: list[ActorRef | MatterRef] = []
    offset = start
    for part in parts:
        lead = re.match(r"\s*(?:(?:den|die|das|dem|einen|eine|ein|seinen|ihren)\s+)?", part)
        head = offset + (lead.end() if lead else 0)
        actor = next((m for m in mentions if m.start == head and not m.pronoun), None)
        if actor is not None and predicate in {"ESTABLISHES", "SUPPORTS", "FINANCES"}:
            out.append(actor.actor)
        else:
            if predicate in {"RESPONSIBLE_FOR"}:
                pp = re.search(r"\bfür\s+(.+)", part)
                part = pp.group(1) if pp else part
            obj = matter(part, ctx.title)
            if obj is not None:
                out.append(obj)
        offset += len(part) + 5
    return out


def extract_sentence(ctx: Context, sent: Sentence, default_subject: ActorRef | None = None) -> None:
    """Add the statements of one sentence to the context."""
    s = sent.text
    mentions = ctx.registry.mentions(s, owner=ctx.last_subject or ctx.issuer)
    if default_subject is not None:
        ctx.last_subject = default_subject
    _participles(ctx, sent, mentions)
    triggers = find_triggers(s)
    suppressed_from = len(s) + 1
    prev_subject: ActorRef | None = None
    for k, trig in enumerate(triggers):
        if trig.start >= suppressed_from:
            break
        nxt = triggers[k + 1].start if k + 1 < len(triggers) else len(s)
        region_end = nxt
        if NEGATION.search(s[trig.start : region_end]):
            continue
        if trig.kind == "passive":
            subject = ctx.issuer
            start = clause_start(s, trig.start)
            objs = [
                m
                for m in mentions
                if start <= m.start and m.end <= trig.start and not is_oblique(s, m, mentions)
            ]
            objs = objs or [
                m
                for m in mentions
                if trig.obj_start is not None and trig.obj_start <= m.start and m.end <= trig.end
            ]
            action = s[trig.end :].strip(" ,.")
            for m in objs:
                if not m.pronoun:
                    _add(
                        ctx,
                        sent,
                        subject,
                        trig.predicate,
                        m.actor,
                        action,
                        action=action,
                        partners=_partners(s[trig.end :], mentions, trig.end),
                    )
            suppressed_from = trig.end
            continue
        subject, after = _subject(ctx, s, trig, mentions, prev_subject)
        if subject is None:
            continue
        prev_subject = subject
        ctx.last_subject = subject
        if trig.kind == "address":
            pos = after if trig.obj_start is None or after > trig.obj_start else trig.obj_start
            objs = addressees(s, pos, mentions)
            rest = s[(objs[-1].end if objs else trig.end) :]
            if trig.obj_start is not None and not objs:
                objs = addressees(s, trig.obj_start, mentions)
                rest = s[trig.end :]
            if not objs and re.match(r"\s*,\s*dass\b", s[trig.end :]):
                dass = trig.end + s[trig.end :].index("dass") + 4
                first = subject_after(s, dass, mentions)
                objs = [first] if first else []
                rest = s[trig.end :]
            action = re.sub(r"^[\s,]*(?:darum|dafür)?[\s,]*", "", rest).strip(" .")
            if objs:
                for m in objs:
                    target = (ctx.last_subject or ctx.issuer) if m.pronoun else m.actor
                    _add(
                        ctx,
                        sent,
                        subject,
                        trig.predicate,
                        target,
                        action,
                        action=action,
                        partners=_partners(rest, mentions, len(s) - len(rest)),
                    )
            elif trig.predicate == "RECOMMENDS":
                _add(
                    ctx, sent, subject, trig.predicate, matter(rest, ctx.title), rest, action=action
                )
            suppressed_from = trig.end
            continue
        end = trig.obj_end if trig.obj_end is not None and trig.obj_end > after else region_end
        start = max(after, trig.obj_start or after) if trig.obj_start is not None else after
        if trig.obj_start is not None and trig.obj_start == trig.obj_end:
            start, end = clause_start(s, trig.start), trig.start
            subj = subject_before(s, trig.start, mentions)
            if subj is not None:
                start = subj.end
        if trig.predicate == "SUPPORTS" and re.search(
            r"Bereitschaft|Unterstützung", s[trig.start : trig.end]
        ):
            start, end = trig.end, region_end
        region = s[min(start, trig.start) : region_end]
        region = re.split(r"\bdass\b", region, maxsplit=1)[0] if start >= trig.start else region
        for obj in _thing_objects(ctx, s, start, end, mentions, trig.predicate):
            _add(ctx, sent, subject, trig.predicate, obj, region)
            ctx.last_object = obj


def _partners(text: str, mentions: list[Mention], offset: int) -> tuple[ActorRef, ...]:
    """Actors named after "gemeinsam mit" / "in Abstimmung mit" in an action."""
    m = COOP.search(text)
    if not m:
        return ()
    start = offset + m.end()
    found = addressees_after(start, mentions)
    return tuple(x.actor for x in found if not x.pronoun)


def addressees_after(start: int, mentions: list[Mention]) -> list[Mention]:
    return [m for m in mentions if start <= m.start <= start + 60]
