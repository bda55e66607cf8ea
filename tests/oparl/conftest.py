"""A small OParl 1.1 server of our own, written from the spec, on 127.0.0.1 and a free port.

It holds two invented bodies (Gemeinde Musterdorf, Stadt Beispielstadt) with paginated
lists (two entries a page), inline and referenced objects, a resolution only as a PDF
file, a file that always answers 500, a consultation slower than the client's timeout,
spec-breaking entries (no id, the wrong type, a paper that is not JSON), and `modified`
times so that `modified_since` works; deleted objects are listed only with that filter.
Tests change it between runs with `update`, `delete` and `heal`. Every text is invented.
"""

from __future__ import annotations

import io
import json
import textwrap
import threading
import time
from collections.abc import Iterator
from copy import deepcopy
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from loaders.oparl.client import ClientOptions, OParlClient

T = "https://schema.oparl.org/1.1/"
OLD = "2026-01-15T10:00:00+01:00"
PAGE = 2
SLOW_SECONDS = 3.0

MUEHLBACH = ("Der Gemeinderat beschließt den Bebauungsplan „Am Mühlbach“ als Satzung. "
             "Die Verwaltung wird beauftragt, den Beschluss ortsüblich bekannt zu machen.")
RADWEG_PDF = ("Gemeinde Musterdorf\n\nBeschluss\n\n"
              "Der Gemeinderat beauftragt die Verwaltung, bis zum 30.09.2026 ein Radwegekonzept "
              "für den Ortsteil Unterau vorzulegen.")
TEMPO30 = ("<p>Der Ausschuss für Umwelt und Verkehr empfiehlt dem Gemeinderat, vor allen "
           "Schulen Tempo 30 anzuordnen.</p><p>Die Verwaltung wird beauftragt, bis zum "
           "30.06.2026 ein Konzept vorzulegen.</p>")
SCHULE = "Der Stadtrat beauftragt die Verwaltung, die Sanierung der Grundschule Nord zu planen."
SCHULE_NEW = ("Der Stadtrat beauftragt die Verwaltung, die Sanierung der Grundschule Nord bis "
              "zum 31.12.2026 auszuschreiben.")
HALLE = "Der Bauausschuss empfiehlt dem Stadtrat, die Sporthalle Süd zu erweitern."
MARKT = "Der Stadtrat beauftragt die Verwaltung, den Wochenmarkt auf den Rathausplatz zu verlegen."


def text_pdf(text: str) -> bytes:
    """A PDF with a text layer (reportlab)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    y = 800
    for paragraph in text.split("\n"):
        for line in textwrap.wrap(paragraph, 80) or [""]:
            page.drawString(50, y, line)
            y -= 16
    page.save()
    return buffer.getvalue()


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


class OParlFixture:
    """The objects of the server, by id, and what it answered."""

    SCHULE_NEW = SCHULE_NEW

    def __init__(self, base: str) -> None:
        self.base = base
        self.objects: dict[str, dict[str, Any]] = {}
        self.lists: dict[str, list[str]] = {}
        self.files: dict[str, bytes] = {"radweg.pdf": text_pdf(RADWEG_PDF)}
        self.broken_files = {"broken.pdf"}
        self.slow: set[str] = set()
        self.requests: list[tuple[float, str, dict[str, str]]] = []
        self.lock = threading.Lock()
        self._build()

    def url(self, path: str) -> str:
        return f"{self.base}/oparl/{path}"

    def add(self, kind: str, path: str, listed_in: str | None = None, **props: Any) -> str:
        oid = self.url(path)
        self.objects[oid] = {"id": oid, "type": T + kind, "created": OLD, "modified": OLD,
                             **props}
        if listed_in:
            self.lists.setdefault(listed_in, []).append(oid)
        return oid

    def _build(self) -> None:
        u = self.url
        self.add("System", "system", oparlVersion=T, name="Ratsinformationssystem Muster",
                 body=u("bodies"))
        for key, name, short, ags, cls in (("a", "Gemeinde Musterdorf", "Musterdorf", "09999001",
                                            "Gemeinde"),
                                           ("b", "Stadt Beispielstadt", "Beispielstadt",
                                            "08999002", "Kreisangehörige Stadt")):
            self.add("Body", f"body/{key}", "bodies", system=u("system"), name=name,
                     shortName=short, ags=ags, classification=cls,
                     organization=u(f"body/{key}/organizations"),
                     meeting=u(f"body/{key}/meetings"), paper=u(f"body/{key}/papers"),
                     agendaItem=u(f"body/{key}/agendaItems"),
                     mainOrganization=u(f"org/{key}1"))
            for name in ("organizations", "meetings", "papers", "agendaItems"):
                self.lists[f"body/{key}/{name}"] = []
        # Musterdorf: the Gemeinderat and its committee.
        self.add("Organization", "org/a1", "body/a/organizations", name="Gemeinderat",
                 body=u("body/a"), organizationType="Gremium", classification="Parlament")
        self.add("Organization", "org/a2", "body/a/organizations",
                 name="Ausschuss für Umwelt und Verkehr", shortName="Umweltausschuss",
                 subOrganizationOf=u("org/a1"), body=u("body/a"), organizationType="Gremium")
        self.add("Consultation", "cons/a1-1", paper=u("paper/a1"), organization=[u("org/a1")])
        self.add("Paper", "paper/a1", "body/a/papers", name="Bebauungsplan Am Mühlbach",
                 reference="2026/0042", body=u("body/a"))
        self.add("AgendaItem", "item/a1-1", "body/a/agendaItems", meeting=u("meeting/a1"),
                 number="1", order=0, name="Bebauungsplan „Am Mühlbach“",
                 resolutionText=MUEHLBACH, consultation=u("cons/a1-1"),
                 web=f"{self.base}/web/item/a1-1")
        self.add("AgendaItem", "item/a1-2", "body/a/agendaItems", meeting=u("meeting/a1"),
                 number="2", order=1, name="Bericht der Kämmerei", result="zur Kenntnis")
        self.add("AgendaItem", "item/a1-3", "body/a/agendaItems", meeting=u("meeting/a1"),
                 number="3", order=2, name="Radwegekonzept Unterau",
                 resolutionFile={"id": u("file/radweg"), "type": T + "File",
                                 "name": "Beschluss Radwegekonzept", "fileName": "radweg.pdf",
                                 "mimeType": "application/pdf",
                                 "accessUrl": f"{self.base}/files/radweg.pdf",
                                 "created": OLD, "modified": OLD})
        self.add("Meeting", "meeting/a1", "body/a/meetings", name="5. Sitzung des Gemeinderates",
                 start="2026-03-04T19:00:00+01:00", organization=[u("org/a1")],
                 agendaItem=[u("item/a1-1"), u("item/a1-2"), u("item/a1-3")], _inline=True)
        # The committee's items are only in the body's external list (no agendaItem here).
        self.add("Meeting", "meeting/a2", "body/a/meetings",
                 name="2. Sitzung des Ausschusses für Umwelt und Verkehr",
                 start="2026-03-10T23:30:00+00:00", organization=[u("org/a2")])
        self.add("AgendaItem", "item/a2-1", "body/a/agendaItems", meeting=u("meeting/a2"),
                 number="4.1", order=0, name="Tempo 30 vor Schulen", resolutionText=TEMPO30,
                 web=f"{self.base}/web/item/a2-1")
        self.add("AgendaItem", "item/a2-2", "body/a/agendaItems", meeting=u("meeting/a2"),
                 number="4.2", order=1, name="Baumschutzsatzung",
                 resolutionFile={"id": u("file/broken"), "type": T + "File",
                                 "fileName": "baum.pdf", "mimeType": "application/pdf",
                                 "accessUrl": f"{self.base}/files/broken.pdf",
                                 "created": OLD, "modified": OLD})
        self.add("Meeting", "meeting/a3", "body/a/meetings", name="Ortstermin",
                 start="2026-04-01T10:00:00+02:00", organization=[u("org/a1")])
        # Beispielstadt: a Stadtrat, a Bauausschuss, spec-breaking entries, a slow answer.
        self.add("Organization", "org/b1", "body/b/organizations", name="Stadtrat",
                 body=u("body/b"))
        self.add("Organization", "org/b2", "body/b/organizations", name="Bauausschuss",
                 subOrganizationOf=u("org/b1"), body=u("body/b"))
        self.add("AgendaItem", "item/b1-1", meeting=u("meeting/b1"), number="7", order=0,
                 name="Sanierung Grundschule Nord", resolutionText=SCHULE)
        self.add("AgendaItem", "item/b1-2", meeting=u("meeting/b1"), number="8", order=1,
                 name="Wochenmarkt", resolutionText=MARKT, consultation=u("cons/b1-2"))
        self.add("Consultation", "cons/b1-2", paper=u("paper/bad"))
        self.add("Paper", "paper/bad", name="kaputt")
        self.add("Meeting", "meeting/b1", "body/b/meetings", name="12. Sitzung des Stadtrates",
                 start="2026-02-26T18:00:00+01:00", organization=[u("org/b1")],
                 agendaItem=[u("item/b1-1"), u("item/b1-2")], _inline=True, _refs={u("item/b1-2")})
        self.add("AgendaItem", "item/b2-1", meeting=u("meeting/b2"), number="3", order=0,
                 name="Erweiterung Sporthalle Süd", resolutionText=HALLE,
                 consultation=u("cons/b2-1"))
        self.add("Consultation", "cons/b2-1", organization=[u("org/b2")])
        self.slow.add(u("cons/b2-1"))
        self.add("Meeting", "meeting/b2", "body/b/meetings", name="3. Sitzung des Bauausschusses",
                 start="2026-03-02T17:00:00+01:00", organization=[u("org/b2")],
                 agendaItem=[u("item/b2-1")], _inline=True)
        self.lists["body/b/meetings"].insert(1, "no-id")  # an entry without an id
        self.lists["body/b/meetings"].append("wrong-type")  # a Paper in the meeting list

    # ------------------------------------------------------------------ changes between runs
    def touch(self, oid: str, **props: Any) -> None:
        with self.lock:
            obj = self.objects[oid]
            obj.update(props, modified=_now())
            if obj.get("meeting") in self.objects:  # 1.1: the embedding object changes too
                self.objects[obj["meeting"]]["modified"] = _now()

    def delete(self, oid: str) -> None:
        with self.lock:
            obj = self.objects[oid]
            keep = {k: obj[k] for k in ("id", "type", "created") if k in obj}
            self.objects[oid] = {**keep, "deleted": True, "modified": _now(),
                                 **{k: v for k, v in obj.items() if k.startswith("_")}}
            for other in self.objects.values():  # inline lists never show deleted objects
                if oid in other.get("agendaItem", []):
                    other["agendaItem"].remove(oid)
                    other["modified"] = _now()

    def heal(self) -> None:
        """The broken file and the slow consultation answer again, with no object changed."""
        self.broken_files.clear()
        self.files["broken.pdf"] = text_pdf("Der Gemeinderat erlässt die Baumschutzsatzung.")
        self.slow.clear()

    # ------------------------------------------------------------------ rendering
    def render(self, oid: str) -> dict[str, Any]:
        obj = self.objects[oid]
        out = {k: deepcopy(v) for k, v in obj.items() if not k.startswith("_")}
        if obj.get("_inline") and not obj.get("deleted"):
            refs = obj.get("_refs", set())
            out["agendaItem"] = [i if i in refs else self._inline_item(i)
                                 for i in obj["agendaItem"]]
        return out

    def _inline_item(self, oid: str) -> dict[str, Any]:
        item = self.render(oid)
        item.pop("meeting", None)  # the back-reference is only given when fetched alone
        return item

    def page(self, name: str, query: dict[str, list[str]]) -> dict[str, Any]:
        since = query.get("modified_since", [None])[0]
        entries: list[Any] = []
        for oid in self.lists.get(name, []):
            if oid in ("no-id", "wrong-type"):  # old entries: listed only without a filter
                if since is None:
                    entries.append({"type": T + "Meeting", "name": "Sitzung ohne Kennung"}
                                   if oid == "no-id" else
                                   {"id": self.url("paper/x"), "type": T + "Paper"})
                continue
            obj = self.objects[oid]
            if since is None and obj.get("deleted"):
                continue
            if since is not None and (datetime.fromisoformat(obj["modified"])
                                      < datetime.fromisoformat(since)):
                continue
            entries.append(self.render(oid))
        number = int(query.get("page", ["1"])[0])
        chunk = entries[(number - 1) * PAGE:number * PAGE]
        links: dict[str, str] = {}
        if number * PAGE < len(entries):
            params = {k: v[0] for k, v in query.items() if k != "page"}
            links["next"] = self.url(name) + "?" + urlencode({**params, "page": number + 1})
        return {"data": chunk, "pagination": {"totalElements": len(entries),
                                              "elementsPerPage": PAGE, "currentPage": number},
                "links": links}


class Handler(BaseHTTPRequestHandler):
    fixture: OParlFixture

    def log_message(self, *args: Any) -> None:  # quiet
        pass

    def do_GET(self) -> None:  # noqa: N802 - the http.server name
        fx = self.fixture
        parts = urlsplit(self.path)
        full = fx.base + parts.path
        with fx.lock:
            fx.requests.append((time.monotonic(), full + (f"?{parts.query}" if parts.query
                                                          else ""), dict(self.headers)))
        if full in fx.slow:
            time.sleep(SLOW_SECONDS)
        if parts.path.startswith("/files/"):
            name = parts.path.rsplit("/", 1)[-1]
            if name in fx.broken_files or name not in fx.files:
                return self._send(500, b'{"type": "' + T.encode() + b'Error"}')
            return self._send(200, fx.files[name], "application/pdf")
        if full == fx.url("paper/bad"):
            return self._send(200, b'{"id": "kaputt", "type": ', "application/json")
        path = parts.path.removeprefix("/oparl/")
        with fx.lock:
            if path in fx.lists or path == "bodies":
                body = fx.page(path, parse_qs(parts.query))
            elif full in fx.objects:
                body = fx.render(full)
            else:
                return self._send(404, b'{"message": "nicht gefunden"}')
        self._send(200, json.dumps(body, ensure_ascii=False).encode("utf-8"))

    def _send(self, status: int, data: bytes, kind: str = "application/json") -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting (the slow answer)


@pytest.fixture
def oparl_server() -> Iterator[OParlFixture]:
    """The fixture server, fresh for each test, stopped at its end."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    fixture = OParlFixture(f"http://127.0.0.1:{server.server_address[1]}")
    Handler.fixture = fixture
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield fixture
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def client() -> Iterator[OParlClient]:
    """A client without a rate limit, a short timeout and quick retries."""
    with OParlClient(ClientOptions(requests_per_second=0, timeout=0.5, attempts=2,
                                   backoff=0.05)) as c:
        yield c
