"""CSV export → `truce incidents import` into an empty database gives every incident back."""

from __future__ import annotations

import csv
import dataclasses
import io
from pathlib import Path

import pytest

from truce.domain import Incident, TimePrecision
from truce.errors import BadInput
from truce.exports import ExportFormat, export_incidents
from truce.incidents import (
    COLUMNS,
    MERGE_FIELDS,
    PRECISION_FIELDS,
    import_incidents,
    read_incidents,
)
from truce.store import Store
from truce.terms import import_terms

from ..conftest import SEED_CASE
from .conftest import AGREEMENT


def _export(db: str, path: Path, **options: str) -> int:
    with Store(db) as store, path.open("w", encoding="utf-8", newline="") as out:
        return export_incidents(store, ExportFormat.csv, out, **options)


def _by_id(incidents: list[Incident]) -> dict[str, Incident]:
    # The reports free-text incidents came from are not exported, so neither is the link.
    return {i.id: dataclasses.replace(i, report_id=None) for i in incidents}


def test_round_trip_into_an_empty_database(filled: str, tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    count = _export(filled, path)
    with Store(filled) as store:
        original = _by_id(store.incidents())
    assert count == len(original) == 5 + 4 + 3

    empty = f"sqlite:///{tmp_path / 'empty.db'}"
    with Store(empty, actor="test") as store:
        assert import_incidents(store, path).added == count
        back = _by_id(store.incidents())
    assert back.keys() == original.keys()
    for incident_id, incident in original.items():
        for field in dataclasses.fields(Incident):
            assert getattr(back[incident_id], field.name) == getattr(incident, field.name), (
                incident_id,
                field.name,
            )
    # Exported again from the new database (given the same terms), the file is the same
    # to the byte: nothing was lost or changed on the way.
    with Store(empty, actor="test") as store:
        import_terms(store, SEED_CASE / "terms.yaml")
    again = tmp_path / "again.csv"
    _export(empty, again)
    assert again.read_text("utf-8") == path.read_text("utf-8")


def test_awkward_values_survive(filled: str, tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    _export(filled, path)
    back = {i.id: i for i in read_incidents(path)}
    kyiv = back["edge-kyiv"]
    assert kyiv.text == 'Line one, with a comma\nline two with "quotes"\nline three'
    assert kyiv.target_detail == 'CHP-5, "Kyivteploenergo"'
    assert (kyiv.lat, kyiv.lon, kyiv.killed) == (50.450001, 30.523333, 0)
    assert back["edge-cyrillic"].when.precision is TimePrecision.DAY
    assert back["edge-cyrillic"].when.text == "2025-03-19"
    assert back["edge-cyrillic"].place == "Харків"
    assert back["edge-nothing"].when.precision is TimePrecision.NONE
    assert (back["edge-nothing"].lat, back["edge-nothing"].lon) == (None, None)
    assert back["night#1"].when.precision is TimePrecision.NIGHT
    assert back["morning#1"].when.precision is TimePrecision.PART_OF_DAY
    assert back["hour#1"].when.precision is TimePrecision.HOUR


def test_layout_is_the_contract_then_precision_then_verdicts(filled: str, tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    _export(filled, path)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    header = list(rows[0])
    assert tuple(header[: len(COLUMNS)]) == COLUMNS
    assert tuple(header[len(COLUMNS) : len(COLUMNS) + 4]) == PRECISION_FIELDS
    assert tuple(header[len(COLUMNS) + 4 : len(COLUMNS) + 6]) == MERGE_FIELDS
    assert header[len(COLUMNS) + 6 :] == [
        f"{kind}:{AGREEMENT}/{version}"
        for version in ("whitehouse", "kremlin")
        for kind in ("verdict", "reason")
    ]
    substation = next(row for row in rows if row["id"] == "seed-03-substation")
    assert substation[f"verdict:{AGREEMENT}/kremlin"] in ("violation", "undetermined")
    moscow = next(row for row in rows if row["id"] == "edge-moscow")
    assert moscow[f"verdict:{AGREEMENT}/kremlin"] == "violation"
    assert moscow[f"reason:{AGREEMENT}/kremlin"] == "protected_target_in_window"


def test_only_the_agreement_asked_for(filled: str, tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    _export(filled, path, agreement=AGREEMENT)
    assert f"verdict:{AGREEMENT}/kremlin" in path.read_text("utf-8").splitlines()[0]
    with pytest.raises(Exception, match="no agreement 'other'"):
        _export(filled, path, agreement="other")


def test_other_unknown_columns_are_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text(
        "id,verdict:a/b,reason:a/b,colour\nx1,violation,protected_target_in_window,red\n"
    )
    with pytest.raises(BadInput, match="unknown column") as error:
        read_incidents(path)
    assert error.value.field == "colour"


def test_an_interval_that_contradicts_occurred_at_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text(
        "id,occurred_at,time_precision,occurred_from,occurred_to\n"
        "x1,2025-03-20,night,2025-04-01T16:00:00+00:00,2025-04-02T03:59:59+00:00\n"
    )
    with pytest.raises(BadInput, match="does not match occurred_at") as error:
        read_incidents(path)
    assert (error.value.line, error.value.field) == (2, "occurred_from")


def test_empty_store_exports_a_header(sqlite_url: str) -> None:
    out = io.StringIO()
    with Store(sqlite_url) as store:
        assert export_incidents(store, "csv", out) == 0
    assert out.getvalue().splitlines() == [",".join((*COLUMNS, *PRECISION_FIELDS, *MERGE_FIELDS))]
