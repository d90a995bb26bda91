"""Alignment precision and recall against hand-labelled real pairs of readouts.

The labels (`evaluation/accounts/alignments.yaml`) name statements by id and a few of
their words; the texts stay in the shared readouts corpus, read through `pairs.csv`.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from truce.accounts.compare import compare_accounts
from truce.accounts.reading import read_account
from truce.errors import BadInput


@dataclass(frozen=True, slots=True)
class EventScore:
    event: str
    split: str
    gold: int
    predicted: int
    correct: int


@dataclass(frozen=True, slots=True)
class AlignmentScores:
    events: tuple[EventScore, ...]

    def only(self, split: str) -> AlignmentScores:
        return AlignmentScores(tuple(e for e in self.events if e.split == split))

    @property
    def precision(self) -> float:
        predicted = sum(e.predicted for e in self.events)
        return sum(e.correct for e in self.events) / predicted if predicted else 0.0

    @property
    def recall(self) -> float:
        gold = sum(e.gold for e in self.events)
        return sum(e.correct for e in self.events) / gold if gold else 0.0

    def as_json(self) -> dict[str, Any]:
        data = self.totals()
        for split in sorted({e.split for e in self.events}):
            data[split] = self.only(split).totals()
        data["events"] = [
            {
                "event": e.event,
                "split": e.split,
                "gold": e.gold,
                "predicted": e.predicted,
                "correct": e.correct,
            }
            for e in self.events
        ]
        return data

    def totals(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "gold_pairs": sum(e.gold for e in self.events),
            "predicted_pairs": sum(e.predicted for e in self.events),
            "correct_pairs": sum(e.correct for e in self.events),
        }


def evaluate_alignments(labels: Path, readouts: Path) -> AlignmentScores:
    """Compare each labelled event's two accounts and score the matches found."""
    doc = yaml.safe_load(labels.read_text("utf-8"))
    with (readouts / "pairs.csv").open(encoding="utf-8", newline="") as handle:
        rows = {row["event_id"]: row for row in csv.DictReader(handle)}
    scores = []
    for event, label in doc["events"].items():
        row = rows[event]
        accounts = [
            read_account(readouts / row["account_a_file"], account_id="a1"),
            read_account(
                f"{readouts / row['account_b_source']}#{row['account_b_link']}", account_id="a2"
            ),
        ]
        comparison = compare_accounts(accounts)
        for statement_id, quote in label["quotes"].items():
            text = comparison.statement(statement_id).text
            if quote.casefold() not in text.casefold():
                raise BadInput(
                    f"{event} {statement_id} no longer reads {quote!r}: the sentence split "
                    "changed, so relabel",
                    file=str(labels),
                )
        gold = {tuple(pair) for pair in label["pairs"]}
        predicted = {tuple(m.statements) for m in comparison.matches}
        scores.append(
            EventScore(
                event,
                label.get("split", "tuning"),
                len(gold),
                len(predicted),
                len(gold & predicted),
            )
        )
    return AlignmentScores(tuple(scores))
