"""Hostile users of one server (issue 22): one bad report fails only itself, bad bodies
are 4xx naming the field (never 500), the caller is checked before the body, and one
agreement's stored data cannot break another's rulings or exports."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from truce.api import PREFIX, Role
from truce.api.intake import ReportWriter
from truce.domain import Report
from truce.store import Store

from ..conftest import SEED_CASE, make_incident
from .conftest import Api, incident_body

FREE_TEXT = {
    "source": "Regional governor",
    "source_alignment": "UA",
    "text": "Overnight Russian drones hit a substation in Kharkiv, the governor said.",
}


def free_text(report_id: str, **fields: object) -> dict[str, object]:
    return {"id": report_id, "published": "2025-03-20T08:00:00+02:00", **FREE_TEXT, **fields}


def post_raw(client: httpx.Client, body: str) -> httpx.Response:
    return client.post(
        "/reports", content=body.encode("utf-8", "surrogatepass"),
        headers={"Content-Type": "application/json"},
    )  # fmt: skip


@pytest.mark.parametrize(
    "poison",
    [
        '{"id": "poison", "published": "2025-03-20T08:00:00+02:00", "text": "a \\ud800 b"}',
        '{"id": "poison", "published": "0001-01-01T00:00:00+14:00", "text": "Drones hit Kharkiv."}',
    ],
    ids=["lone-surrogate", "published-year-1"],
)
def test_a_poisoned_batch_fails_only_the_poison(api: Api, poison: str) -> None:
    """60 valid reports posted at once with one bad one: 60 × 201, and a 422 for it."""
    bodies = [
        incident_body(
            f"ok-{i:02d}", occurred_at=f"2025-03-{i % 28 + 1:02d}T{i % 24:02d}:00:00+02:00"
        )
        for i in range(60)
    ]
    with api.client(Role.MONITOR) as monitor, ThreadPoolExecutor(16) as pool:
        futures = [pool.submit(monitor.post, "/reports", json=b) for b in bodies[:30]]
        bad = pool.submit(post_raw, monitor, poison)
        futures += [pool.submit(monitor.post, "/reports", json=b) for b in bodies[30:]]
        codes = [f.result().status_code for f in futures]
        answer = bad.result()
    assert codes == [201] * 60
    assert answer.status_code == 422, answer.text
    assert answer.json()["field"] in ("text", "published")
    with api.client(Role.VIEWER) as viewer:
        stored = viewer.get("/reports", params={"limit": 1000}).json()["items"]
    assert sorted(r["id"] for r in stored) == [b["id"] for b in bodies]


def test_the_writer_stores_a_batch_around_a_report_the_database_refuses(sqlite_url: str) -> None:
    """Past the door, a report that fails in the store (here a lone surrogate, which
    SQLite cannot encode) is retried alone: its batch-mates are stored, it gets 422."""
    import asyncio

    store = Store(sqlite_url)
    writer = ReportWriter(store)
    reports = [
        (Report(id=f"w-{i}", source="Governor", source_alignment="UA", text="Drones."),
         [make_incident(id=f"w-{i}", killed=i)])
        for i in range(10)
    ]  # fmt: skip
    poison = (replace(reports[0][0], id="w-bad", text="a \ud800 b"), [])

    async def post_all() -> list[Any]:
        posts = asyncio.gather(
            *(
                writer.submit(report, incidents, actor="test", submitted_by=None)
                for report, incidents in [*reports[:5], poison, *reports[5:]]
            ),
            return_exceptions=True,
        )
        await asyncio.sleep(0.1)  # all eleven are waiting before the writer starts: one batch
        writer.start()
        try:
            return await posts
        finally:
            writer.stop()

    outcomes = asyncio.run(post_all())
    failed = [o for o in outcomes if isinstance(o, BaseException)]
    assert len(failed) == 1 and "w-bad" in str(failed[0]), outcomes
    assert sorted(r.id for r in store.reports()) == sorted(r.id for r, _ in reports)
    store.close()


def test_an_id_of_an_imported_incident_is_409_naming_it(api: Api) -> None:
    with Store(api.db) as store:
        from truce.incidents import import_incidents

        import_incidents(store, SEED_CASE / "incidents.csv")
    with api.client(Role.MONITOR) as monitor:
        answer = monitor.post("/reports", json=incident_body("seed-02-hospital"))
    assert answer.status_code == 409, answer.text
    assert "seed-02-hospital" in answer.json()["message"]


BAD_BODIES: list[tuple[str, str, str]] = [
    ("occurred-year-1", json.dumps(incident_body("b", occurred_at="0001-01-01")), "occurred_at"),
    ("occurred-9999-west", json.dumps(incident_body("b", occurred_at="9999-12-31T23:59:59-12:00")),
     "occurred_at"),
    ("nested-1000", '{"id": "b", "place": ' + "[" * 1000 + "]" * 1000 + "}", "body"),
    ("killed-5001-digits", json.dumps(incident_body("b"))[:-1] + ', "killed": ' + "9" * 5001 + "}",
     "killed"),
    ("killed-1e28", json.dumps(incident_body("b", killed=10**28)), "killed"),
    ("lone-surrogate", json.dumps(incident_body("b"))[:-1] + ', "weapon": "a \\ud800 b"}', "weapon"),
    ("published-year-1", json.dumps(free_text("b", published="0001-01-01T00:00:00+14:00")),
     "published"),
    ("id-newline", json.dumps(incident_body("b\nc")), "id"),
    ("id-escape", json.dumps(free_text("b\u001b[2J")), "id"),
    ("free-text-without-published", json.dumps({"id": "b", **FREE_TEXT}), "published"),
    ("text-over-limit", json.dumps(free_text("b", text="Drones hit Kharkiv. " * 6000)), "text"),
    ("not-json", "{", "body"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("body", "field"), [b[1:] for b in BAD_BODIES], ids=[b[0] for b in BAD_BODIES]
)
def test_bad_report_bodies_are_422_naming_the_field(api: Api, body: str, field: str) -> None:
    with api.client(Role.MONITOR) as monitor:
        answer = post_raw(monitor, body)
        assert answer.status_code == 422, answer.text
        assert answer.json()["field"] == field, answer.json()
    with api.client(Role.VIEWER) as viewer:
        assert viewer.get("/reports").json()["items"] == []
        assert viewer.get("/incidents").json()["items"] == []


def test_the_caller_is_checked_before_the_body(api: Api) -> None:
    """No token is 401 and a viewer's write 403, whatever the body holds."""
    bad = [b"{", b"[" * 1000, b'{"name": "a \\ud800"}', b"\xff"]
    with api.client() as anonymous, api.client(Role.VIEWER) as viewer:
        for body in bad:
            for path, method in (("/reports", "POST"), ("/users", "POST"),
                                 ("/agreements/x", "PUT"), ("/incidents/x/join", "POST")):  # fmt: skip
                request = {"content": body, "headers": {"Content-Type": "application/json"}}
                assert anonymous.request(method, path, **request).status_code == 401
                assert viewer.request(method, path, **request).status_code == 403
    with api.client(Role.ADMIN) as admin:
        answer = admin.post("/users", content=b"[" * 1000,
                            headers={"Content-Type": "application/json"})  # fmt: skip
        assert answer.status_code == 422 and answer.json()["field"] == "body"


def terms_body(**version: object) -> dict[str, object]:
    fields: dict[str, object] = {
        "id": "v1", "according_to": "RU", "bound": ["RU", "UA"],
        "protects": ["infrastructure.energy"], "starts": "2025-03-18T17:00:00+03:00",
        "duration": "P30D",
    }  # fmt: skip
    fields.update(version)
    return {"versions": [fields]}


@pytest.mark.parametrize(
    "version",
    [
        {"starts": "9999-06-01T00:00:00+00:00", "duration": "P1Y"},
        {"starts": "0001-01-01T00:00:00+14:00"},
        {"duration": "P99999Y"},
        {"notes": "a \ud800 b"},
        {"id": "v\n1"},
    ],
    ids=["window-past-9999", "start-year-1", "P99999Y", "lone-surrogate", "id-newline"],
)
def test_terms_the_calendar_cannot_hold_are_422(api: Api, version: dict[str, object]) -> None:
    body = json.dumps(terms_body(**version), ensure_ascii=True)
    with api.client(Role.ANALYST) as analyst:
        answer = analyst.put("/agreements/far", content=body,
                             headers={"Content-Type": "application/json"})  # fmt: skip
        assert answer.status_code == 422, answer.text
        assert answer.json()["field"], answer.json()
        assert analyst.get("/agreements").json()["items"] == []


def test_one_agreements_bad_stored_window_breaks_no_export(api: Api) -> None:
    """Data stored before the calendar was checked (a window past 9999) still rules and
    exports, and so does every other agreement."""
    with api.client(Role.ANALYST) as analyst:
        assert analyst.put("/agreements/good", json=terms_body()).status_code == 200
        assert analyst.put("/agreements/old", json=terms_body()).status_code == 200
        assert analyst.post("/reports", json=incident_body("r-1")).status_code == 201
    engine = sa.create_engine(api.db)
    with engine.begin() as conn:  # as an older truce stored it, unchecked
        data = {**terms_body()["versions"][0], "starts": "9999-06-01T00:00:00+00:00",
                "duration": "P1Y", "source": None, "excludes": [], "area": [], "ends": None,
                "notes": None}  # type: ignore[dict-item]  # fmt: skip
        conn.execute(
            sa.text("UPDATE terms_versions SET data = :data WHERE agreement_id = 'old'"),
            {"data": json.dumps(data)},
        )
    engine.dispose()
    with api.client(Role.VIEWER) as viewer:
        for path, params in (("/export", {"format": "csv"}), ("/export", {"format": "json"}),
                             ("/export", {"format": "geojson"}),
                             ("/agreements/old/rulings", {}), ("/agreements/good/rulings", {}),
                             ("/dashboard", {"agreement": "old"})):  # fmt: skip
            answer = viewer.get(path, params=params)
            assert answer.status_code == 200, (path, params, answer.text[:300])
        rulings = viewer.get("/agreements/old/rulings").json()["items"]
    assert [r["reason"] for r in rulings] == ["before_start"]


def test_openapi_declares_the_errors_the_api_sends(api: Api) -> None:
    document = httpx.get(f"{api.base}{PREFIX}/openapi.json").json()
    post = document["paths"][f"{PREFIX}/reports"]["post"]["responses"]
    assert {"400", "401", "403", "404", "409", "413", "422"} <= set(post)


def test_ids_with_control_characters_are_refused_everywhere(api: Api) -> None:
    with api.client(Role.ANALYST) as analyst:
        join = analyst.post("/incidents/x/join", json={"incident": "y\nz"})
        split = analyst.post("/incidents/x/split", json={"reports": ["y\u0000"]})
    assert join.status_code in (404, 422) and split.status_code in (404, 422)


def test_a_trickled_request_is_cut_off(tmp_path: Any) -> None:
    """`truce serve --request-timeout`: a request whose head never finishes gets 408 and
    its connection closed, rather than holding it for ever (a real server)."""
    import socket
    import subprocess
    import sys
    import time

    from .conftest import free_port

    port = free_port()
    db = f"sqlite:///{tmp_path / 'truce.db'}"
    server = subprocess.Popen(
        [sys.executable, "-m", "truce", "serve", "--port", str(port), "--db", db,
         "--request-timeout", "1", "--no-access-log"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 120  # readiness, generously: a busy machine
        while True:
            try:
                if (
                    httpx.get(f"http://127.0.0.1:{port}{PREFIX}/health", timeout=5).status_code
                    == 200
                ):
                    break
            except httpx.HTTPError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                raise AssertionError(f"truce serve did not start:\n{server.communicate()[0]}")
            time.sleep(0.2)
        with socket.create_connection(("127.0.0.1", port), timeout=60) as slow:
            slow.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n")  # never finished
            received = b""
            while chunk := slow.recv(4096):
                received += chunk
        assert received.startswith(b"HTTP/1.1 408"), received
        assert httpx.get(f"http://127.0.0.1:{port}{PREFIX}/health").status_code == 200
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
