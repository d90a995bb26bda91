from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from truce.domain import Occurrence, Report, TimePrecision
from truce.errors import BadInput, Conflict, NotFound
from truce.incidents import import_incidents
from truce.store import Store
from truce.terms import import_terms, parse_terms

from ..conftest import make_incident

TERMS = """
agreement: a1
versions:
  - id: kremlin
    according_to: RU
    bound: [RU, UA]
    protects: [infrastructure.energy]
    starts: 2025-03-18T17:00:00+03:00
    duration: P30D
"""


def test_sqlite_runs_in_wal_mode_with_foreign_keys(sqlite_url: str) -> None:
    with Store(sqlite_url) as store, store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_migrations_create_the_schema_once(db_url: str) -> None:
    Store(db_url).close()
    with Store(db_url) as store:  # a second open is a no-op
        tables = set(sa.inspect(store.engine).get_table_names())
        with store.engine.connect() as conn:
            revision = conn.execute(sa.text("SELECT version_num FROM alembic_version")).all()
    assert {"agreements", "terms_versions", "incidents", "alembic_version"} <= tables
    assert revision == [("0011",)]


def test_db_url_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRUCE_DB", f"sqlite:///{tmp_path / 'env.db'}")
    with Store() as store:
        assert store.url.endswith("env.db")
    assert (tmp_path / "env.db").exists()


def test_replacing_a_version_keeps_its_history(db_url: str, write_file) -> None:  # type: ignore[no-untyped-def]
    first = write_file("t1.yaml", TERMS)
    second = write_file("t2.yaml", TERMS.replace("P30D", "P60D"))
    with Store(db_url) as store:
        assert import_terms(store, first).added == ("kremlin",)
        assert import_terms(store, first).unchanged == ("kremlin",)
        assert import_terms(store, second).replaced == ("kremlin",)
        assert store.agreement("a1").version("kremlin").duration == "P60D"
        history = store.history("a1", "kremlin")
    assert [r.revision for r in history] == [1, 2]
    assert "P30D" in history[0].yaml and "P60D" in history[1].yaml
    assert parse_terms("agreement: a1\nversions:\n- " + history[0].yaml.replace("\n", "\n  "))


def test_unknown_agreement_is_not_found(db_url: str) -> None:
    with Store(db_url) as store, pytest.raises(NotFound, match="none stored yet"):
        store.agreement("nope")


def test_incident_round_trip(db_url: str) -> None:
    incidents = [
        make_incident(id="a", occurred_at="2025-03-18", lat="48.8", lon="37.6", place="Sloviansk"),
        make_incident(id="b", occurred_at="", target="", perpetrator="unknown", country=""),
    ]
    with Store(db_url) as store:
        store.add_incidents(incidents)
        stored = sorted(store.incidents(), key=lambda i: i.id)
    # A coded incident is its own single source: corroboration is all storing adds.
    assert [i.corroboration for i in stored] == ["single_source", "single_source"]
    assert [replace(i, corroboration=None) for i in stored] == incidents


def test_same_id_other_content_conflicts_and_stores_nothing(db_url: str) -> None:
    with Store(db_url) as store:
        store.add_incidents([make_incident(id="a")])
        with pytest.raises(Conflict):
            store.add_incidents([make_incident(id="new"), make_incident(id="a", killed="3")])
        assert [i.id for i in store.incidents()] == ["a"]
        assert store.add_incidents([make_incident(id="a")]).unchanged == 1


def test_a_bad_file_leaves_the_database_exactly_as_before(db_url: str, write_file) -> None:  # type: ignore[no-untyped-def]
    good = write_file("good.csv", "id,occurred_at,country\nx,2025-03-18,UA\n")
    bad = write_file(
        "bad.csv", "id,occurred_at,country\nn1,2025-03-18,UA\nx,2025-03-19,UA\nn2,2025-03-18,UA\n"
    )
    with Store(db_url) as store:
        import_incidents(store, good)
        with pytest.raises(BadInput) as info:
            import_incidents(store, bad)
        assert (info.value.line, info.value.field) == (3, "id")
        assert "already stored with different content" in str(info.value)
        with store.engine.connect() as conn:
            rows = conn.execute(sa.text("SELECT id, occurred_at FROM incidents")).all()
    assert rows == [("x", "2025-03-18")]


def test_reports_store_with_their_incidents_idempotently(db_url: str) -> None:
    report = Report(
        id="r1", source="Governor", source_alignment="UA", text="Drones hit a substation."
    )
    with Store(db_url) as store:
        first = store.add_reports([(report, [make_incident(id="r1-1")])], submitted_by="monitor")
        again = store.add_reports([(report, [make_incident(id="r1-1")])])
        assert (first.added, first.incidents) == (("r1",), 1)
        assert (again.unchanged, again.incidents) == (("r1",), 0)
        assert store.report("r1") == report
        (incident,) = store.incidents()
        assert incident.report_id == "r1"
        with pytest.raises(Conflict, match="r1"):
            store.add_reports([(Report(id="r2"), []), (replace(report, text="Another text."), [])])
        assert [r.id for r in store.reports()] == ["r1"]
        with pytest.raises(NotFound):
            store.report("r2")


def test_a_report_published_on_a_day_reads_back_as_a_day(db_url: str) -> None:
    noon = datetime(2025, 3, 20, 12, tzinfo=UTC)
    day = Report(id="d1", published=noon, published_day=True, text="Drones hit a depot.")
    instant = replace(day, id="d2", published_day=False)
    with Store(db_url) as store:
        store.add_reports([(day, []), (instant, [])])
        assert store.report("d1") == day
        assert store.report("d2") == instant
        # The same report given again is the same report, not a conflict.
        assert store.add_reports([(day, [])]).unchanged == ("d1",)
        assert store.verify_trail().ok


@contextmanager
def at_revision(db_url: str, revision: str) -> Iterator[sa.Connection]:
    """A database migrated only up to `revision`, for rows written as that schema had them;
    the next `Store` opened on it migrates the rest of the way."""
    from alembic import command

    from truce.store.database import alembic_config, create_engine

    engine = create_engine(db_url)
    config = alembic_config()
    try:
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, revision)
            yield conn
    finally:
        engine.dispose()


def test_upgrading_a_database_keeps_its_data(db_url: str) -> None:
    with at_revision(db_url, "0001") as conn:
        conn.execute(
            sa.text(
                "INSERT INTO incidents (id, time_precision, geo_precision, perpetrator,"
                " content_hash, imported_at) VALUES ('old', 'none', 'none', 'RU', 'h',"
                " CURRENT_TIMESTAMP)"
            )
        )
    with Store(db_url) as store:
        (incident,) = store.incidents()
    assert (incident.id, incident.perpetrator, incident.report_id) == ("old", "RU", None)


def test_incidents_stored_before_merging_become_their_own_evidence(db_url: str) -> None:
    """Revision 0007 files every stored incident as evidence of itself: a coded one as
    coded, one drawn from a report under that report's stance (a denial denies)."""
    with at_revision(db_url, "0006") as conn:
        conn.execute(
            sa.text(
                "INSERT INTO reports (id, source_alignment, stance, content_hash, received_at)"
                " VALUES ('r-deny', 'RU', 'deny', 'h1', CURRENT_TIMESTAMP),"
                " ('r-affirm', 'UA', 'affirm', 'h2', CURRENT_TIMESTAMP)"
            )
        )
        for id, report in (("coded", None), ("denied", "r-deny"), ("affirmed", "r-affirm")):
            conn.execute(
                sa.text(
                    "INSERT INTO incidents (id, occurred_at, time_precision, occurred_from,"
                    " occurred_to, place, country, geo_precision, perpetrator, target, source,"
                    " source_alignment, content_hash, imported_at, report_id) VALUES (:id,"
                    " '2025-03-20T04:15:00+02:00', 'minute', :start, :end, 'Kharkiv', 'UA',"
                    " 'settlement', 'RU', 'infrastructure.energy.grid', 'a source',"
                    " :alignment, :id, CURRENT_TIMESTAMP, :report)"
                ),
                {
                    "id": id,
                    "start": datetime(2025, 3, 20, 2, 15),
                    "end": datetime(2025, 3, 20, 2, 15, 59),
                    "alignment": "RU" if id == "denied" else "UA",
                    "report": report,
                },
            )
    with Store(db_url) as store:
        stored = {i.id: i for i in store.incidents()}
        evidence = {e.record.id: e for e in store.evidence(report_id="r-deny")}
        assert store.evidence(incident_id="coded")[0].coded
    assert stored["affirmed"].corroboration == "single_source"
    assert stored["coded"].corroboration == "single_source"
    assert (stored["denied"].corroboration, stored["denied"].denied_by) == (None, ("RU",))
    assert evidence["denied"].stance == "deny"
    assert evidence["denied"].record.when.earliest == datetime(2025, 3, 20, 2, 15, tzinfo=UTC)


def test_every_time_precision_fits(db_url: str) -> None:
    """`part_of_day` is the longest precision; PostgreSQL refused it before 0006."""
    base = make_incident()
    incidents = [
        replace(base, id=p.value, when=Occurrence(p, base.when.earliest, base.when.latest, "x"))
        for p in TimePrecision
        if p is not TimePrecision.NONE
    ]
    with Store(db_url) as store:
        store.add_incidents(incidents)
        assert {i.when.precision for i in store.incidents()} == set(TimePrecision) - {
            TimePrecision.NONE
        }
