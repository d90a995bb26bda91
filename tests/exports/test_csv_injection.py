"""CSV export cells a spreadsheet would run are quoted, and the import takes the quote
off again: the export stays safe to open and still round-trips."""

from __future__ import annotations

import csv
import dataclasses
import io
from pathlib import Path

import pytest

from truce.domain import Incident, Occurrence, TimePrecision
from truce.exports import ExportFormat, export_incidents
from truce.incidents import import_incidents, neutralise, restore
from truce.store import Store

# What a spreadsheet runs as a formula, and values that must come back unchanged.
HOSTILE = (
    "=cmd|' /C calc'!A0",
    "+SUM(1,2)",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1,2)",
    "\t=1+1",
    "\r=1+1",
    "'=already quoted by the source",
    "'a leading quote of the source's own",
    "''two quotes",
    "'",
)


@pytest.mark.parametrize("value", HOSTILE)
def test_a_cell_that_would_run_is_quoted_and_comes_back(value: str) -> None:
    cell = neutralise(value)
    assert cell.startswith("'")
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert restore(cell) == value


@pytest.mark.parametrize("value", ["-33.5", "+3", "-0.25e3", "plain text", "", "a=b", "x'"])
def test_plain_values_are_left_alone(value: str) -> None:
    assert neutralise(value) == value
    assert restore(value) == value


def _incident(n: int, text: str) -> Incident:
    return Incident(
        id=f"hostile-{n}",
        when=Occurrence(TimePrecision.NONE),
        place=text,
        target_detail=text,
        weapon=text,
        source=text,
        text=text,
        lat=-33.5,
        lon=-70.25,
        country="UA",
    )


def _cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def test_export_is_safe_in_a_spreadsheet_and_imports_to_the_same_incidents(
    db_url: str, tmp_path: Path
) -> None:
    with Store(db_url, actor="test") as store:
        # (values as an import keeps them: stripped of surrounding blanks)
        kept = [value for value in HOSTILE if value == value.strip()]
        store.add_incidents([_incident(n, value) for n, value in enumerate(kept)])
        original = {i.id: i for i in store.incidents()}
        out = io.StringIO()
        export_incidents(store, ExportFormat.csv, out)
    cells = _cells(out.getvalue())
    # No cell of the file starts a formula; a negative coordinate stays a number.
    assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r")]
    assert not [c for c in cells if c.startswith("-") and c not in ("-33.5", "-70.25")]
    assert "-33.5" in cells
    assert "'=cmd|' /C calc'!A0" in cells

    path = tmp_path / "export.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    again = f"sqlite:///{tmp_path / 'again.db'}"
    with Store(again, actor="test") as store:
        assert import_incidents(store, path).added == len(kept)
        back = {i.id: i for i in store.incidents()}
    assert back.keys() == original.keys()
    for incident_id, incident in original.items():
        assert dataclasses.replace(back[incident_id], report_id=None) == dataclasses.replace(
            incident, report_id=None
        ), incident_id
