"""Alignment precision and recall of `truce compare` on the hand-labelled real pairs.

Usage: .venv/bin/python scripts/evaluate_alignment.py [--readouts ../shared/data/readouts]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from truce.accounts.evaluation import evaluate_alignments

ROOT = Path(__file__).resolve().parents[1]

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--labels", type=Path, default=ROOT / "evaluation/accounts/alignments.yaml")
parser.add_argument("--readouts", type=Path, default=ROOT.parent / "shared/data/readouts")
args = parser.parse_args()
for what, path in (("the labels", args.labels), ("the readouts", args.readouts)):
    if not path.exists():
        sys.exit(
            f"error: {what} are not at {path}: the real readouts are not part of the"
            " repository (they are the shared data set); give their folder with --readouts"
        )
print(json.dumps(evaluate_alignments(args.labels, args.readouts).as_json(), indent=2))
