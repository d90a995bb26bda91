"""`GET /commitments`: stored promises with their status as of today, worked out from
the stored reports, so a report that arrives changes the status without anything else."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from typer.testing import CliRunner

from truce.api import Role
from truce.cli import app
from truce.domain import Report
from truce.store import Store

from .conftest import Api

ACCOUNT = """\
---
title: Statement after the call
date: '2025-03-18'
party: RU
---

Russia and Ukraine will exchange 175 prisoners of war for 175 on 19 March. Russia will
hand over 23 badly wounded Ukrainian soldiers by 25 March. Delegations will meet in Riyadh
by 1 May 2099.
"""


def test_commitments_listed_filtered_and_recomputed_as_reports_arrive(
    api: Api, tmp_path: Path
) -> None:
    account = tmp_path / "call.md"
    account.write_text(ACCOUNT, "utf-8")
    stored = CliRunner().invoke(
        app, ["commitments", "extract", str(account), "--store", "--db", api.db, "--json"]
    )
    assert stored.exit_code == 0, stored.output
    with api.client() as anonymous:
        assert anonymous.get("/commitments").status_code == 401
    with api.client(Role.VIEWER) as viewer:
        page = viewer.get("/commitments").json()
        by_action = {c["action"]: c for c in page["items"]}
        assert by_action["prisoner_exchange"]["status"] == "unverified"
        assert by_action["talks"]["status"] == "pending"
        assert by_action["prisoner_exchange"]["id"] == "call.c1"
        with Store(api.db, actor="test") as store:
            done = "Russia and Ukraine exchanged 175 prisoners of war for 175 on 19 March."
            when = datetime(2025, 3, 19, 20, tzinfo=UTC)
            store.add_reports([(Report(id="later-1", published=when, text=done), [])])
        kept = viewer.get("/commitments", params={"status": "kept"}).json()["items"]
        assert [(c["id"], c["evidence"]) for c in kept] == [("call.c1", ["later-1"])]
        due = viewer.get("/commitments", params={"due_to": "2025-03-31"}).json()["items"]
        assert [c["action"] for c in due] == ["prisoner_exchange", "handover"]
        first = viewer.get("/commitments", params={"limit": 1, "actor": "RU"}).json()
        assert (len(first["items"]), first["next_offset"]) == (1, 1)
        assert viewer.get("/commitments", params={"status": "late"}).status_code == 422
    with Store(api.db) as store:
        actions = [e.action for e in store.audit_entries()]
    assert actions.count("commitment.save") == 3
