"""Per-field accuracy of `truce.extract` per language on a labelled split.

    python scripts/evaluate_extract.py evaluation/extract/test.jsonl [--errors]

Records are matched within a report greedily on (place, region, target); each field is
compared over matched records (regions by `truce.domain.region_key`, dates as local
dates); an expected record with no match counts as wrong on every field. "incident"
compares `expected == []` with the output being empty, once per report.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from truce.domain import Report, region_key  # noqa: E402
from truce.extract import extract  # noqa: E402

FIELDS = (
    "target", "perpetrator", "place", "region", "country", "date", "killed", "injured",
)  # fmt: skip


def _value(record: dict[str, Any], name: str) -> Any:
    if name == "date":
        value = record.get("occurred_at")
        return value[:10] if value else None
    if name == "region":
        value = record.get("region")
        return region_key(value) if value else None
    return record.get(name)


def _similarity(a: dict[str, Any], b: dict[str, Any]) -> int:
    return sum(_value(a, f) == _value(b, f) for f in ("place", "region", "target")) * 2 + sum(
        _value(a, f) == _value(b, f) for f in FIELDS
    )


def evaluate(path: Path, *, show_errors: bool = False) -> dict[str, dict[str, float]]:
    right: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    total: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        lang = row["lang"]
        report = Report(
            id=row["id"],
            source=row.get("source"),
            source_alignment=row.get("source_alignment"),
            published=datetime.fromisoformat(row["published"]),
            text=row["text"],
            lang=None,
        )
        got = [r.to_json() for r in extract(report)]
        expected = row["expected"]
        total[lang]["incident"] += 1
        ok = (expected == []) == (got == [])
        right[lang]["incident"] += ok
        if show_errors and not ok:
            print(f"{row['id']} incident: expected {len(expected)}, got {len(got)}")
        free = list(got)
        for want in expected:
            match = max(free, key=lambda g: _similarity(want, g), default=None)
            if match is not None:
                free.remove(match)
            for name in FIELDS:
                total[lang][name] += 1
                hit = match is not None and _value(match, name) == _value(want, name)
                right[lang][name] += hit
                if show_errors and not hit and match is not None:
                    print(
                        f"{row['id']} {name}: expected {_value(want, name)!r}, "
                        f"got {_value(match, name)!r}"
                    )
    table: dict[str, dict[str, float]] = {}
    for lang in sorted(total):
        table[lang] = {n: right[lang][n] / total[lang][n] for n in total[lang]}
        table[lang]["all"] = sum(right[lang].values()) / sum(total[lang].values())
    table["all"] = {
        n: sum(right[lang][n] for lang in total) / max(1, sum(total[lang][n] for lang in total))
        for n in ("incident", *FIELDS)
    }
    table["all"]["all"] = sum(sum(r.values()) for r in right.values()) / sum(
        sum(t.values()) for t in total.values()
    )
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", type=Path)
    parser.add_argument("--errors", action="store_true", help="print every wrong field")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    table = evaluate(args.split, show_errors=args.errors)
    if args.json:
        print(json.dumps(table, indent=2))
        return
    columns = ["incident", *FIELDS, "all"]
    print("| lang | " + " | ".join(columns) + " |")
    print("|---" * (len(columns) + 1) + "|")
    for lang, row in table.items():
        print(f"| {lang} | " + " | ".join(f"{100 * row.get(c, 0):.0f}%" for c in columns) + " |")


if __name__ == "__main__":
    main()
