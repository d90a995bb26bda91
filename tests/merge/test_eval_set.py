"""The labelled merge sets: well formed, and merged as well as the README says."""

from __future__ import annotations

import csv
import json

import pytest

from truce.merge.evaluation import evaluate_merge

from ..conftest import ROOT

SETS = ROOT / "evaluation" / "merge"


@pytest.mark.parametrize("name", ["dev.csv", "test.csv"])
def test_structured_sets_are_well_formed(name: str) -> None:
    with (SETS / name).open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len({r["id"] for r in rows}) == len(rows)
    groups: dict[str, set[tuple[str, str]]] = {}
    for row in rows:
        groups.setdefault(row["gold_incident"], set()).add(
            (row["gold_corroboration"], row["gold_denied_by"])
        )
        assert row["stance"] in ("affirm", "deny")
    assert all(len(labels) == 1 for labels in groups.values())


def test_the_sets_share_no_report() -> None:
    ids = [
        {r["id"] for r in csv.DictReader((SETS / name).open(encoding="utf-8", newline=""))}
        for name in ("dev.csv", "test.csv")
    ]
    text = {json.loads(line)["id"] for line in (SETS / "test_text.jsonl").open(encoding="utf-8")}
    assert not ids[0] & ids[1] and not text & (ids[0] | ids[1])
    assert len(ids[1]) >= 150 and len(text) >= 150


@pytest.mark.parametrize(
    ("name", "precision", "recall"),
    [("dev.csv", 0.98, 0.97), ("test.csv", 0.98, 0.97), ("test_text.jsonl", 0.98, 0.8)],
)
def test_merging_stays_as_good_as_measured(name: str, precision: float, recall: float) -> None:
    """A floor under the figures in the README: a change that loses them fails here."""
    scores = evaluate_merge(SETS / name)
    assert scores.precision >= precision, scores.mistakes
    assert scores.recall >= recall, scores.mistakes
    assert scores.graded_right == scores.exact, scores.mistakes
