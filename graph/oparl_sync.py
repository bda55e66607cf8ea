"""Importing an OParl system into the graph, incrementally.

The walker (`loaders.oparl.walk`) reads; this module decides what each event makes: an
agenda item with a decision is stored (one transaction each), one without a decision or a
deleted object removes what it made, an agenda item that could not be read stays as it
was and is tried again on the next run. Each system and body records the start of its
last complete run; the next run asks only for what changed since (`modified_since`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from neo4j import Driver, Session
from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired

from graph.errors import GraphUnavailable
from graph.obligations import refresh_obligations
from graph.oparl_store import (
    SyncState,
    prune_meeting,
    read_body_states,
    read_states,
    remove_document,
    remove_made_from,
    remove_orphans,
    store_oparl_resolution,
    update_organization,
    update_papers,
    write_state,
)
from graph.reference import store_gazetteer
from graph.schema import apply_schema
from loaders.oparl.client import OParlClient, OParlError
from loaders.oparl.records import kommune_ref, organization_ref, to_record
from loaders.oparl.walk import (
    AgendaContext,
    BodyDone,
    Changed,
    Deleted,
    Event,
    Failure,
    MeetingItems,
    Walker,
    WalkPlan,
)


@dataclass
class ImportReport:
    """What one import run did; `failures` holds one line each."""

    bodies: int = 0
    meetings: int = 0
    agenda_items: int = 0
    resolutions: int = 0
    statements: int = 0
    removed: int = 0
    failures: list[str] = field(default_factory=list)
    requests: int = 0

    def summary(self) -> str:
        return (f"Read {self.bodies} bodies, {self.meetings} meetings, {self.agenda_items} "
                f"agenda items; stored {self.resolutions} resolutions ({self.statements} "
                f"statements), removed {self.removed}; {len(self.failures)} failed.")


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _no_gap(since: str | None, stored: str | None) -> bool:
    """A run may record its start as the last sync only if it asked for everything the
    stored state has not seen: no filter, or one not later than the stored last sync."""
    if since is None:
        return True
    if stored is None:
        return False
    return datetime.fromisoformat(since) <= datetime.fromisoformat(stored)


@dataclass
class _Run:
    driver: Driver
    session: Session
    system: str
    since: str | None
    report: ImportReport
    states: dict[str, SyncState]
    started: str = field(default_factory=_now)
    loaded: list[str] = field(default_factory=list)
    failed_items: dict[str, list[str]] = field(default_factory=dict)
    read_items: set[str] = field(default_factory=set)
    complete: dict[str, bool] = field(default_factory=dict)
    list_failed: bool = False  # the system's body list could not be read whole
    papers: dict[str, str | None] = field(default_factory=dict)  # changed paper references
    refetch: dict[str, list[str]] = field(default_factory=dict)  # items of renamed Gremien

    def body_since(self, body: str) -> str | None:
        if self.since is not None:
            return self.since
        state = self.states.get(body) or self.states.get(self.system)
        return state.last_sync if state else None

    def pending(self, body: str) -> list[str]:
        state = self.states.get(body)
        return list(state.pending) if state else []

    def write(self, work: Callable, *args: object) -> object:
        try:
            return self.session.execute_write(work, *args)
        except (ServiceUnavailable, SessionExpired) as exc:
            raise GraphUnavailable(f"Neo4j stopped answering while importing {self.system}: "
                                   f"{exc}; run the import again") from exc

    def handle(self, event: Event) -> None:
        if isinstance(event, AgendaContext):
            self.agenda_item(event)
        elif isinstance(event, Deleted):
            self.deleted(event)
        elif isinstance(event, MeetingItems):
            self.report.removed += self.write(prune_meeting, event.meeting, event.items)
        elif isinstance(event, Changed):
            self.changed(event)
        elif isinstance(event, Failure):
            self.report.failures.append(event.line)
            self.list_failed = self.list_failed or event.body == "*"
            if event.item and event.body:
                self.read_items.add(event.item)
                self.failed_items.setdefault(event.body, []).append(event.item)
        elif isinstance(event, BodyDone):
            self.body_done(event)

    def agenda_item(self, ctx: AgendaContext) -> None:
        item = ctx.item["id"]
        self.read_items.add(item)
        record = to_record(ctx)
        if record is None:
            self.report.removed += self.write(remove_document, item)
            return
        try:
            counts = self.write(store_oparl_resolution, record)
        except Neo4jError as exc:
            self.handle(Failure(f"{item}: the graph refused it ({exc.message})",
                                body=ctx.body["id"], item=item))
            return
        self.loaded.append(record.resolution.id)
        self.report.resolutions += counts.resolutions
        self.report.statements += counts.statements

    def deleted(self, event: Deleted) -> None:
        """What a deleted object made goes: agenda items and meetings by their index, the
        rarer organizations, papers, files and bodies through the resolutions' sources."""
        if event.kind == "AgendaItem":
            self.read_items.add(event.id)
            self.report.removed += self.write(remove_document, event.id)
        elif event.kind == "Meeting":
            self.report.removed += self.write(prune_meeting, event.id, [])
        else:
            self.report.removed += self.write(remove_made_from, [event.id])

    def changed(self, event: Changed) -> None:
        if event.kind == "Organization":
            ref = organization_ref(event.obj, kommune_ref(event.body))
            again = self.write(update_organization, event.obj["id"], ref)
            self.refetch.setdefault(event.body["id"], []).extend(again)
        elif event.kind == "Paper":
            reference = event.obj.get("reference")
            self.papers[event.obj["id"]] = str(reference) if reference else None

    def body_done(self, event: BodyDone) -> None:
        body = event.body["id"]
        self.complete[body] = event.complete
        if self.papers:
            self.write(update_papers, self.papers)
            self.papers = {}
        stored = self.states.get(body) or self.states.get(self.system)
        kept = [url for url in self.pending(body) if url not in self.read_items]
        failed = list(dict.fromkeys(self.failed_items.get(body, []) + kept))
        record = event.complete and _no_gap(self.since, stored.last_sync if stored else None)
        state = SyncState(body, self.started if record else None, failed)
        self.write(write_state, self.system, state)


def _copy_counts(report: ImportReport, walker: Walker, client: OParlClient) -> None:
    report.bodies, report.meetings = walker.counts.bodies, walker.counts.meetings
    report.agenda_items = walker.counts.agenda_items
    report.requests = client.requests


def import_system(driver: Driver, client: OParlClient, url: str, *, body: str | None = None,
                  since: str | None = None, limit: int | None = None,
                  database: str | None = None,
                  on_item: Callable[[ImportReport], None] | None = None) -> ImportReport:
    """Import the OParl system at `url` (all its bodies, or `body`), asking only for what
    changed since the last complete run unless `since` says otherwise; `limit` stops after
    that many agenda items. Failures are collected in the report, never raised, except a
    graph that stops answering."""
    apply_schema(driver, database)
    store_gazetteer(driver, database)
    report = ImportReport()
    with driver.session(database=database) as session:
        states = session.execute_read(read_body_states, url)
        states.update(session.execute_read(read_states, [url]))
        run = _Run(driver, session, url, since, report, states)
        system_state = states.get(url)
        plan = WalkPlan(since=run.body_since, pending=run.pending,
                        refetch=lambda body_id: run.refetch.get(body_id, []), body=body,
                        limit=limit,
                        system_since=since or (system_state.last_sync if system_state
                                               else None))
        walker = Walker(client, url, plan)
        items = 0
        try:
            for event in walker.events():
                run.handle(event)
                if walker.counts.agenda_items != items and on_item is not None:
                    items = walker.counts.agenda_items
                    _copy_counts(report, walker, client)
                    on_item(report)
        except OParlError as exc:  # the system object itself could not be read
            report.failures.append(str(exc))
            run.list_failed = True
        finally:
            _copy_counts(report, walker, client)
        run.write(remove_orphans)
        whole = (body is None and not walker.stopped and not run.list_failed
                 and all(run.complete.values())
                 and _no_gap(since, system_state.last_sync if system_state else None))
        if whole:
            run.write(write_state, url, SyncState(url, run.started, []))
    if run.loaded:
        refresh_obligations(driver, database, run.loaded)
    return report
