"""A 2xx means committed: SIGKILL the server right after a burst of acknowledged posts,
restart it, and every acknowledged report is there. Tokens never reach the log."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx

from truce.api import PREFIX, Role, create_user
from truce.audit import verify
from truce.bench.api import synthetic_reports
from truce.store import Store

from ..servers import served

BURST = 120


async def burst(base: str, token: str, bodies: list[dict[str, object]]) -> list[str]:
    """Post every body at once; return the ids acknowledged before the server died."""
    acknowledged: list[str] = []
    headers = {"Authorization": f"Bearer {token}"}
    limits = httpx.Limits(max_connections=16)
    async with httpx.AsyncClient(base_url=base + PREFIX, headers=headers, limits=limits) as client:

        async def post(body: dict[str, object]) -> None:
            try:
                answer = await client.post("/reports", json=body, timeout=120)
            except httpx.TransportError:
                return  # the server was killed with this one in flight
            if answer.status_code == 201:
                acknowledged.append(str(body["id"]))

        await asyncio.gather(*(post(body) for body in bodies))
    return acknowledged


def test_acknowledged_reports_survive_sigkill(sqlite_url: str, tmp_path: Path) -> None:
    with Store(sqlite_url, actor="test") as store:
        monitor = create_user(store, "monitor", Role.MONITOR)
        viewer = create_user(store, "viewer", Role.VIEWER)
    bodies = synthetic_reports(BURST, seed=11)
    first_log, second_log = tmp_path / "first.log", tmp_path / "second.log"

    with served(sqlite_url, first_log) as server:
        acknowledged = asyncio.run(burst(server.base, monitor, bodies))
        server.process.kill()  # SIGKILL: no shutdown, no flush, nothing
        server.process.wait()
    assert len(acknowledged) == BURST

    with (
        served(sqlite_url, second_log) as server,
        httpx.Client(
            base_url=server.base + PREFIX, headers={"Authorization": f"Bearer {viewer}"}, timeout=60
        ) as client,
    ):
        stored = {r["id"] for r in client.get("/reports", params={"limit": 1000}).json()["items"]}
        refused = client.get("/reports", headers={"Authorization": "Bearer truce_guess"})
    assert set(acknowledged) <= stored
    assert refused.status_code == 401
    with Store(sqlite_url) as store:
        trail = verify(store.iter_audit())
    assert trail.ok and trail.entries == 2 + BURST

    logs = first_log.read_text() + second_log.read_text()
    assert '"POST /api/v1/reports HTTP/1.1" 201' in logs  # the access log is on …
    for secret in (monitor, viewer, "truce_guess"):
        assert secret not in logs  # … and no token is in it


def test_the_apis_sqlite_writes_wait_for_the_disk(sqlite_url: str) -> None:
    """WAL with synchronous=FULL: a commit is on disk, not only in the OS's cache, before
    the API acknowledges it (the CLI keeps the faster NORMAL)."""
    from truce.api.app import durable_store

    store = durable_store(sqlite_url)
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    store.close()
