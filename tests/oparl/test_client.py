"""The OParl client against the fixture server: pagination, retries, spec checks, manners."""

from __future__ import annotations

import time

import pytest

from loaders.oparl.client import (
    USER_AGENT,
    ClientOptions,
    OParlClient,
    OParlError,
    SpecError,
    check_object,
)


def test_pages_follow_next_links_and_keep_the_filter(oparl_server, client) -> None:
    meetings = list(client.pages(oparl_server.url("body/a/meetings")))
    assert [m["name"] for m in meetings] == [
        "5. Sitzung des Gemeinderates", "2. Sitzung des Ausschusses für Umwelt und Verkehr",
        "Ortstermin"]
    pages = [url for _, url, _ in oparl_server.requests if "meetings" in url]
    assert len(pages) == 2  # two entries a page

    oparl_server.touch(oparl_server.url("meeting/a3"), name="Ortstermin am Mühlbach")
    oparl_server.delete(oparl_server.url("meeting/a2"))
    since = "2026-02-01T00:00:00+01:00"
    changed = list(client.pages(oparl_server.url("body/a/meetings"),
                                {"modified_since": since}))
    assert [(m["id"].rsplit("/", 1)[-1], m.get("deleted", False)) for m in changed] == [
        ("a2", True), ("a3", False)]
    # Without the filter a deleted object is not listed.
    assert len(list(client.pages(oparl_server.url("body/a/meetings")))) == 2


def test_a_500_is_retried_then_reported_in_one_line(oparl_server, client) -> None:
    url = f"{oparl_server.base}/files/broken.pdf"
    with pytest.raises(OParlError) as caught:
        client.get_bytes(url)
    assert str(caught.value) == f"{url}: HTTP 500 (2 attempts)"
    assert sum(1 for _, seen, _ in oparl_server.requests if seen == url) == 2


def test_a_slow_answer_times_out_and_is_retried(oparl_server, client) -> None:
    url = oparl_server.url("cons/b2-1")
    with pytest.raises(OParlError, match=r"timed out after 0\.5 s \(2 attempts\)$"):
        client.get_object(url, "Consultation")
    assert sum(1 for _, seen, _ in oparl_server.requests if seen == url) == 2


def test_a_404_is_not_retried(oparl_server, client) -> None:
    url = oparl_server.url("meeting/none")
    with pytest.raises(OParlError, match="HTTP 404$"):
        client.get_object(url, "Meeting")
    assert sum(1 for _, seen, _ in oparl_server.requests if seen == url) == 1


def test_spec_breaking_answers_are_spec_errors(oparl_server, client) -> None:
    with pytest.raises(SpecError, match=r"paper/bad: not JSON"):
        client.get_object(oparl_server.url("paper/bad"), "Paper")
    with pytest.raises(SpecError, match="expected type Meeting"):
        client.get_object(oparl_server.url("paper/a1"), "Meeting")
    with pytest.raises(SpecError, match="list page without a data array"):
        list(client.pages(oparl_server.url("system")))
    with pytest.raises(SpecError, match="^somewhere: Meeting object without an id$"):
        check_object({"type": "https://schema.oparl.org/1.0/Meeting"}, "Meeting", "somewhere")
    assert check_object({"id": "x", "type": "https://schema.oparl.org/1.0/Meeting"},
                        "Meeting", "somewhere")["id"] == "x"


def test_requests_name_the_project(oparl_server, client) -> None:
    client.get_object(oparl_server.url("system"), "System")
    headers = oparl_server.requests[-1][2]
    assert headers["User-Agent"] == USER_AGENT
    assert USER_AGENT.startswith("stakeholder-graph/")


def test_the_rate_limit_spaces_requests(oparl_server) -> None:
    with OParlClient(ClientOptions(requests_per_second=10, timeout=5)) as polite:
        started = time.monotonic()
        for _ in range(6):
            polite.get_object(oparl_server.url("system"), "System")
        elapsed = time.monotonic() - started
    # Six requests at ten a second cannot be done in less than half a second.
    assert elapsed >= 0.5
    assert ClientOptions().requests_per_second <= 5  # the default: a few a second
