"""Split the extractor's labelled evaluation set into train and test.

Reads `evaluation/extract/all.jsonl` (one labelled report per line), writes
`train.jsonl` and `test.jsonl` next to it and deletes `all.jsonl` (pass `--keep-all` to
keep it). The split is deterministic (seeded) and stratified by language and by whether a
report holds an incident: 60 % train / 40 % test within each stratum.

Reports already in `train.jsonl` or `test.jsonl` keep their side: only reports that are
in neither are assigned, so that the engineer tuning on train never sees a test report.
To add a batch, recreate `all.jsonl` from both splits plus the new reports:

    cat evaluation/extract/train.jsonl evaluation/extract/test.jsonl new.jsonl \
        > evaluation/extract/all.jsonl
    python scripts/split_extract_eval.py

Train-only supplements: reports whose id has the form `en-b2-001` (language, batch
`b2`, `b3`, …, number) were written after the first measurement on test, to give the
extractor more training material, and are never placed in test. They always go to train and do not
count towards the 60/40 shares, so the original 433 reports and any later regular batch
keep the documented split (see evaluation/extract/README.md).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

SEED = 20250318
TRAIN_SHARE = 0.6
LANGS = ("en", "uk", "ru")
DEFAULT_DIR = Path(__file__).resolve().parents[1] / "evaluation" / "extract"
TRAIN_ONLY = re.compile(r"^(en|uk|ru)-b\d+-\d+$")


def is_train_only(rid: str) -> bool:
    """True for an id of the train-only supplement (see the module docstring)."""
    return bool(TRAIN_ONLY.match(rid))


def read_jsonl(path: Path) -> list[dict[str, object]]:
    records = []
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise SystemExit(f"{path}:{number}: not JSON: {exc}") from exc
    return records


def write_jsonl(path: Path, records: list[dict[str, object]]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")


def sort_key(record: dict[str, object]) -> tuple[int, str, int, str]:
    rid = str(record["id"])
    lang = str(record["lang"])
    match = re.search(r"(\d+)$", rid)
    return (
        LANGS.index(lang) if lang in LANGS else len(LANGS),
        lang,
        int(match.group(1)) if match else 0,
        rid,
    )


def stratum(record: dict[str, object]) -> tuple[str, bool]:
    """Language, and whether the report holds an incident at all."""
    return str(record["lang"]), bool(record.get("expected"))


def assign(records: list[dict[str, object]], existing: dict[str, str]) -> dict[str, str]:
    """Side (`train`/`test`) of every record: the existing one, or a seeded draw per
    stratum (language × incident or not) that brings the stratum's train share as close
    to 60 % as the reports already placed allow."""
    sides: dict[str, str] = {}
    new_ids: dict[tuple[str, bool], list[str]] = defaultdict(list)
    placed_train: dict[tuple[str, bool], int] = defaultdict(int)
    total: dict[tuple[str, bool], int] = defaultdict(int)
    for record in records:
        rid, key = str(record["id"]), stratum(record)
        if is_train_only(rid):
            sides[rid] = "train"
            continue
        total[key] += 1
        if rid in existing:
            sides[rid] = existing[rid]
            placed_train[key] += existing[rid] == "train"
        else:
            new_ids[key].append(rid)
    for key, ids in sorted(new_ids.items()):
        wanted = round(TRAIN_SHARE * total[key]) - placed_train[key]
        wanted = max(0, min(len(ids), wanted))
        order = sorted(ids)
        random.Random(f"{SEED}:{key[0]}:{int(key[1])}").shuffle(order)
        for position, rid in enumerate(order):
            sides[rid] = "train" if position < wanted else "test"
    return sides


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR, help="folder of the set")
    parser.add_argument("--keep-all", action="store_true", help="do not delete all.jsonl")
    args = parser.parse_args(argv)
    folder: Path = args.dir
    all_path, train_path, test_path = (folder / f"{n}.jsonl" for n in ("all", "train", "test"))
    if not all_path.exists():
        print(
            f"{all_path} not found: concatenate train, test and new reports into it",
            file=sys.stderr,
        )
        return 1
    records = read_jsonl(all_path)
    ids = [str(r["id"]) for r in records]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        print(f"duplicate ids in {all_path}: {', '.join(duplicates)}", file=sys.stderr)
        return 1
    existing: dict[str, str] = {}
    for side, path in (("train", train_path), ("test", test_path)):
        if path.exists():
            existing.update({str(r["id"]): side for r in read_jsonl(path)})
    misplaced = sorted(i for i, side in existing.items() if side == "test" and is_train_only(i))
    if misplaced:
        print(f"train-only reports found in test: {', '.join(misplaced)}", file=sys.stderr)
        return 1
    missing = sorted(set(existing) - set(ids))
    if missing:
        print(f"{all_path} lacks reports already split: {', '.join(missing)}", file=sys.stderr)
        return 1
    sides = assign(records, existing)
    train = sorted((r for r in records if sides[str(r["id"])] == "train"), key=sort_key)
    test = sorted((r for r in records if sides[str(r["id"])] == "test"), key=sort_key)
    write_jsonl(train_path, train)
    write_jsonl(test_path, test)
    if not args.keep_all:
        all_path.unlink()
    for lang in sorted(
        {str(r["lang"]) for r in records}, key=lambda x: sort_key({"id": "0", "lang": x})
    ):
        n_train = sum(r["lang"] == lang for r in train)
        n_test = sum(r["lang"] == lang for r in test)
        print(f"{lang}: {n_train} train, {n_test} test")
    extra = sum(is_train_only(str(r["id"])) for r in train)
    print(f"total: {len(train)} train ({extra} train-only supplement), {len(test)} test")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
