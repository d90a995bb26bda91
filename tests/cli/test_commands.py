"""The command line end to end, on real SQLite files: exit codes, messages, JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from truce.cli import app
from truce.store import Store

runner = CliRunner()


def incident_rows(url: str) -> list[tuple[object, ...]]:
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT * FROM incidents ORDER BY id")).all()
    engine.dispose()
    return [tuple(row) for row in rows]


def truce(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def seeded(db_url: str, seed_case: Path) -> str:
    assert truce("terms", "import", str(seed_case / "terms.yaml"), "--db", db_url)[0] == 0
    assert truce("incidents", "import", str(seed_case / "incidents.csv"), "--db", db_url)[0] == 0
    return db_url


def test_rule_json_is_the_contract_shape(seeded: str) -> None:
    code, out, _ = truce("rule", "--agreement", "energy-ceasefire-2025", "--json", "--db", seeded)
    assert code == 0
    rulings = json.loads(out)
    assert len(rulings) == 10  # 5 incidents × 2 versions
    for ruling in rulings:
        # CONTRACTS §4's keys first, then the incident's corroboration and denials (issue
        # 7); each of the seed case's coded incidents has one source.
        assert list(ruling) == ["incident", "version", "verdict", "reason", "explanation",
                                "corroboration", "denied_by"]  # fmt: skip
        assert ruling["corroboration"] == "single_source"
        assert ruling["denied_by"] == []


def test_rule_table_shows_tallies(seeded: str) -> None:
    code, out, _ = truce("rule", "--agreement", "energy-ceasefire-2025", "--db", seeded)
    assert code == 0
    assert "Verdicts per party and version" in out
    assert "seed-03-substation" in out


def test_one_version_only(seeded: str) -> None:
    code, out, _ = truce(
        "rule", "-a", "energy-ceasefire-2025", "--version", "kremlin", "--json", "--db", seeded
    )
    assert code == 0
    assert {r["version"] for r in json.loads(out)} == {"kremlin"}
    code, _, err = truce("rule", "-a", "energy-ceasefire-2025", "--version", "nope", "--db", seeded)
    assert code == 1
    assert "no version 'nope'" in err


def test_unknown_agreement_exits_1(db_url: str) -> None:
    Store(db_url).close()  # a database that exists, without that agreement
    code, out, err = truce("rule", "--agreement", "missing", "--json", "--db", db_url)
    assert code == 1
    assert out == ""
    assert "no agreement 'missing'" in err


def test_bad_row_exits_1_names_it_and_stores_nothing(seeded: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "id,occurred_at,country,perpetrator,target\n"
        "new-1,2025-03-20,UA,RU,infrastructure.energy\n"
        "new-2,2025-03-20,UA,RU,infrastructure.power\n",
        "utf-8",
    )
    before = incident_rows(seeded)
    code, _, err = truce("incidents", "import", str(bad), "--db", seeded)
    assert code == 1
    assert f"{bad}:3" in err and "field 'target'" in err and "infrastructure.power" in err
    assert incident_rows(seeded) == before


def test_terms_history_and_show(seeded: str, seed_case: Path, tmp_path: Path) -> None:
    changed = tmp_path / "terms.yaml"
    changed.write_text((seed_case / "terms.yaml").read_text().replace("P30D", "P45D"), "utf-8")
    code, out, _ = truce("terms", "import", str(changed), "--db", seeded)
    assert code == 0 and "replaced kremlin" in out
    code, out, _ = truce(
        "terms",
        "history",
        "energy-ceasefire-2025",
        "--version",
        "kremlin",
        "--json",
        "--db",
        seeded,
    )
    assert [(r["revision"], "P30D" in r["yaml"]) for r in json.loads(out)] == [
        (1, True),
        (2, False),
    ]
    code, out, _ = truce("terms", "show", "energy-ceasefire-2025", "--json", "--db", seeded)
    kremlin = next(v for v in json.loads(out)["versions"] if v["id"] == "kremlin")
    assert kremlin["duration"] == "P45D"


def test_bad_terms_file_exits_1(db_url: str, tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text("agreement: x\nversions:\n  - id: v\n    according_to: RU\n", "utf-8")
    code, _, err = truce("terms", "import", str(path), "--db", db_url)
    assert code == 1
    assert f"{path}:3" in err and "versions[0].bound" in err


def test_usage_errors_exit_2(db_url: str) -> None:
    assert truce("rule", "--db", db_url)[0] == 2
    assert truce("incidents", "import", "x.csv", "--format", "nope")[0] == 2


def test_incidents_list_round_trips_through_import(
    seeded: str, db_url: str, tmp_path: Path
) -> None:
    _, out, _ = truce("incidents", "list", "--json", "--db", seeded)
    exported = tmp_path / "exported.json"
    exported.write_text(out, "utf-8")
    other = f"sqlite:///{tmp_path / 'other.db'}"
    assert truce("incidents", "import", str(exported), "--db", other)[0] == 0
    assert truce("incidents", "list", "--json", "--db", other)[1] == out


def test_console_script_runs_as_a_process(seeded: str) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "truce",
            "rule",
            "-a",
            "energy-ceasefire-2025",
            "--json",
            "--db",
            seeded,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)


def test_rule_table_limits_rows_but_not_tallies(seeded: str) -> None:
    code, out, _ = truce("rule", "-a", "energy-ceasefire-2025", "--limit", "3", "--db", seeded)
    assert code == 0
    assert "Showing 3 of 10 rulings" in out
    assert "Verdicts per party and version" in out


@pytest.mark.parametrize(
    ("command", "shown"),
    [
        (["rule"], "sqlite:///truce.db"),
        (["terms", "draft"], "lowercase letters, digits"),
        (["bench", "merge"], "default: a fresh SQLite file"),
    ],
)
def test_help_keeps_bracketed_and_default_text(command: list[str], shown: str) -> None:
    """Rich reads `[…]` in help as markup and drops it; the defaults must stay readable."""
    result = CliRunner().invoke(app, [*command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert shown in result.output
