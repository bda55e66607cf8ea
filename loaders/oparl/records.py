"""OParl objects become the project's records: the body's Kommune, the meeting's
organization as the issuing Gremium, and the agenda item's decision as a Resolution whose
statements the extractor reads from the decision text with that Gremium speaking."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from loaders.bodies import genitive, kommune, kommune_kind
from loaders.extract import extract_decision
from loaders.metadata import SESSION
from loaders.oparl.walk import AgendaContext
from loaders.records import ActorRef, Resolution, slug

LOCAL = ZoneInfo("Europe/Berlin")
KREIS = re.compile(r"^(?:Land)?[Kk]reis$")


@dataclass
class OParlResolution:
    """A resolution with what the graph needs beside it: where it came from in OParl
    (`sources`: every object it was made from), its Kommune, the issuing organization and
    the organizations above it (`part_of`: child and parent actor ids)."""

    resolution: Resolution
    document: str  # the agenda item's OParl id: the key it is stored and replaced under
    meeting: str  # the meeting's OParl id
    kommune: ActorRef
    body: str
    organizations: dict[str, ActorRef]  # OParl id -> actor
    part_of: list[tuple[str, str]] = field(default_factory=list)
    paper: str | None = None
    sources: list[str] = field(default_factory=list)


def kommune_ref(body: dict[str, Any]) -> ActorRef:
    """The body as a Kommune: `DE-<AGS>` named from the body (a slug without an AGS)."""
    name = str(body.get("name") or body.get("shortName") or body["id"]).strip()
    short = str(body.get("shortName") or "").strip()
    kind = "kreis" if KREIS.match(str(body.get("classification") or "")) \
        else kommune_kind(name)
    ags = str(body.get("ags") or "").strip()
    if not re.fullmatch(r"\d{8}", ags):
        found = kommune(name)
        return ActorRef(id=found.id, name=name, type_key=kind, aliases=found.aliases,
                        known=False, level="kommune")
    aliases = tuple(a for a in dict.fromkeys([short, place_name(name, short)]) if a and a != name)
    return ActorRef(id=f"DE-{ags}", name=name, type_key=kind, aliases=aliases, known=True,
                    level="kommune")


def place_name(name: str, short: str = "") -> str:
    """ "Musterstadt" for "Stadt Musterstadt" or "Musterstadt, Große Kreisstadt"."""
    if short:
        return short
    name = name.split(",")[0].strip()
    return re.sub(r"^(?:Stadt|Gemeinde|Markt|Landkreis|Kreis|Landeshauptstadt|Hansestadt)\s+",
                  "", name)


def organization_ref(org: dict[str, Any], home: ActorRef) -> ActorRef:
    """An organization as a Gremium of its Kommune: id `DE-<AGS>/<slug of its name>`, the
    id a text that names the bare organ ("der Gemeinderat") gives it too."""
    name = str(org.get("name") or org.get("shortName") or org["id"]).strip()
    short = str(org.get("shortName") or "").strip()
    place = place_name(home.name, home.aliases[0] if home.aliases else "")
    shown = name if place in name else f"{name} {place}"
    aliases = [name, short, f"{name} {genitive(home)}", f"{short} {place}" if short else ""]
    return ActorRef(id=f"{home.id}/{slug(name)}", name=shown, type_key="committee",
                    aliases=tuple(a for a in dict.fromkeys(aliases) if a and a != shown),
                    known=False, level="board")


def local_date(value: Any) -> str | None:
    """The date of an OParl date-time in German local time ("2026-03-04T23:30:00+00:00" is
    the 5th); a bare date stays as it is."""
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        match = re.match(r"\d{4}-\d{2}-\d{2}", value)
        return match.group() if match else None
    if moment.tzinfo is not None:
        moment = moment.astimezone(LOCAL)
    return moment.date().isoformat()


def _item_label(item: dict[str, Any]) -> str | None:
    number = str(item.get("number") or "").strip().rstrip(".")
    if number:
        return number
    order = item.get("order")
    return str(order + 1) if isinstance(order, int) else None


def _place(meeting: dict[str, Any]) -> str | None:
    location = meeting.get("location")
    if isinstance(location, dict) and location.get("locality"):
        return str(location["locality"])
    return None


def to_record(ctx: AgendaContext) -> OParlResolution | None:
    """The agenda item's resolution, or None when it has no decision text."""
    if ctx.text is None:
        return None
    home = kommune_ref(ctx.body)
    made_from = [*ctx.organizations, *ctx.parents.values()]
    orgs = {org["id"]: organization_ref(org, home) for org in made_from}
    issuer = orgs[ctx.organizations[0]["id"]]
    part_of = [(ref.id, home.id) for ref in orgs.values()]
    part_of += [(orgs[child].id, orgs[parent["id"]].id) for child, parent in ctx.parents.items()]
    meeting = ctx.meeting
    session = SESSION.search(str(meeting.get("name") or ""))
    res = Resolution(issuer=issuer, date=local_date(meeting.get("start") or
                                                    ctx.item.get("start")),
                     session=session.group(1) if session else None, place=_place(meeting),
                     item=_item_label(ctx.item), title=ctx.item.get("name") or None,
                     source_url=ctx.item.get("web") or ctx.item["id"])
    known = [a for a in orgs.values() if a.id != issuer.id]
    if ctx.main_organization is not None:  # "empfiehlt dem Gemeinderat"
        known.insert(0, organization_ref(ctx.main_organization, home))
    extract_decision(ctx.text, res, home=home, known=known,
                     whole_text=ctx.file is None)
    reference = ctx.paper.get("reference") if ctx.paper else None
    sources = [ctx.system["id"], ctx.body["id"], *orgs, meeting["id"], ctx.item["id"]]
    sources += [o["id"] for o in (ctx.consultation, ctx.paper, ctx.file) if o]
    return OParlResolution(resolution=res, document=ctx.item["id"], meeting=meeting["id"],
                           kommune=home,
                           body=ctx.body["id"], organizations=orgs,
                           part_of=list(dict.fromkeys(part_of)),
                           paper=str(reference) if reference else None,
                           sources=list(dict.fromkeys(sources)))
