"""Seeded generator of a synthetic corpus of German resolutions, with its truth.

`generate_corpus(out, resolutions=N, seed=S)` writes N documents (a share as PDF) in the four
forms of `../shared/corpus/dev` and `manifest.json`, which says for every document what a
careful reader takes from it (metadata and statements in the gold-file shape), so that
extraction at any scale can be scored for recall. The same seed gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import zlib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.forms import Doc, Plan, Reference, render
from bench.grammar import Phrase, land_phrase, phrase
from bench.vocab import (
    FIELD_CONFERENCES,
    FIELD_MINISTRIES,
    MINISTRY_SWITCH_DATE,
    MUNICIPAL_THINGS,
    PLACES,
    TOPICS,
    TOWN_PREFIXES,
    TOWN_ROOTS,
    TOWN_SUFFIXES,
    Topic,
)
from loaders.records import slug
from ontology.gazetteer import Gazetteer, load_gazetteer

START, END = dt.date(2016, 1, 15), dt.date(2026, 10, 30)
SHARES = {"council": 0.4, "board": 0.1, "conference": 0.5}
TITLES = ("Länderübergreifende Umsetzung: {topic}", "{topic} – Sachstand und weiteres Vorgehen",
          "Stellungnahme zum Vorhaben {thing}", "{thing}", "Bericht zu {topic}")


@dataclass
class Actors:
    """The gazetteer's actors as phrases, grouped the way the planner needs them."""

    conferences: dict[str, Phrase]
    lands: list[Phrase]
    board: Phrase
    others: list[Phrase]
    ministries: dict[str, tuple[Phrase, Phrase]]  # id -> (full name, abbreviation)


def gazetteer_actors(gazetteer: Gazetteer) -> Actors:
    """Phrases for the conferences, Länder, the IT-Planungsrat and frequent addressees."""
    actors = gazetteer.actors
    conferences = {a.id: p for a in actors.values() if a.type_key == "conference"
                   and (p := phrase(a)) is not None}
    lands = [land_phrase(a) for a in actors.values()
             if a.type_key == "land" and a.id != "DE-LAENDER"]
    ministries = {a.id: (phrase(a), phrase(a, short=True)) for a in actors.values()
                  if a.type_key == "federal_ministry" and phrase(a) is not None}
    others = [p for i in ("DE", "DE-LAENDER", "FITKO", "KSV", "DST", "DLT", "BSI", "KfW")
              if i in actors and (p := phrase(actors[i])) is not None]
    return Actors(conferences, sorted(lands, key=lambda p: p.actor_id),
                  phrase(actors["ITPLR"]), others, ministries)  # type: ignore[arg-type]


def invent_towns(rng: random.Random, count: int, avoid: set[str]) -> list[str]:
    """Plausible German town names ("Neulindenberg", "Bad Falkenau"), all different."""
    towns: list[str] = []
    seen = set(avoid)
    attempts = 0
    while len(towns) < count:
        attempts += 1
        prefix, root, suffix = (rng.choice(TOWN_PREFIXES), rng.choice(TOWN_ROOTS),
                                rng.choice(TOWN_SUFFIXES))
        name = (prefix + root.lower() if prefix and not prefix.endswith(" ") else prefix + root)
        name += suffix
        if attempts > 50 * count:
            name += f" {len(towns)}"
        if name not in seen:
            seen.add(name)
            towns.append(name)
    return towns


def _ministry(actors: Actors, rng: random.Random, topic: Topic, date: str) -> Phrase:
    before, after = FIELD_MINISTRIES[topic.field]
    full, short = actors.ministries[before if date < MINISTRY_SWITCH_DATE else after]
    return short if rng.random() < 0.3 else full


def _sessions(rng: random.Random, issuers: list[str], total: int,
              size: tuple[int, int]) -> dict[str, list[int]]:
    """Split `total` resolutions into sittings of `size` items, spread over the issuers."""
    sessions: dict[str, list[int]] = defaultdict(list)
    remaining = total
    while remaining > 0:
        count = min(remaining, rng.randint(*size))
        sessions[rng.choice(issuers)].append(count)
        remaining -= count
    return sessions


def _dates(rng: random.Random, count: int) -> list[str]:
    span = (END - START).days
    return [(START + dt.timedelta(days=int((i + 0.5) * span / count) + rng.randint(-9, 9)))
            .isoformat() for i in range(count)]


def plan_corpus(rng: random.Random, total: int, towns: list[str], actors: Actors) -> list[Plan]:
    """Every resolution to write, in date order."""
    field_of = {c: f for f, confs in FIELD_CONFERENCES.items() for c in confs}
    counts = {k: round(total * share) for k, share in SHARES.items()}
    counts["conference"] = total - counts["council"] - counts["board"]
    if not towns:
        counts["conference"] += counts.pop("council")
    town_land = {t: rng.choice(actors.lands) for t in towns}
    plans: list[Plan] = []
    groups: list[tuple[str, list[str], tuple[int, int]]] = [
        ("conference", sorted(actors.conferences), (4, 14)), ("board", ["ITPLR"], (4, 10))]
    if towns:
        groups.append(("council", towns, (2, 8)))
    for group, issuers, size in groups:
        for issuer, sittings in sorted(_sessions(rng, issuers, counts[group], size).items()):
            base = rng.randint(1, 140) if group != "council" else 0
            for number, (date, items) in enumerate(zip(_dates(rng, len(sittings)), sittings,
                                                       strict=True), base + 1):
                place = rng.choice(PLACES)
                first = rng.randint(1, 4)
                for item in range(first, first + items):
                    plans.append(_plan(rng, group, issuer, date, number, place, item,
                                       actors, field_of, town_land))
    plans.sort(key=lambda p: (p.date, p.issuer.actor_id, p.item))
    return plans


def _plan(rng: random.Random, group: str, issuer: str, date: str, session: int, place: str,
          item: int, actors: Actors, field_of: dict[str, str],
          town_land: dict[str, Phrase]) -> Plan:
    if group == "council":
        topic = rng.choice(TOPICS)
        thing = rng.choice(MUNICIPAL_THINGS)
        return Plan("council", Phrase(issuer, ("",) * 4, False, (issuer,), "Er"), date,
                    session, issuer, item, f"{thing} – Umsetzung", thing, topic.title,
                    _ministry(actors, rng, topic, date), [], actors.lands, town=issuer,
                    town_land=town_land[issuer])
    field = field_of.get(issuer) or rng.choice(sorted(FIELD_MINISTRIES))
    topic = rng.choice([t for t in TOPICS if t.field == field] or list(TOPICS))
    thing = rng.choice(topic.things)
    me = actors.board if group == "board" else actors.conferences[issuer]
    ministry = _ministry(actors, rng, topic, date)
    pool = [p for p in [*actors.conferences.values(), actors.board, *actors.others]
            if p.actor_id != me.actor_id]
    addressees = [ministry, *rng.sample(pool, 4)]
    # A conference keeps one layout for all its documents, as real secretariats do.
    form = "board" if group == "board" else ("dmk", "bmk")[zlib.crc32(issuer.encode()) % 2]
    submitters = [] if form == "board" else rng.sample(actors.lands, rng.randint(0, 5))
    title = rng.choice(TITLES).format(topic=topic.title, thing=thing)
    return Plan(form, me, date, session, place, item, title, thing, topic.title, ministry,
                addressees, rng.sample(actors.lands, 4), submitters)


def write_pdf(text: str, path: Path) -> None:
    """Lay the text out on A4 pages (Helvetica, wrapped), reproducibly (`invariant`)."""
    import textwrap

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    width, height = A4
    y = height - 60
    canvas.setFont("Helvetica", 10)
    for paragraph in text.split("\n"):
        for line in textwrap.wrap(paragraph, 95) or [""]:
            if y < 60:
                canvas.showPage()
                canvas.setFont("Helvetica", 10)
                y = height - 60
            canvas.drawString(56, y, line)
            y -= 13
    canvas.save()


def generate_corpus(out: Path, resolutions: int, seed: int = 1, pdf_share: float = 0.1,
                    kommunen: int | None = None,
                    progress: Callable[[int], None] | None = None) -> dict:
    """Write the corpus and `manifest.json` into `out`; returns the manifest's summary."""
    rng = random.Random(seed)
    gazetteer = load_gazetteer()
    actors = gazetteer_actors(gazetteer)
    n_towns = kommunen if kommunen is not None else max(3, min(2000, resolutions // 25))
    avoid = {a.name for a in gazetteer.actors.values()}
    towns = invent_towns(rng, n_towns, avoid)
    plans = plan_corpus(rng, resolutions, towns, actors)
    out.mkdir(parents=True, exist_ok=True)
    earlier: dict[str, list[Reference]] = defaultdict(list)
    totals = {"documents": 0, "pdf": 0, "statements": 0, "required_statements": 0}
    with (out / "manifest.json").open("w", encoding="utf-8") as manifest:
        manifest.write(json.dumps({"generator": "bench.generate", "seed": seed,
                                   "resolutions": resolutions, "kommunen": towns,
                                   "pdf_share": pdf_share}, ensure_ascii=False)[:-1])
        manifest.write(', "documents": [\n')
        for index, plan in enumerate(plans):
            refs = [r for r in earlier[plan.topic][-20:] if r.date < plan.date]
            if plan.form != "council" and refs and rng.random() < 0.35:
                plan.reference = rng.choice(refs)
            doc = render(rng, plan)
            is_pdf = rng.random() < pdf_share
            name = f"{index:06d}-{slug(plan.issuer.actor_id)}-{plan.date}-top{plan.item}"
            path = out / (name + (".pdf" if is_pdf else ".txt"))
            if is_pdf:
                write_pdf(doc.text, path)
            else:
                path.write_text(doc.text, encoding="utf-8")
            if plan.form != "council":
                earlier[plan.topic].append(Reference(plan.issuer, plan.date, path.name))
            manifest.write(("" if index == 0 else ",\n") + _entry(path.name, plan, doc))
            totals["documents"] += 1
            totals["pdf"] += is_pdf
            totals["statements"] += len(doc.statements)
            totals["required_statements"] += sum(not s.get("optional") for s in doc.statements)
            if progress is not None:
                progress(1)
        manifest.write("\n],\n" + f'"totals": {json.dumps(totals)}' + "}\n")
    return {"out": str(out), "seed": seed, "kommunen": len(towns), **totals}


def _entry(file: str, plan: Plan, doc: Doc) -> str:
    return json.dumps({"file": file, "form": plan.form, "resolution": doc.meta,
                       "statements": doc.statements}, ensure_ascii=False)


def load_manifest(folder: Path) -> dict:
    """The manifest a run of `generate_corpus` wrote into `folder`."""
    return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))


def manifest_entries(folder: Path, files: set[str] | None = None) -> dict[str, dict]:
    """Entries of the named files (all when None), read line by line.

    The generator writes one document per line, so a 100k manifest (hundreds of MB) need
    not be held in memory to score a sample.
    """
    entries: dict[str, dict] = {}
    with (folder / "manifest.json").open(encoding="utf-8") as manifest:
        for line in manifest:
            line = line.strip().rstrip(",")
            if not line.startswith('{"file"'):
                continue
            name = line[10:line.index('"', 10)]
            if files is None or name in files:
                entries[name] = json.loads(line)
    return entries
