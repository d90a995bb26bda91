"""`truce extract` from the command line: contract JSON, bad input, and the pipeline
text → incidents → rulings end to end."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from truce.cli import app
from truce.store import Store

from ..conftest import SEED_CASE, SHARED

CONTRACT_KEYS = {
    "input", "occurred_at", "time_precision", "place", "place_mention", "region", "country",
    "lat", "lon", "geo_precision", "perpetrator", "target", "target_detail", "weapon", "killed",
    "injured", "source", "source_alignment", "lang", "confidence",
}  # fmt: skip

REPORTS = [
    {"id": "dn-1", "published": "2025-03-19T08:15:00+02:00", "source": "Donetsk RMA", "source_alignment": "UA",
     "text": "Уночі ворог атакував Слов'янськ ударними БпЛА. Пошкоджено підстанцію. Двоє людей дістали поранення."},
    {"id": "bg-1", "published": "2025-03-20T10:00:00+03:00", "source": "Belgorod governor", "source_alignment": "RU",
     "text": "Около 09:30 ВСУ атаковали Белгород беспилотниками: повреждена подстанция, ранены два человека."},
    {"id": "talks", "published": "2025-03-25T16:20:00+02:00", "source": "BBC", "source_alignment": "media",
     "text": "Delegations from the United States and Russia ended twelve hours of talks in Riyadh without a joint statement."},
]  # fmt: skip

runner = CliRunner()


@pytest.fixture
def reports_file(tmp_path: Path) -> Path:
    path = tmp_path / "reports.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in REPORTS) + "\n", "utf-8")
    return path


def test_json_output_has_the_contract_keys(reports_file: Path) -> None:
    result = runner.invoke(app, ["extract", str(reports_file), "--json"])
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert [r["input"] for r in records] == ["dn-1", "bg-1"]
    assert all(set(r) == CONTRACT_KEYS for r in records)
    assert records[1]["occurred_at"] == "2025-03-20T09:30:00+03:00"
    assert records[1]["time_precision"] == "minute"


def test_text_to_incidents_to_rulings(reports_file: Path, sqlite_url: str) -> None:
    assert (
        runner.invoke(
            app, ["terms", "import", str(SEED_CASE / "terms.yaml"), "--db", sqlite_url]
        ).exit_code
        == 0
    )
    stored = runner.invoke(app, ["extract", str(reports_file), "--store", "--db", sqlite_url])
    assert stored.exit_code == 0, stored.output
    with Store(sqlite_url) as store:
        incidents = {i.id: i for i in store.incidents()}
        assert {r.id for r in store.reports()} == {"dn-1", "bg-1", "talks"}
    assert set(incidents) == {"dn-1#1", "bg-1#1"}
    assert incidents["dn-1#1"].report_id == "dn-1"
    ruled = runner.invoke(
        app, ["rule", "--agreement", "energy-ceasefire-2025", "--json", "--db", sqlite_url]
    )
    assert ruled.exit_code == 0, ruled.output
    verdicts = {(r["incident"], r["version"]): r["verdict"] for r in json.loads(ruled.stdout)}
    # The night of 18 to 19 March straddles the start of both versions; 09:30 on
    # 20 March in Belgorod is inside both windows, on a protected target.
    assert verdicts[("dn-1#1", "kremlin")] == "undetermined"
    assert verdicts[("bg-1#1", "kremlin")] == "violation"
    assert verdicts[("bg-1#1", "whitehouse")] == "violation"
    # Storing the same file again changes nothing.
    again = runner.invoke(app, ["extract", str(reports_file), "--store", "--db", sqlite_url])
    assert again.exit_code == 0
    with Store(sqlite_url) as store:
        assert store.count_incidents() == 2


@pytest.mark.parametrize(
    ("content", "where"),
    [
        ('{"id": "a", "text": "Дрони атакували Суми."}\n{"id": "b", "text": \n', ":2"),
        (
            '{"id": "a", "text": "Дрони атакували Суми."}\n{"id": "b", "published": "2025-03-19T08:00:00+02:00"}\n',
            "field 'text'",
        ),
        (
            '{"id": "a", "published": "yesterday", "text": "Дрони атакували Суми."}\n',
            "field 'published'",
        ),
        (
            '{"id": "a", "published": "2025-03-19T08:00:00", "text": "Дрони атакували Суми."}\n',
            "field 'published'",
        ),
    ],
)
def test_bad_input_names_the_place_and_stores_nothing(
    tmp_path: Path, sqlite_url: str, content: str, where: str
) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(content, "utf-8")
    result = runner.invoke(app, ["extract", str(path), "--store", "--db", sqlite_url])
    assert result.exit_code == 1
    message = " ".join(result.output.split())
    assert "bad.jsonl" in message and where in message
    with Store(sqlite_url) as store:
        assert store.reports() == [] and store.count_incidents() == 0


def test_a_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "latin1.jsonl"
    path.write_bytes('{"id": "a", "text": "Kyiv"}\n{"id": "b", "text": "Київ"}\n'.encode("cp1251"))
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 1
    assert "not UTF-8" in result.output and "latin1.jsonl:2" in " ".join(result.output.split())


def test_a_txt_file_is_one_report_published_when_told(
    write_file: Callable[[str, str], Path],
) -> None:
    path = write_file(
        "sloviansk.txt", "Overnight Russian drones struck an electrical substation near Sloviansk."
    )
    result = runner.invoke(
        app, ["extract", str(path), "--json", "--published", "2025-03-19T08:15:00+02:00"]
    )
    [record] = json.loads(result.stdout)
    assert (record["input"], record["occurred_at"], record["place"]) == (
        "sloviansk",
        "2025-03-18",
        "Sloviansk",
    )


def test_help_has_an_example() -> None:
    result = runner.invoke(app, ["extract", "--help"])
    assert "Example" in result.output


SEED = SHARED / "seeds"


@pytest.mark.skipif(not SEED.is_dir(), reason="the seed article (../shared/seeds) is absent")
def test_seed_article_gives_its_strikes_and_not_its_diplomacy() -> None:
    [article] = sorted(SEED.glob("*.txt"))
    result = runner.invoke(
        app, ["extract", str(article), "--json", "--published", "2025-03-19T10:00:00+00:00"]
    )
    records = json.loads(result.stdout)
    found = {(r["target"], r["country"], r["perpetrator"]) for r in records}
    assert ("infrastructure.energy.oil", "RU", "UA") in found
    assert ("civilian.healthcare", "UA", "RU") in found
    assert ("infrastructure.energy.grid", "UA", "RU") in found
    refinery = next(r for r in records if r["target"] == "infrastructure.energy.oil")
    assert refinery["occurred_at"] == "2025-03-11" and refinery["place"] == "Moscow"
    # Talks, readouts, demands and hockey matches are no strikes.
    assert len(records) <= 4


def test_a_date_alone_as_published_gives_day_precision(tmp_path: Path) -> None:
    """Many feeds give only the day: the report is read, and its record is dated to
    that day (or to the day its text names), never to a finer time than it knows."""
    path = tmp_path / "dated.jsonl"
    rows = [
        {"id": "d1", "published": "2022-03-29", "source": "Bellingcat",
         "text": "Mykolaiv Regional State Administration building struck by missile."},
        {"id": "d2", "published": "2025-03-20", "source": "Kharkiv RMA", "source_alignment": "UA",
         "text": "Вчора ворог атакував Харків дронами, пошкоджено багатоповерхівку."},
    ]  # fmt: skip
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", "utf-8")
    result = runner.invoke(app, ["extract", str(path), "--json"])
    assert result.exit_code == 0, result.output
    records = {r["input"]: r for r in json.loads(result.stdout)}
    assert (records["d1"]["occurred_at"], records["d1"]["time_precision"]) == ("2022-03-29", "day")
    assert (records["d2"]["occurred_at"], records["d2"]["time_precision"]) == ("2025-03-19", "day")


def test_a_published_that_is_no_date_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    row = {"id": "b", "published": "2025-13-40", "text": "Ворог атакував Харків."}
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", "utf-8")
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 1
    assert "bad.jsonl:1" in result.output and "published" in result.output
