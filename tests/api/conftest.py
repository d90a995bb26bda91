"""A real API server on 127.0.0.1 (uvicorn in a thread) over a real database, and users
of every role with their tokens."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import httpx
import pytest
import uvicorn

from truce.api import PREFIX, Role, Settings, create_app, create_user
from truce.store import Store


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Api:
    """A running server: its URL, a token per role, and a client per role."""

    base: str
    db: str
    tokens: dict[Role, str]

    def client(self, role: Role | None = None) -> httpx.Client:
        headers = {} if role is None else {"Authorization": f"Bearer {self.tokens[role]}"}
        return httpx.Client(base_url=self.base + PREFIX, headers=headers, timeout=30)


@pytest.fixture
def start_api() -> Iterator[Callable[..., Api]]:
    """Start servers on free ports; each stops when the test ends."""
    servers: list[tuple[uvicorn.Server, threading.Thread]] = []

    def start(db: str, **settings: object) -> Api:
        with Store(db, actor="test") as store:
            tokens = {role: create_user(store, f"{role.value}-1", role) for role in Role}
        app = create_app(Settings(db=db, **settings))  # type: ignore[arg-type]
        port = free_port()
        server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
        )
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 120  # generous: a busy machine starts slowly
        while not server.started:
            if time.monotonic() > deadline or not thread.is_alive():
                raise RuntimeError("the API server did not start")
            time.sleep(0.02)
        servers.append((server, thread))
        return Api(f"http://127.0.0.1:{port}", db, tokens)

    yield start
    for server, thread in servers:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture
def api(start_api: Callable[..., Api], db_url: str) -> Api:
    """A server on an empty database (SQLite, then PostgreSQL)."""
    return start_api(db_url)


def incident_body(report_id: str, **fields: object) -> dict[str, object]:
    body: dict[str, object] = {
        "id": report_id,
        "occurred_at": "2025-03-20T10:00:00+02:00",
        "place": "Kharkiv",
        "country": "UA",
        "region": "Kharkiv Oblast",
        "perpetrator": "RU",
        "target": "infrastructure.energy.grid",
        "source": "Regional governor",
        "source_alignment": "UA",
        "text": "Drones hit a substation overnight.",
    }
    body.update(fields)
    return body
