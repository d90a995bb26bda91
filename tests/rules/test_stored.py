"""Ruling stored incidents: the same case gives byte-identical `truce rule --json` on
SQLite and PostgreSQL, and the streamed output is exactly the whole-list output."""

from __future__ import annotations

import csv
import json
import random
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from truce.cli import app
from truce.cli.app import print_json
from truce.cli.rule import write_json_rulings
from truce.domain import TARGET_CODES
from truce.rules import TallyCounter, rule_stored, rule_stored_chunks
from truce.store import Store

from ..conftest import SEED_CASE

runner = CliRunner()

TERMS = """\
agreement: test-mixed
title: Versions that reach every branch of the rules
versions:
  - id: energy-both
    according_to: RU
    bound: [RU, UA]
    protects: [infrastructure.energy]
    excludes: [infrastructure.energy.oil]
    area: [UA, RU]
    starts: 2025-03-18T18:30:00+02:00
    duration: P30D
  - id: regions-ua-only
    according_to: UA
    bound: [UA]
    protects: [infrastructure, civilian]
    area: [Kharkiv Oblast, Belgorod Oblast, Black Sea]
    starts: 2025-03-01T00:00:00Z
    ends: 2025-05-01T00:00:00+03:00
  - id: open-anywhere
    according_to: US
    bound: [RU]
    protects: [maritime, infrastructure.port]
    starts: 2025-04-11T12:00:00-04:00
"""

# Ids that sort differently by bytes and by a natural-language collation (case, digits,
# Cyrillic, punctuation); several incidents share a time, so the id decides the order.
ID_STEMS = ("a", "A", "b", "B", "Б", "z_", "Z-", "ä", "10", "9")
OFFSETS = (UTC, timezone(timedelta(hours=2)), timezone(timedelta(hours=3)),
           timezone(timedelta(hours=-5)))  # fmt: skip
PLACES = (
    ("Kharkiv", "UA", "Kharkiv Oblast"), ("Belgorod", "RU", "Belgorod Oblast"),
    ("Odesa", "UA", "Odesa Oblast"), ("Київ", "UA", "Київ"), ("Minsk", "BY", None),
    ("", "UA", None), ("", "", ""), ("off Sevastopol", "UA", "Black Sea"),
)  # fmt: skip
FIELDS = ("id", "occurred_at", "place", "lat", "lon", "country", "region", "perpetrator",
          "target", "target_detail", "weapon", "killed", "injured", "source",
          "source_alignment", "reported_at", "url", "text")  # fmt: skip


def varied_incidents(n: int, seed: int = 20250318) -> list[dict[str, str]]:
    """Incidents as an analyst's CSV rows: minute times in four offsets, local days,
    unknown times, targets and perpetrators, places inside and outside every area."""
    rng = random.Random(seed)
    start = datetime(2025, 2, 20, tzinfo=UTC)
    shared = [
        start + timedelta(days=rng.randint(0, 90), hours=rng.randint(0, 23)) for _ in range(8)
    ]
    rows = []
    for i in range(n):
        instant = (
            rng.choice(shared)
            if rng.random() < 0.4
            else start + timedelta(minutes=rng.randint(0, 130 * 24 * 60))
        )
        kind = rng.random()
        if kind < 0.55:
            occurred = instant.astimezone(rng.choice(OFFSETS)).isoformat()
        elif kind < 0.9:
            occurred = instant.date().isoformat()
        else:
            occurred = ""
        place, country, region = rng.choice(PLACES)
        rows.append({
            "id": f"{rng.choice(ID_STEMS)}-{i}",
            "occurred_at": occurred,
            "place": place,
            "country": country,
            "region": region or "",
            "perpetrator": rng.choice(("RU", "UA", "RU", "UA", "BY", "unknown")),
            "target": rng.choice((*TARGET_CODES, "", "")),
            "target_detail": rng.choice(("", "substation", "«ТЕЦ-5», units 1 and 2")),
            "source": rng.choice(("Governor", "TASS", "HRMMU")),
            "source_alignment": rng.choice(("UA", "RU", "independent", "media")),
            "text": rng.choice(("", "Drones hit it overnight.", 'He said: "no power".')),
        })  # fmt: skip
    return rows


def write_case(folder: Path) -> tuple[Path, Path]:
    terms = folder / "terms.yaml"
    terms.write_text(TERMS, "utf-8")
    incidents = folder / "incidents.csv"
    with incidents.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, FIELDS)
        writer.writeheader()
        writer.writerows(varied_incidents(300))
    return terms, incidents


@contextmanager
def collated_database(server_url: str) -> Iterator[str]:
    """A fresh database whose collation is a natural language's (ICU `en-US`, as many
    real servers have), not the test server's byte order; plain if ICU is missing."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(server_url.format(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        try:
            conn.exec_driver_sql(
                f'CREATE DATABASE "{name}" TEMPLATE template0 LOCALE_PROVIDER icu'
                " ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'"
            )
        except sa.exc.DBAPIError:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield server_url.format(database=name)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def truce(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def load(url: str, terms: Path, incidents: Path) -> None:
    truce("terms", "import", str(terms), "--db", url)
    truce("terms", "import", str(SEED_CASE / "terms.yaml"), "--db", url)
    truce("incidents", "import", str(incidents), "--db", url)
    truce("incidents", "import", str(SEED_CASE / "incidents.csv"), "--db", url)
    truce("reports", "import", str(SEED_CASE / "reports-to-merge.csv"), "--db", url)


def test_a_case_rules_identically_on_sqlite_and_postgresql(postgres: str, tmp_path: Path) -> None:
    terms, incidents = write_case(tmp_path)
    sqlite = f"sqlite:///{tmp_path / 'truce.db'}"
    with collated_database(postgres) as pg:
        for url in (sqlite, pg):
            load(url, terms, incidents)
        for agreement in ("test-mixed", "energy-ceasefire-2025"):
            on_sqlite = truce("rule", "-a", agreement, "--json", "--db", sqlite)
            on_postgres = truce("rule", "-a", agreement, "--json", "--db", pg)
            assert on_postgres == on_sqlite  # byte for byte
            assert len(json.loads(on_sqlite)) == 307 * (3 if agreement == "test-mixed" else 2)
        tables = [
            truce("rule", "-a", "test-mixed", "--limit", "5", "--db", url) for url in (sqlite, pg)
        ]
        assert tables[0] == tables[1]


def test_streamed_json_is_the_whole_list_byte_for_byte(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    terms, incidents = write_case(tmp_path)
    load(db_url, terms, incidents)
    with Store(db_url) as store:
        for agreement in ("test-mixed", "energy-ceasefire-2025"):
            _, whole = rule_stored(store, agreement)
            print_json([
                {"incident": r.incident, "version": r.version, "verdict": r.verdict.value,
                 "reason": r.reason.value, "explanation": r.explanation,
                 "corroboration": i.corroboration, "denied_by": list(i.denied_by)}
                for i, r in whole.with_incidents()
            ])  # fmt: skip
            expected = capsys.readouterr().out
            for chunk in (1, 7, 305, 10_000):
                _, chunks = rule_stored_chunks(store, agreement, chunk=chunk)
                counter = TallyCounter(whole.versions)
                streamed = []
                for rulings in chunks:
                    counter.add(rulings)
                    streamed.append(rulings)
                write_json_rulings(streamed)
                assert capsys.readouterr().out == expected, chunk
                assert counter.result() == whole.tallies()
                assert list(counter.result()) == list(whole.tallies())  # same order
            assert truce("rule", "-a", agreement, "--json", "--db", db_url) == expected


def test_no_incidents_streams_an_empty_list(db_url: str) -> None:
    truce("terms", "import", str(SEED_CASE / "terms.yaml"), "--db", db_url)
    assert truce("rule", "-a", "energy-ceasefire-2025", "--json", "--db", db_url) == "[]\n"
    table = truce("rule", "-a", "energy-ceasefire-2025", "--db", db_url)
    assert "Verdicts per party and version" in table


REPORTS = """\
id,occurred_at,place,country,region,perpetrator,target,source,source_alignment,reported_at,stance
s1,2025-03-20T03:00:00+02:00,Kharkiv,UA,Kharkiv Oblast,RU,infrastructure.energy.grid,Governor,UA,2025-03-20T08:00:00+02:00,affirm
m1,2025-03-21T02:00:00+02:00,Odesa,UA,Odesa Oblast,RU,infrastructure.port,Navy,UA,2025-03-21T07:00:00+02:00,affirm
m2,2025-03-21,Odesa,UA,Odesa Oblast,,infrastructure.port,Wire,media,2025-03-21T10:00:00+02:00,affirm
b1,2025-03-22T01:00:00+02:00,Kherson,UA,Kherson Oblast,RU,infrastructure.energy.grid,Army,UA,2025-03-22T06:00:00+02:00,affirm
b2,2025-03-22,Херсон,UA,Херсонская область,UA,infrastructure.energy,Ministry,RU,2025-03-22T12:00:00+03:00,affirm
i1,2025-03-23T04:00:00+02:00,Dnipro,UA,Dnipropetrovsk Oblast,RU,infrastructure.energy.grid,Monitor,independent,2025-03-23T09:00:00+02:00,affirm
"""


@pytest.mark.parametrize(
    ("least", "kept"),
    [
        (None, {"s1", "m1", "b1", "i1"}),
        ("multiple_sources", {"m1", "b1", "i1"}),
        ("both_sides", {"b1", "i1"}),
        ("independent", {"i1"}),
    ],
)
def test_rulings_carry_corroboration_and_filter_by_it(
    db_url: str, tmp_path: Path, least: str | None, kept: set[str]
) -> None:
    reports = tmp_path / "reports.csv"
    reports.write_text(REPORTS, encoding="utf-8")
    truce("terms", "import", str(SEED_CASE / "terms.yaml"), "--db", db_url)
    truce("reports", "import", str(reports), "--db", db_url)
    option = ["--min-corroboration", least] if least else []
    rulings = json.loads(
        truce("rule", "-a", "energy-ceasefire-2025", *option, "--json", "--db", db_url)
    )
    assert {r["incident"] for r in rulings} == kept
    grades = {r["incident"]: r["corroboration"] for r in rulings}
    expected = {"s1": "single_source", "m1": "multiple_sources", "b1": "both_sides",
                "i1": "independent"}  # fmt: skip
    assert grades == {incident: expected[incident] for incident in kept}
    assert all(r["denied_by"] == [] for r in rulings)
    table = truce("rule", "-a", "energy-ceasefire-2025", *option, "--db", db_url)
    assert ("b1" in table) == ("b1" in kept)
    assert ("both" in table) == ("b1" in kept)  # the grade, in its own column


def test_an_unknown_grade_is_a_usage_error(sqlite_url: str) -> None:
    result = runner.invoke(
        app, ["rule", "-a", "x", "--min-corroboration", "confirmed", "--db", sqlite_url]
    )
    assert result.exit_code == 2
    assert "independent" in result.output  # the choices are listed
