import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from truce.domain import GeoPrecision, TimePrecision
from truce.errors import BadInput
from truce.incidents import (
    COLUMNS,
    incident_to_record,
    parse_incident,
    read_incident_rows,
    read_incidents,
)

NOW = datetime(2026, 1, 1, tzinfo=UTC)
HEADER = ",".join(COLUMNS)

WriteFile = Callable[[str, str], Path]


def test_csv_reads_every_column(write_file: WriteFile) -> None:
    path = write_file(
        "incidents.csv",
        f'''
        {HEADER}
        a1,2025-03-18T21:30:00+02:00,Sloviansk,48.85,37.6,UA,Donetsk Oblast,RU,infrastructure.energy.grid,substation,drone,0,2,Governor,UA,2025-03-19,https://example.org/a1,"Drones hit a substation, ""reportedly"""
        a2,2025-03-18,,,,UA,,ru,civilian.healthcare,hospital,,,,Wire,media,,,
        a3,,,,,,,,,,,,,,,,,
        ''',
    )
    first, second, third = read_incidents(path, now=NOW)
    assert first.when.precision is TimePrecision.MINUTE
    assert first.when.earliest == datetime(2025, 3, 18, 19, 30, tzinfo=UTC)
    assert (first.lat, first.lon, first.killed, first.injured) == (48.85, 37.6, 0, 2)
    assert first.geo_precision is GeoPrecision.SETTLEMENT
    assert first.text == 'Drones hit a substation, "reportedly"'
    assert second.when.precision is TimePrecision.DAY
    assert second.when.earliest == datetime(2025, 3, 17, 22, tzinfo=UTC)
    assert second.perpetrator == "RU"
    assert second.geo_precision is GeoPrecision.COUNTRY
    assert third.when.precision is TimePrecision.NONE
    assert (third.perpetrator, third.target, third.killed) == ("unknown", None, None)


def test_json_and_jsonl_read_the_same_records(write_file: WriteFile) -> None:
    records = [
        {"id": "j1", "occurred_at": "2025-03-18", "country": "RU", "perpetrator": "UA",
         "target": "infrastructure.energy.oil", "killed": 1, "lat": 55.6, "lon": 37.7},
        {"id": "j2", "occurred_at": None, "perpetrator": "unknown", "target": None},
    ]  # fmt: skip
    as_json = write_file("x.json", json.dumps(records, indent=2))
    as_jsonl = write_file("x.jsonl", "\n".join(json.dumps(r) for r in records) + "\n")
    assert read_incidents(as_json, now=NOW) == read_incidents(as_jsonl, now=NOW)


def test_json_errors_name_the_line_of_the_element(write_file: WriteFile) -> None:
    records = [{"id": "ok"}, {"id": "bad", "killed": -3}]
    path = write_file("x.json", json.dumps(records, indent=2))
    with pytest.raises(BadInput) as info:
        read_incidents(path, now=NOW)
    assert (info.value.line, info.value.field) == (5, "killed")
    assert "negative" in str(info.value)


def test_record_round_trip() -> None:
    raw = {"id": "r", "occurred_at": "2025-03-18T21:30:00+02:00", "place": "Sloviansk",
           "lat": 48.85, "lon": 37.6, "country": "UA", "region": "Donetsk Oblast",
           "perpetrator": "RU", "target": "infrastructure.energy.grid", "killed": 0,
           "injured": 2, "source": "Governor", "source_alignment": "UA",
           "reported_at": "2025-03-19T08:00:00+00:00"}  # fmt: skip
    incident = parse_incident(raw, now=NOW)
    assert parse_incident(incident_to_record(incident), now=NOW) == incident


@pytest.mark.parametrize(
    ("row", "field", "message"),
    [
        ("b1,2025-03-18,,,,UA,,RU,infrastructure.energi,,,,,,,,,", "target", "unknown target code"),
        ("b1,2025-02-30,,,,UA,,RU,,,,,,,,,,", "occurred_at", "not a valid date"),
        ("b1,2025-03-18T10:00:00,,,,UA,,RU,,,,,,,,,,", "occurred_at", "no UTC offset"),
        ("b1,2099-03-18,,,,UA,,RU,,,,,,,,,,", "occurred_at", "in the future"),
        ("b1,2025-03-18,,91,30,UA,,RU,,,,,,,,,,", "lat", "out of range"),
        ("b1,2025-03-18,,50,181,UA,,RU,,,,,,,,,,", "lon", "out of range"),
        ("b1,2025-03-18,,50,,UA,,RU,,,,,,,,,,", "lon", "both lat and lon"),
        ("b1,2025-03-18,,,,UA,,Russia,,,,,,,,,,", "perpetrator", "unknown party"),
        ("b1,2025-03-18,,,,XX,,RU,,,,,,,,,,", "country", "unknown country code"),
        ("b1,2025-03-18,,,,UA,,RU,,,,-1,,,,,,", "killed", "negative"),
        ("b1,2025-03-18,,,,UA,,RU,,,,,two,,,,,", "injured", "whole number"),
        ("b1,2025-03-18,,,,UA,,RU,,,,,,,partisan,,,", "source_alignment", "unknown alignment"),
        ("b1,2025-03-18,,,,UA,,RU,,,,,,,,yesterday,,", "reported_at", "not an ISO 8601"),
        (",2025-03-18,,,,UA,,RU,,,,,,,,,,", "id", "missing incident id"),
    ],
)
def test_bad_rows_name_file_line_and_field(
    write_file: WriteFile, row: str, field: str, message: str
) -> None:
    good = "ok1,2025-03-18,,,,UA,,RU,,,,,,,,,,"
    path = write_file("in.csv", f"{HEADER}\n{good}\n{good.replace('ok1', 'ok2')}\n{row}\n")
    with pytest.raises(BadInput) as info:
        read_incidents(path, now=NOW)
    error = info.value
    assert (error.file, error.line, error.field) == (str(path), 4, field)
    assert message in str(error)
    assert f"{path}:4" in str(error)


def test_duplicate_ids_in_one_file(write_file: WriteFile) -> None:
    path = write_file(
        "d.csv", f"{HEADER}\nx,,,,,,,,,,,,,,,,,\ny,,,,,,,,,,,,,,,,,\nx,,,,,,,,,,,,,,,,,\n"
    )
    with pytest.raises(BadInput, match=r"duplicate id 'x' \(first on line 2\)") as info:
        read_incidents(path)
    assert (info.value.line, info.value.field) == (4, "id")


def test_malformed_files(write_file: WriteFile, tmp_path: Path) -> None:
    with pytest.raises(BadInput, match="unknown column") as info:
        read_incidents(write_file("a.csv", "id,ocurred_at\nx,2025-03-18\n"))
    assert (info.value.line, info.value.field) == (1, "ocurred_at")
    with pytest.raises(BadInput, match="missing column"):
        read_incidents(write_file("b.csv", "place,country\nKyiv,UA\n"))
    with pytest.raises(BadInput, match="3 values for 2 columns") as info:
        read_incidents(write_file("c.csv", "id,country\nx,UA\ny,UA,extra\n"))
    assert info.value.line == 3
    with pytest.raises(BadInput, match="invalid JSON") as info:
        read_incidents(write_file("d.jsonl", '{"id": "x"}\n{"id": \n'))
    assert info.value.line == 2
    with pytest.raises(BadInput, match="empty file"):
        read_incidents(write_file("e.csv", ""))
    with pytest.raises(BadInput, match="suffix"):
        read_incidents(write_file("f.txt", "id\n"))
    latin1 = tmp_path / "g.csv"
    latin1.write_bytes("id,place\nx,Kyiv\ny,Dnipro\xe9\n".encode("latin-1"))
    with pytest.raises(BadInput, match="not UTF-8") as info:
        read_incidents(latin1)
    assert info.value.line == 3


def test_rows_keep_their_line_numbers(write_file: WriteFile) -> None:
    path = write_file("m.csv", 'id,text\na,"two\nlines"\nb,one\n')
    assert [line for line, _ in read_incident_rows(path)] == [2, 4]


def test_progress_reaches_the_end(write_file: WriteFile) -> None:
    rows = "\n".join(f"r{k},2025-03-18,,,,UA,,RU,,,,,,,,,," for k in range(2500))
    path = write_file("p.csv", f"{HEADER}\n{rows}\n")
    seen: list[tuple[int, int]] = []
    assert (
        len(read_incident_rows(path, progress=lambda done, total: seen.append((done, total))))
        == 2500
    )
    assert len(seen) == 4  # every 1,000 rows, then the end
    assert seen[-1][0] == seen[-1][1]
