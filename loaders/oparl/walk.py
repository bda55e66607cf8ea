"""Walking an OParl system: system → bodies → organizations → meetings → agenda items
(inline in the meeting or in the body's external list) → consultations → papers.

The walker only reads: it yields events (an agenda item with everything it hangs on, a
deletion, a failure, the end of a body) and the caller decides what they make. Referenced
objects are fetched once per run (a cache by id); inline objects are used as they stand.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from loaders.documents import Document
from loaders.errors import DocumentError
from loaders.oparl.client import OParlClient, OParlError, SpecError, check_object
from loaders.oparl.texts import decision_text

Obj = dict[str, Any]
MAX_PARENTS = 8  # subOrganizationOf chains longer than this are taken to be cycles


@dataclass
class AgendaContext:
    """An agenda item with the objects it hangs on; `text` is None without a decision."""

    system: Obj
    body: Obj
    meeting: Obj
    item: Obj
    organizations: list[Obj]  # the meeting's, the lead organization first
    parents: dict[str, Obj]  # organization id -> the organization it is part of
    main_organization: Obj | None = None
    consultation: Obj | None = None
    paper: Obj | None = None
    file: Obj | None = None
    text: Document | None = None


@dataclass
class Deleted:
    """An object the server marks `deleted: true` (or a cancelled meeting)."""

    kind: str
    id: str


@dataclass
class MeetingItems:
    """The agenda items a meeting lists now: resolutions of others it once had go."""

    meeting: str
    items: list[str]


@dataclass
class Changed:
    """An organization or paper that changed: the nodes made from it follow."""

    kind: str
    obj: Obj
    body: Obj


@dataclass
class Failure:
    """One line naming the URL and the reason; `item` is an agenda item to try again."""

    line: str
    body: str | None = None
    item: str | None = None


@dataclass
class BodyDone:
    """The end of a body; `complete` when every list page of it was read."""

    body: Obj
    complete: bool


Event = AgendaContext | Deleted | MeetingItems | Changed | Failure | BodyDone


@dataclass
class WalkCounts:
    bodies: int = 0
    meetings: int = 0
    agenda_items: int = 0


@dataclass
class WalkPlan:
    """What to walk: `since(body_id)` gives the modified_since of a body (None: all),
    `pending(body_id)` the agenda items to fetch again first, `refetch(body_id)` those to
    fetch again at the end (asked after the body's lists were read), `body` one body's id
    or short name, `limit` the most agenda items to read."""

    since: Callable[[str], str | None] = lambda _body: None
    pending: Callable[[str], list[str]] = lambda _body: []
    refetch: Callable[[str], list[str]] = lambda _body: []
    body: str | None = None
    limit: int | None = None
    system_since: str | None = None


def _ref_id(ref: Any) -> str | None:
    if isinstance(ref, str):
        return ref
    if isinstance(ref, dict) and isinstance(ref.get("id"), str):
        return ref["id"]
    return None


@dataclass
class Walker:
    """Walks one system; iterate `events()`."""

    client: OParlClient
    url: str
    plan: WalkPlan = field(default_factory=WalkPlan)
    counts: WalkCounts = field(default_factory=WalkCounts)
    stopped: bool = False  # the limit was reached
    _cache: dict[str, Obj] = field(default_factory=dict)

    def resolve(self, ref: Any, kind: str) -> Obj:
        """An inline object as it stands, a referenced one fetched (once per run)."""
        if isinstance(ref, dict):
            obj = check_object(ref, kind, f"inline {kind}")
            self._cache.setdefault(obj["id"], obj)
            return obj
        if not isinstance(ref, str) or not ref:
            raise SpecError(self.url, f"expected a {kind} URL, got {ref!r}")
        if ref not in self._cache:
            self._cache[ref] = self.client.get_object(ref, kind)
        return self._cache[ref]

    def _list(self, body: Obj, attr: str, since: str | None) -> Iterator[Any]:
        url = body.get(attr)
        if not isinstance(url, str):
            return iter(())
        return self.client.pages(url, {"modified_since": since} if since else None)

    def events(self) -> Iterator[Event]:
        """Everything the walk finds, in order; a system that cannot be read raises."""
        system = self.client.get_object(self.url, "System")
        if not isinstance(system.get("body"), str):
            raise SpecError(self.url, "system without a body list")
        yield from self._deleted_bodies(system)
        try:
            for raw in self.client.pages(system["body"]):
                if self.stopped:
                    return
                try:
                    body = check_object(raw, "Body", system["body"])
                except SpecError as exc:
                    yield Failure(str(exc))
                    continue
                if body.get("deleted"):
                    yield Deleted("Body", body["id"])
                elif self._wanted(body):
                    self._cache[body["id"]] = body
                    yield from self._body(system, body)
        except OParlError as exc:
            yield Failure(str(exc), body="*")

    def _deleted_bodies(self, system: Obj) -> Iterator[Event]:
        """Bodies deleted since the last sync (the unfiltered list leaves them out)."""
        if not self.plan.system_since:
            return
        try:
            for raw in self.client.pages(system["body"],
                                         {"modified_since": self.plan.system_since}):
                if isinstance(raw, dict) and raw.get("deleted") and _ref_id(raw):
                    yield Deleted("Body", raw["id"])
        except OParlError as exc:
            yield Failure(str(exc), body="*")

    def _wanted(self, body: Obj) -> bool:
        wanted = self.plan.body
        if wanted is None:
            return True
        names = {body["id"], str(body.get("shortName", "")), str(body.get("name", ""))}
        return wanted in names or wanted.casefold() in {n.casefold() for n in names}

    def _body(self, system: Obj, body: Obj) -> Iterator[Event]:
        self.counts.bodies += 1
        since = self.plan.since(body["id"])
        complete = True
        seen: set[str] = set()
        for url in self.plan.pending(body["id"]):
            seen.add(url)
            yield from self._pending_item(system, body, url)
        steps = [("organization", self._organizations), ("meeting", self._meetings),
                 ("agendaItem", self._agenda_list)]
        if since:
            steps.append(("paper", self._papers))
        for attr, step in steps:
            if self.stopped:
                complete = False
                break
            try:
                yield from step(system, body, self._list(body, attr, since), seen)
            except OParlError as exc:
                complete = False
                yield Failure(str(exc), body=body["id"])
        for url in self.plan.refetch(body["id"]):
            if url not in seen and not self.stopped:
                seen.add(url)
                yield from self._pending_item(system, body, url)
        yield BodyDone(body, complete and not self.stopped)

    def _organizations(self, system: Obj, body: Obj, entries: Iterator[Any],
                       seen: set[str]) -> Iterator[Event]:
        for raw in entries:
            try:
                org = check_object(raw, "Organization", str(body.get("organization")))
            except SpecError as exc:
                yield Failure(str(exc), body=body["id"])
                continue
            if org.get("deleted"):
                yield Deleted("Organization", org["id"])
            else:
                self._cache[org["id"]] = org
                yield Changed("Organization", org, body)

    def _papers(self, system: Obj, body: Obj, entries: Iterator[Any],
                seen: set[str]) -> Iterator[Event]:
        for raw in entries:
            try:
                paper = check_object(raw, "Paper", str(body.get("paper")))
            except SpecError as exc:
                yield Failure(str(exc), body=body["id"])
                continue
            if paper.get("deleted"):
                yield Deleted("Paper", paper["id"])
            else:
                self._cache[paper["id"]] = paper
                yield Changed("Paper", paper, body)

    def _meetings(self, system: Obj, body: Obj, entries: Iterator[Any],
                  seen: set[str]) -> Iterator[Event]:
        for raw in entries:
            if self.stopped:
                return
            try:
                meeting = check_object(raw, "Meeting", str(body.get("meeting")))
            except SpecError as exc:
                yield Failure(str(exc), body=body["id"])
                continue
            if meeting.get("deleted") or meeting.get("cancelled"):
                yield Deleted("Meeting", meeting["id"])
                continue
            self.counts.meetings += 1
            self._cache[meeting["id"]] = meeting
            listed: list[str] = []
            for ref in meeting.get("agendaItem") or []:
                if self.stopped:
                    return
                item_id = _ref_id(ref)
                if item_id is None:
                    yield Failure(str(SpecError(meeting["id"], "agenda item without an id")),
                                  body=body["id"])
                    continue
                listed.append(item_id)
                if item_id in seen:  # already tried again as a pending item
                    continue
                seen.add(item_id)
                yield from self._item(system, body, meeting, ref)
            if not self.stopped:
                yield MeetingItems(meeting["id"], listed)

    def _agenda_list(self, system: Obj, body: Obj, entries: Iterator[Any],
                     seen: set[str]) -> Iterator[Event]:
        """The body's external agenda item list (OParl 1.1): items no meeting listed."""
        for raw in entries:
            if self.stopped:
                return
            item_id = _ref_id(raw)
            if item_id in seen:
                continue
            try:
                item = check_object(raw, "AgendaItem", str(body.get("agendaItem")))
            except SpecError as exc:
                yield Failure(str(exc), body=body["id"])
                continue
            if item.get("deleted"):
                yield Deleted("AgendaItem", item["id"])
                continue
            try:
                meeting = self.resolve(item.get("meeting"), "Meeting")
            except OParlError as exc:
                yield Failure(str(exc), body=body["id"], item=item["id"])
                continue
            if meeting.get("deleted") or meeting.get("cancelled"):
                continue
            yield from self._item(system, body, meeting, item)

    def _pending_item(self, system: Obj, body: Obj, url: str) -> Iterator[Event]:
        """An agenda item that failed last time, fetched by its URL."""
        try:
            item = self.client.get_object(url, "AgendaItem")
            if item.get("deleted"):
                yield Deleted("AgendaItem", item["id"])
                return
            meeting = self.resolve(item.get("meeting"), "Meeting")
        except OParlError as exc:
            yield Failure(str(exc), body=body["id"], item=url)
            return
        if meeting.get("deleted") or meeting.get("cancelled"):
            yield Deleted("AgendaItem", url)
            return
        yield from self._item(system, body, meeting, item)

    def _item(self, system: Obj, body: Obj, meeting: Obj, ref: Any) -> Iterator[Event]:
        if self.plan.limit is not None and self.counts.agenda_items >= self.plan.limit:
            self.stopped = True
            return
        self.counts.agenda_items += 1
        item_id = _ref_id(ref) or meeting["id"]
        try:
            item = self.resolve(ref, "AgendaItem")
            if item.get("deleted"):
                yield Deleted("AgendaItem", item["id"])
                return
            yield self.context(system, body, meeting, item)
        except (OParlError, DocumentError) as exc:
            yield Failure(str(exc), body=body["id"], item=item_id)

    def context(self, system: Obj, body: Obj, meeting: Obj, item: Obj) -> AgendaContext:
        """The agenda item with its organizations, consultation, paper and decision text."""
        refs = meeting.get("organization") or []
        organizations = [self.resolve(ref, "Organization") for ref in refs]
        main = body.get("mainOrganization")
        main_org = self.resolve(main, "Organization") if main else None
        if not organizations and main_org is not None:
            organizations = [main_org]
        if not organizations:
            raise SpecError(meeting["id"], "meeting without an organization")
        ctx = AgendaContext(system=system, body=body, meeting=meeting, item=item,
                            organizations=organizations, parents={},
                            main_organization=main_org)
        for org in organizations:
            self._parents(org, ctx.parents)
        if item.get("consultation"):
            ctx.consultation = self.resolve(item["consultation"], "Consultation")
            if ctx.consultation.get("paper"):
                ctx.paper = self.resolve(ctx.consultation["paper"], "Paper")
        ctx.file, ctx.text = decision_text(self, item)
        return ctx

    def _parents(self, org: Obj, parents: dict[str, Obj]) -> None:
        """The subOrganizationOf chain above `org`, into `parents` (child id -> parent)."""
        for _ in range(MAX_PARENTS):
            ref = org.get("subOrganizationOf")
            if not ref or _ref_id(ref) in parents or _ref_id(ref) == org["id"]:
                return
            parent = self.resolve(ref, "Organization")
            parents[org["id"]] = parent
            org = parent
