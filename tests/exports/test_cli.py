"""`truce export`: files, stdout, and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from truce.cli import app
from truce.incidents import read_incidents

runner = CliRunner()


def test_writes_each_format(filled: str, tmp_path: Path) -> None:
    for fmt in ("csv", "json", "geojson"):
        out = tmp_path / f"x.{fmt}"
        result = runner.invoke(app, ["export", "--format", fmt, "--out", str(out), "--db", filled])
        assert result.exit_code == 0, result.output
        assert "wrote 12 incidents" in result.output
        assert out.stat().st_size > 0
    assert len(read_incidents(tmp_path / "x.csv")) == 12
    assert json.loads((tmp_path / "x.geojson").read_text("utf-8"))["type"] == "FeatureCollection"


def test_dash_writes_to_stdout_only(filled: str) -> None:
    result = runner.invoke(app, ["export", "-f", "geojson", "-o", "-", "--db", filled])
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)["features"]) == 12


def test_unknown_agreement_is_bad_input_and_writes_nothing(filled: str, tmp_path: Path) -> None:
    out = tmp_path / "x.csv"
    result = runner.invoke(
        app, ["export", "-f", "csv", "-o", str(out), "--agreement", "nope", "--db", filled]
    )
    assert result.exit_code == 1
    assert "no agreement 'nope'" in result.output
    assert not out.exists() and not out.with_name("x.csv.part").exists()


def test_unknown_format_is_usage(sqlite_url: str, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["export", "-f", "shp", "-o", str(tmp_path / "x"), "--db", sqlite_url]
    )
    assert result.exit_code == 2
