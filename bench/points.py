"""Numbered points of a resolution, each with the statements a careful reader takes from it.

Every writer returns the sentence and its truth in the gold-file shape of
`../shared/corpus/README.md`: subject and object as lists of alternative names,
`object_contains` for things, `deadline_contains` / `amount_contains`, `optional`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from bench.grammar import Phrase, cap, coordinate
from bench.vocab import REPORTS, RESULTS, VERBS_REQUEST, WORKING_GROUPS

Truth = dict


def truth(subject: Phrase | tuple[str, ...], predicate: str, *, obj: Phrase | None = None,
          obj_names: tuple[str, ...] | None = None, contains: list[str] | None = None,
          deadline: str | None = None, amount: str | None = None,
          optional: bool = False) -> Truth:
    """One statement in the gold-file shape."""
    subj = subject.names if isinstance(subject, Phrase) else subject
    row: Truth = {"subject": list(subj), "predicate": predicate}
    if obj is not None:
        row["object"] = list(obj.names)
    if obj_names:
        row["object"] = list(obj_names)
    if contains:
        row["object_contains"] = contains
    if deadline:
        row["deadline_contains"] = deadline
    if amount:
        row["amount_contains"] = amount
    if optional:
        row["optional"] = True
    return row


@dataclass
class Context:
    """What the points of one resolution share: issuer, topic, thing, dates, rng."""

    rng: random.Random
    issuer: Phrase
    thing: str
    year: int
    session: int | None
    addressees: list[Phrase]
    ministry: Phrase
    lands: list[Phrase]
    mentioned: int = 0
    statements: list[Truth] = field(default_factory=list)

    def subject(self) -> str:
        """The issuer at a sentence start: full name first, then pronoun or abbreviation."""
        self.mentioned += 1
        if self.mentioned > 1 and self.rng.random() < 0.3:
            return self.issuer.pronoun
        return cap(self.issuer.case("nom"))

    def head(self) -> str:
        """A word of the thing's name that a reader's object must contain."""
        return self.thing.split()[0]


def deadline(ctx: Context) -> tuple[str, str]:
    """A deadline phrase and the text an extracted deadline must contain."""
    rng = ctx.rng
    kind = rng.randrange(4)
    year = ctx.year + rng.choice((0, 1, 1, 2))
    if kind == 0:
        day, month = rng.choice(((31, 3), (30, 6), (30, 9), (31, 12), (15, 5)))
        return f"bis zum {day:02d}.{month:02d}.{year}", f"{year}-{month:02d}-{day:02d}"
    if kind == 1 and ctx.session:
        target = ctx.session + rng.choice((1, 2))
        return f"bis zur {target}. Sitzung", str(target)
    if kind == 2:
        season = rng.choice(("Frühjahrssitzung", "Herbstsitzung"))
        return f"bis zu ihrer {season} {year}", str(year)
    return f"bis Ende {year}", str(year)


def amount(rng: random.Random) -> tuple[str, str]:
    """An amount as written and the part an extracted amount must contain."""
    if rng.random() < 0.5:
        value = f"{rng.randint(1, 9)},{rng.randint(1, 9)} Mio."
        return f"{value} Euro", value.split()[0]
    value = f"{rng.randint(1, 95) * 10}.000"
    return f"{value} Euro", value


def takes_note(ctx: Context) -> str:
    report = ctx.rng.choice(REPORTS)
    by = ctx.rng.choice(ctx.addressees)
    ctx.statements.append(truth(ctx.issuer, "TAKES_NOTE", contains=[report, ctx.head()]))
    return (f"{ctx.subject()} nimmt den {report} {by.case('gen')} zum Vorhaben {ctx.thing} "
            "zur Kenntnis.")


def welcomes(ctx: Context) -> str:
    ctx.statements.append(truth(ctx.issuer, "WELCOMES", contains=[ctx.head()]))
    what = ctx.rng.choice(("die Fortschritte beim", "die länderübergreifende Zusammenarbeit zum",
                           "den Abschluss der Vorarbeiten zum"))
    return f"{ctx.subject()} begrüßt {what} Vorhaben {ctx.thing}."


def supports(ctx: Context) -> str:
    ctx.statements.append(truth(ctx.issuer, "SUPPORTS", contains=[ctx.head()]))
    return f"{ctx.subject()} unterstützt den weiteren Ausbau des Vorhabens {ctx.thing}."


def requests_active(ctx: Context) -> str:
    count = ctx.rng.choice((1, 1, 2, 3))
    whom = ctx.rng.sample(ctx.addressees, min(count, len(ctx.addressees)))
    when, want = deadline(ctx)
    for phrase in whom:
        ctx.statements.append(truth(ctx.issuer, "REQUESTS", obj=phrase, deadline=want))
    result, verb = ctx.rng.choice(RESULTS), ctx.rng.choice(VERBS_REQUEST)
    darum = " darum" if len(whom) > 1 and ctx.rng.random() < 0.5 else ""
    return (f"{ctx.subject()} bittet {coordinate([p.case('acc') for p in whom])}{darum}, "
            f"{when} {result} zum Vorhaben {ctx.thing} {verb}.")


def requests_passive(ctx: Context) -> str:
    whom = ctx.ministry
    written, want_amount = amount(ctx.rng)
    when, want = deadline(ctx)
    ctx.statements.append(truth(ctx.issuer, "REQUESTS", obj=whom, deadline=want,
                                amount=want_amount))
    ctx.statements.append(truth(whom, "FINANCES", contains=[ctx.head()], optional=True))
    return (f"{cap(whom.case('nom'))} wird gebeten, die Finanzierung des Vorhabens "
            f"{ctx.thing} in Höhe von {written} {when} sicherzustellen.")


def tasks(ctx: Context) -> str:
    rng = ctx.rng
    when, want = deadline(ctx)
    if rng.random() < 0.5:
        group = rng.choice(WORKING_GROUPS)
        ctx.statements.append(truth(ctx.issuer, "TASKS", obj_names=(group,), deadline=want))
        return (f"Die {group} wird beauftragt, {when} einen Vorschlag zur Umsetzung "
                f"des Vorhabens {ctx.thing} zu erarbeiten.")
    doer = rng.choice(ctx.addressees)
    partners = rng.sample(ctx.lands, 2)
    ctx.statements.append(truth(ctx.issuer, "TASKS", obj=doer, deadline=want))
    for partner in partners:
        ctx.statements.append(truth(doer, "COOPERATES_WITH", obj=partner, optional=True))
    names = coordinate([p.names[1] for p in partners])
    return (f"{ctx.subject()} beauftragt {doer.case('acc')}, gemeinsam mit den Ländern "
            f"{names} {when} ein Umsetzungskonzept für {ctx.thing} vorzulegen.")


def leads(ctx: Context) -> str:
    land = ctx.rng.choice(ctx.lands)
    ctx.statements.append(truth(land, "LEADS", contains=["Vorhaben", ctx.head()]))
    if ctx.rng.random() < 0.5:
        return f"Die Federführung für das Vorhaben liegt beim Land {land.names[1]}."
    return f"Das Land {land.names[1]} übernimmt die Federführung für das Vorhaben {ctx.thing}."


def establishes(ctx: Context) -> str:
    group = ctx.rng.choice(WORKING_GROUPS).split()[0]
    label = f"{group} {ctx.thing}"
    ctx.statements.append(truth(ctx.issuer, "ESTABLISHES", contains=[group, ctx.head()]))
    return (f"{ctx.subject()} richtet eine {label} ein, die regelmäßig über den Stand der "
            "Umsetzung berichtet.")


def invites(ctx: Context) -> str:
    whom = ctx.ministry
    ctx.statements.append(truth(ctx.issuer, "INVITES", obj=whom))
    return (f"{ctx.subject()} lädt {whom.case('acc')} ein, das Vorhaben {ctx.thing} in "
            "der nächsten Sitzung vorzustellen.")


def finances(ctx: Context, funders: Phrase) -> str:
    written, want = amount(ctx.rng)
    ctx.statements.append(truth(funders, "FINANCES", contains=[ctx.head()], amount=want))
    verb = "stellen" if funders.plural else "stellt"
    return (f"{cap(funders.case('nom'))} {verb} für das Vorhaben {ctx.thing} insgesamt "
            f"{written} zur Verfügung.")


def recommends(ctx: Context) -> str:
    ctx.statements.append(truth(ctx.issuer, "RECOMMENDS", contains=[ctx.head()], optional=True))
    return (f"{ctx.subject()} empfiehlt, das Vorhaben {ctx.thing} an bestehende Plattformen "
            "anzubinden.")


def informs(ctx: Context, chair: tuple[str, ...]) -> str:
    whom = ctx.rng.sample(ctx.addressees, min(2, len(ctx.addressees)))
    ctx.statements.append(truth(ctx.issuer, "REQUESTS", obj_names=chair, optional=True))
    for phrase in whom:
        ctx.statements.append(truth(chair + tuple(ctx.issuer.names), "INFORMS", obj=phrase,
                                    optional=True))
    return (f"Der Vorsitz wird gebeten, diesen Beschluss "
            f"{coordinate([p.case('dat') for p in whom])} zu übermitteln.")
