"""Measure `truce merge` on a labelled set (evaluation/merge/README.md).

    python scripts/evaluate_merge.py evaluation/merge/dev.csv [--errors]

Prints pairwise precision and recall of "these two reports are one incident", the share
of gold incidents formed exactly and, for those, whether corroboration and denials are
right (`truce.merge.evaluation`). `--errors` lists what went wrong.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from truce.merge.evaluation import evaluate_merge


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--errors", action="store_true", help="list the mistakes")
    args = parser.parse_args()
    s = evaluate_merge(args.file)
    print(
        f"{args.file}: {s.reports} reports, {s.incidents} incidents,"
        f" {s.true_pairs} same-incident pairs"
    )
    print(
        f"pairwise precision {s.precision:.1%}  recall {s.recall:.1%}"
        f"  ({s.found_pairs} of {s.true_pairs} pairs found, {s.wrong_pairs} wrong)"
    )
    print(
        f"incidents formed exactly {s.exact}/{s.incidents} ({s.exact / s.incidents:.1%});"
        f" corroboration and denials right in {s.graded_right}/{s.exact}"
    )
    if args.errors:
        for line in s.mistakes:
            print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
