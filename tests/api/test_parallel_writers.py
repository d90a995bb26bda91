"""Many monitors writing at once, which SQLite serialises and PostgreSQL does not: two
real `truce serve` processes and several `Store`s of their own, all on one PostgreSQL
database, all at once. Every report lands once, no incident is lost or doubled, and the
audit trail is one unbroken chain."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path
from threading import Barrier

import httpx
import pytest
from typer.testing import CliRunner

from truce.api import PREFIX, Role, create_user
from truce.api.intake import structured_report
from truce.audit import verify
from truce.cli import app
from truce.incidents import parse_incident
from truce.store import Store

from ..conftest import NOW
from ..postgres import fresh_database
from ..servers import served
from .conftest import Api, incident_body

POSTERS = 8  # HTTP clients, half on each server
STORES = 4  # writers through a `Store` of their own
EACH = 12  # reports (or incident files) per writer
SHARED = incident_body("shared-1", occurred_at="2024-06-01T09:00:00+03:00", place="Sumy")


def _body(kind: str, writer: int, n: int) -> dict[str, object]:
    """A report no other report can be merged with: its own day, its own id."""
    day = date(2025, 1, 1) + timedelta(days=(writer * EACH + n) + (0 if kind == "api" else 120))
    return incident_body(f"{kind}-{writer}-{n}", occurred_at=f"{day}T{n % 24:02d}:30:00+02:00")


@pytest.fixture
def pg_url(postgres: str) -> Iterator[str]:
    with fresh_database(postgres) as url:
        yield url


def test_parallel_writers_lose_and_double_nothing(pg_url: str, tmp_path: Path) -> None:
    with Store(pg_url, actor="test") as store:
        token = create_user(store, "monitor", Role.MONITOR)
    start = Barrier(POSTERS + STORES)

    def post(writer: int, base: str) -> list[int]:
        headers = {"Authorization": f"Bearer {token}"}
        with httpx.Client(base_url=base + PREFIX, headers=headers, timeout=30) as client:
            start.wait()
            codes = [client.post("/reports", json=SHARED).status_code]
            for n in range(EACH):
                codes.append(client.post("/reports", json=_body("api", writer, n)).status_code)
            return codes

    def write(writer: int) -> tuple[int, int]:
        added = 0
        with Store(pg_url, actor=f"writer-{writer}") as own:
            start.wait()
            for n in range(EACH):
                report, incident = structured_report(_body("store", writer, n), now=NOW)
                added += len(own.add_reports([(report, [incident])]).added)
                coded = parse_incident(
                    {
                        **_body("coded", writer, n),
                        "occurred_at": f"2024-{writer + 1:02d}-{n + 1:02d}",
                    },
                    now=NOW,
                )
                own.add_incidents([coded], source_file=f"writer-{writer}.csv")
        return writer, added

    with (
        served(pg_url, tmp_path / "a.log") as first,
        served(pg_url, tmp_path / "b.log") as second,
        ThreadPoolExecutor(POSTERS + STORES) as pool,
    ):
        bases = [first.base, second.base]
        posted = [pool.submit(post, w, bases[w % 2]) for w in range(POSTERS)]
        written = [pool.submit(write, w) for w in range(STORES)]
        codes = [f.result() for f in posted]
        added = [f.result()[1] for f in written]

    # Every post acknowledged; the shared report created by exactly one writer of all.
    assert all(c[1:] == [201] * EACH for c in codes), codes
    assert sum(added) == STORES * EACH
    assert sorted(c[0] for c in codes) == [200] * (POSTERS - 1) + [201], codes

    expected_reports = {"shared-1"} | {
        f"{kind}-{w}-{n}"
        for kind, writers in (("api", POSTERS), ("store", STORES))
        for w in range(writers)
        for n in range(EACH)
    }
    expected_coded = {f"coded-{w}-{n}" for w in range(STORES) for n in range(EACH)}
    with Store(pg_url) as store:
        reports = [r.id for r in store.reports()]
        incidents = [i.id for i in store.incidents()]
        by_report = {i.report_id for i in store.incidents() if i.report_id is not None}
        entries = list(store.iter_audit())
        trail = verify(entries)
    assert sorted(reports) == sorted(expected_reports)  # each once: no loss, no double
    assert len(incidents) == len(set(incidents))
    assert set(incidents) == expected_reports | expected_coded
    assert by_report == expected_reports
    assert trail.ok, trail.problem
    assert [e.seq for e in entries] == list(range(1, len(entries) + 1))  # no gaps
    actions = [e.action for e in entries]
    assert actions.count("report.add") == len(expected_reports)
    assert actions.count("incidents.import") == len(expected_coded)

    result = CliRunner().invoke(app, ["audit", "verify", "--json", "--db", pg_url])
    assert result.exit_code == 0, result.output


def test_one_new_report_from_several_stores_at_once_is_stored_once(db_url: str) -> None:
    """Each writer reads which ids are stored, then inserts: without a lock taken first,
    two of them adding one new id at once collided on the primary key."""
    with Store(db_url):
        pass  # migrated before the race
    start = Barrier(STORES)

    def write(writer: int) -> int:
        with Store(db_url, actor=f"writer-{writer}") as own:
            report, incident = structured_report(SHARED, now=NOW)
            start.wait()
            return len(own.add_reports([(report, [incident])]).added)

    with ThreadPoolExecutor(STORES) as pool:
        added = list(pool.map(write, range(STORES)))
    assert sorted(added) == [0] * (STORES - 1) + [1]


def test_reports_of_one_strike_from_several_stores_at_once_make_one_incident(
    db_url: str,
) -> None:
    """Merging reads the incidents near a report, then writes: unserialised, writers
    that each found nothing would start an incident each."""
    with Store(db_url):
        pass
    start = Barrier(STORES)

    def write(writer: int) -> None:
        body = incident_body(
            f"strike-{writer}", source=f"outlet {writer}", source_alignment="media"
        )
        with Store(db_url, actor=f"writer-{writer}") as own:
            report, incident = structured_report(body, now=NOW)
            start.wait()
            own.add_reports([(report, [incident])])

    with ThreadPoolExecutor(STORES) as pool:
        list(pool.map(write, range(STORES)))
    with Store(db_url) as store:
        incidents = store.incidents()
        reports = store.reports_of([i.id for i in incidents])
    assert len(incidents) == 1
    assert sorted(reports[incidents[0].id]) == [f"strike-{w}" for w in range(STORES)]
    assert incidents[0].corroboration == "multiple_sources"


def test_processes_opening_a_new_database_at_once_migrate_it_once(pg_url: str) -> None:
    opener = "from truce.store import Store; Store(__import__('sys').argv[1]).close()"
    processes = [
        subprocess.Popen([sys.executable, "-c", opener, pg_url], stderr=subprocess.PIPE)
        for _ in range(4)
    ]
    errors = [p.communicate(timeout=120)[1].decode() for p in processes]
    assert [p.returncode for p in processes] == [0] * 4, errors
    with Store(pg_url) as store, store.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM alembic_version").scalar() == 1


def test_many_posts_of_one_report_at_once_are_all_answered(api: Api) -> None:
    """The group commit defers a second post of an id to the next commit; with three or
    more waiting it once spun for ever on them, and no post was answered again."""
    with api.client(Role.MONITOR) as monitor, ThreadPoolExecutor(8) as pool:
        codes = list(
            pool.map(lambda _: monitor.post("/reports", json=SHARED).status_code, range(8))
        )
    assert sorted(codes) == [200] * 7 + [201]
