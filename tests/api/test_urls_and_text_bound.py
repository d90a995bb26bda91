"""`POST /reports`: a `javascript:` URL or a text over the bound is a 422 naming the field,
and nothing is stored."""

from __future__ import annotations

from truce.api import Role
from truce.domain import MAX_REPORT_TEXT
from truce.store import Store

from .conftest import Api, incident_body


def test_urls_other_than_http_are_422_naming_url(api: Api) -> None:
    free_text = {
        "id": "f1",
        "text": "Russian drones hit a substation in Kharkiv overnight.",
        "published": "2025-03-19T08:00:00+02:00",
    }
    with api.client(Role.MONITOR) as monitor:
        for n, url in enumerate(["javascript:alert(1)", "data:text/html,x", "ftp://x.org/"]):
            for body in (incident_body(f"s{n}", url=url), {**free_text, "id": f"f{n}", "url": url}):
                answer = monitor.post("/reports", json=body)
                assert answer.status_code == 422, (url, answer.text)
                assert answer.json()["field"] == "url"
        fine = monitor.post("/reports", json=incident_body("ok", url="https://example.org/a"))
        assert fine.status_code == 201
    with Store(api.db) as store:
        assert [r.id for r in store.reports()] == ["ok"]


def test_a_text_over_the_bound_is_422_naming_text(api: Api) -> None:
    body = {
        "id": "huge",
        "text": "Shelling of Kherson. " * (MAX_REPORT_TEXT // 20 + 1),
        "published": "2025-03-19T08:00:00+02:00",
    }
    with api.client(Role.MONITOR) as monitor:
        answer = monitor.post("/reports", json=body)
    assert answer.status_code == 422, answer.text
    assert answer.json()["field"] == "text"
    assert f"{MAX_REPORT_TEXT:,}" in answer.json()["message"]
