"""What the extractor knows while reading one resolution, and how a statement is added."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders.dates import find_amount, find_dates, find_deadline, find_share
from loaders.mentions import ActorRegistry, Mention
from loaders.predicates import OBLIGATIONS
from loaders.records import ActorRef, MatterRef, Source, Statement
from loaders.roles import as_initiative, concerned
from loaders.structure import Sentence

MONEY_WORDS = re.compile(r"\b(?:Euro|EUR|€|Mittel|Haushaltsmittel|Finanzmittel|Zuschuss|"
                         r"Förderung)\b")
PLURAL_NAME = re.compile(r"(?:[Ll]änder|[Kk]ommunen|verbände|ämter|behörden|einrichtungen|"
                         r"gesellschaften|kammern|Obleute|Gemeinden|Städte)$")
SINGULAR_VERB = re.compile(r"\s+(?!sind\b)[a-zäöüß]+(?<!en)(?<!ern)(?<!eln)\b")
FEMININE = re.compile(r"(?:konferenz|gruppe|regierung|kommission|ung|stelle|kammer|agentur|"
                      r"vereinigung|gemeinschaft|kanzlei|verwaltung|behörde|schaft|force|"
                      r"landrätin|meisterin|in)$", re.I)
MASCULINE = re.compile(r"(?:rat|tag|bund|ausschuss|kreis|verband|verbund|vorsitz|meister|senat|"
                       r"beigeordneter|sekretär|minister|kreis|lenkungskreis)$", re.I)
NEUTER = re.compile(r"(?:amt|ministerium|land|institut|zentrum|gremium|kabinett|hilfswerk|kreuz|"
                    r"büro|referat|forum)$", re.I)


def gender(actor: ActorRef) -> str | None:
    """ "f", "m", "n" or "pl" by the head word of the name, None when unknown."""
    if is_plural(actor):
        return "pl"
    if actor.type_key == "land" or actor.type_key == "bund":
        return "n" if actor.type_key == "land" else "m"
    head = re.split(r"\s+(?:für|des|der|von|zur|zum)\s+|\s+[„\"]", actor.name)[0].split()
    word = head[-1] if head else ""
    for key, pattern in (("f", FEMININE), ("m", MASCULINE), ("n", NEUTER)):
        if pattern.search(word):
            return key
    return None


@dataclass
class Context:
    """What the extractor knows while reading one resolution."""

    document: str
    issuer: ActorRef | None
    title: str | None
    registry: ActorRegistry
    last_subject: ActorRef | None = None
    last_plural: bool = False  # the last subject was several actors or a plural name
    history: list[ActorRef] = field(default_factory=list)  # subjects, latest last
    last_object: ActorRef | MatterRef | None = None
    last_addressee: ActorRef | None = None
    established: ActorRef | None = None
    established_in: int = -1
    initiatives: dict[str, MatterRef] = field(default_factory=dict)
    speaker: ActorRef | None = None  # who speaks inside a quoted draft resolution
    minutes: bool = False  # the document reports a sitting: its past tense states decisions
    statements: list[Statement] = field(default_factory=list)


def add(ctx: Context, sent: Sentence, subject: ActorRef | None, predicate: str,
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


def resolve(ctx: Context, m: Mention, as_object: bool = False,
            sentence: str = "") -> ActorRef | None:
    """A mention's actor; a pronoun is the latest subject whose gender and number agree
    ("Er" after "Der Bundesrat begrüßt, dass das BBK …" is the Bundesrat; "Sie unterstützt"
    after "Die Länder stellen …" is the conference), else the last subject; as object the
    last addressee."""
    if not m.pronoun:
        return m.actor
    if as_object:
        return ctx.last_addressee or ctx.issuer
    word = m.surface.lower()
    plural = word == "sie" and not SINGULAR_VERB.match(sentence, m.end)
    want = "pl" if plural else {"er": "m", "es": "n", "sie": "f"}.get(word)
    recent = [*reversed(ctx.history[-4:]), ctx.issuer]
    if word == "es" and ctx.last_addressee is not None:
        recent.insert(0, ctx.last_addressee)  # "Das BMG wird beauftragt … Es bezieht …"
    for actor in recent:
        if actor is not None and gender(actor) == want:
            return actor
    if word == "es":
        return None  # "Es ist erforderlich, …": no neuter actor to refer to
    if ctx.last_plural and not plural:
        return ctx.issuer
    return ctx.last_subject or ctx.issuer

