"""Whole documents in the four forms of the dev corpus, with their truth.

- `conference_top_dmk`: "N. Konferenz (ABBR)", date and place, TOP, submitters, title,
  "Anknüpfend an den Beschluss …", numbered points, Begründung, Anlagen;
- `conference_top_bmk`: "N. Sitzung … am …", "TOP k: title", Antragsteller, Beschluss,
  Protokollerklärung of a Land;
- `board_decision`: "Title / Body | date | N. Sitzung | Beschluss YYYY/NN", indented points;
- `council_decision`: a town's Beschlussvorlage with Antrag and Sachdarstellung.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from bench import points as pt
from bench.grammar import Phrase, cap, land_phrase
from bench.vocab import BEGRUENDUNG, DECLARATIONS, MONTHS, MUNICIPAL_OFFICES, PARTNERS, REPORTS


@dataclass
class Reference:
    """An earlier generated resolution a new one may build on."""

    issuer: Phrase
    date: str
    file: str


@dataclass
class Doc:
    """A rendered document and what it holds."""

    text: str
    meta: dict
    statements: list[dict] = field(default_factory=list)


@dataclass
class Plan:
    """One resolution to write: who, when, where, which item, about what."""

    form: str
    issuer: Phrase
    date: str
    session: int
    place: str
    item: int
    title: str
    thing: str
    topic: str
    ministry: Phrase
    addressees: list[Phrase]
    lands: list[Phrase]
    submitters: list[Phrase] = field(default_factory=list)
    reference: Reference | None = None
    town: str | None = None
    town_land: Phrase | None = None


def german_date(iso: str) -> str:
    year, month, day = iso.split("-")
    return f"{day}.{month}.{year}"


def _context(rng: random.Random, plan: Plan) -> pt.Context:
    return pt.Context(rng=rng, issuer=plan.issuer, thing=plan.thing, year=int(plan.date[:4]),
                      session=plan.session, addressees=plan.addressees,
                      ministry=plan.ministry, lands=plan.lands)


def _points(rng: random.Random, ctx: pt.Context, plan: Plan, chair: tuple[str, ...]) -> list[str]:
    """Four to eight numbered points in the order real resolutions use."""
    lands_plural = Phrase("DE-LAENDER", ("die Länder",) * 4, True,
                          ("DE-LAENDER", "Länder", "die Länder", "alle Länder"), "Sie")
    body = [pt.takes_note, pt.welcomes] if rng.random() < 0.6 else [pt.welcomes]
    middle = [pt.supports, pt.requests_active, pt.requests_passive, pt.tasks, pt.leads,
              pt.establishes, pt.invites, pt.recommends,
              lambda c: pt.finances(c, lands_plural)]
    body += rng.sample(middle, rng.randint(2, 5))
    sentences = [writer(ctx) for writer in body]
    if plan.reference is not None and rng.random() < 0.5:
        ref = plan.reference
        sentences.insert(0, f"{ctx.subject()} nimmt die Bitte {ref.issuer.case('gen')} vom "
                            f"{german_date(ref.date)} zur Kenntnis.")
        ctx.statements.insert(0, pt.truth(ctx.issuer, "TAKES_NOTE",
                                          contains=["Bitte", ref.issuer.names[1]],
                                          optional=True))
    if rng.random() < 0.5:
        sentences.append(pt.informs(ctx, chair))
    return sentences


def _meta(plan: Plan, item: str, submitters: list[Phrase], attachments: int = 0) -> dict:
    meta = {"issuer": list(plan.issuer.names), "session": str(plan.session),
            "date": plan.date, "place": plan.place, "item": item,
            "title_contains": plan.thing.split()[0],
            "submitters": [list(s.names[:3]) for s in submitters]}
    if plan.reference is not None:
        meta["references_dates"] = [plan.reference.date]
        meta["references_file"] = plan.reference.file
    if attachments:
        meta["attachments"] = attachments
    return meta


def conference_top_dmk(rng: random.Random, plan: Plan) -> Doc:
    """The DMK form: submitters as a bare line, Begründung and Anlagen."""
    ctx = _context(rng, plan)
    name, abbr = plan.issuer.names[1], plan.issuer.names[0]
    lines = ["", "", f"{plan.session}. {name} ({abbr})", "",
             f"{german_date(plan.date)} in {plan.place}", "", f"TOP {plan.item}", "",
             "Beschluss", ""]
    if plan.submitters:
        lines += [", ".join(s.names[1] for s in plan.submitters) + ",", ""]
    lines += [plan.title, ""]
    ref = plan.reference
    if ref is not None:
        lines += [f"Anknüpfend an den Beschluss {ref.issuer.case('gen')} vom "
                  f"{german_date(ref.date)} fasst {plan.issuer.case('nom')} den folgenden "
                  "Beschluss:", ""]
    sentences = _points(rng, ctx, plan, ("Vorsitz", f"Vorsitz der {name}"))
    lines += [f"{i}. {s}" for i, s in enumerate(sentences, 1)]
    lines += ["", "Begründung:", "", rng.choice(BEGRUENDUNG).format(topic=plan.topic)]
    attachments = [f"Bericht zu {plan.thing}", f"Schreiben {plan.ministry.case('gen')} vom "
                   f"{german_date(plan.date)}"][: rng.randint(0, 2)]
    if attachments:
        lines += ["", "Anlagen:", ""] + [f"- {a}" for a in attachments]
    meta = _meta(plan, f"TOP {plan.item}", plan.submitters, len(attachments))
    return Doc("\n".join(lines) + "\n", meta, ctx.statements)


def conference_top_bmk(rng: random.Random, plan: Plan) -> Doc:
    """The BMK form: "TOP k: title", Antragsteller, Beschluss, Protokollerklärung."""
    ctx = _context(rng, plan)
    name = plan.issuer.names[1]
    month = MONTHS[int(plan.date[5:7]) - 1]
    day = int(plan.date[8:10])
    days = f"{day}./{day + 1}." if day < 28 and rng.random() < 0.5 else f"{day}."
    lines = [name, "", f"{plan.session}. Sitzung der {name} am {days} {month} "
             f"{plan.date[:4]} in {plan.place}", "", f"TOP {plan.item}: {plan.title}", ""]
    if plan.submitters:
        lines += ["Antragsteller: " + ", ".join(s.names[1] for s in plan.submitters), ""]
    lines += ["Beschluss:", ""]
    sentences = _points(rng, ctx, plan, ("Vorsitz", f"Vorsitz der {name}"))
    lines += [f"{i}. {s}\n" for i, s in enumerate(sentences, 1)]
    if rng.random() < 0.35:
        land = rng.choice(plan.lands)
        thing_gen = f"des Vorhabens {plan.thing}"
        lines += [f"Protokollerklärung {land.names[1]}:",
                  rng.choice(DECLARATIONS).format(land=land.names[1], thing_gen=thing_gen)]
        ctx.statements.append(pt.truth(land, "DECLARES",
                                       contains=["Protokollerklärung", plan.thing.split()[0]],
                                       optional=True))
    meta = _meta(plan, f"TOP {plan.item}", plan.submitters)
    return Doc("\n".join(lines).rstrip() + "\n", meta, ctx.statements)


def board_decision(rng: random.Random, plan: Plan) -> Doc:
    """The IT-Planungsrat form: a header line with date, session and decision number."""
    ctx = _context(rng, plan)
    number = f"{plan.date[:4]}/{plan.item:02d}"
    lines = [plan.title, "", f"{plan.issuer.names[1]} | {german_date(plan.date)} | "
             f"{plan.session}. Sitzung | Beschluss {number}", ""]
    sentences = _points(rng, ctx, plan, ("Vorsitz", f"Vorsitz des {plan.issuer.names[1]}s"))
    lines += [f"  {i}. {s}\n" for i, s in enumerate(sentences, 1)]
    meta = _meta(plan, number, [])
    meta.pop("place")
    return Doc("\n".join(lines).rstrip() + "\n", meta, ctx.statements)


def council_decision(rng: random.Random, plan: Plan) -> Doc:
    """A town council's Beschlussvorlage: Antrag points and a Sachdarstellung."""
    town = plan.town or "Musterstadt"
    council = Phrase(f"Gemeinderat {town}", ("der Gemeinderat",) * 4, False,
                     (f"Gemeinderat {town}", f"Stadt {town}", town), "Er")
    year, short = plan.date[:4], plan.date[2:4]
    number = rng.randint(10, 240)
    office = rng.choice(MUNICIPAL_OFFICES)
    due_year = int(year) + 1
    due = f"{rng.choice(('31.03', '30.06', '30.09'))}.{due_year}"
    written, want_amount = pt.amount(rng)
    lines = [f"Stadt {town}", "Beschlussvorlage", "", f"Sachbearbeitung: {office}",
             f"Datum: {german_date(plan.date)}", "Geschäftszeichen: "
             + "".join(w[0] for w in office.split() if w[0].isupper()),
             f"Vorlage GD {number}/{short}", "",
             f"Beschlussorgan: Gemeinderat    Sitzung am {german_date(plan.date)}    "
             f"TOP {plan.item}    öffentlich", "", f"Betreff: {plan.title}", "", "Antrag:", ""]
    report = rng.choice(REPORTS)
    budget = (f"ab dem Haushaltsjahr {due_year} jährlich" if rng.random() < 0.5
              else "einmalig")
    partner = rng.choice(PARTNERS).format(town=town)
    land = plan.town_land or plan.lands[0]
    points = [
        f"Der Gemeinderat nimmt den {report} zum Vorhaben {plan.thing} zur Kenntnis.",
        f"Der Gemeinderat beschließt die Umsetzung des Vorhabens {plan.thing} und stellt "
        f"hierfür {budget} {written} bereit.",
        f"Die Verwaltung wird beauftragt, bis zum {due} gemeinsam mit {partner} "
        "ein Betriebskonzept vorzulegen.",
        f"Der Oberbürgermeister wird gebeten, sich beim Land {land.names[1]} für eine "
        "Anschlussförderung einzusetzen.",
    ]
    iso_due = "-".join(reversed(due.split(".")))
    statements = [
        pt.truth(council, "TAKES_NOTE", contains=[report, plan.thing.split()[0]]),
        pt.truth(council, "ADOPTS", contains=[plan.thing.split()[0]], optional=True),
        pt.truth(council, "FINANCES", contains=[plan.thing.split()[0]], amount=want_amount),
        pt.truth(council, "TASKS", obj_names=(f"Stadtverwaltung {town}", "Verwaltung",
                                              f"Verwaltung der Stadt {town}"),
                 deadline=iso_due),
        pt.truth(council, "REQUESTS", obj_names=(f"Oberbürgermeister {town}",
                                                 "Oberbürgermeister")),
    ]
    if rng.random() < 0.3:
        points.pop(0)
        statements.pop(0)
    lines += [f"{i}. {s}\n" for i, s in enumerate(points, 1)]
    share = rng.choice((50, 60, 65, 75, 80))
    lines += ["Sachdarstellung:", "",
              f"Die Stadt {town} plant das Vorhaben {plan.thing} seit {int(year) - 2}. "
              f"{cap(plan.ministry.case('nom'))} fördert das Vorhaben {plan.thing} mit {share} "
              f"Prozent der förderfähigen Ausgaben; den Eigenanteil von {100 - share} Prozent "
              "trägt die Stadt."]
    statements.append(pt.truth(plan.ministry, "FINANCES", contains=[plan.thing.split()[0]]))
    meta = {"issuer": list(council.names), "date": plan.date, "item": f"TOP {plan.item}",
            "title_contains": plan.thing.split()[0], "submitters": []}
    return Doc("\n".join(lines) + "\n", meta, statements)


FORMS = {"dmk": conference_top_dmk, "bmk": conference_top_bmk, "board": board_decision,
         "council": council_decision}


def render(rng: random.Random, plan: Plan) -> Doc:
    """Write the plan in its form."""
    return FORMS[plan.form](rng, plan)


__all__ = ["Doc", "Plan", "Reference", "land_phrase", "render"]
