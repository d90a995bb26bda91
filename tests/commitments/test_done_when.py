"""The issue's "Done when": accounts written for the test (not the seed's), their
promises extracted with quantities and due dates, then checked against later reports
before and after they fall due."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from truce.cli import app
from truce.commitments import check_commitments, extract_commitments
from truce.extract import read_reports

runner = CliRunner()

MOSCOW = """\
---
title: Statement after the call
date: '2025-03-18'
party: RU
---

The Russian President told his counterpart that Russia and Ukraine will exchange 175
prisoners of war for 175 on 19 March. Moscow will also hand over 23 badly wounded
Ukrainian soldiers as a goodwill gesture.

The two sides discussed the possibility of a summit later in the year.
"""

WASHINGTON = """\
---
title: Readout of the call
date: '2025-03-18'
party: US
---

The President and his Russian counterpart agreed that technical talks on a maritime
truce will begin immediately in Saudi Arabia. Russia will return 40 children held in
occupied territories by 25 March. Ukraine and Russia will release 500 civilian
detainees by 1 May. The leaders proposed a joint commission on energy.
"""

LATER = [
    {"id": "r1", "published": "2025-03-19T09:00:00+00:00", "text": "A further exchange of prisoners of war is being prepared."},
    {"id": "r2", "published": "2025-03-19T20:00:00+00:00", "text": "Russia and Ukraine exchanged 175 prisoners of war for 175 on 19 March."},
    {"id": "r3", "published": "2025-03-20T10:00:00+00:00", "text": "22 badly wounded Ukrainian soldiers were handed over on 19 March."},
    {"id": "r4", "published": "2025-03-24T18:00:00+00:00", "text": "Technical talks between the delegations began in Riyadh on 24 March."},
    {"id": "r5", "published": "2025-03-28T12:00:00+00:00", "text": "The 40 children have not been returned, three days after the deadline."},
    {"id": "r6", "published": "2025-04-20T12:00:00+00:00", "text": "The release of 500 civilian detainees will take place soon, officials said."},
]  # fmt: skip


def _write(tmp_path: Path) -> tuple[list[str], Path]:
    moscow = tmp_path / "moscow.md"
    moscow.write_text(MOSCOW, "utf-8")
    washington = tmp_path / "washington.md"
    washington.write_text(WASHINGTON, "utf-8")
    reports = tmp_path / "later.jsonl"
    reports.write_text("\n".join(json.dumps(r) for r in LATER) + "\n", "utf-8")
    return [str(moscow), str(washington)], reports


def test_promises_come_out_with_quantities_and_due_dates(tmp_path: Path) -> None:
    accounts, _ = _write(tmp_path)
    found = {(c.action, c.quantity, c.due, c.due_rule) for c in extract_commitments(accounts)}
    assert found == {
        ("prisoner_exchange", 175, date(2025, 3, 19), "on_date"),
        ("handover", 23, None, "none"),
        ("talks", None, date(2025, 3, 25), "immediately"),
        ("handover", 40, date(2025, 3, 25), "by_date"),
        ("handover", 500, date(2025, 5, 1), "by_date"),
    }  # the summit only discussed and the commission only proposed are not promises


def test_statuses_after_and_before_the_due_dates(tmp_path: Path) -> None:
    accounts, reports_file = _write(tmp_path)
    commitments = extract_commitments(accounts)
    reports = read_reports(reports_file)
    status = {
        (c.commitment.action, c.commitment.quantity): c
        for c in check_commitments(commitments, reports, date(2025, 4, 30))
    }
    assert status[("prisoner_exchange", 175)].status == "kept"
    assert status[("prisoner_exchange", 175)].evidence == ("r2",)  # not the plan in r1
    assert status[("handover", 23)].status == "partly_kept"
    assert "22 of the 23" in status[("handover", 23)].explanation
    assert status[("talks", None)].status == "kept"
    assert status[("handover", 40)].status == "broken"
    assert status[("handover", 500)].status == "pending"  # r6 is a plan, 1 May is ahead
    early = check_commitments(commitments, reports, date(2025, 3, 18))
    assert {c.status for c in early} == {"pending"}


def test_due_and_no_report_is_unverified(tmp_path: Path) -> None:
    accounts, _ = _write(tmp_path)
    commitments = extract_commitments(accounts)
    checks = check_commitments(commitments, [], date(2025, 5, 2))
    by_rule = {c.commitment.due_rule: c.status for c in checks if c.commitment.due}
    assert by_rule == {
        "on_date": "unverified",
        "immediately": "unverified",
        "by_date": "unverified",
    }


def test_grace_period_is_configurable_and_cli_round_trips(tmp_path: Path) -> None:
    accounts, reports = _write(tmp_path)
    result = runner.invoke(
        app, ["commitments", "extract", *accounts, "--grace-days", "3", "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    talks = next(c for c in data if c["action"] == "talks")
    assert (talks["due"], talks["due_rule"]) == ("2025-03-21", "immediately")
    saved = tmp_path / "c.json"
    saved.write_text(result.stdout, "utf-8")
    checked = runner.invoke(
        app, ["commitments", "check", str(saved), "--evidence", str(reports), "--as-of", "2025-04-30", "--json"]
    )  # fmt: skip
    assert checked.exit_code == 0, checked.output
    statuses = {c["commitment"]: c["status"] for c in json.loads(checked.stdout)}
    assert statuses[talks["id"]] == "broken"  # began on 24 March, after a 3-day grace


def test_bad_input_exits_1_naming_the_place(tmp_path: Path) -> None:
    bad = tmp_path / "c.json"
    bad.write_text('[{"id": "x", "text": "t", "due": "19 March"}]', "utf-8")
    reports = tmp_path / "r.jsonl"
    reports.write_text("{}\n", "utf-8")
    result = runner.invoke(
        app, ["commitments", "check", str(bad), "--evidence", str(reports), "--as-of", "2025-04-30"]
    )
    assert result.exit_code == 1
    assert "due" in result.output
    result = runner.invoke(
        app, ["commitments", "check", str(bad), "--evidence", str(reports), "--as-of", "soon"]
    )
    assert result.exit_code == 1 and "--as-of" in result.output
