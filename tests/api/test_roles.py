"""The role matrix: every route of the app, called by every role, against its rule.

A route added without a rule in `RULES` fails here (and is refused to everyone at run
time); so does a rule left behind for a route that is gone."""

from __future__ import annotations

import re

import pytest
from fastapi.routing import APIRoute

from truce.api import PREFIX, RULES, Role, create_app
from truce.api.app import Settings
from truce.api.routes import router

from .conftest import Api

CALLERS: list[Role | None] = [None, *Role]


def api_routes() -> list[tuple[str, str]]:
    """Every (method, path under /api/v1) the app serves. The app mounts the API router
    under the prefix; anything else on the app is only the OpenAPI document and docs."""
    app = create_app(Settings(db="sqlite://"))
    app.state.store.close()
    others = [r for r in app.routes if not hasattr(r, "original_router")]
    assert {getattr(r, "path", "") for r in others} <= {
        f"{PREFIX}/openapi.json",
        "/", "/static/{name}",  # the dashboard's page and files: no data, no token
    }  # fmt: skip
    assert not any(isinstance(r, APIRoute) for r in others), "an API route outside the router"
    return sorted(
        (method, route.path_format)
        for route in router.routes
        if isinstance(route, APIRoute)
        for method in route.methods
    )


def expected(rule: Role | None, caller: Role | None, *, public: bool = False) -> str:
    if rule is None:
        return "allowed"
    if caller is None:
        return "allowed" if public and rule is Role.VIEWER else "401"
    return "allowed" if caller.allows(rule) else "403"


def outcome(status: int) -> str:
    return str(status) if status in (401, 403) else "allowed"


def test_every_route_has_a_rule_and_every_rule_a_route() -> None:
    routes = api_routes()
    assert [r for r in routes if r not in RULES] == [], "routes without an access rule"
    assert [r for r in RULES if r not in routes] == [], "rules for routes that do not exist"
    # CONTRACTS §6: viewers read, monitors submit reports, analysts edit terms and read
    # the audit trail, admins manage users.
    assert {k: v for k, v in RULES.items() if v is not Role.VIEWER} == {
        ("GET", "/health"): None,
        ("POST", "/reports"): Role.MONITOR,
        ("PUT", "/agreements/{agreement_id}"): Role.ANALYST,
        ("GET", "/audit"): Role.ANALYST,
        ("GET", "/audit/verify"): Role.ANALYST,
        ("POST", "/incidents/{incident_id}/join"): Role.ANALYST,
        ("POST", "/incidents/{incident_id}/split"): Role.ANALYST,
        ("GET", "/users"): Role.ADMIN,
        ("POST", "/users"): Role.ADMIN,
        ("DELETE", "/users/{name}"): Role.ADMIN,
    }


@pytest.mark.parametrize("public", [False, True], ids=["private", "public"])
def test_role_matrix(start_api, sqlite_url: str, public: bool) -> None:  # type: ignore[no-untyped-def]
    api: Api = start_api(sqlite_url, public=public)
    wrong: list[str] = []
    for method, path in api_routes():
        url = re.sub(r"\{[^}]+\}", "x", path)
        for caller in CALLERS:
            with api.client(caller) as client:
                status = client.request(
                    method, url, json={} if method in ("POST", "PUT") else None
                ).status_code
            want = expected(RULES[(method, path)], caller, public=public)
            if outcome(status) != want or status >= 500:
                wrong.append(f"{method} {path} as {caller}: {status}, expected {want}")
    assert wrong == []


def test_a_revoked_token_is_refused_at_once(api: Api) -> None:
    with api.client(Role.ADMIN) as admin:
        created = admin.post("/users", json={"name": "field-7", "role": "monitor"})
        assert created.status_code == 201
        token = created.json()["token"]
        headers = {"Authorization": f"Bearer {token}"}
        assert admin.get("/reports", headers=headers).status_code == 200
        assert admin.delete("/users/field-7").status_code == 200
        assert admin.get("/reports", headers=headers).status_code == 401
        listed = {u["name"]: u for u in admin.get("/users").json()}
    assert listed["field-7"]["revoked_at"] is not None
    assert "token" not in listed["field-7"]


def test_malformed_and_unknown_tokens_are_401(api: Api) -> None:
    with api.client() as client:
        for header in ("Bearer", "Basic abc", "Bearer truce_not-a-token", "Token abc"):
            answer = client.get("/reports", headers={"Authorization": header})
            assert answer.status_code == 401, header
            assert answer.headers["www-authenticate"] == "Bearer"
            assert answer.json()["error"] == "unauthorized"


def test_openapi_is_served_without_a_token_and_cors_is_off(api: Api) -> None:
    with api.client() as client:
        answer = client.get("/openapi.json", headers={"Origin": "https://elsewhere.example"})
    assert answer.status_code == 200
    assert "/api/v1/reports" in answer.json()["paths"]
    assert "access-control-allow-origin" not in answer.headers


def test_cors_only_for_configured_origins(start_api, sqlite_url: str) -> None:  # type: ignore[no-untyped-def]
    api: Api = start_api(sqlite_url, cors_origins=("https://monitor.example",))
    with api.client(Role.VIEWER) as viewer:
        allowed = viewer.get("/reports", headers={"Origin": "https://monitor.example"})
        other = viewer.get("/reports", headers={"Origin": "https://elsewhere.example"})
    assert allowed.headers["access-control-allow-origin"] == "https://monitor.example"
    assert "access-control-allow-origin" not in other.headers


def test_errors_share_one_json_shape(api: Api) -> None:
    with api.client(Role.VIEWER) as viewer:
        answers = [
            viewer.get("/incidents/none-such"),
            viewer.get("/no-such-route"),
            viewer.post("/health"),
            viewer.get("/reports", params={"limit": 0}),
        ]
    assert [a.status_code for a in answers] == [404, 404, 405, 422]
    for answer in answers:
        assert set(answer.json()) == {"error", "message", "field"}


def test_the_last_admin_cannot_be_revoked(api: Api) -> None:
    with api.client(Role.ADMIN) as admin:
        alone = admin.delete("/users/admin-1")
        still = admin.get("/users")
        second = admin.post("/users", json={"name": "admin-2", "role": "admin"})
        handed_over = admin.delete("/users/admin-1")
    assert alone.status_code == 409 and "last admin" in alone.json()["message"]
    assert still.status_code == 200  # the token still works
    assert second.status_code == 201
    assert handed_over.status_code == 200
    with api.client() as nobody:
        headers = {"Authorization": f"Bearer {second.json()['token']}"}
        assert nobody.delete("/users/admin-2", headers=headers).status_code == 409
