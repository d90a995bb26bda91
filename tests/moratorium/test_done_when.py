"""Issue 19, "Done when": the committed moratorium example, stored through the CLI in a
real SQLite file, merged by `reports import`, corrected as `run.sh` corrects it, and
ruled under each side's version."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from truce.cli import app
from truce.incidents import parse_incident
from truce.rules import rule
from truce.terms import load_terms

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "moratorium-2025"
AGREEMENT = "energy-moratorium-2025"
runner = CliRunner()


def _ok(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def case(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("moratorium")
    db = f"sqlite:///{folder / 'truce.db'}"
    _ok("terms", "import", str(EXAMPLE / "terms.yaml"), "--db", db)
    _ok("reports", "import", str(EXAMPLE / "incidents.csv"), "--db", db, "--quiet")
    for line in (EXAMPLE / "corrections.txt").read_text("utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        action, incident, *rest = line.split()
        if action == "split":
            _ok("incidents", "split", incident, "--reports", ",".join(rest), "--db", db)
        else:
            _ok("incidents", "join", incident, *rest, "--db", db)
    rulings = json.loads(_ok("rule", "--agreement", AGREEMENT, "--db", db, "--json"))
    with sqlite3.connect(folder / "truce.db") as conn:
        placed = dict(conn.execute("SELECT id, incident_id FROM evidence"))
    with (EXAMPLE / "incidents.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    verdicts = {(r["incident"], r["version"]): (r["verdict"], r["reason"]) for r in rulings}
    return {"rows": rows, "placed": placed, "verdicts": verdicts, "rulings": rulings}


def _strikes(case: dict[str, Any], first: str, last: str) -> list[str]:
    """Incidents of the itemised claims of strikes on substations and lines by a named
    party, dated from `first` to `last`."""
    return sorted(
        {
            case["placed"][row["id"]]
            for row in case["rows"]
            if row["stance"] == "affirm"
            and row["target"] == "infrastructure.energy.grid"
            and row["perpetrator"] in ("RU", "UA")
            and first <= row["occurred_at"][:10] <= last
        }
    )


def test_one_incident_per_strike_with_every_claim_and_denial_attached(
    case: dict[str, Any],
) -> None:
    incidents = set(case["placed"].values())
    assert len(case["rows"]) == 114 and None not in incidents
    assert len(incidents) == 92  # 100 claims, 8 of them other reports of a strike
    assert case["placed"]["c007"] == case["placed"]["c008"] == case["placed"]["c006"]
    assert case["placed"]["c006-denied-by-UA"] == case["placed"]["c006"]


def test_grid_strikes_26_march_to_15_april_break_both_versions(case: dict[str, Any]) -> None:
    incidents = _strikes(case, "2025-03-26", "2025-04-15")
    assert len(incidents) > 40
    for incident in incidents:
        for version in ("kremlin", "ukraine"):
            assert case["verdicts"][(incident, version)] == (
                "violation",
                "protected_target_in_window",
            ), (incident, version)


def test_grid_strikes_19_to_24_march_break_only_the_kremlin_version(
    case: dict[str, Any],
) -> None:
    incidents = _strikes(case, "2025-03-19", "2025-03-24")
    assert len(incidents) >= 3
    for incident in incidents:
        assert case["verdicts"][(incident, "kremlin")][0] == "violation", incident
        assert case["verdicts"][(incident, "ukraine")] == ("no_violation", "before_start")


def test_the_kryvyi_rih_strike_is_no_violation_for_its_target(case: dict[str, Any]) -> None:
    incident = case["placed"]["c090"]  # Russia's own report: a military target
    for version in ("kremlin", "ukraine"):
        assert case["verdicts"][(incident, version)] == ("no_violation", "target_not_protected")


def test_what_the_kremlin_list_does_not_settle_is_undetermined_or_unprotected(
    case: dict[str, Any],
) -> None:
    """Gas production is off the Kremlin's list and on Ukraine's; a DTEK site of no
    stated kind ("energy") is not settled by the Kremlin's list of kinds."""
    production = case["placed"]["c027"]
    assert case["verdicts"][(production, "kremlin")] == ("no_violation", "target_not_protected")
    assert case["verdicts"][(production, "ukraine")][0] == "violation"
    rulings = {(r["incident"], r["version"]): r for r in case["rulings"]}
    dtek = rulings[(case["placed"]["c086"], "kremlin")]
    assert dtek["verdict"] == "no_violation"  # 17 April: after the Kremlin's 30 days
    # The same kind of target inside the Kremlin's window: undetermined, and says why.
    kremlin = load_terms(EXAMPLE / "terms.yaml").versions[0]
    inside = parse_incident(
        {
            "id": "x",
            "occurred_at": "2025-04-01",
            "country": "UA",
            "perpetrator": "RU",
            "target": "infrastructure.energy",
        }
    )
    [ruling] = list(rule([inside], [kremlin]))
    assert ruling.reason.value == "missing_target"
    assert "does not settle infrastructure.energy" in ruling.explanation
