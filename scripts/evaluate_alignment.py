"""Alignment precision and recall of `truce compare` on the hand-labelled real pairs.

Usage: .venv/bin/python scripts/evaluate_alignment.py [--readouts ../shared/data/readouts]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from truce.accounts.evaluation import evaluate_alignments

ROOT = Path(__file__).resolve().parents[1]

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--labels", type=Path, default=ROOT / "evaluation/accounts/alignments.yaml")
parser.add_argument("--readouts", type=Path, default=ROOT.parent / "shared/data/readouts")
args = parser.parse_args()
print(json.dumps(evaluate_alignments(args.labels, args.readouts).as_json(), indent=2))
