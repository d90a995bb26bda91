import json

import numpy as np
from typer.testing import CliRunner

from truce.bench import bench_rules, duckdb_tallies, synthetic_frame, synthetic_versions
from truce.cli import app
from truce.domain import Verdict


def test_engine_and_duckdb_agree_on_synthetic_data() -> None:
    result = bench_rules(20_000, 6, seed=3)
    assert result.counts_agree
    totals = result.as_json()["verdicts"]
    assert sum(totals.values()) == 120_000
    # Realistic data exercises every verdict.
    assert all(totals[v.value] > 0 for v in Verdict)


def test_duckdb_query_detects_a_changed_engine_result() -> None:
    frame = synthetic_frame(2_000, seed=5)
    versions = synthetic_versions(3, seed=5)
    expected, _ = duckdb_tallies(frame, versions)
    tampered = frame.__class__(**{**frame.__dict__, "target": np.full(len(frame), -1, np.int16)})
    assert duckdb_tallies(tampered, versions)[0] != expected


def test_synthetic_data_mixes_precision_and_unknowns() -> None:
    frame = synthetic_frame(10_000, seed=1)
    widths = frame.latest[frame.has_time] - frame.earliest[frame.has_time]
    assert (widths == 0).mean() > 0.5  # minute precision
    assert ((widths > 80_000) & (widths < 200_000)).mean() > 0.1  # whole local days
    assert (~frame.has_time).mean() > 0.01
    assert (frame.perpetrator < 0).mean() > 0.05
    assert (frame.target < 0).mean() > 0.02


def test_bench_command_prints_the_contract_figures() -> None:
    result = CliRunner().invoke(
        app, ["bench", "rules", "--incidents", "5000", "--versions", "3", "--json"]
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["counts_agree"] is True
    assert data["seconds"] > 0 and data["duckdb_seconds"] > 0
    assert data["incidents"] == 5000 and data["versions"] == 3
