"""The one place errors become HTTP responses, all in one JSON shape:
`{"error": code, "message": text, "field": name or null}`."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from truce.errors import BadInput, Conflict, NotFound, TruceError, Unavailable

log = logging.getLogger("truce.api")

CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid",
    500: "internal",
    503: "unavailable",
}


class ErrorBody(BaseModel):
    error: str
    message: str
    field: str | None = None


def error_response(
    status: int,
    message: str,
    field: str | None = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    body = {"error": CODES.get(status, "error"), "message": message, "field": field}
    return JSONResponse(body, status_code=status, headers=dict(headers or {}))


def _field(loc: Sequence[Any]) -> str | None:
    parts = [str(p) for p in loc]
    if parts and parts[0] in ("body", "query", "path", "header"):
        parts = parts[1:]
    return ".".join(parts) or None


async def _validation(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()
    first = errors[0] if errors else {"loc": (), "msg": "invalid request"}
    field = _field(first.get("loc", ()))
    message = str(first.get("msg", "invalid"))
    return error_response(422, message if field is None else f"{field}: {message}", field)


async def _http(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    return error_response(exc.status_code, str(exc.detail), headers=exc.headers)


async def _truce(_: Request, exc: Exception) -> JSONResponse:
    if isinstance(exc, BadInput):
        return error_response(422, str(exc), exc.field)
    if isinstance(exc, NotFound):
        return error_response(404, str(exc))
    if isinstance(exc, Conflict):
        return error_response(409, str(exc))
    if isinstance(exc, Unavailable):
        log.error("the database is unavailable: %s", exc)
        return error_response(503, str(exc))
    return error_response(400, str(exc))


async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
    log.error("unexpected error", exc_info=exc)
    return error_response(500, "internal error (logged on the server)")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(StarletteHTTPException, _http)
    app.add_exception_handler(TruceError, _truce)
    app.add_exception_handler(Exception, _unexpected)


class _TooLarge(HTTPException):
    """An HTTPException, so FastAPI's body parsing passes it on as it is."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the request body is over the limit of {limit:,} bytes")


class BodyLimit:
    """Refuses request bodies over `limit` bytes with 413, by Content-Length before
    reading anything, or while streaming when the length is not declared."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        message = f"the request body is over the limit of {self.limit:,} bytes"
        for name, value in scope["headers"]:
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    break  # count what arrives instead
                if declared > self.limit:
                    await error_response(413, message)(scope, receive, send)
                    return
                # The server reads no more than the declared length: nothing to count.
                await self.app(scope, receive, send)
                return
        seen = 0
        started = False

        async def counted() -> Message:
            nonlocal seen
            incoming = await receive()
            if incoming["type"] == "http.request":
                seen += len(incoming.get("body", b""))
                if seen > self.limit:
                    raise _TooLarge(self.limit)
            return incoming

        async def tracked(outgoing: Message) -> None:
            nonlocal started
            if outgoing["type"] == "http.response.start":
                started = True
            await send(outgoing)

        try:
            await self.app(scope, counted, tracked)
        except _TooLarge:
            if not started:
                await error_response(413, message)(scope, receive, send)
