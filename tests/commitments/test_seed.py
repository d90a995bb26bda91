"""The seed case: the two readouts of 18 March 2025 against the project's later reports."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from truce.commitments import check_commitments, extract_commitments
from truce.extract import read_reports

SEED = Path(__file__).resolve().parents[2] / "examples" / "seed-case"


def test_seed_commitments_and_their_status_at_the_end_of_april() -> None:
    accounts = sorted(str(p) for p in (SEED / "accounts").glob("*.md"))
    commitments = extract_commitments(accounts)
    checks = check_commitments(
        commitments, read_reports(SEED / "later-reports.jsonl"), date(2025, 4, 30)
    )
    status = {(c.commitment.action, c.commitment.quantity): c.status for c in checks}
    assert status[("prisoner_exchange", 175)] == "kept"
    assert status[("handover", 23)] == "partly_kept"
    talks = [c for c in checks if c.commitment.due_rule == "immediately"]
    assert "kept" in {c.status for c in talks if c.commitment.action == "talks"}
    assert not any(c.evidence == ("lr-01",) for c in checks)  # "being prepared" proves nothing
