"""Records a loader produces, in the model's terms (see ARCHITECTURE.md)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field


def slug(text: str) -> str:
    """Lower-case ASCII slug: "TOP 7" -> "top-7", "Städtebau" -> "staedtebau"."""
    text = text.casefold().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
    text = unicodedata.normalize("NFKD", text.replace("ß", "ss"))
    text = text.encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


@dataclass(frozen=True)
class ActorRef:
    """An actor: `known` when it comes from the gazetteer, else found in the document."""

    id: str
    name: str
    type_key: str
    aliases: tuple[str, ...] = ()
    known: bool = True
    abbr: str | None = None
    level: str | None = None
    land: str | None = None


@dataclass(frozen=True)
class MatterRef:
    """A non-actor object of a statement: a plan, report, measure or initiative."""

    id: str
    name: str
    type_key: str = "matter"
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Source:
    """Where a statement stands: `text[start:end] == sentence` in the normalised text."""

    document: str
    point: str | None
    sentence: str
    start: int
    end: int


@dataclass
class Statement:
    subject: ActorRef
    predicate: str
    object: ActorRef | MatterRef
    action: str | None = None
    deadline: str | None = None
    deadline_date: str | None = None
    amount: str | None = None
    share: str | None = None
    date: str | None = None
    source: Source | None = None
    confidence: float = 0.8
    partners: tuple[ActorRef, ...] = ()
    status: str | None = None
    concerns: MatterRef | None = None


@dataclass(frozen=True)
class Reference:
    """An earlier resolution this one builds on."""

    text: str
    date: str | None = None
    issuer: ActorRef | None = None
    number: str | None = None


@dataclass
class Resolution:
    issuer: ActorRef | None
    session: str | None = None
    date: str | None = None
    place: str | None = None
    item: str | None = None
    title: str | None = None
    submitters: list[ActorRef] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    document: str | None = None
    checksum: str | None = None
    source_url: str | None = None
    #: The resolution's own span of the document's normalised text, starting at character
    #: `text_start` of it: statements' `start`/`end` count from the document's beginning.
    text: str | None = None
    text_start: int = 0

    @property
    def id(self) -> str:
        """Deterministic id: "{issuer.id}/{date}/{item slug}"."""
        issuer = self.issuer.id if self.issuer else "unknown"
        item = slug(self.item or self.title or "") or "resolution"
        return f"{issuer}/{self.date or 'undated'}/{item}"
