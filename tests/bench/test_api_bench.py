"""`truce bench api` end to end, small: a real server, every report stored, the contract's keys."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from truce.cli import app


def test_bench_api_json() -> None:
    result = CliRunner().invoke(
        app, ["bench", "api", "--reports", "150", "--concurrency", "4", "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {"reports_per_s", "p99_ms", "baseline_per_s"} <= set(data)
    assert (data["reports"], data["stored"], data["concurrency"]) == (150, 150, 4)
    assert min(data["reports_per_s"], data["p99_ms"], data["baseline_per_s"]) > 0
