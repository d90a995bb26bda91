"""Scoring `truce merge` against a labelled set (evaluation/merge/README.md).

Gold columns (`gold_incident`, `gold_corroboration`, `gold_denied_by`) are removed and
the rest is merged exactly as `truce merge` would (free-text sets are extracted first).
The scores: pairwise precision and recall of "these two reports are one incident", the
share of gold incidents formed exactly, and for those, whether corroboration and denials
are right.
"""

from __future__ import annotations

import csv
import json
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from truce.merge.grouping import merge_evidence
from truce.merge.reading import read_evidence

GOLD = ("gold_incident", "gold_corroboration", "gold_denied_by")


@dataclass(frozen=True)
class MergeScores:
    reports: int
    incidents: int
    true_pairs: int
    found_pairs: int
    wrong_pairs: int
    exact: int
    graded_right: int
    mistakes: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        said = self.found_pairs + self.wrong_pairs
        return self.found_pairs / said if said else 1.0

    @property
    def recall(self) -> float:
        return self.found_pairs / self.true_pairs if self.true_pairs else 1.0


def _gold_and_input(path: Path, folder: Path) -> tuple[dict[str, dict[str, object]], Path]:
    """Gold labels by report id, and a copy of the file without them."""
    gold: dict[str, dict[str, object]] = {}
    out = folder / path.name
    if path.suffix == ".csv":
        with path.open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        for row in rows:
            gold[row["id"]] = {
                "incident": row["gold_incident"],
                "corroboration": row["gold_corroboration"],
                "denied_by": sorted(d for d in row["gold_denied_by"].split(";") if d),
            }
        fields = [k for k in rows[0] if k not in GOLD]
        with out.open("w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=fields)
            writer.writeheader()
            writer.writerows({k: row[k] for k in fields} for row in rows)
        return gold, out
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        gold[str(row["id"])] = {
            "incident": row["gold_incident"],
            "corroboration": row["gold_corroboration"],
            "denied_by": sorted(row["gold_denied_by"]),
        }
        kept = {k: v for k, v in row.items() if k not in GOLD}
        lines.append(json.dumps(kept, ensure_ascii=False))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return gold, out


def evaluate_merge(path: Path | str) -> MergeScores:
    """Merge a labelled file and score the result."""
    path = Path(path)
    with tempfile.TemporaryDirectory() as folder:
        gold, stripped = _gold_and_input(path, Path(folder))
        result = merge_evidence(read_evidence(stripped))
    predicted: dict[str, set[str]] = defaultdict(set)  # report → predicted incidents
    found: dict[str, tuple[set[str], str | None, list[str]]] = {}
    for merged in result.incidents:
        for report in merged.reports:
            predicted[report].add(merged.incident.id)
        found[merged.incident.id] = (
            set(merged.reports),
            merged.incident.corroboration,
            sorted(merged.incident.denied_by),
        )
    ids = sorted(gold)
    true_pairs = {
        (a, b) for a, b in combinations(ids, 2) if gold[a]["incident"] == gold[b]["incident"]
    }
    said_pairs = {(a, b) for a, b in combinations(ids, 2) if predicted[a] & predicted[b]}
    groups: dict[str, set[str]] = defaultdict(set)
    for report, labels in gold.items():
        groups[str(labels["incident"])].add(report)
    exact = right = 0
    mistakes: list[str] = []
    for label, members in sorted(groups.items()):
        match = next((f for f in found.values() if f[0] == members), None)
        if match is None:
            formed = sorted({i for r in members for i in predicted[r]})
            lost = sorted(r for r in members if not predicted[r])
            mistakes.append(
                f"{label}: gold {sorted(members)}; formed "
                + "; ".join(f"{i}={sorted(found[i][0])}" for i in formed)
                + (f"; in no incident {lost}" if lost else "")
            )
            continue
        exact += 1
        sample = gold[next(iter(members))]
        if (match[1], match[2]) == (sample["corroboration"], sample["denied_by"]):
            right += 1
        else:
            mistakes.append(
                f"{label}: {match[1]} {match[2]}, gold"
                f" {sample['corroboration']} {sample['denied_by']}"
            )
    return MergeScores(
        reports=len(gold),
        incidents=len(groups),
        true_pairs=len(true_pairs),
        found_pairs=len(true_pairs & said_pairs),
        wrong_pairs=len(said_pairs - true_pairs),
        exact=exact,
        graded_right=right,
        mistakes=mistakes,
    )
