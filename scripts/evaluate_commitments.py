"""Measure commitment extraction and status checking on the labelled set.

    .venv/bin/python scripts/evaluate_commitments.py [GOLD.json] [--json]

Reads `evaluation/commitments/gold.json` (or the held-out `held-out/gold.json`):
accounts (invented ones in the project's own words and real White House readouts),
each with its labelled commitments, and the later
reports in `evidence.jsonl`. A predicted commitment matches a labelled one when it comes
from the same account and its sentence holds the label's quoted words. Prints extraction
precision and recall, the share of matched commitments whose action, quantity and due
date (with rule) are right, and status accuracy as of the set's `as_of` day — status
being judged on the extracted commitments, so extraction errors count against it too.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from truce.accounts import read_account  # noqa: E402
from truce.commitments import check_commitment, commitments_of  # noqa: E402
from truce.extract import read_reports  # noqa: E402

GOLD = ROOT / "evaluation" / "commitments" / "gold.json"


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def missing_files(gold: dict[str, Any]) -> list[str]:
    """Labelled files this machine does not have (the real readouts live in the shared
    data set beside the repository, not in it)."""
    named = [gold["evidence"], *(entry["file"] for entry in gold["accounts"])]
    return [name for name in named if not (ROOT / name).exists()]


def evaluate(path: Path = GOLD) -> dict[str, Any]:
    gold = json.loads(path.read_text("utf-8"))
    as_of = date.fromisoformat(gold["as_of"])
    reports = read_reports(ROOT / gold["evidence"])
    predicted = labelled = matched = 0
    right = {"action": 0, "quantity": 0, "due": 0, "status": 0}
    misses: list[str] = []
    for index, entry in enumerate(gold["accounts"], start=1):
        account = read_account(ROOT / entry["file"], account_id=f"a{index}")
        found = commitments_of(account)
        predicted += len(found)
        labelled += len(entry["commitments"])
        used: set[str] = set()
        for label in entry["commitments"]:
            hit = next(
                (
                    c
                    for c in found
                    if c.id not in used and _squash(label["match"]) in _squash(c.text)
                ),
                None,
            )
            if hit is None:
                misses.append(f"missed: {entry['file']}: {label['match']}")
                continue
            used.add(hit.id)
            matched += 1
            due = hit.due.isoformat() if hit.due else None
            status = check_commitment(hit, reports, as_of).status
            checks = {
                "action": hit.action == label["action"],
                "quantity": hit.quantity == label["quantity"],
                "due": (due, hit.due_rule) == (label["due"], label["due_rule"]),
                "status": status == label["status"],
            }
            for key, ok in checks.items():
                right[key] += ok
                if not ok:
                    got = {"action": hit.action, "quantity": hit.quantity,
                           "due": (due, hit.due_rule), "status": status}[key]  # fmt: skip
                    misses.append(f"{key}: {label['match']}: got {got}, labelled {label[key]}")
        for c in found:
            if c.id not in used:
                misses.append(f"extra: {entry['file']}: {c.text[:80]}")
    return {
        "labelled": labelled,
        "predicted": predicted,
        "matched": matched,
        "precision": round(matched / predicted, 3) if predicted else 0.0,
        "recall": round(matched / labelled, 3) if labelled else 0.0,
        **{f"{k}_accuracy": round(v / matched, 3) if matched else 0.0 for k, v in right.items()},
        "errors": misses,
    }


def main() -> None:
    paths = [a for a in sys.argv[1:] if not a.startswith("--")]
    path = Path(paths[0]) if paths else GOLD
    if not path.exists():
        sys.exit(f"error: no labelled set at {path}")
    missing = missing_files(json.loads(path.read_text("utf-8")))
    if missing:
        sys.exit(
            f"error: {len(missing)} labelled files of {path.name} are not on this machine"
            f" (first: {missing[0]}); the real readouts come from the shared data set"
            " beside the repository, which this figure needs"
        )
    result = evaluate(path)
    if "--json" in sys.argv:
        print(json.dumps(result, indent=2))
        return
    for key, value in result.items():
        if key != "errors":
            print(f"{key:>18}: {value}")
    for line in result["errors"]:
        print("  " + line)


if __name__ == "__main__":
    main()
