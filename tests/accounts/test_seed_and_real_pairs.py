"""The seed case's two accounts, and the hand-checked real pairs (skipped without the
shared readouts)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from truce.accounts import compare_files, read_account
from truce.accounts.evaluation import evaluate_alignments

from ..conftest import ROOT, SHARED

READOUTS = SHARED / "data" / "readouts"
needs_readouts = pytest.mark.skipif(
    not (READOUTS / "pairs.csv").exists(), reason="shared readouts are not here"
)


def test_seed_case_shows_scope_duration_and_one_sided_statements(seed_case: Path) -> None:
    comparison = compare_files(sorted((seed_case / "accounts").glob("*.md"), reverse=True))
    kinds = {(d.kind, d.a, d.b) for m in comparison.matches for d in m.differences}
    assert ("scope", "infrastructure, maritime", "infrastructure.energy") in kinds
    assert ("duration", None, "P30D") in kinds
    only = " ".join(comparison.statement(s).text for s in comparison.unmatched)
    assert "175 prisoners of war" in only and "intelligence sharing" in only


@needs_readouts
def test_every_pair_compares() -> None:
    with (READOUTS / "pairs.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 11
    for row in rows:
        comparison = compare_files(
            [
                READOUTS / row["account_a_file"],
                f"{READOUTS / row['account_b_source']}#{row['account_b_link']}",
            ]
        )
        assert comparison.matches, row["event_id"]
        assert read_account(READOUTS / row["account_a_file"]).party == "US"


@needs_readouts
def test_alignment_on_labelled_pairs_is_at_least_what_the_readme_says() -> None:
    scores = evaluate_alignments(ROOT / "evaluation" / "accounts" / "alignments.yaml", READOUTS)
    assert len(scores.events) >= 3
    assert scores.precision >= 0.8 and scores.recall >= 0.35
