"""`truce bench extract`: the contract's keys, on realistic reports in three languages."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from truce.bench.extract import realistic_reports
from truce.cli import app
from truce.extract import detect_language


def test_reports_are_in_the_three_languages() -> None:
    reports = realistic_reports(30)
    assert {detect_language(r.text or "") for r in reports} == {"en", "uk", "ru"}


def test_bench_prints_reports_per_second_per_core() -> None:
    result = CliRunner().invoke(app, ["bench", "extract", "--reports", "300", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["reports"] == 300 and data["records"] > 150
    assert data["reports_per_s"] > 0 and data["reports_per_s_per_core"] > 0
