"""Reader for the Destatis municipality directory GV100AD (Gemeindeverzeichnis, ASCII).

Fixed-width records, one per line; character positions (0-based, end exclusive) shared by
all record types:

    [0:2]     Satzart: 10 Land, 20 Regierungsbezirk, 30 Region (BW only), 40 Kreis,
              50 Gemeindeverband, 60 Gemeinde
    [2:10]    Gebietsstand, YYYYMMDD
    [10:12]   Land      [12:13] Regierungsbezirk   [13:15] Kreis   [15:18] Gemeinde
              (so [10:18] is the AGS of a Gemeinde; a shorter key is left-aligned)
    [18:22]   Gemeindeverband (ARS = AGS[:5] + Gemeindeverband + AGS[5:])
    [22:72]   Name
    [72:122]  Sitz der Verwaltung (Satzart 10-50)
    [122:124] Textkennzeichen (kind of Kreis, Gemeindeverband or Gemeinde)

Gemeinde records also carry area, population and postcode (from position 128), not read here.
Records come in hierarchical order, so each Gemeinde follows its Land and Kreis.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

KINDS = {"10": "land", "20": "regierungsbezirk", "30": "region", "40": "kreis",
         "50": "gemeindeverband", "60": "gemeinde"}
KEY_LENGTH = {"10": 2, "20": 3, "30": 4, "40": 5, "50": 5, "60": 8}
TEXT_KINDS = {
    "41": "Kreisfreie Stadt", "42": "Stadtkreis", "43": "Kreis", "44": "Landkreis",
    "45": "Regionalverband", "50": "Verbandsfreie Gemeinde", "51": "Amt", "52": "Samtgemeinde",
    "53": "Verbandsgemeinde", "54": "Verwaltungsgemeinschaft", "55": "Kirchspielslandgemeinde",
    "56": "Verwaltungsverband", "57": "Verwaltungsgemeinschaft (Trägermodell)",
    "58": "Erfüllende Gemeinde", "60": "Markt", "61": "Kreisfreie Stadt", "62": "Stadtkreis",
    "63": "Stadt", "64": "Kreisangehörige Gemeinde", "65": "Gemeindefreies Gebiet, bewohnt",
    "66": "Gemeindefreies Gebiet, unbewohnt", "67": "Große Kreisstadt",
}
# ISO 3166-2 codes, the gazetteer's ids for the Länder, by the AGS Land part.
LAND_ISO = {
    "01": "DE-SH", "02": "DE-HH", "03": "DE-NI", "04": "DE-HB", "05": "DE-NW", "06": "DE-HE",
    "07": "DE-RP", "08": "DE-BW", "09": "DE-BY", "10": "DE-SL", "11": "DE-BE", "12": "DE-BB",
    "13": "DE-MV", "14": "DE-SN", "15": "DE-ST", "16": "DE-TH",
}
# Ontology class key per record kind (Regierungsbezirke and Regionen are not actors here).
CLASS_KEYS = {"land": "land", "kreis": "kreis", "gemeindeverband": "kommune",
              "gemeinde": "gemeinde"}
_NAME_END = 72


class Gv100Error(ValueError):
    """A malformed GV100AD line; `str()` is `FILE:LINE: reason`."""

    def __init__(self, path: str | Path, line_no: int, reason: str) -> None:
        self.path, self.line_no, self.reason = str(path), line_no, reason
        super().__init__(f"{path}:{line_no}: {reason}")


@dataclass(frozen=True)
class Municipality:
    """One record of the directory. For a Gemeinde, `ags` has 8 digits and `ars` 12."""

    ags: str
    ars: str
    name: str
    kind: str
    kreis_ags: str | None
    land_code: str
    valid_on: dt.date
    type_code: str = ""
    seat: str = ""

    @property
    def land_id(self) -> str:
        """The Land's id in the gazetteer (ISO 3166-2, e.g. `DE-BW`)."""
        return LAND_ISO[self.land_code]

    @property
    def type_label(self) -> str:
        """The Textkennzeichen in words (`"Stadtkreis"`), or `""`."""
        return TEXT_KINDS.get(self.type_code, "")

    @property
    def class_key(self) -> str | None:
        """Ontology class key for this record, None for non-actor levels."""
        return CLASS_KEYS.get(self.kind)


def parse_line(line: str, path: str | Path = "<string>", line_no: int = 1) -> Municipality:
    """Parse one record; raises `Gv100Error` naming file, line and reason."""
    line = line.rstrip("\r\n")
    satzart = line[:2]
    if satzart not in KINDS:
        raise Gv100Error(path, line_no, f"unknown Satzart {satzart!r} (expected one of "
                                        f"{', '.join(KINDS)})")
    if len(line) < _NAME_END - 49:
        raise Gv100Error(path, line_no, f"record too short ({len(line)} characters, the name "
                                        f"starts at position 23)")
    try:
        valid_on = dt.datetime.strptime(line[2:10], "%Y%m%d").date()
    except ValueError:
        raise Gv100Error(path, line_no, f"Gebietsstand {line[2:10]!r} is not a date YYYYMMDD")\
            from None
    key = line[10:10 + KEY_LENGTH[satzart]]
    if not key.isdigit():
        raise Gv100Error(path, line_no, f"regional key {key!r} is not {len(key)} digits")
    if line[10 + KEY_LENGTH[satzart]:18].strip() and satzart != "30":
        raise Gv100Error(path, line_no, f"unexpected digits after the key of Satzart {satzart}")
    verband = line[18:22].strip()
    if satzart in ("50", "60") and not (len(verband) == 4 and verband.isdigit()):
        raise Gv100Error(path, line_no, f"Gemeindeverband {verband!r} is not 4 digits")
    name = line[22:_NAME_END].strip()
    if not name:
        raise Gv100Error(path, line_no, "empty name (positions 23-72)")
    kind = KINDS[satzart]
    ars = {"50": key + verband, "60": key[:5] + verband + key[5:]}.get(satzart, key)
    ags = key + verband if satzart == "50" else key
    return Municipality(
        ags=ags, ars=ars, name=name, kind=kind,
        kreis_ags=key[:5] if satzart in ("50", "60") else None,
        land_code=key[:2], valid_on=valid_on, type_code=line[122:124].strip(),
        seat=line[_NAME_END:122].strip() if satzart != "60" else "",
    )


def parse_lines(lines: Iterable[str], path: str | Path = "<string>") -> Iterator[Municipality]:
    """Parse records in order, checking each Gemeinde follows its Land and Kreis."""
    lands: set[str] = set()
    kreise: set[str] = set()
    for line_no, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        record = parse_line(line, path, line_no)
        if record.kind != "land" and record.land_code not in lands:
            raise Gv100Error(path, line_no, f"{record.kind} {record.ags} comes before its "
                                            f"Land {record.land_code}")
        if record.kreis_ags and record.kreis_ags not in kreise:
            raise Gv100Error(path, line_no, f"{record.kind} {record.ags} comes before its "
                                            f"Kreis {record.kreis_ags}")
        if record.kind == "land":
            lands.add(record.land_code)
        elif record.kind == "kreis":
            kreise.add(record.ags)
        yield record


def read_gv100(path: str | Path) -> Iterator[Municipality]:
    """Records of a GV100AD file (UTF-8, or ISO-8859-1 as in older releases)."""
    path = Path(path)
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    return parse_lines(text.splitlines(), path)


@dataclass(frozen=True)
class Gv100Directory:
    """Records by AGS, with the Kreis and Land above each record."""

    records: dict[str, Municipality]

    @classmethod
    def from_file(cls, path: str | Path) -> Gv100Directory:
        return cls({r.ags: r for r in read_gv100(path)})

    def kreis_of(self, record: Municipality) -> Municipality | None:
        return self.records.get(record.kreis_ags) if record.kreis_ags else None

    def land_of(self, record: Municipality) -> Municipality:
        return self.records[record.land_code]

    def gemeinden(self) -> list[Municipality]:
        return [r for r in self.records.values() if r.kind == "gemeinde"]
