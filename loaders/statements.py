"""Statements from one sentence: who does what to whom, with deadline, amount and date."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders.bodies import scoped_body
from loaders.clauses import (
    addressees,
    clause_start,
    is_oblique,
    matter,
    subject_after,
    subjects_before,
)
from loaders.dates import find_amount, find_dates, find_deadline, find_share
from loaders.mentions import ActorRegistry, Mention
from loaders.predicates import NEGATION, OBLIGATIONS, SUBJUNCTIVE, Trigger, find_triggers
from loaders.records import ActorRef, MatterRef, Source, Statement
from loaders.roles import (
    as_initiative,
    concerned,
    leaders,
    led_object,
    partners_after,
)
from loaders.structure import Paragraph, Sentence

MONEY_WORDS = re.compile(r"\b(?:Euro|EUR|€|Mittel|Haushaltsmittel|Finanzmittel|Zuschuss|"
                         r"Förderung)\b")
CHAIR_LINE = re.compile(r"^(?:Vorsitz|Federführung|Leitung)\s*:\s*(?P<who>.+)$")
SECOND_ADDRESSEE = re.compile(r",\s*(?:und|sowie)\s+(?=(?:den|die|das|dem)\s)")
PLURAL_NAME = re.compile(r"(?:[Ll]änder|[Kk]ommunen|verbände|ämter|behörden|einrichtungen|"
                         r"gesellschaften|kammern)$")
SINGULAR_VERB = re.compile(r"\s+(?!sind\b)[a-zäöüß]+(?<!en)(?<!ern)(?<!eln)\b")
OBJECT_LEAD = re.compile(r"\s*(?:(?:den|die|das|dem|einen|eine|ein|seinen|ihren)\s+)?"
                         r"(?:[a-zäöü][\w\-]*(?:e|en|er|es)\s+)?")


@dataclass
class Context:
    """What the extractor knows while reading one resolution."""

    document: str
    issuer: ActorRef | None
    title: str | None
    registry: ActorRegistry
    last_subject: ActorRef | None = None
    last_plural: bool = False  # the last subject was several actors or a plural name
    last_object: ActorRef | MatterRef | None = None
    last_addressee: ActorRef | None = None
    established: ActorRef | None = None
    established_in: int = -1
    initiatives: dict[str, MatterRef] = field(default_factory=dict)
    speaker: ActorRef | None = None  # who speaks inside a quoted draft resolution
    statements: list[Statement] = field(default_factory=list)


def _add(ctx: Context, sent: Sentence, subject: ActorRef | None, predicate: str,
         obj: ActorRef | MatterRef | None, region: str = "", **attrs: object) -> None:
    if subject is None or obj is None or subject.id == getattr(obj, "id", None):
        return
    if isinstance(obj, MatterRef):
        obj = as_initiative(obj, ctx.initiatives)
        attrs.setdefault("concerns", concerned(obj, ctx.initiatives))
    st = Statement(subject=subject, predicate=predicate, object=obj,  # type: ignore[arg-type]
                   source=Source(ctx.document, sent.point, sent.text, sent.start, sent.end),
                   **attrs)
    if predicate in OBLIGATIONS and predicate != "RECOMMENDS" or predicate == "TASKS":
        st.status = "open"
    if region:
        deadline = find_deadline(region) if predicate in OBLIGATIONS else None
        if deadline:
            st.deadline, st.deadline_date = deadline.text, deadline.date
        st.amount = st.amount or find_amount(region)
        if predicate == "FINANCES":
            st.share = find_share(region)
            st.amount = st.amount or st.share
        dates = [d for d in find_dates(region) if re.search(r"\bam\s+$", region[: d.start])]
        if dates and predicate not in OBLIGATIONS - {"INFORMS"}:
            st.date = dates[0].iso
    if any(_same(st, old) for old in ctx.statements):
        return
    ctx.statements.append(st)
    if isinstance(obj, ActorRef) and predicate in {"REQUESTS", "TASKS", "INVITES", "INFORMS"}:
        ctx.last_addressee = obj


def _same(a: Statement, b: Statement) -> bool:
    return (a.subject.id, a.predicate, getattr(a.object, "id", None), a.source and a.source.start,
            a.deadline) == (b.subject.id, b.predicate, getattr(b.object, "id", None),
                            b.source and b.source.start, b.deadline)


def is_plural(actor: ActorRef) -> bool:
    """ "die Länder", "die kommunalen Spitzenverbände", "die Landeskriminalämter"."""
    return actor.id in {"DE-LAENDER", "DE-KOMMUNEN"} or bool(PLURAL_NAME.search(actor.name))


def _resolve(ctx: Context, m: Mention, as_object: bool = False,
             sentence: str = "") -> ActorRef | None:
    """A mention's actor; a pronoun is the last subject, or as object the last addressee.
    "Sie unterstützt" (singular verb) after "Die Länder stellen …" is the issuer again."""
    if not m.pronoun:
        return m.actor
    if as_object:
        return ctx.last_addressee or ctx.issuer
    if ctx.last_plural and (m.surface in {"Er", "er"} or SINGULAR_VERB.match(sentence, m.end)):
        return ctx.issuer
    return ctx.last_subject or ctx.issuer


def _subjects(ctx: Context, s: str, trig: Trigger, mentions: list[Mention],
              prev: list[ActorRef]) -> tuple[list[ActorRef], int]:
    """The speaking actors and where their object region starts."""
    found = subjects_before(s, trig.start, mentions)
    after = trig.end if trig.obj_start is None else trig.obj_start
    if not found:
        inv = subject_after(s, after, mentions)
        if inv is not None and not is_oblique(s, inv, mentions):
            more = addressees(s, inv.start, mentions)
            found, after = more or [inv], (more or [inv])[-1].end
    if not found:
        if re.search(r"\bund\s*$", s[clause_start(s, trig.start):trig.start]) and prev:
            return prev, after
        return [], after
    return [a for a in (_resolve(ctx, m, sentence=s) for m in found) if a is not None], after


def header_statements(ctx: Context, header: list[Paragraph]) -> None:
    """ "Vorsitz: Hamburg" in the heading of a body's paper: that Land leads the issuer."""
    for par in header:
        line = CHAIR_LINE.match(par.text)
        if not line or ctx.issuer is None:
            continue
        sent = Sentence(par.start, par.end, par.text, None, "header")
        for m in ctx.registry.gazetteer.find_all(line.group("who")):
            from_gazetteer = ctx.registry.mentions(m.surface)
            if from_gazetteer:
                _add(ctx, sent, from_gazetteer[0].actor, "LEADS", ctx.issuer)


def _passive(ctx: Context, sent: Sentence, trig: Trigger, mentions: list[Mention]) -> None:
    s = sent.text
    start = clause_start(s, trig.start)
    speaker = ctx.speaker or ctx.issuer
    if trig.predicate == "FINANCES":
        _passive_money(ctx, sent, trig, start)
        return
    objs = [m for m in mentions if start <= m.start and m.end <= trig.start
            and not is_oblique(s, m, mentions)]
    inside = [m for m in mentions if trig.obj_start is not None
              and trig.obj_start <= m.start and m.end <= trig.end
              and not is_oblique(s, m, mentions)]
    objs = objs or (inside[:1] if trig.predicate == "ESTABLISHES" else inside)
    action = s[trig.end:].strip(" ,.")
    for m in objs:
        target = (ctx.established or ctx.last_addressee) if m.pronoun else m.actor
        _add(ctx, sent, speaker, trig.predicate, target, action, action=action)
        if trig.predicate == "ESTABLISHES" and target is not None:
            ctx.established, ctx.established_in = target, sent.start
        elif target is not None:
            _leads_task(ctx, sent, target, action)


def _passive_money(ctx: Context, sent: Sentence, trig: Trigger, start: int) -> None:
    """ "Für die Umsetzung werden Mittel in Höhe von 1,2 Mio. Euro bereitgestellt": the
    speaker finances the purpose the clause names, else the resolution's subject."""
    s = sent.text
    clause = s[start:trig.end]
    if not MONEY_WORDS.search(clause):
        return
    purpose = re.search(r"\b[Ff]ür\s+(?:die|den|das)\s+(?P<p>[^,;]+?)(?=\s+(?:werden|wird|in\s+"
                        r"den\s+Haushaltsjahren|im\s+Haushalt|Mittel)\b|[,;]|$)", clause)
    obj = matter(purpose.group("p"), ctx.title) if purpose else matter(ctx.title or "")
    _add(ctx, sent, ctx.speaker or ctx.issuer, "FINANCES", obj, clause)


def _leads_task(ctx: Context, sent: Sentence, target: ActorRef | MatterRef,
                action: str) -> None:
    """ "…, das Landesprogramm federführend umzusetzen": the addressee leads that matter."""
    lead = re.match(r"(?P<obj>.+?)\s+federführend\s+(?:zu\s+\w+|\w+zu\w+)", action)
    if lead and isinstance(target, ActorRef):
        _add(ctx, sent, target, "LEADS", matter(lead.group("obj"), ctx.title))


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
            target = _resolve(ctx, m, as_object=True)
            for subject in subjects:
                _add(ctx, sent, subject, trig.predicate, target, action, action=action)
            if target is not None and trig.predicate in {"TASKS", "REQUESTS"}:
                _leads_task(ctx, sent, target, action)
    if not objs and trig.predicate == "RECOMMENDS":
        rest = s[trig.end:]
        for subject in subjects:
            _add(ctx, sent, subject, trig.predicate, matter(rest, ctx.title), rest,
                 action=rest.strip(" ,."))


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
                _add(ctx, sent, subject, trig.predicate, m.actor, s[trig.start:])


def _thing_objects(ctx: Context, s: str, start: int, end: int, mentions: list[Mention],
                   predicate: str) -> list[ActorRef | MatterRef]:
    region = s[start:end]
    if predicate == "FINANCES" and re.match(r"\s*(?:hierfür|dafür|hierzu)\b", region):
        return [ctx.last_object] if ctx.last_object else []
    if predicate == "FINANCES":
        purpose = re.match(r"\s*(?:[Ff]ür|[Zz]ur|[Zz]um)\s+(?:die|den|das|dem)?\s*"
                           r"(?P<p>(?:[^,;]|,(?=\d))+)", region)
        if purpose and re.match(r"(?:Jahre?|Haushaltsjahre?|Zeitraum|Dauer)\b", purpose.group("p")):
            return [matter(ctx.title)] if ctx.title else []  # a period, not a purpose
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


def _lead(ctx: Context, sent: Sentence, trig: Trigger, mentions: list[Mention]) -> None:
    s = sent.text
    who = leaders(s, trig.end, mentions)
    if not who:
        subj = subjects_before(s, trig.start, mentions)
        who = [a for a in (_resolve(ctx, m) for m in subj) if a is not None]
        pos = trig.end
    else:
        pos = trig.start
    recent = ctx.established if ctx.established_in >= sent.start - 400 else None
    subject = next((m for m in subjects_before(s, pos, mentions) if m.actor not in who), None)
    adjacent = next((m for m in mentions if m.end <= trig.start
                     and not s[m.end:trig.start].strip(" ,")), None)
    if adjacent is not None and not adjacent.pronoun and adjacent.actor not in who \
            and adjacent.actor.type_key in {"committee", "agency"}:
        subject = adjacent  # "beauftragt die Arbeitsgruppe X unter Federführung Hamburgs"
    region = s[trig.obj_start:trig.obj_end] if trig.obj_start is not None else ""
    prior = next((st for st in reversed(ctx.statements) if st.source and st.action
                  and st.source.point == sent.point and st.source.start < sent.start
                  and st.predicate in {"TASKS", "REQUESTS"}), None)
    task = None
    if prior is not None and prior.action:
        deadline = find_deadline(prior.action)
        task = prior.action.replace(deadline.text, "") if deadline else prior.action
    obj = led_object(s, ctx.title, recent, subject, region, task)
    for actor in who:
        _add(ctx, sent, actor, "LEADS", obj)


def _participles(ctx: Context, sent: Sentence, mentions: list[Mention]) -> None:
    """ "der vom BMWSB eingesetzte Beirat", "das federführende BMWSB"."""
    s = sent.text
    for i, m in enumerate(mentions):
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if nxt and re.search(r"\b(?:vom|von\s+der|von\s+dem|durch\s+d\w+)\s+$", s[:m.start]) \
                and re.match(r"^\s+(?:\w+\s+)?(?:eingesetzte|eingerichtete|errichtete|"
                             r"gegründete)[nmrs]?\s+$", s[m.end:nxt.start]):
            _add(ctx, sent, m.actor, "ESTABLISHES", nxt.actor)
        if not m.pronoun and re.search(r"\bfederführende[nmrs]?\s+$", s[:m.start]):
            _add(ctx, sent, m.actor, "LEADS", led_object(s, ctx.title, None, None))


def _cooperation(ctx: Context, sent: Sentence, mentions: list[Mention],
                 triggers: list[Trigger]) -> None:
    """ "Die FITKO setzt das Vorhaben gemeinsam mit dem Land Hessen um": stated as fact;
    "X wird gebeten, in Abstimmung mit Y …": the addressee of the task works with Y."""
    s = sent.text
    pos, partners = partners_after(s, mentions)
    if pos < 0 or not partners:
        return
    if NEGATION.search(s) or SUBJUNCTIVE.search(s):
        return
    task = next((t for t in reversed(triggers) if t.kind in {"address", "passive"}
                 and t.start < pos), None)
    if task is not None:
        if task.predicate not in {"TASKS", "REQUESTS"}:
            return
        tasked = [st.object for st in ctx.statements if st.source and st.source.start == sent.start
                  and st.predicate == task.predicate and isinstance(st.object, ActorRef)]
        subjects = tasked[-1:]
    else:
        cands = [m for m in mentions if m.end <= pos and not is_oblique(s, m, mentions)]
        subjects = [a for a in (_resolve(ctx, m) for m in cands[:1]) if a is not None]
        if not subjects and re.search(r"\b(?:wird|werden)\b", s[:pos]):
            subjects = [a for a in (ctx.last_addressee,) if a is not None]
    for subject in subjects:
        for partner in partners:
            _add(ctx, sent, subject, "COOPERATES_WITH", partner)


def extract_sentence(ctx: Context, sent: Sentence, default_subject: ActorRef | None = None) -> None:
    """Add the statements of one sentence to the context."""
    s = sent.text
    mentions = ctx.registry.mentions(s, owner=ctx.last_subject or ctx.issuer)
    if default_subject is not None:
        ctx.last_subject = default_subject
    _participles(ctx, sent, mentions)
    triggers = find_triggers(s)
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
        if trig.kind == "passive":
            _passive(ctx, sent, trig, mentions)
            suppressed_from = trig.end
            continue
        if trig.kind == "lead":
            _lead(ctx, sent, trig, mentions)
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
        if trig.kind == "address":
            _address(ctx, sent, trig, mentions, subjects, after)
            suppressed_from = trig.end
            continue
        if trig.kind == "dative":
            _dative(ctx, sent, trig, mentions, subjects)
            continue
        _things(ctx, sent, trig, mentions, subjects, after, region_end)
    _cooperation(ctx, sent, mentions, triggers)
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
    elif (after > trig.end or predicate == "FINANCES" and trig.obj_start is not None
          and after > trig.obj_start) and re.match(r"\s*(?:[Ff]ür|[Zz]ur|[Zz]um|den|die|das)\s",
                                       s[clause_start(s, trig.start):trig.start]):
        start, end = clause_start(s, trig.start), trig.start
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
            _add(ctx, sent, subject, predicate, obj, region)
        ctx.last_object = obj
        if predicate == "ESTABLISHES" and isinstance(obj, ActorRef):
            ctx.established, ctx.established_in = obj, sent.start
