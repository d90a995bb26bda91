"""The seed case as `make demo` runs it: the dashboard's commitments (checked against
the stored reports) say what `truce commitments check` prints, because the demo stores
the later reports the check reads; and its GeoJSON has a point for every incident the
map places."""

from __future__ import annotations

import json
from pathlib import Path

import geojson
from typer.testing import CliRunner

from truce.cli import app
from truce.store import Store
from truce.web.dashboard import stored_commitments

from .conftest import ROOT, SEED_CASE

runner = CliRunner()
LATER = SEED_CASE / "later-reports.jsonl"


def truce(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, (args, result.output)
    return result.stdout


def test_the_demo_dashboard_and_cli_agree(tmp_path: Path) -> None:
    assert f"reports import {LATER.relative_to(ROOT)}" in (ROOT / "Makefile").read_text()
    db = f"sqlite:///{tmp_path / 'truce.db'}"
    accounts = [
        str(SEED_CASE / "accounts" / f"{a}-2025-03-18.md") for a in ("whitehouse", "kremlin")
    ]
    truce("terms", "import", str(SEED_CASE / "terms.yaml"), "--db", db)
    truce("incidents", "import", str(SEED_CASE / "incidents.csv"), "--db", db)
    commitments = tmp_path / "commitments.json"
    commitments.write_text(
        truce("commitments", "extract", *accounts, "--store", "--db", db, "--json"), "utf-8"
    )
    truce("reports", "import", str(LATER), "--db", db)
    checked = json.loads(
        truce("commitments", "check", str(commitments), "--evidence", str(LATER),
              "--as-of", "2025-04-30", "--json")
    )  # fmt: skip
    with Store(db) as store:
        shown = {c["id"]: c["status"] for c in stored_commitments(store) or []}
    assert shown == {c["commitment"]: c["status"] for c in checked}
    assert {"kept", "partly_kept"} <= set(shown.values())

    out = tmp_path / "incidents.geojson"
    truce("export", "--format", "geojson", "--out", str(out), "--db", db)
    collection = geojson.loads(out.read_text("utf-8"))
    assert collection.is_valid, collection.errors()
    placed = {f["id"] for f in collection["features"] if f["geometry"] is not None}
    assert placed == {
        "seed-01-moscow-refinery", "seed-02-hospital", "seed-03-substation",
        "seed-04-belgorod-offensive",
    }  # fmt: skip
