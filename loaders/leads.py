"""Statements about who leads, sets up, pays for and works with whom: passives, chairs,
participles and cooperation."""

from __future__ import annotations

import re

from loaders.clauses import clause_start, is_oblique, matter, subjects_before
from loaders.context import MONEY_WORDS, Context, add, resolve
from loaders.dates import find_deadline
from loaders.mentions import Mention
from loaders.predicates import NEGATION, SUBJUNCTIVE, Trigger
from loaders.records import ActorRef, MatterRef
from loaders.roles import leaders, led_object, partners_after
from loaders.structure import Sentence


def passive(ctx: Context, sent: Sentence, trig: Trigger, mentions: list[Mention]) -> None:
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
    if trig.predicate == "ESTABLISHES" and any(not m.pronoun for m in inside):
        objs = [m for m in objs if not m.pronoun]  # "Es wird eine Arbeitsgruppe eingerichtet"
    objs = objs or (inside[:1] if trig.predicate == "ESTABLISHES" else inside)
    action = s[trig.end:].strip(" ,.")
    for m in objs:
        target = (ctx.established or ctx.last_addressee) if m.pronoun else m.actor
        add(ctx, sent, speaker, trig.predicate, target, action, action=action)
        if trig.predicate == "ESTABLISHES" and target is not None:
            ctx.established, ctx.established_in = target, sent.start
        elif target is not None:
            leads_task(ctx, sent, target, action)


def agent(ctx: Context, sent: Sentence, trig: Trigger, mentions: list[Mention]) -> None:
    """A modal passive with its agent ("Ein Konzept ist durch die Verwaltung zu erstellen"):
    the body that decides obliges the agent."""
    if sent.section not in {"points", "declaration", "header"} or trig.obj_start is None:
        return
    speaker = ctx.speaker or ctx.issuer
    action = sent.text.strip(" ,.")
    for m in mentions:
        if trig.obj_start <= m.start and m.end <= trig.obj_end and not m.pronoun:
            add(ctx, sent, speaker, trig.predicate, m.actor, action, action=action)
            leads_task(ctx, sent, m.actor, action)


PREFIELD_LEAD = re.compile(r"^\s*(?:(?:[Vv]om|[Vv]on\s+(?:dem|der|den))\s+|(?:[Ii]m\s+Übrigen|"
                           r"[Ff]erner|[Zz]udem|[Aa]ußerdem|[Ee]benso)\s+)")
IMPERSONAL = re.compile(r"^\s*(?:[Ee]s|[Hh]ierzu|[Dd]azu|[Dd]em|[Dd]er|[Dd]en)?\s*$"
                        r"|^\s*(?:[Gg]emäß|[Nn]ach|[Mm]it|[Ff]ür|[Ii]m|[Ii]n|[Aa]uf|[Aa]ufgrund|"
                        r"[Hh]ierbei|[Dd]abei|[Ww]eiterhin|[Ss]omit|[Dd]amit)\b")


def passive_thing(ctx: Context, sent: Sentence, trig: Trigger, mentions: list[Mention]) -> None:
    """ "Der Erhöhung des Zuschusses wird zugestimmt", "Vom Sachvortrag wird Kenntnis
    genommen", "Der Bebauungsplan wird … geändert": the body that decides states it about
    the phrase in front of the finite verb, or, with nothing there ("Es wird … zugestimmt"),
    about the phrase between the verb and its participle."""
    if sent.section not in {"points", "declaration", "header"}:
        return  # a passive in the reasoning narrates, it does not decide
    s = sent.text
    start = clause_start(s, trig.start)
    prefield = PREFIELD_LEAD.sub("", s[start:trig.start])
    region = prefield if not IMPERSONAL.match(prefield) else s[trig.obj_start or trig.end:
                                                                  trig.obj_end or trig.end]
    region = re.sub(r"^\s*(?:,[^,]*,\s*)?(?:(?:Der|Die|Das|Dem|Den)\s+)?", "", region)
    # (", wie im Sachvortrag dargestellt," and the article of a fronted noun phrase)
    actor = next((m.actor for m in mentions if not m.pronoun and start <= m.start < trig.start
                  and not s[start:m.start].strip(" ,")), None)
    obj = actor if actor is not None and trig.predicate != "TAKES_NOTE" else matter(region,
                                                                                    ctx.title)
    add(ctx, sent, ctx.speaker or ctx.issuer, trig.predicate, obj, s[start:])


def _passive_money(ctx: Context, sent: Sentence, trig: Trigger, start: int) -> None:
    """ "Für die Umsetzung werden Mittel in Höhe von 1,2 Mio. Euro bereitgestellt": the
    speaker finances the purpose the clause names, else the resolution's subject."""
    s = sent.text
    clause = s[start:trig.end]
    if not MONEY_WORDS.search(clause):
        return
    purpose = re.search(r"\b[Ff]ür\s+(?:die|den|das)\s+(?P<p>[^,;]+?)(?=\s+(?:werden|wird|in\s+"
                        r"den\s+Haushaltsjahren|im\s+Haushalt|Mittel)\b|[,;]|$)", clause)
    obj = matter(purpose.group("p"), ctx.title) if purpose else matter(ctx.title or "") \
        or matter(re.split(r"\s+(?:werden|wird)\s", clause)[0])  # "Die erforderlichen Mittel …"
    add(ctx, sent, ctx.speaker or ctx.issuer, "FINANCES", obj, clause)


def leads_task(ctx: Context, sent: Sentence, target: ActorRef | MatterRef,
                action: str) -> None:
    """ "…, das Landesprogramm federführend umzusetzen": the addressee leads that matter."""
    lead = re.match(r"(?P<obj>.+?)\s+federführend\s+(?:zu\s+\w+|\w+zu\w+)", action)
    if lead and isinstance(target, ActorRef):
        add(ctx, sent, target, "LEADS", matter(lead.group("obj"), ctx.title))


def lead(ctx: Context, sent: Sentence, trig: Trigger, mentions: list[Mention]) -> None:
    s = sent.text
    who = leaders(s, trig.end, mentions)
    if not who:
        subj = subjects_before(s, trig.start, mentions)
        who = [a for a in (resolve(ctx, m) for m in subj) if a is not None]
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
        add(ctx, sent, actor, "LEADS", obj)


def participles(ctx: Context, sent: Sentence, mentions: list[Mention]) -> None:
    """ "der vom BMWSB eingesetzte Beirat", "das federführende BMWSB"."""
    s = sent.text
    for i, m in enumerate(mentions):
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if nxt and re.search(r"\b(?:vom|von\s+der|von\s+dem|durch\s+d\w+)\s+$", s[:m.start]) \
                and re.match(r"^\s+(?:\w+\s+)?(?:eingesetzte|eingerichtete|errichtete|"
                             r"gegründete)[nmrs]?\s+$", s[m.end:nxt.start]):
            add(ctx, sent, m.actor, "ESTABLISHES", nxt.actor)
        if not m.pronoun and re.search(r"\bfederführende[nmrs]?\s+$", s[:m.start]):
            add(ctx, sent, m.actor, "LEADS", led_object(s, ctx.title, None, None))


def cooperation(ctx: Context, sent: Sentence, mentions: list[Mention],
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
        subjects = [a for a in (resolve(ctx, m) for m in cands[:1]) if a is not None]
        if not subjects and re.search(r"\b(?:wird|werden)\b", s[:pos]):
            subjects = [a for a in (ctx.last_addressee,) if a is not None]
    for subject in subjects:
        for partner in partners:
            add(ctx, sent, subject, "COOPERATES_WITH", partner)
