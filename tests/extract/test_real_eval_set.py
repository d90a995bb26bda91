"""The real-report evaluation set (evaluation/extract-real): well-formed, hand-labelled
labels that make sense, a dev/test split that follows its rule, and no report shared
with the project-written sets."""

from __future__ import annotations

import importlib.util
import json
import re
from datetime import date, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from truce.domain import is_target
from truce.domain.parties import is_alignment

from ..conftest import ROOT

SET_DIR = ROOT / "evaluation" / "extract-real"
OLD_DIR = ROOT / "evaluation" / "extract"
SPLITS = ("dev", "test")
LANGS = ("en", "uk", "ru")
KINDS = {"official_post", "mod_statement", "agency", "media", "headline", "description"}
SIDES = {
    "UA official", "UA state media", "UA media", "RU official", "RU state media",
    "RU media", "independent media", "international media", "foreign media", "OSINT",
    "international monitor",
}  # fmt: skip
KEYS = {
    "id", "lang", "published", "source", "source_side", "source_alignment", "url", "kind",
    "text", "incident", "place_in_text", "expected", "reviewed",
}  # fmt: skip
RECORD_KEYS = {
    "occurred_at", "place", "place_mention", "region", "country", "lat", "lon",
    "coords_uncertain", "perpetrator", "target", "killed", "injured",
}  # fmt: skip
OFFSET = re.compile(r"(Z|[+-]\d{2}:\d{2})$")
# Ukraine, Russia west of the Urals and the Volga, with room: where every labelled
# settlement of this set lies.
BOX = {"UA": (44.0, 52.5, 22.0, 40.3), "RU": (43.0, 61.0, 27.0, 56.0)}


def _split_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("split_real", ROOT / "scripts/split_real_eval.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def rows() -> dict[str, list[dict[str, Any]]]:
    out = {}
    for split in SPLITS:
        lines = (SET_DIR / f"{split}.jsonl").read_text("utf-8").splitlines()
        out[split] = [json.loads(line) for line in lines]
    return out


def _each(rows: dict[str, list[dict[str, Any]]]):
    for split, items in rows.items():
        for number, row in enumerate(items, 1):
            yield f"{split}.jsonl:{number} ({row.get('id')})", row


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


def test_every_report_is_sourced_and_as_published(rows) -> None:
    for where, row in _each(rows):
        keys = set(row) - {"note"}
        assert keys == KEYS, f"{where}: keys {sorted(keys ^ KEYS)}"
        assert isinstance(row.get("note", ""), str), where
        assert row["lang"] in LANGS, where
        assert row["url"].startswith(("https://", "http://")), where
        assert row["source"].strip() and row["source_side"] in SIDES, where
        assert is_alignment(row["source_alignment"]), where
        assert row["kind"] in KINDS, where
        assert 10 <= len(row["text"]) <= 900, f"{where}: an excerpt of a few sentences"
        published = row["published"]
        if len(published) == 10:
            day = date.fromisoformat(published)
        else:
            assert OFFSET.search(published), f"{where}: a date-time needs its offset"
            day = datetime.fromisoformat(published).date()
        assert date(2022, 1, 1) <= day <= date(2025, 12, 31), f"{where}: {published}"
        assert row["reviewed"] is True, f"{where}: labels not reviewed"


def test_labels_are_consistent(rows) -> None:
    for where, row in _each(rows):
        expected = row["expected"]
        assert row["incident"] == bool(expected), where
        for record in expected:
            assert set(record) == RECORD_KEYS, f"{where}: {sorted(set(record) ^ RECORD_KEYS)}"
            assert record["target"] is None or is_target(record["target"]), where
            assert record["perpetrator"] in (None, "RU", "UA", "unknown"), where
            assert record["country"] in ("UA", "RU"), where
            assert record["region"] or record["country"], where
            date.fromisoformat(record["occurred_at"])
            for count in ("killed", "injured"):
                assert record[count] is None or record[count] >= 0, where
            if record["place"] is not None:
                low_lat, high_lat, low_lon, high_lon = BOX[record["country"]]
                assert low_lat <= record["lat"] <= high_lat, f"{where}: {record['place']}"
                assert low_lon <= record["lon"] <= high_lon, f"{where}: {record['place']}"
            if row["place_in_text"] and record["place_mention"]:
                assert record["place_mention"] in row["text"], f"{where}: mention as written"


def test_split_follows_its_rule_and_is_disjoint(rows) -> None:
    split = _split_module()
    seen: dict[str, str] = {}
    for name, items in rows.items():
        for row in items:
            assert row["id"] == split.report_id(row), row["id"]
            assert split.side(row) == name, f"{row['id']} belongs in {split.side(row)}"
            key = _norm(row["text"])
            assert key not in seen, f"{row['id']} repeats a report of {seen[key]}"
            seen[key] = name
    for lang in LANGS:
        dev = sum(r["lang"] == lang for r in rows["dev"])
        test = sum(r["lang"] == lang for r in rows["test"])
        assert dev and test, f"{lang}: both splits hold reports"


def test_no_report_is_one_the_project_wrote(rows) -> None:
    written = []
    for path in sorted(Path(OLD_DIR).glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            written.append(_norm(json.loads(line)["text"]))
    assert written, "the project-written sets are where they were"
    for where, row in _each(rows):
        text = _norm(row["text"])
        for other in written:
            assert text != other and not (len(text) > 40 and (text in other or other in text)), (
                f"{where} is a project-written report"
            )
