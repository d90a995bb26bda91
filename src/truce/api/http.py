"""The HTTP protocol `truce serve` runs: uvicorn's, with the limits it lacks.

uvicorn times out idle keep-alive connections, but not a request that never finishes
arriving: a client that opens connections and sends headers (or a body) a byte at a
time holds each one for ever, and a few hundred such clients exhaust the server. Here a
request must arrive whole (head and body) within `request_timeout` seconds of its first
byte, or of the connection opening; otherwise it is answered 408 and the connection
closed. The head (request line and headers) is also bounded in size.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

REQUEST_TIMEOUT = 30.0
MAX_HEAD = 64 * 1024

_TIMEOUT_BODY = json.dumps(
    {"error": "timeout", "message": "the request did not arrive whole in time", "field": None}
).encode()
_TIMEOUT_RESPONSE = (
    b"HTTP/1.1 408 Request Timeout\r\ncontent-type: application/json\r\n"
    b"connection: close\r\ncontent-length: %d\r\n\r\n" % len(_TIMEOUT_BODY)
) + _TIMEOUT_BODY


class GuardedHttp(HttpToolsProtocol):
    """uvicorn's httptools protocol with a deadline per request and a bounded head."""

    request_timeout = REQUEST_TIMEOUT
    max_head = MAX_HEAD

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._deadline: asyncio.TimerHandle | None = None
        self._head_bytes = 0
        self._in_head = True

    def _arm(self) -> None:
        self._disarm()
        self._deadline = self.loop.call_later(self.request_timeout, self._expired)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()  # the first request must come, and whole, in time

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self._in_head:
            self._head_bytes += len(data)
            if self._head_bytes > self.max_head:
                self._disarm()
                self.send_400_response(
                    f"the request head is over the limit of {self.max_head:,} bytes"
                )
                return
        super().data_received(data)

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._in_head, self._head_bytes = True, 0
        self._arm()

    def on_headers_complete(self) -> None:
        self._in_head = False
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        self._disarm()
        super().on_message_complete()

    def _expired(self) -> None:
        self._deadline = None
        if self.transport.is_closing():
            return
        cycle = self.cycle
        if cycle is None or not cycle.response_started:
            self.transport.write(_TIMEOUT_RESPONSE)
        if cycle is not None:
            cycle.disconnected = True
            cycle.message_event.set()
        self.transport.close()
