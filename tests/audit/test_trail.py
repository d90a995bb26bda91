"""The trail in the store: every write appends its entry in the same transaction, and
`truce audit verify` finds a row edited behind the application's back."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from truce.audit import verify
from truce.cli import app
from truce.domain import Report
from truce.errors import Conflict
from truce.incidents import import_incidents
from truce.store import Store
from truce.terms import import_terms

from ..conftest import make_incident

runner = CliRunner()


def fill(store: Store, seed_case: Path) -> None:
    import_terms(store, seed_case / "terms.yaml")
    import_incidents(store, seed_case / "incidents.csv")
    store.add_reports([(Report(id="r1", text="Drones hit a substation."), [make_incident(id="i1")])],
                      submitted_by="kyiv", actor="api:kyiv")  # fmt: skip
    store.add_user("kyiv", "monitor", "0" * 64)
    store.revoke_user("kyiv", actor="api:admin")


def test_every_write_is_on_the_trail_with_its_actor(db_url: str, seed_case: Path) -> None:
    with Store(db_url) as store:
        fill(store, seed_case)
        entries = store.audit_entries()
        assert verify(store.iter_audit(chunk=2)).ok
    assert [(e.action, e.object, e.actor.split(":")[0]) for e in entries] == [
        ("terms.save", "agreement:energy-ceasefire-2025/version:whitehouse", "cli"),
        ("terms.save", "agreement:energy-ceasefire-2025/version:kremlin", "cli"),
        ("incidents.import", f"incidents:{seed_case / 'incidents.csv'}", "cli"),
        ("report.add", "report:r1", "api"),
        ("user.add", "user:kyiv", "cli"),
        ("user.revoke", "user:kyiv", "api"),
    ]
    assert entries[3].actor == "api:kyiv" and entries[5].actor == "api:admin"


def test_nothing_written_means_nothing_on_the_trail(db_url: str, seed_case: Path) -> None:
    with Store(db_url) as store:
        import_terms(store, seed_case / "terms.yaml")
        import_terms(store, seed_case / "terms.yaml")  # unchanged: no write
        store.add_reports([(Report(id="r1"), [])])
        with pytest.raises(Conflict):  # rolled back, with its audit entry
            store.add_reports([(Report(id="r2"), []), (Report(id="r1", text="other"), [])])
        assert [e.action for e in store.audit_entries()] == ["terms.save"] * 2 + ["report.add"]


def test_verify_names_the_first_entry_edited_behind_the_applications_back(
    db_url: str, seed_case: Path
) -> None:
    with Store(db_url) as store:
        fill(store, seed_case)
    intact = runner.invoke(app, ["audit", "verify", "--db", db_url])
    assert intact.exit_code == 0 and "6 entries" in intact.stdout

    engine = sa.create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE audit_log SET actor = 'cli:someone-else' WHERE seq = 4"))
    broken = runner.invoke(app, ["audit", "verify", "--db", db_url])
    assert broken.exit_code == 1
    assert "broken at entry 4" in broken.stderr and "altered" in broken.stderr
    as_json = runner.invoke(app, ["audit", "verify", "--json", "--db", db_url])
    assert as_json.exit_code == 1 and '"broken": 4' in as_json.stdout

    with engine.begin() as conn:  # deleting an entry is found at the one after it
        conn.execute(sa.text("UPDATE audit_log SET actor = 'api:kyiv' WHERE seq = 4"))
        conn.execute(sa.text("DELETE FROM audit_log WHERE seq = 2"))
    engine.dispose()
    gap = runner.invoke(app, ["audit", "verify", "--db", db_url])
    assert gap.exit_code == 1 and "broken at entry 3" in gap.stderr
