"""Add hand-labelled real reports to the dev/test split of evaluation/extract-real.

    python scripts/split_real_eval.py NEW.jsonl [NEW2.jsonl …]

Each report's side is fixed by its own content, not by when it was added or what else is
in the set: the SHA-256 of `url + "\\n" + text` read as a number, modulo 100, below
`DEV_SHARE` puts it in dev, otherwise in test. The same digest gives its id
(`<lang>-<first 10 hex digits>`), so a report added twice is kept once. Reports already
in dev.jsonl or test.jsonl are never moved; the rule is applied to every line again
and the run stops if a stored line is on the wrong side (someone moved it by hand).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

DEV_SHARE = 50  # percent of reports, per language in expectation, that go to dev
DIR = Path(__file__).resolve().parents[1] / "evaluation" / "extract-real"
SPLITS = ("dev", "test")


def digest(row: dict[str, Any]) -> str:
    return hashlib.sha256(f"{row['url']}\n{row['text']}".encode()).hexdigest()


def report_id(row: dict[str, Any]) -> str:
    return f"{row['lang']}-{digest(row)[:10]}"


def side(row: dict[str, Any]) -> str:
    """dev or test, from the report's url and text alone."""
    return "dev" if int(digest(row), 16) % 100 < DEV_SHARE else "test"


def _read(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("new", type=Path, nargs="*")
    parser.add_argument("--dir", type=Path, default=DIR)
    parser.add_argument("--counts", action="store_true", help="print the README's table")
    args = parser.parse_args()
    stored = {name: _read(args.dir / f"{name}.jsonl") for name in SPLITS}
    seen: dict[str, dict[str, Any]] = {}
    for name, rows in stored.items():
        for row in rows:
            if side(row) != name or row["id"] != report_id(row):
                sys.exit(f"{name}.jsonl: {row['id']} is not where the rule puts it")
            seen[row["id"]] = row
    added = 0
    for path in args.new:
        for row in _read(path):
            rid = report_id(row)
            if rid in seen:
                continue
            row = {"id": rid, **{k: v for k, v in row.items() if k != "id"}}
            seen[rid] = row
            stored[side(row)].append(row)
            added += 1
    for name, rows in stored.items():
        rows.sort(key=lambda r: r["id"])
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        (args.dir / f"{name}.jsonl").write_text(text, "utf-8")
    print(f"added {added}; dev {len(stored['dev'])}, test {len(stored['test'])}")
    if args.counts:
        print(counts(stored))


def counts(stored: dict[str, list[dict[str, Any]]]) -> str:
    """The README's table: reports per language and split, incidents and kinds."""
    lines = [
        "| language | dev | test | total | of which no incident | kinds |",
        "|---|---:|---:|---:|---:|---|",
    ]
    every = [r for rows in stored.values() for r in rows]
    for lang in ("en", "uk", "ru", None):
        rows = [r for r in every if lang is None or r["lang"] == lang]
        dev = sum(r in stored["dev"] for r in rows)
        quiet = sum(not r["expected"] for r in rows)
        kinds: dict[str, int] = {}
        for r in rows:
            kinds[r["kind"]] = kinds.get(r["kind"], 0) + 1
        kind_text = ", ".join(f"{k} {n}" for k, n in sorted(kinds.items(), key=lambda x: -x[1]))
        share = f"{quiet} ({100 * quiet / max(1, len(rows)):.0f} %)"
        lines.append(
            f"| {lang or 'all'} | {dev} | {len(rows) - dev} | {len(rows)} | {share} | {kind_text} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
