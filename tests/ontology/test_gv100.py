"""GV100AD records (fixtures/GV100AD_sample.txt: BW with Ulm and Blaubeuren, Hessen with
Frankfurt, Gebietsstand 31.12.2024, written in the Destatis fixed-width layout)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ontology.gv100 import Gv100Directory, Gv100Error, parse_line, parse_lines, read_gv100

SAMPLE = Path(__file__).with_name("fixtures") / "GV100AD_sample.txt"


def test_ulm_with_its_kreis_and_land() -> None:
    directory = Gv100Directory.from_file(SAMPLE)
    ulm = directory.records["08421000"]
    assert (ulm.name, ulm.kind, ulm.ars) == ("Ulm, Universitätsstadt", "gemeinde", "084210000000")
    assert ulm.type_label == "Stadtkreis"
    assert ulm.valid_on == dt.date(2024, 12, 31)
    assert directory.kreis_of(ulm).name == "Ulm"
    land = directory.land_of(ulm)
    assert (land.name, land.kind, land.seat) == ("Baden-Württemberg", "land", "Stuttgart")
    assert ulm.land_id == "DE-BW" and ulm.class_key == "gemeinde"


def test_ars_includes_the_gemeindeverband() -> None:
    directory = Gv100Directory.from_file(SAMPLE)
    blaubeuren = directory.records["08425020"]
    assert blaubeuren.ars == "084255003020"
    assert directory.kreis_of(blaubeuren).name == "Alb-Donau-Kreis"
    assert directory.kreis_of(blaubeuren).type_label == "Landkreis"


def test_records_come_in_file_order_with_every_level() -> None:
    records = list(read_gv100(SAMPLE))
    assert [r.kind for r in records[:5]] == ["land", "regierungsbezirk", "kreis",
                                             "gemeindeverband", "gemeinde"]
    assert {r.name for r in records if r.kind == "gemeinde"} == {
        "Ulm, Universitätsstadt", "Blaubeuren, Stadt", "Frankfurt am Main, Stadt"}


def test_latin1_file_is_read(tmp_path: Path) -> None:
    legacy = tmp_path / "GV100AD_legacy.txt"
    legacy.write_bytes(SAMPLE.read_text(encoding="utf-8").encode("latin-1"))
    names = [r.name for r in read_gv100(legacy)]
    assert "Baden-Württemberg" in names


@pytest.mark.parametrize(("line", "reason"), [
    ("99" + "20241231" + "08421000", "unknown Satzart '99'"),
    ("60" + "20241331" + "084210000000Ulm", "Gebietsstand '20241331'"),
    ("60" + "20241231" + "0842X0000000Ulm", "regional key '0842X000'"),
    ("60" + "20241231" + "08421000    " + " " * 50, "Gemeindeverband ''"),
    ("60" + "20241231" + "084210000000" + " " * 50, "empty name"),
    ("6020241231", "too short"),
])
def test_malformed_line_names_file_line_and_reason(line: str, reason: str) -> None:
    with pytest.raises(Gv100Error) as caught:
        parse_line(line, "GV100AD_31122024.txt", 17)
    assert str(caught.value).startswith("GV100AD_31122024.txt:17: ")
    assert reason in str(caught.value)


def test_gemeinde_before_its_kreis_is_an_error(tmp_path: Path) -> None:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    without_kreis = [lines[0], lines[4]]  # Land BW, then Ulm without Kreis 08421
    with pytest.raises(Gv100Error, match=r"sample:2: gemeinde 08421000 comes before its Kreis"):
        list(parse_lines(without_kreis, "sample"))
