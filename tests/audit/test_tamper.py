"""What `audit verify` must catch beyond a broken link (issue 22.7): a trail cut short or
rewritten from some entry on (with `--head`), and reports, incidents and terms edited or
deleted in the database behind the trail's back. And what it must not flag: merging,
joining and splitting done by the application."""

from __future__ import annotations

import json
from pathlib import Path

import sqlalchemy as sa
from typer.testing import CliRunner

from truce.audit import entry_hash
from truce.cli import app
from truce.domain import Report
from truce.incidents import import_incidents
from truce.store import Store
from truce.terms import import_terms

from ..conftest import make_incident

runner = CliRunner()


def fill(store: Store, seed_case: Path) -> None:
    """Terms, coded incidents, and reports that merge: three accounts of one strike (two
    posted together, one later), one of another, then a join and a split."""
    import_terms(store, seed_case / "terms.yaml")
    import_incidents(store, seed_case / "incidents.csv")
    same = {"occurred_at": "2025-03-20T10:00:00+02:00", "place": "Kharkiv", "lat": 49.99,
            "lon": 36.23, "country": "UA", "region": "Kharkiv Oblast"}  # fmt: skip
    store.add_reports(
        [
            (Report(id="r1", text="Drones hit a substation."),
             [make_incident(id="r1", source="Governor", source_alignment="UA", killed=2, **same)]),
            (Report(id="r2", text="A substation was struck."),
             [make_incident(id="r2", source="Kyiv Independent", source_alignment="media", **same)]),
        ],
        actor="api:kyiv",
    )  # fmt: skip
    store.add_reports(
        [(Report(id="r3", text="Substation hit, says RU MoD."),
          [make_incident(id="r3", source="MoD", source_alignment="RU", perpetrator="UA", **same)])]
    )  # fmt: skip
    store.add_reports(
        [(Report(id="r4", text="A school was hit in Odesa."),
          [make_incident(id="r4", place="Odesa", lat=46.48, lon=30.72, target="civilian.education",
                         occurred_at="2025-03-22")])]
    )  # fmt: skip
    incident_of = {e.report_id: e.incident_id for e in store.evidence(incident_id=None)}
    assert incident_of["r1"] == incident_of["r2"] == incident_of["r3"]  # merged
    store.join_incidents(incident_of["r1"], incident_of["r4"])
    store.split_incident(incident_of["r1"], ["r4"])
    store.add_user("kyiv", "monitor", "0" * 64)
    store.add_user("lviv", "monitor", "1" * 64)


def verify(db: str, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["audit", "verify", "--db", db, *args])
    return result.exit_code, result.stdout + result.stderr


def head(db: str) -> str:
    result = runner.invoke(app, ["audit", "head", "--db", db])
    assert result.exit_code == 0, result.stderr
    return result.stdout.strip()


def execute(db: str, *statements: str) -> None:
    engine = sa.create_engine(db)
    with engine.begin() as conn:
        for statement in statements:
            conn.execute(sa.text(statement))
    engine.dispose()


def test_what_the_application_wrote_verifies_against_its_head(db_url: str, seed_case: Path) -> None:
    with Store(db_url) as store:
        fill(store, seed_case)
    kept = head(db_url)
    assert len(kept) == 64
    code, out = verify(db_url, "--head", kept)
    assert code == 0, out
    assert "stored data as written" in out and kept in out
    as_json = runner.invoke(app, ["audit", "verify", "--db", db_url, "--head", kept, "--json"])
    assert json.loads(as_json.stdout)["ok"] is True


def test_a_trail_cut_short_no_longer_reaches_the_kept_head(db_url: str, seed_case: Path) -> None:
    with Store(db_url) as store:
        fill(store, seed_case)
        last = store.audit_head()
    assert last is not None
    kept = head(db_url)
    execute(db_url, f"DELETE FROM audit_log WHERE seq >= {last.seq - 1}")
    assert verify(db_url)[0] == 0  # by itself the shorter chain holds together
    code, out = verify(db_url, "--head", kept)
    assert code == 1 and "no longer reaches head" in out and kept in out


def test_a_tail_rewritten_with_hashes_worked_out_again_is_caught(
    db_url: str, seed_case: Path
) -> None:
    with Store(db_url) as store:
        fill(store, seed_case)
        last = store.audit_head()
    assert last is not None
    kept = head(db_url)
    # The last entry names another user; its hash is worked out again so the chain holds.
    forged = entry_hash(last.seq, last.at, "cli:intruder", last.action, last.object,
                        last.payload_hash, last.prev_hash)  # fmt: skip
    execute(
        db_url,
        f"UPDATE audit_log SET actor = 'cli:intruder', hash = '{forged}' WHERE seq = {last.seq}",
    )
    assert verify(db_url)[0] == 0
    code, out = verify(db_url, "--head", kept)
    assert code == 1 and "no longer reaches head" in out


def test_a_report_text_edited_in_the_database_is_caught(db_url: str, seed_case: Path) -> None:
    with Store(db_url) as store:
        fill(store, seed_case)
    execute(db_url, "UPDATE reports SET text = 'Nothing happened.' WHERE id = 'r2'")
    code, out = verify(db_url)
    assert code == 1 and "report 'r2' is not what entry" in out


def test_a_report_edited_with_its_content_hash_is_still_caught(
    db_url: str, seed_case: Path
) -> None:
    with Store(db_url) as store:
        fill(store, seed_case)
    execute(db_url, "UPDATE reports SET text = 'x', content_hash = 'y' WHERE id = 'r1'")
    code, out = verify(db_url)
    assert code == 1 and "report 'r1'" in out


def test_a_perpetrator_edited_in_the_database_is_caught(db_url: str, seed_case: Path) -> None:
    with Store(db_url) as store:
        fill(store, seed_case)
        incident = next(e.incident_id for e in store.evidence(report_id="r1"))
        assert incident is not None
        merged = store.incident(incident)
    assert merged.perpetrator == "unknown"  # RU by two accounts, UA by the third
    execute(db_url, f"UPDATE incidents SET perpetrator = 'UA' WHERE id = '{incident}'")
    code, out = verify(db_url)
    assert code == 1
    assert f"incident '{incident}' is not what its evidence says: perpetrator is 'UA'" in out
    execute(db_url, f"UPDATE incidents SET perpetrator = 'unknown' WHERE id = '{incident}'")
    assert verify(db_url)[0] == 0
    # A coded incident too.
    execute(db_url, "UPDATE incidents SET killed = 40 WHERE id = 'seed-02-hospital'")
    code, out = verify(db_url)
    assert code == 1 and "incident 'seed-02-hospital'" in out and "killed is 40" in out


def test_a_deleted_report_is_caught(db_url: str, seed_case: Path) -> None:
    with Store(db_url) as store:
        fill(store, seed_case)
        incident = next(e.incident_id for e in store.evidence(report_id="r4"))
    # Everything about it goes, so nothing dangles: only the trail remembers it.
    execute(
        db_url,
        "DELETE FROM evidence_keys WHERE evidence_id IN"
        " (SELECT id FROM evidence WHERE report_id = 'r4')",
        "DELETE FROM evidence WHERE report_id = 'r4'",
        f"DELETE FROM incidents WHERE id = '{incident}'",
        "DELETE FROM reports WHERE id = 'r4'",
    )
    code, out = verify(db_url)
    assert code == 1 and "report 'r4', written by entry" in out and "is gone" in out


def test_terms_edited_in_the_database_are_caught(db_url: str, seed_case: Path) -> None:
    with Store(db_url) as store:
        fill(store, seed_case)
    execute(
        db_url,
        "UPDATE terms_versions SET data = '{\"id\": \"kremlin\"}' WHERE version_id = 'kremlin'",
    )
    code, out = verify(db_url)
    assert code == 1 and "terms energy-ceasefire-2025/kremlin revision 1 is not what entry" in out


def test_upgrading_keeps_the_payloads_it_can_prove(db_url: str, seed_case: Path) -> None:
    """0008 rebuilds the payloads of entries written before it from the rows, and keeps
    only those whose hash is the one each entry sealed."""
    from alembic import command

    from truce.store.database import alembic_config, create_engine

    with Store(db_url) as store:
        fill(store, seed_case)
    engine = create_engine(db_url)
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0007")
    engine.dispose()
    with Store(db_url) as store:  # migrates back to the head, filling payloads
        entries = store.audit_entries()
        rebuilt = {e.action for e in entries if e.payload is not None}
        assert rebuilt == {"report.add", "terms.save"}
        assert store.verify_trail().ok
    execute(db_url, "UPDATE reports SET text = 'Nothing happened.' WHERE id = 'r3'")
    assert "report 'r3' is not what entry" in verify(db_url)[1]


def test_exports_and_the_dashboard_publish_the_head_to_hold_the_trail_to(
    sqlite_url: str, seed_case: Path, tmp_path: Path
) -> None:
    from truce.web import dashboard_data

    with Store(sqlite_url) as store:
        fill(store, seed_case)
        published = dashboard_data(store)["audit_head"]
    for fmt in ("json", "geojson"):
        out = tmp_path / f"export.{fmt}"
        result = runner.invoke(
            app, ["export", "--format", fmt, "--out", str(out), "--db", sqlite_url]
        )
        assert result.exit_code == 0, result.stderr
        assert json.loads(out.read_text("utf-8"))["audit_head"] == published
    assert published["hash"] == head(sqlite_url) and published["seq"] > 0
    assert verify(sqlite_url, "--head", published["hash"])[0] == 0
    with Store(sqlite_url) as store:  # later writes keep the published head reachable
        store.add_user("odesa", "viewer", "2" * 64)
    assert verify(sqlite_url, "--head", published["hash"])[0] == 0
