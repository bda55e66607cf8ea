"""Statements from one sentence: who does what to whom, with deadline, amount and date."""

from __future__ import annotations

import re

from loaders.bodies import scoped_body
from loaders.clauses import (
    addressees,
    clause_start,
    is_oblique,
    matter,
    subject_after,
    subjects_before,
)
from loaders.context import MONEY_WORDS, Context, add, is_plural, resolve
from loaders.dates import find_amount, find_deadline
from loaders.leads import (
    agent,
    cooperation,
    lead,
    leads_task,
    participles,
    passive,
    passive_thing,
)
from loaders.mentions import Mention
from loaders.predicates import NEGATION, SUBJUNCTIVE, Trigger, find_triggers
from loaders.records import ActorRef, MatterRef
from loaders.structure import Paragraph, Sentence

__all__ = ["Context", "extract_sentence", "header_statements"]

CHAIR_LINE = re.compile(r"^(?:Vorsitz|Federführung|Leitung)\s*:\s*(?P<who>.+)$")
SECOND_ADDRESSEE = re.compile(r",\s*(?:und|sowie)\s+(?=(?:den|die|das|dem)\s)")
# A relative clause closing the sentence part ("…, den sie beschlossen hat") and the last
# article before it, where the noun phrase it attaches to begins.
RELATIVE = re.compile(r",\s*(?:den|die|das|der|dem|deren|dessen)\s+(?=[^,;]*$)")
ARTICLE = re.compile(r"\b(?i:den|die|das|dem|der|des|einen|eine|ein)\s+")


def _relative_np(s: str, end: int) -> tuple[int, int] | None:
    """The noun phrase a relative clause before `end` attaches to: "den Stufenplan"."""
    rel = RELATIVE.search(s, 0, end)
    if rel is None:
        return None
    articles = [m for m in ARTICLE.finditer(s, 0, rel.start()) if rel.start() - m.start() < 120]
    return (articles[-1].start(), rel.start()) if articles else None


GREETED = re.compile(r"\s+(?:alle\s+|die\s+|den\s+)?(?:anwesenden|Anwesenden|Gäste|Gast|Zuhörer|"
                     r"Mitglieder|Damen|Herren|Vertreter|Besucher|Ratsmitglieder|Teilnehmer)")
OBJECT_LEAD = re.compile(r"\s*(?:(?:den|die|das|dem|einen|eine|ein|seinen|ihren)\s+)?"
                         r"(?:[a-zäöü][\w\-]*(?:e|en|er|es)\s+)?")


# Nothing before the finite verb but a point's number: the subject is the heading's
# ("Der Bauausschuss:" / "1. nimmt … zur Kenntnis").
VERB_FIRST = re.compile(r"\s*(?:(?:\d{1,2}|[a-z])[.)]\s*)?")
# A line that names who speaks in the points below it: "Der Planungs- und Umweltausschuss:".
SPEAKER_HEADING = re.compile(r"\s*(?:Der|Die|Das)\s+[^.;:]{2,80}:\s*")


def _triggers(s: str, minutes: bool) -> list[Trigger]:
    """The wordings of a sentence; a point that opens with its verb may write it upper-case
    ("2. Beauftragt die Verwaltung, …")."""
    triggers = find_triggers(s, minutes)
    first = VERB_FIRST.match(s).end()
    if s[first:first + 1].isupper() and not any(t.start == first for t in triggers):
        lowered = s[:first] + s[first].lower() + s[first + 1:]
        found = find_triggers(lowered, minutes)
        if any(t.start == first for t in found):
            return found
    return triggers


def _subjects(ctx: Context, s: str, trig: Trigger, mentions: list[Mention],
              prev: list[ActorRef]) -> tuple[list[ActorRef], int]:
    """The speaking actors and where their object region starts."""
    found = subjects_before(s, trig.start, mentions)
    after = trig.end if trig.obj_start is None else trig.obj_start
    speaker = ctx.heading_speaker or ctx.issuer
    if not found and speaker is not None and VERB_FIRST.fullmatch(s[:trig.start]):
        return [speaker], after  # "1. nimmt … zur Kenntnis", "2. Beauftragt die Verwaltung"
    if not found:
        inv = subject_after(s, after, mentions)
        if inv is not None and not is_oblique(s, inv, mentions):
            more = addressees(s, inv.start, mentions)
            found, after = more or [inv], (more or [inv])[-1].end
    if not found:
        if re.search(r"\bund\s*$", s[clause_start(s, trig.start):trig.start]) and prev:
            return prev, after
        return [], after
    return [a for a in (resolve(ctx, m, sentence=s) for m in found) if a is not None], after


def header_statements(ctx: Context, header: list[Paragraph]) -> None:
    """ "Vorsitz: Hamburg" in the heading of a body's paper: that actor leads the issuer; a
    chair the gazetteer does not know ("Vorsitz: Landesamt für Umwelt") is a body too."""
    for par in header:
        line = CHAIR_LINE.match(par.text)
        if not line or ctx.issuer is None:
            continue
        sent = Sentence(par.start, par.end, par.text, None, "header")
        found = [m.actor for m in ctx.registry.mentions(line.group("who"))
                 if not m.pronoun and m.actor.id != ctx.issuer.id]
        several = re.search(r"\bund\b|,|/", line.group("who"))  # "Vorsitz: Bremen und Hessen"
        for actor in found[:2 if several else 1]:
            add(ctx, sent, actor, "LEADS", ctx.issuer)


def _address(ctx: Context, sent: Sentence, trig: Trigger, mentions: list[Mention],
             subjects: list[ActorRef], after: int) -> None:
    s = sent.text
    pos = after if trig.obj_start is None or after > trig.obj_start else trig.obj_start
    objs = addressees(s, pos, mentions)
    rest_start = objs[-1].end if objs else trig.end
    if trig.obj_start is not None and not objs:
        objs = addressees(s, trig.obj_start, mentions)
        rest_start = trig.end
    if not objs and re.match(r"\s*,\s*dass\b", s[trig.end:]):
        dass = trig.end + s[trig.end:].index("dass") + 4
        first = subject_after(s, dass, mentions)
        objs = [first] if first else []
        rest_start = trig.end
    groups = [(objs, rest_start)]
    more = SECOND_ADDRESSEE.search(s, rest_start)
    if objs and more:
        extra = addressees(s, more.end(), mentions)
        if extra and re.match(r"\s*,", s[extra[-1].end:]):
            groups = [(objs, rest_start), (extra, extra[-1].end)]
    for k, (group, begin) in enumerate(groups):
        stop = more.start() if k == 0 and len(groups) > 1 and more else len(s)
        rest = s[begin:stop]
        action = re.sub(r"^[\s,]*(?:darum|dafür)?[\s,]*", "", rest).strip(" .")
        for m in group:
            target = resolve(ctx, m, as_object=True)
            for subject in subjects:
                add(ctx, sent, subject, trig.predicate, target, action, action=action)
            if target is not None and trig.predicate in {"TASKS", "REQUESTS"}:
                leads_task(ctx, sent, target, action)
        if group and trig.predicate in {"TASKS", "REQUESTS"}:
            ctx.last_object = _task_object(action, ctx.title) or ctx.last_object
    if not objs and trig.predicate == "RECOMMENDS":
        rest = s[trig.end:]
        for subject in subjects:
            add(ctx, sent, subject, trig.predicate, matter(rest, ctx.title), rest,
                 action=rest.strip(" ,."))


def _task_object(action: str, title: str | None) -> MatterRef | None:
    """What a request is about, for a later "hierfür": "ein Förderprogramm aufzulegen"."""
    deadline = find_deadline(action)
    action = action.replace(deadline.text, "") if deadline else action
    action = re.split(r"\s+und\s+(?=\w+\s)", action, maxsplit=1)[0]
    return matter(action, title) if re.search(r"[A-ZÄÖÜ]", action) else None


def _dative(ctx: Context, sent: Sentence, trig: Trigger, mentions: list[Mention],
            subjects: list[ActorRef]) -> None:
    """ "hat das Konzept am 12.06.2025 dem Land übermittelt": the actors in the object slot."""
    s = sent.text
    lo = trig.obj_start if trig.obj_start is not None else trig.end
    hi = trig.obj_end if trig.obj_end is not None else len(s)
    ids = {a.id for a in subjects}
    for m in mentions:
        if lo <= m.start and m.end <= hi and not m.pronoun and m.actor.id not in ids:
            word = re.search(r"(\S+)\s*$", s[:m.start])
            if word and word.group(1).lower() in {"über", "von", "vom", "mit", "zu", "zur"}:
                continue
            for subject in subjects:
                add(ctx, sent, subject, trig.predicate, m.actor, s[trig.start:])


def _that_object(s: str, start: int, end: int, mentions: list[Mention],
                 title: str | None) -> MatterRef | None:
    """ "begrüßt, dass das BBK eine Kompetenzstelle eingerichtet hat": the noun phrase the
    dass-clause is about (after its actors), without the verbs at its end."""
    inside = [m for m in mentions if start <= m.start and m.end <= end and not m.pronoun]
    begin = inside[-1].end if inside else start
    clause = re.split(r";\s", s[begin:end], maxsplit=1)[0]
    clause = re.sub(r"(?:\s+(?:[a-zäöü][\w\-]*|\d+))+\s*[.!]?$", "", clause)  # verbs last
    clause = re.sub(r"^\s*(?:am\s+\S+\s+|bereits\s+|nun\s+|jetzt\s+)+", "", clause)
    if re.search(r"[A-ZÄÖÜ]", clause):
        return matter(clause, title)
    if len(inside) > 1:  # "… eine Kompetenzstelle Ehrenamt eingerichtet hat": the body set up
        return matter(inside[-1].surface, title)
    return None


def _thing_objects(ctx: Context, s: str, start: int, end: int, mentions: list[Mention],
                   predicate: str) -> list[ActorRef | MatterRef]:
    region = s[start:end]
    that = re.match(r"\s*,?\s*dass\s+", region)
    if predicate == "WELCOMES" and that:
        obj = _that_object(s, start + that.end(), end, mentions, ctx.title)
        if obj is not None:
            return [obj]
    if predicate == "FINANCES" and re.match(r"\s*(?:hierfür|dafür|hierzu)\b", region):
        return [ctx.last_object] if ctx.last_object else []
    if predicate == "FINANCES":
        purpose = re.match(r"\s*(?:[Ff]ür|[Zz]ur|[Zz]um)\s+(?:die|den|das|dem)?\s*"
                           r"(?P<p>(?:[^,;]|,(?=\d))+)", region)
        if purpose and re.match(r"(?:Jahre?|Haushaltsjahre?|Zeitraum|Dauer)\b", purpose.group("p")):
            return [matter(ctx.title)] if ctx.title else []  # a period, not a purpose
        share_in = re.search(r"\ban\s+(?:den|der|dem)\s+(?P<p>[^,;]+)", region)
        if not purpose and share_in and re.search(r"\bbeteilig", s):
            purpose = share_in  # "beteiligt sich mit 3,5 Mrd. Euro an den Investitionskosten"
        if purpose:
            region = purpose.group("p")
            start = s.index(region, start)
        elif ctx.last_object is not None and re.fullmatch(r"\s*(?:\d+(?:,\d+)?\s*(?:%|Prozent)"
                                                          r"|die\s+Hälfte)[\s.]*", region):
            return [ctx.last_object]  # "…; die Gemeinde B trägt 40 %": the same matter
    if predicate == "ESTABLISHES":
        parts = re.split(r"\s+und\s+(?=(?:eine?[nms]?|den|die|das)\s)", region)
    else:
        parts = [region]
    out: list[ActorRef | MatterRef] = []
    offset = start
    for part in parts:
        lead = OBJECT_LEAD.match(part)
        head = offset + (lead.end() if lead else 0)
        actor = next((m for m in mentions if m.start == head and not m.pronoun), None)
        if actor is not None and predicate in {"ESTABLISHES", "SUPPORTS", "FINANCES"}:
            out.append(actor.actor)
        else:
            if predicate == "RESPONSIBLE_FOR":
                pp = re.search(r"\bfür\s+(.+)", part)
                part = pp.group(1) if pp else part
            obj = matter(part, ctx.title)
            if obj is not None:
                out.append(obj)
        offset += len(part) + 5
    return out


def extract_sentence(ctx: Context, sent: Sentence, default_subject: ActorRef | None = None) -> None:
    """Add the statements of one sentence to the context; inside a quoted draft resolution
    the body it is recommended to speaks ("Die Ministerinnen und Minister … begrüßen")."""
    if ctx.speaker is None:
        _extract_sentence(ctx, sent, default_subject)
        return
    issuer, ctx.issuer, ctx.registry.issuer = ctx.issuer, ctx.speaker, ctx.speaker
    try:
        _extract_sentence(ctx, sent, default_subject)
    finally:
        ctx.issuer = ctx.registry.issuer = issuer


def _extract_sentence(ctx: Context, sent: Sentence,
                      default_subject: ActorRef | None = None) -> None:
    s = sent.text
    mentions = ctx.registry.mentions(s, owner=ctx.last_subject or ctx.issuer)
    if default_subject is not None:
        ctx.last_subject = default_subject
    triggers = _triggers(s, ctx.minutes)
    if not triggers and SPEAKER_HEADING.fullmatch(s):
        named = [m for m in mentions if not m.pronoun]
        if len(named) == 1:
            ctx.heading_speaker = named[0].actor
            return
    participles(ctx, sent, mentions)
    suppressed_from = len(s) + 1
    prev: list[ActorRef] = []
    for trig in triggers:
        if trig.start >= suppressed_from and trig.kind != "lead":
            continue
        region_end = min([t.start for t in triggers if t.start > trig.start and t.kind != "lead"]
                         + [len(s)])
        clause = s[clause_start(s, trig.start):region_end]
        if NEGATION.search(s[trig.start:region_end]) or SUBJUNCTIVE.search(clause) or \
                re.search(r"\blehnt\b", clause):
            continue
        if trig.kind == "passive" and sent.section == "reasoning":
            continue  # "In der Sitzung … wurde beschlossen: Der OB wird beauftragt …": narrated
        if trig.kind == "passive":
            passive(ctx, sent, trig, mentions)
            suppressed_from = trig.end
            continue
        if trig.kind == "lead":
            lead(ctx, sent, trig, mentions)
            continue
        if trig.kind == "passive_thing":
            passive_thing(ctx, sent, trig, mentions)
            continue
        if trig.kind == "agent":
            agent(ctx, sent, trig, mentions)
            continue
        subjects, after = _subjects(ctx, s, trig, mentions, prev)
        if trig.kind == "inverted":
            inv = addressees(s, trig.end, mentions)
            subjects, after = [m.actor for m in inv if not m.pronoun], trig.obj_start or after
        if not subjects:
            continue
        prev = subjects
        ctx.last_subject = subjects[0]
        ctx.last_plural = len(subjects) > 1 or is_plural(subjects[0])
        ctx.history.append(subjects[0])
        if trig.kind == "address":
            _address(ctx, sent, trig, mentions, subjects, after)
            suppressed_from = trig.end
            continue
        if trig.kind == "dative":
            _dative(ctx, sent, trig, mentions, subjects)
            continue
        _things(ctx, sent, trig, mentions, subjects, after, region_end)
    cooperation(ctx, sent, mentions, triggers)
    _quoted_draft(ctx, sent)


def _quoted_draft(ctx: Context, sent: Sentence) -> None:
    """ "empfiehlt der Konferenz, folgenden Beschluss zu fassen: „…“": inside the quotes the
    recommended body speaks, so its passive requests are its own."""
    if ctx.speaker is not None and re.search(r"[“”]", sent.text):
        ctx.speaker = None
    elif re.search(r"Beschluss\s+zu\s+fassen\s*:", sent.text):
        last = ctx.statements[-1] if ctx.statements else None
        if last and last.predicate == "RECOMMENDS" and isinstance(last.object, ActorRef) \
                and last.source and last.source.start == sent.start:
            ctx.speaker = last.object


def _things(ctx: Context, sent: Sentence, trig: Trigger, mentions: list[Mention],
            subjects: list[ActorRef], after: int, region_end: int) -> None:
    s = sent.text
    predicate = trig.predicate
    end = trig.obj_end if trig.obj_end is not None and trig.obj_end > after else region_end
    start = max(after, trig.obj_start or after) if trig.obj_start is not None else after
    if trig.kind == "inverted":
        start, end = trig.obj_start or after, trig.obj_end or after
    elif trig.obj_start is not None and trig.obj_start == trig.obj_end:
        start, end = clause_start(s, trig.start), trig.start
        first = subjects_before(s, trig.start, mentions)
        if first:
            start = first[-1].end
        relative = _relative_np(s, trig.start)
        if relative and relative[1] > start - 40:  # "… den Stufenplan, den sie beschlossen hat"
            start, end = relative
    elif (after > trig.end or predicate == "FINANCES" and trig.obj_start is not None
          and after > trig.obj_start) and re.match(r"\s*(?:[Ff]ür|[Zz]ur|[Zz]um|den|die|das)\s",
                                       s[clause_start(s, trig.start):trig.start]):
        start, end = clause_start(s, trig.start), trig.start
    if predicate == "WELCOMES" and GREETED.match(s, trig.end):
        return  # "Der Bürgermeister begrüßt die Anwesenden": a greeting, not a position
    if predicate == "SUPPORTS" and re.search(r"Bereitschaft|Unterstützung", s[trig.start:trig.end]):
        start, end = trig.end, region_end
    region = s[min(start, trig.start):region_end]
    region = re.split(r"\bdass\b", region, maxsplit=1)[0] if start >= trig.start else region
    whole = s[trig.start:region_end]
    if predicate == "SUPPORTS" and find_amount(whole) and re.search(r"\bmit\b", whole):
        predicate = "FINANCES"
    if predicate == "FINANCES" and re.search(r"\b(?:bereit|zur\s+Verfügung)\b", whole) \
            and not MONEY_WORDS.search(whole):
        return
    for obj in _thing_objects(ctx, s, start, end, mentions, predicate):
        if predicate == "ESTABLISHES" and isinstance(obj, ActorRef) and "/" in obj.id \
                and subjects[0].id != obj.id.split("/")[0] and not obj.known:
            obj = ctx.registry.remember(scoped_body(obj.name, obj.type_key, subjects[0]))
        for subject in subjects:
            add(ctx, sent, subject, predicate, obj, region)
        ctx.last_object = obj
        if predicate == "ESTABLISHES" and isinstance(obj, ActorRef):
            ctx.established, ctx.established_in = obj, sent.start
