"""The monitor's findings: the pure computation on a hand-made case, and the report page
that renders them for the committed moratorium example."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from truce.cli import app
from truce.domain import Evidence, Stance
from truce.findings import PublishedTotal, findings_of, load_totals
from truce.rules import rule

from ..conftest import make_incident, make_version

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "moratorium-2025"
runner = CliRunner()


def _evidence(
    incident_id: str, alignment: str, stance: Stance = Stance.AFFIRM, accuses: str = "RU"
) -> Evidence:
    record = make_incident(
        id=f"{incident_id}-{alignment}-{stance.value}",
        perpetrator=accuses,
        source=f"{alignment} ministry",
        source_alignment=alignment,
        url=f"https://example.org/{incident_id}/{alignment}",
    )
    return Evidence(record=record, report_id=record.id, stance=stance, incident_id=incident_id)


def test_findings_count_per_version_party_and_day_and_name_the_incidents() -> None:
    early = make_incident(id="early", occurred_at="2025-03-20")  # RU strikes UA grid
    late = replace(make_incident(id="late", occurred_at="2025-03-27"), denied_by=("RU",))
    both = replace(
        make_incident(id="both", occurred_at="2025-03-27", perpetrator="UA", country="RU"),
        corroboration="both_sides",
    )
    kremlin = make_version(id="kremlin", starts="2025-03-18T00:00:00+03:00")
    ukraine = make_version(id="ukraine", according_to="UA", starts="2025-03-25T00:00:00+02:00")
    rulings = rule([early, late, both], [kremlin, ukraine])
    evidence = {
        "early": [_evidence("early", "UA")],
        "late": [_evidence("late", "UA"), _evidence("late", "RU", Stance.DENY)],
        "both": [_evidence("both", "RU", accuses="UA"), _evidence("both", "UA", accuses="UA")],
    }
    totals = [
        PublishedTotal("UA", "RU", "MFA", "more than 30", 30, "more than",
                       date(2025, 3, 18), date(2025, 3, 31), "https://example.org/t")
    ]  # fmt: skip
    found = findings_of(rulings, evidence, totals)

    assert found["violations"] == {"kremlin": {"RU": 2, "UA": 1}, "ukraine": {"RU": 1, "UA": 1}}
    assert found["per_day"]["kremlin"]["RU"] == [
        {"day": "2025-03-20", "violations": 1, "incidents": ["early"]},
        {"day": "2025-03-27", "violations": 1, "incidents": ["late"]},
    ]
    [disputed] = found["disputed"]
    assert disputed["incident"] == "early"
    assert disputed["rulings"]["kremlin"]["verdict"] == "violation"
    assert disputed["rulings"]["ukraine"]["reason"] == "before_start"
    groups = {g: [i["incident"] for i in items] for g, items in found["provenance"].items()}
    assert groups == {
        "independent": [],
        "both_sides": ["both"],
        "denied": ["late"],
        "one_side_only": ["early"],
    }
    denial = found["provenance"]["denied"][0]["evidence"][1]
    assert denial["stance"] == "deny" and denial["url"] == "https://example.org/late/RU"
    [total] = found["totals"]
    assert (total["itemised"], total["incidents"], total["denied"]) == (2, ["early", "late"], 1)
    assert total["violations"] == {"kremlin": 2, "ukraine": 1}
    assert (found["claims"], found["denials"]) == (4, 1)
    json.dumps(found)  # the page and the API send it as it is


def test_the_report_renders_the_findings_of_the_example(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'truce.db'}"
    for args in (
        ["terms", "import", str(EXAMPLE / "terms.yaml")],
        ["reports", "import", str(EXAMPLE / "incidents.csv"), "--quiet"],
    ):
        assert runner.invoke(app, [*args, "--db", db]).exit_code == 0
    out = tmp_path / "report.html"
    result = runner.invoke(
        app,
        ["report", "--agreement", "energy-moratorium-2025", "--db", db, "--out", str(out),
         "--totals", str(EXAMPLE / "totals.yaml")],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    page = out.read_text("utf-8")
    section = page[page.index('data-testid="findings"') :]
    assert "100 itemised claims and 14 denials" in section
    assert re.search(r"<strong>kremlin</strong>.*?violations by UA", section, re.S)
    assert "eight confirmed hits" in section and "https://tass.com/politics/1950111" in section
    assert "before_start" in section  # a disputed day, with its reason
    data = json.loads(re.search(r'id="truce-data"[^>]*>(.*?)</script>', page, re.S).group(1))
    assert data["findings"]["totals"][0]["figure"] == 8


def test_totals_file_errors_name_the_field(tmp_path: Path) -> None:
    bad = tmp_path / "totals.yaml"
    bad.write_text("- claimant: XX\n  accused: UA\n  since: 2025-03-18\n  as_of: 2025-04-01\n")
    result = runner.invoke(app, ["report", "-a", "x", "--out", str(tmp_path / "r.html"),
                                 "--db", f"sqlite:///{tmp_path / 'd.db'}", "--totals", str(bad)])  # fmt: skip
    assert result.exit_code == 1
    assert "[0].claimant" in result.output
    assert len(load_totals(EXAMPLE / "totals.yaml")) == 5
