"""Requests followed to their answers: sitting deadlines, fulfilment, status as of a date."""

from datetime import date
from pathlib import Path

from neo4j import Driver

from graph.loading import load_documents
from graph.obligations import decide_fulfilment, list_obligations

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "resolutions"
DMK = EXAMPLES / "dmk-2024-10-18-top07.txt"
BMK = EXAMPLES / "bmk-2025-09-25-top12.txt"


def dmk_to_bmk(driver: Driver, as_of: str) -> dict:
    page = list_obligations(driver, as_of=date.fromisoformat(as_of), requester="DMK",
                            addressee="BMK")
    assert page.total == 1
    return page.items[0]


def test_bmk_answer_is_linked_as_fulfilment_of_the_dmk_request(driver: Driver) -> None:
    load_documents(driver, [DMK, BMK], progress=False)
    item = dmk_to_bmk(driver, "2025-10-01")
    assert item["status"] == "fulfilled"
    [link] = item["fulfilments"]
    assert link["resolution"] == "BMK/2025-09-25/top-12"
    assert "18.10.2024" in link["evidence"]
    assert 0.5 <= link["confidence"] < 1.0 and link["decision"] == "proposed"


def test_status_follows_the_date_asked_about(driver: Driver) -> None:
    load_documents(driver, [DMK, BMK], progress=False)
    # Deadline "bis zur Frühjahrs-Digitalministerkonferenz 2025": the spring sitting is not
    # loaded, so the end of spring 2025 stands in for it.
    assert dmk_to_bmk(driver, "2025-01-15")["status"] == "open"
    assert dmk_to_bmk(driver, "2025-06-10")["status"] == "due"
    assert dmk_to_bmk(driver, "2025-07-15")["status"] == "overdue"
    assert dmk_to_bmk(driver, "2025-09-25")["status"] == "fulfilled"
    before = list_obligations(driver, as_of=date(2024, 10, 1), requester="DMK")
    assert before.total == 0, "a request does not exist before its resolution"


def test_filter_by_status(driver: Driver) -> None:
    load_documents(driver, [DMK, BMK], progress=False)
    overdue = list_obligations(driver, as_of=date(2025, 7, 15), status="overdue")
    assert {i["addressee"] for i in overdue.items} >= {"BMK", "RMK", "ITPLR"}
    assert all(i["status"] == "overdue" for i in overdue.items)


def test_sitting_deadline_gets_the_date_of_that_sitting_once_loaded(
        driver: Driver, tmp_path: Path) -> None:
    spring = tmp_path / "dmk-2025-spring.txt"
    spring.write_text("3. Digitalministerkonferenz (DMK)\n\n09.05.2025 in Mainz\n\nTOP 2\n\n"
                      "Beschluss\n\nDigitale Verwaltung\n\n1. Die Digitalministerkonferenz "
                      "nimmt den Bericht des IT-Planungsrats zur Kenntnis.\n", encoding="utf-8")
    load_documents(driver, [DMK, spring], progress=False)
    item = dmk_to_bmk(driver, "2025-05-08")
    assert item["due_date"] == "2025-05-09" and item["due_date_estimated"] is False
    assert item["status"] == "due"
    assert dmk_to_bmk(driver, "2025-05-10")["status"] == "overdue"


def _spring_sitting(folder: Path, day: str) -> Path:
    path = folder / f"dmk-{day}.txt"
    path.write_text(f"3. Digitalministerkonferenz (DMK)\n\n{day} in Mainz\n\nTOP 2\n\n"
                    "Beschluss\n\nDigitale Verwaltung\n\n1. Die Digitalministerkonferenz "
                    "nimmt den Bericht des IT-Planungsrats zur Kenntnis.\n", encoding="utf-8")
    return path


def test_a_sitting_loaded_in_a_later_load_dates_the_deadline_and_an_earlier_one_wins(
        driver: Driver, tmp_path: Path) -> None:
    load_documents(driver, [DMK], progress=False)
    assert dmk_to_bmk(driver, "2025-05-08")["due_date_estimated"] is True
    load_documents(driver, [_spring_sitting(tmp_path, "20.06.2025")], progress=False)
    item = dmk_to_bmk(driver, "2025-05-08")
    assert item["due_date"] == "2025-06-20" and item["due_date_estimated"] is False
    load_documents(driver, [_spring_sitting(tmp_path, "09.05.2025")], progress=False)
    assert dmk_to_bmk(driver, "2025-05-08")["due_date"] == "2025-05-09"
    load_documents(driver, [_spring_sitting(tmp_path, "27.06.2025")], progress=False)
    assert dmk_to_bmk(driver, "2025-05-08")["due_date"] == "2025-05-09"


def test_a_decision_survives_reloading_the_documents(driver: Driver) -> None:
    load_documents(driver, [DMK, BMK], progress=False)
    obligation = dmk_to_bmk(driver, "2025-10-01")["id"]
    decide_fulfilment(driver, obligation, "BMK/2025-09-25/top-12", "rejected", by="analyst")
    load_documents(driver, [DMK, BMK], progress=False)
    item = dmk_to_bmk(driver, "2025-10-01")
    assert item["fulfilments"] == [] and item["status"] == "overdue"
    decide_fulfilment(driver, obligation, "BMK/2025-09-25/top-12", "confirmed")
    load_documents(driver, [BMK], progress=False)
    [link] = dmk_to_bmk(driver, "2025-10-01")["fulfilments"]
    assert link["decision"] == "confirmed" and link["confidence"] == 1.0
