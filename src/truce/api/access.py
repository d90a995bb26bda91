"""Who may call which route: one table, enforced by one dependency on every route.

A route missing from `RULES` is refused to everyone (fail closed), and the role-matrix
test fails until the new route gets its rule.
"""

from __future__ import annotations

import hmac
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any

from fastapi import HTTPException, Request, Response
from fastapi.routing import APIRoute

from truce.api.roles import Role, hash_token
from truce.domain.limits import MAX_FIELD, check_text, load_json
from truce.errors import BadInput
from truce.store import Store

PREFIX = "/api/v1"

# (method, path under /api/v1) → the lowest role allowed; None: anyone, without a token.
RULES: dict[tuple[str, str], Role | None] = {
    ("GET", "/health"): None,
    ("GET", "/reports"): Role.VIEWER,
    ("GET", "/commitments"): Role.VIEWER,
    ("GET", "/reports/{report_id}"): Role.VIEWER,
    ("POST", "/reports"): Role.MONITOR,
    ("GET", "/incidents"): Role.VIEWER,
    ("GET", "/incidents/{incident_id}"): Role.VIEWER,
    ("POST", "/incidents/{incident_id}/join"): Role.ANALYST,
    ("POST", "/incidents/{incident_id}/split"): Role.ANALYST,
    ("GET", "/agreements"): Role.VIEWER,
    ("GET", "/agreements/{agreement_id}"): Role.VIEWER,
    ("PUT", "/agreements/{agreement_id}"): Role.ANALYST,
    ("GET", "/agreements/{agreement_id}/rulings"): Role.VIEWER,
    ("GET", "/agreements/{agreement_id}/findings"): Role.VIEWER,
    ("GET", "/dashboard"): Role.VIEWER,
    ("GET", "/dashboard/summary"): Role.VIEWER,
    ("GET", "/dashboard/compliance"): Role.VIEWER,
    ("GET", "/dashboard/timeline"): Role.VIEWER,
    ("GET", "/dashboard/incidents"): Role.VIEWER,
    ("GET", "/dashboard/incidents/{incident_id}"): Role.VIEWER,
    ("GET", "/dashboard/map"): Role.VIEWER,
    ("GET", "/export"): Role.VIEWER,
    ("GET", "/audit"): Role.ANALYST,
    ("GET", "/audit/verify"): Role.ANALYST,
    ("GET", "/users"): Role.ADMIN,
    ("POST", "/users"): Role.ADMIN,
    ("DELETE", "/users/{name}"): Role.ADMIN,
}


@dataclass(frozen=True, slots=True)
class Caller:
    """Who is calling: a user, or nobody (public routes, or reads under `--public`)."""

    name: str | None
    role: Role | None

    @property
    def actor(self) -> str:
        return f"api:{self.name}" if self.name else "api:anonymous"


ANONYMOUS = Caller(None, None)


class Tokens:
    """Token → user, cached briefly so a burst of reports does not query the users table
    once per request. A revocation through the API takes effect at once; one made with
    `truce users revoke` in another process within `ttl` seconds."""

    def __init__(self, store: Store, ttl: float = 2.0) -> None:
        self.store = store
        self.ttl = ttl
        self._cache: dict[str, tuple[float, str, Caller]] = {}

    def caller(self, token: str) -> Caller | None:
        digest = hash_token(token)
        now = time.monotonic()
        hit = self._cache.get(digest)
        if hit is None or hit[0] < now:
            user = self.store.active_user(digest)
            if user is None:
                self._cache.pop(digest, None)
                return None
            hit = (now + self.ttl, user.token_hash, Caller(user.name, Role(user.role)))
            if len(self._cache) > 10_000:
                self._cache.clear()
            self._cache[digest] = hit
        # The lookup is by hash; compare again in constant time before trusting it.
        return hit[2] if hmac.compare_digest(hit[1], digest) else None

    def forget(self) -> None:
        self._cache.clear()


def _unauthorized(message: str) -> HTTPException:
    return HTTPException(401, message, headers={"WWW-Authenticate": "Bearer"})


async def authorize(request: Request) -> Caller:
    """The dependency on every route: find the route's rule, then check the caller.
    `GuardedRoute` runs it before the body is read; the dependency then finds its answer."""
    known = getattr(request.state, "caller", None)
    if isinstance(known, Caller):
        return known
    caller = await _authorize(request)
    request.state.caller = caller
    return caller


async def _authorize(request: Request) -> Caller:
    route = request.scope.get("route")
    path = route.path_format if isinstance(route, APIRoute) else ""
    key = (request.method, path.removeprefix(PREFIX))
    if key not in RULES:
        raise HTTPException(403, "no access rule for this route")
    needed = RULES[key]
    if needed is None:
        return ANONYMOUS
    header = request.headers.get("authorization")
    if header is None:
        if request.app.state.public and needed is Role.VIEWER:
            return ANONYMOUS
        raise _unauthorized("a bearer token is required (Authorization: Bearer …)")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise _unauthorized("the Authorization header must be 'Bearer <token>'")
    tokens: Tokens = request.app.state.tokens
    caller = tokens.caller(token.strip())
    if caller is None:
        raise _unauthorized("unknown or revoked token")
    assert caller.role is not None
    if not caller.role.allows(needed):
        raise HTTPException(403, f"needs the {needed.value} role (yours: {caller.role.value})")
    return caller


class GuardedRoute(APIRoute):
    """Every route of the API checks its caller before anything of the body is read or
    parsed: no token is 401 and a role too low 403 whatever the body holds, and a body
    is looked at only for someone allowed to send it (then `guard_body`'s limits)."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def guarded(request: Request) -> Response:
            await authorize(request)
            if request.method in ("POST", "PUT", "PATCH"):
                request.state.json = guard_body(await request.body())
            return await handler(request)

        return guarded


def guard_body(body: bytes) -> Any:
    """A JSON body within the shared limits (`truce.domain.limits`): UTF-8, valid JSON,
    no nesting past the limit, no integer of thousands of digits, and no string a
    database cannot store (a lone surrogate, a NUL). Raises `BadInput` naming the field."""
    if not body:
        return None
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadInput(f"the body is not UTF-8 (byte {exc.start})", field="body") from None
    value = load_json(text, field="body")
    stack: list[tuple[str, Any]] = [("", value)]
    while stack:
        path, item = stack.pop()
        if isinstance(item, str):
            check_text(item, path or "body", limit=len(item))
        elif isinstance(item, dict):
            for key, child in item.items():
                check_text(key, path or "body", limit=MAX_FIELD)
                stack.append((f"{path}.{key}" if path else str(key), child))
        elif isinstance(item, list):
            stack.extend((f"{path}[{i}]", child) for i, child in enumerate(item))
    return value
