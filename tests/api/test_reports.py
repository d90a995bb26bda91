"""Report intake and reading back, through a real server, as each kind of user."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from truce.api import Role
from truce.api.intake import find_extractor

from .conftest import Api, incident_body


def test_who_may_post_a_report(api: Api) -> None:
    body = incident_body("r-1")
    with api.client() as anonymous, api.client(Role.VIEWER) as viewer:
        assert anonymous.post("/reports", json=body).status_code == 401
        assert viewer.post("/reports", json=body).status_code == 403
    with api.client(Role.MONITOR) as monitor:
        answer = monitor.post("/reports", json=body)
    assert answer.status_code == 201
    assert answer.json() == {"id": "r-1", "status": "created", "incidents": ["r-1"], "note": None}


def test_twenty_acknowledged_reports_are_all_readable_by_a_viewer(api: Api) -> None:
    # Twenty strikes on twenty days: twenty incidents, none merged with another.
    bodies = [
        incident_body(f"r-{i:02d}", killed=i, occurred_at=f"2025-03-{i + 1:02d}T10:00:00+02:00")
        for i in range(20)
    ]
    with api.client(Role.MONITOR) as monitor, ThreadPoolExecutor(8) as pool:
        codes = list(pool.map(lambda b: monitor.post("/reports", json=b).status_code, bodies))
    assert codes == [201] * 20
    seen: list[str] = []
    with api.client(Role.VIEWER) as viewer:
        offset: int | None = 0
        while offset is not None:
            page = viewer.get("/reports", params={"limit": 7, "offset": offset}).json()
            seen += [r["id"] for r in page["items"]]
            offset = page["next_offset"]
        incidents = viewer.get("/incidents", params={"limit": 1000}).json()["items"]
        one = viewer.get("/incidents/r-07").json()
    assert sorted(seen) == [b["id"] for b in bodies]
    assert {i["id"]: i["killed"] for i in incidents} == {f"r-{i:02d}": i for i in range(20)}
    assert (one["report_id"], one["target"], one["time_precision"]) == (
        "r-07", "infrastructure.energy.grid", "minute",
    )  # fmt: skip


def test_same_id_same_body_is_200_other_body_is_409(api: Api) -> None:
    body = incident_body("dup")
    with api.client(Role.MONITOR) as monitor:
        assert monitor.post("/reports", json=body).status_code == 201
        again = monitor.post("/reports", json=body)
        other = monitor.post("/reports", json={**body, "target": "civilian.healthcare"})
    assert (again.status_code, again.json()["status"]) == (200, "unchanged")
    assert other.status_code == 409
    assert other.json()["error"] == "conflict" and "dup" in other.json()["message"]
    with api.client(Role.VIEWER) as viewer:
        stored = viewer.get("/incidents").json()["items"]
    assert [(i["id"], i["target"]) for i in stored] == [("dup", "infrastructure.energy.grid")]


def test_invalid_reports_get_422_naming_the_field_and_store_nothing(api: Api) -> None:
    cases = {
        "occurred_at": incident_body("bad-1", occurred_at="2025-02-30"),
        "target": incident_body("bad-2", target="infrastructure.power"),
        "colour": incident_body("bad-3", colour="red"),
        "id": incident_body(""),
        "published": {"id": "bad-4", "text": "Shelling.", "published": "yesterday"},
    }
    with api.client(Role.MONITOR) as monitor:
        for field, body in cases.items():
            answer = monitor.post("/reports", json=body)
            assert answer.status_code == 422, field
            assert answer.json()["field"] == field
        not_json = monitor.post(
            "/reports", content=b"{", headers={"Content-Type": "application/json"}
        )
        assert not_json.status_code == 422 and not_json.json()["field"] == "body"
    with api.client(Role.VIEWER) as viewer:
        assert viewer.get("/reports").json()["items"] == []


def test_free_text_report_is_stored_with_what_the_extractor_finds(api: Api) -> None:
    body = {
        "id": "ft-1",
        "text": "A Russian drone hit an energy substation in Kharkiv overnight, the governor said.",
        "source": "Kharkiv regional administration",
        "source_alignment": "UA",
        "published": "2025-03-19T08:00:00+02:00",
        "lang": "en",
    }
    with api.client(Role.MONITOR) as monitor:
        answer = monitor.post("/reports", json=body)
    assert answer.status_code == 201
    with api.client(Role.VIEWER) as viewer:
        stored = viewer.get("/reports/ft-1").json()
        drawn = viewer.get("/incidents", params={"report": "ft-1"}).json()["items"]
    assert (stored["text"], stored["published"]) == (body["text"], "2025-03-19T06:00:00+00:00")
    assert [i["id"] for i in drawn] == answer.json()["incidents"]
    if find_extractor() is None:
        assert answer.json()["note"] and drawn == []


def test_a_free_text_report_dated_by_day_is_read_to_the_day(api: Api) -> None:
    """Many feeds give only the date: the report is taken, and what the extractor finds
    in it is dated to that day, no finer."""
    body = {
        "id": "ft-day",
        "text": "Mykolaiv Regional State Administration building struck by missile.",
        "source": "Bellingcat",
        "source_alignment": "media",
        "published": "2022-03-29",
    }
    with api.client(Role.MONITOR) as monitor:
        answer = monitor.post("/reports", json=body)
    assert answer.status_code == 201, answer.text
    if find_extractor() is None:
        return
    with api.client(Role.VIEWER) as viewer:
        drawn = viewer.get("/incidents", params={"report": "ft-day"}).json()["items"]
    assert [(i["occurred_at"], i["time_precision"]) for i in drawn] == [("2022-03-29", "day")]


def test_incident_filters(api: Api) -> None:
    bodies = [
        incident_body("a", perpetrator="RU", country="UA", occurred_at="2025-03-18"),
        incident_body("b", perpetrator="UA", country="RU", place="Belgorod", region=None,
                      occurred_at="2025-03-25T10:00:00+03:00", target="infrastructure.energy.oil"),
        incident_body("c", perpetrator="RU", country="UA", occurred_at="2025-04-02T10:00:00+03:00",
                      target="civilian.healthcare"),
    ]  # fmt: skip
    with api.client(Role.MONITOR) as monitor:
        for body in bodies:
            assert monitor.post("/reports", json=body).status_code == 201
    with api.client(Role.VIEWER) as viewer:

        def ids(**params: str) -> list[str]:
            answer = viewer.get("/incidents", params=params)
            assert answer.status_code == 200, answer.text
            return [i["id"] for i in answer.json()["items"]]

        assert ids(party="RU") == ["a", "c"]
        assert ids(country="RU") == ["b"]
        assert ids(target="infrastructure.energy") == ["a", "b"]
        assert ids(since="2025-03-20T00:00:00Z", until="2025-03-31T00:00:00Z") == ["b"]
        assert ids(until="2025-03-18T12:00:00Z") == ["a"]  # the local day may reach that far
        bad = viewer.get("/incidents", params={"since": "not a date"})
        assert bad.status_code == 422 and bad.json()["field"] == "since"
        assert viewer.get("/incidents", params={"limit": 1001}).status_code == 422


def test_body_over_the_limit_is_413(start_api, sqlite_url: str) -> None:  # type: ignore[no-untyped-def]
    api = start_api(sqlite_url, max_body=4096)
    with api.client(Role.MONITOR) as monitor:
        big = monitor.post("/reports", json=incident_body("big", text="x" * 5000))
        small = monitor.post("/reports", json=incident_body("small"))

        def chunks():  # type: ignore[no-untyped-def]
            yield b'{"id": "streamed", "text": "'
            for _ in range(10):
                yield b"y" * 1000
            yield b'"}'

        streamed = monitor.post(
            "/reports", content=chunks(), headers={"Content-Type": "application/json"}
        )
    assert (big.status_code, big.json()["error"]) == (413, "too_large")
    assert streamed.status_code == 413
    assert small.status_code == 201
