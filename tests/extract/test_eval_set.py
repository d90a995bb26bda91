"""The extractor's labelled evaluation set (evaluation/extract): format and label sanity."""

from __future__ import annotations

import importlib.util
import json
import re
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import pytest

from truce.domain import is_perpetrator, is_target
from truce.domain.parties import is_alignment

from ..conftest import ROOT

SET_DIR = ROOT / "evaluation" / "extract"
SPLITS = ("train", "test", "test2", "test3")
LANGS = ("en", "uk", "ru")
PRECISIONS = {"minute", "hour", "part_of_day", "day", "night", "none"}
WEAPONS = {
    "drone",
    "missile",
    "ballistic missile",
    "cruise missile",
    "glide bomb",
    "artillery",
    "MLRS",
    "airstrike",
    "mortar",
}
REPORT_KEYS = {"id", "lang", "published", "source", "source_alignment", "url", "text", "expected"}
RECORD_KEYS = {
    "occurred_at",
    "time_precision",
    "place",
    "region",
    "country",
    "perpetrator",
    "target",
    "weapon",
    "killed",
    "injured",
}
OFFSET = re.compile(r"(Z|[+-]\d{2}:\d{2})$")


def load(split: str) -> list[tuple[int, dict[str, object]]]:
    path = SET_DIR / f"{split}.jsonl"
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        assert line.strip(), f"{path.name}:{number}: blank line"
        try:
            rows.append((number, json.loads(line)))
        except json.JSONDecodeError as exc:
            pytest.fail(f"{path.name}:{number}: not JSON: {exc}")
    return rows


@pytest.fixture(scope="module")
def reports() -> dict[str, list[tuple[int, dict[str, object]]]]:
    return {split: load(split) for split in SPLITS}


def all_reports(reports: dict[str, list[tuple[int, dict[str, object]]]]):
    for split, rows in reports.items():
        for number, report in rows:
            yield f"{split}.jsonl:{number} ({report.get('id')})", report


def test_files_exist_and_all_jsonl_is_gone() -> None:
    for split in SPLITS:
        assert (SET_DIR / f"{split}.jsonl").is_file()
    assert (SET_DIR / "README.md").is_file()
    assert not (SET_DIR / "all.jsonl").exists(), "all.jsonl is deleted after the split"


def test_report_keys_and_values(reports) -> None:
    for where, report in all_reports(reports):
        assert set(report) == REPORT_KEYS, f"{where}: keys {sorted(report)}"
        assert report["lang"] in LANGS, where
        assert str(report["id"]).startswith(f"{report['lang']}-"), where
        assert isinstance(report["text"], str) and len(report["text"]) >= 40, where
        assert isinstance(report["source"], str) and report["source"], where
        assert is_alignment(str(report["source_alignment"])), where
        assert report["url"] is None or isinstance(report["url"], str), where
        assert isinstance(report["expected"], list), where


def test_ids_unique_across_splits(reports) -> None:
    ids = Counter(str(r["id"]) for _, r in all_reports(reports))
    assert not [i for i, n in ids.items() if n > 1]


def test_published_is_iso_with_offset(reports) -> None:
    for where, report in all_reports(reports):
        text = str(report["published"])
        assert OFFSET.search(text), f"{where}: no offset in {text}"
        assert datetime.fromisoformat(text).tzinfo is not None, where


def test_expected_records(reports) -> None:
    for where, report in all_reports(reports):
        published = datetime.fromisoformat(str(report["published"])).date()
        for record in report["expected"]:
            assert set(record) == RECORD_KEYS, f"{where}: keys {sorted(record)}"
            assert record["time_precision"] in PRECISIONS, where
            occurred = record["occurred_at"]
            if occurred is None:
                assert record["time_precision"] == "none", where
            else:
                assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", occurred), where
                assert date.fromisoformat(occurred) <= published, f"{where}: after published"
            assert record["target"] is None or is_target(record["target"]), where
            assert is_perpetrator(record["perpetrator"]), where
            assert record["country"] is None or (
                is_perpetrator(record["country"]) and record["country"] != "unknown"
            ), where
            assert record["weapon"] is None or record["weapon"] in WEAPONS, where
            for key in ("place", "region"):
                assert record[key] is None or (isinstance(record[key], str) and record[key])
            for key in ("killed", "injured"):
                value = record[key]
                assert value is None or (type(value) is int and value >= 0), f"{where}: {key}"


TRAIN_ONLY = re.compile(r"^(en|uk|ru)-b\d+-\d+$")  # train-only supplements (README)


def test_size_and_split(reports) -> None:
    """The split reports are 60/40 per language; the train-only supplement (ids such as
    `en-b2-001`, written after the first test measurement) is in train only and is left
    out of the shares."""
    assert not [r["id"] for _, r in reports["test"] if TRAIN_ONLY.match(str(r["id"]))]
    per_split = {
        s: Counter(str(r["lang"]) for _, r in rows if not TRAIN_ONLY.match(str(r["id"])))
        for s, rows in reports.items()
    }
    for lang in LANGS:
        total = per_split["train"][lang] + per_split["test"][lang]
        assert total >= 120, f"{lang}: only {total} reports"
        share = per_split["train"][lang] / total
        assert 0.55 <= share <= 0.65, f"{lang}: train share {share:.2f}"
    incidents = sum(bool(r["expected"]) for _, r in all_reports(reports))
    total = sum(1 for _ in all_reports(reports))
    assert 0.15 <= 1 - incidents / total <= 0.35, "about a quarter are non-incident texts"


def test_split_script_keeps_existing_sides(tmp_path: Path) -> None:
    """Re-splitting after a new batch never moves a report between train and test."""
    spec = importlib.util.spec_from_file_location(
        "split_extract_eval", ROOT / "scripts" / "split_extract_eval.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)

    def write(name: str, ids: list[str]) -> None:
        rows = [json.dumps({"id": i, "lang": i[:2]}) for i in ids]
        (tmp_path / name).write_text("".join(r + "\n" for r in rows), encoding="utf-8")

    first = [f"{lang}-{n:03d}" for lang in LANGS for n in range(1, 51)]
    write("all.jsonl", first)
    assert module.main(["--dir", str(tmp_path)]) == 0
    assert not (tmp_path / "all.jsonl").exists()
    train = {json.loads(x)["id"] for x in (tmp_path / "train.jsonl").open(encoding="utf-8")}
    test = {json.loads(x)["id"] for x in (tmp_path / "test.jsonl").open(encoding="utf-8")}
    assert len(train) == 90 and len(test) == 60

    second = first + [f"{lang}-{n:03d}" for lang in LANGS for n in range(51, 91)]
    write("all.jsonl", second)
    assert module.main(["--dir", str(tmp_path), "--keep-all"]) == 0
    train2 = {json.loads(x)["id"] for x in (tmp_path / "train.jsonl").open(encoding="utf-8")}
    test2 = {json.loads(x)["id"] for x in (tmp_path / "test.jsonl").open(encoding="utf-8")}
    assert train <= train2 and test <= test2 and not train2 & test2
    for lang in LANGS:
        assert sum(i.startswith(lang) for i in train2) == 54

    # The train-only supplement goes to train and does not shift later batches' shares.
    extra = [f"{lang}-b2-{n:03d}" for lang in LANGS for n in range(1, 31)]
    third = second + extra + [f"{lang}-{n:03d}" for lang in LANGS for n in range(91, 101)]
    write("all.jsonl", third)
    assert module.main(["--dir", str(tmp_path), "--keep-all"]) == 0
    train3 = {json.loads(x)["id"] for x in (tmp_path / "train.jsonl").open(encoding="utf-8")}
    test3 = {json.loads(x)["id"] for x in (tmp_path / "test.jsonl").open(encoding="utf-8")}
    assert set(extra) <= train3 and not set(extra) & test3
    assert train2 <= train3 and test2 <= test3
    for lang in LANGS:
        regular = [i for i in train3 if i.startswith(lang) and not TRAIN_ONLY.match(i)]
        assert len(regular) == 60


@pytest.mark.parametrize("split", ["test2", "test3"])
def test_the_later_held_out_sets_share_nothing_with_train(reports, split: str) -> None:
    """`test2.jsonl` (batch b4) and `test3.jsonl` (b6) were written apart from every
    training batch; none of their reports may reach train."""
    train = {str(r["id"]) for _, r in reports["train"]}
    texts = {str(r["text"]) for _, r in reports["train"]}
    for _, row in reports[split]:
        assert row["id"] not in train and row["text"] not in texts
