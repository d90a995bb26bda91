"""`truce serve` stores reports in a writer process of its own: answers, conflicts and
merging come back through it as they do from the in-process writer."""

from __future__ import annotations

from pathlib import Path

import httpx

from truce.api import PREFIX, Role, create_user
from truce.store import Store

from ..servers import served
from .conftest import incident_body


def test_a_served_report_is_stored_merged_and_checked_in_the_writer_process(
    sqlite_url: str, tmp_path: Path
) -> None:
    with Store(sqlite_url, actor="test") as store:
        token = create_user(store, "monitor", Role.MONITOR)
    first = incident_body("gov")
    second = incident_body("wire", source="A wire agency", source_alignment="media")
    with (
        served(sqlite_url, tmp_path / "serve.log") as server,
        httpx.Client(
            base_url=server.base + PREFIX, headers={"Authorization": f"Bearer {token}"}, timeout=60
        ) as client,
    ):
        created = client.post("/reports", json=first)
        joined = client.post("/reports", json=second)
        again = client.post("/reports", json=first)
        clash = client.post("/reports", json={**first, "target": "civilian.healthcare"})
        shown = client.get("/incidents/gov").json()
    assert (created.status_code, joined.status_code, again.status_code) == (201, 201, 200)
    assert (joined.json()["incidents"], again.json()["incidents"]) == (["gov"], ["gov"])
    assert clash.status_code == 409 and "gov" in clash.json()["message"]
    assert (shown["reports"], shown["corroboration"]) == (["gov", "wire"], "multiple_sources")
    with Store(sqlite_url) as store:
        assert [e.action for e in store.iter_audit()][-2:] == ["report.add", "report.add"]
