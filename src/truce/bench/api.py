"""`truce bench api`: acknowledged reports per second against a real `truce serve`.

The server runs as a subprocess on loopback with a fresh SQLite database; an async httpx
client posts realistic structured reports at a fixed concurrency and times each one
until its acknowledgement (which means committed). In the same run the same client
hammers the bare `/health` endpoint: the ceiling of server and client with no work, so
the report figure can be read against it. Afterwards every acknowledged report is
counted in the database, so the figure cannot include a report that was not stored.
"""

from __future__ import annotations

import asyncio
import json
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Coroutine, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TypeVar

import httpx
import sqlalchemy as sa

from truce.api import PREFIX, Role, create_user
from truce.errors import TruceError
from truce.store import Store

T = TypeVar("T")

PLACES = (
    ("Kharkiv", "Kharkiv Oblast", "UA", 49.99, 36.23),
    ("Odesa", "Odesa Oblast", "UA", 46.48, 30.72),
    ("Zaporizhzhia", "Zaporizhzhia Oblast", "UA", 47.84, 35.14),
    ("Sumy", "Sumy Oblast", "UA", 50.91, 34.80),
    ("Belgorod", "Belgorod Oblast", "RU", 50.60, 36.59),
    ("Kursk", "Kursk Oblast", "RU", 51.73, 36.19),
)
TARGETS = (
    ("infrastructure.energy.grid", "a substation"),
    ("infrastructure.energy.generation", "a thermal power plant"),
    ("infrastructure.energy.oil", "an oil depot"),
    ("civilian.residential", "an apartment block"),
    ("civilian.healthcare", "a hospital"),
    ("infrastructure.transport", "a railway station"),
)
SOURCES = (("Regional governor", "UA"), ("Ministry of Defence", "RU"), ("Reuters", "media"))


def synthetic_reports(n: int, seed: int = 7) -> list[dict[str, Any]]:
    """Structured reports (CONTRACTS §2 incident records) as monitors would post them."""
    rng = random.Random(seed)
    reports = []
    for i in range(n):
        place, region, country, lat, lon = rng.choice(PLACES)
        target, detail = rng.choice(TARGETS)
        source, alignment = rng.choice(SOURCES)
        day, hour, minute = rng.randint(1, 28), rng.randint(0, 23), rng.randint(0, 59)
        perpetrator = rng.choice(("RU", "UA", "unknown")) if country == "UA" else "UA"
        occurred = f"2025-03-{day:02d}T{hour:02d}:{minute:02d}:00+02:00"
        reports.append(
            {
                "id": f"bench-{seed}-{i}",
                "occurred_at": occurred if rng.random() < 0.8 else occurred[:10],
                "place": place,
                "lat": round(lat + rng.uniform(-0.1, 0.1), 4),
                "lon": round(lon + rng.uniform(-0.1, 0.1), 4),
                "country": country,
                "region": region,
                "perpetrator": perpetrator,
                "target": target,
                "target_detail": detail,
                "weapon": rng.choice(("drone", "missile", "artillery")),
                "killed": rng.choice((0, 0, 0, 1, 2)),
                "injured": rng.randint(0, 12),
                "source": source,
                "source_alignment": alignment,
                "text": f"{source}: {detail} in {place} was hit overnight; "
                "emergency crews are at the scene and damage is being assessed.",
            }
        )
    return reports


@dataclass(frozen=True)
class ApiBenchResult:
    reports: int
    concurrency: int
    seconds: float
    reports_per_s: float
    p50_ms: float
    p99_ms: float
    baseline_per_s: float
    baseline_p99_ms: float
    stored: int

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass(frozen=True)
class Server:
    """A running `truce serve`: where it listens, and its process (tests kill it)."""

    base: str
    process: subprocess.Popen[bytes]


@contextmanager
def running_server(
    db_url: str, *, log: Path, extra: tuple[str, ...] = (), wait_s: float = 30
) -> Iterator[Server]:
    """`truce serve` as a subprocess on a free loopback port, ready to answer; stopped
    (SIGTERM) on the way out if still running."""
    port = _free_port()
    command = [sys.executable, "-m", "truce", "serve", "--port", str(port), "--db", db_url, *extra]
    with log.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + wait_s
        while True:
            if process.poll() is not None:
                raise TruceError(f"truce serve exited early:\n{log.read_text()[-2000:]}")
            try:
                if httpx.get(f"{base}{PREFIX}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise TruceError(
                    f"truce serve did not start within {wait_s:.0f} s:\n{log.read_text()[-2000:]}"
                )
            time.sleep(0.05)
        yield Server(base, process)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


async def _drive(
    n: int, clients: list[httpx.AsyncClient], send: Callable[[httpx.AsyncClient, int], Any]
) -> tuple[float, list[float]]:
    """Run `send(client, i)` for i in 0..n-1, one worker per client (so per connection);
    wall time and each request's latency."""
    latencies: list[float] = []
    counter = iter(range(n))

    async def worker(client: httpx.AsyncClient) -> None:
        for i in counter:
            start = time.perf_counter()
            await send(client, i)
            latencies.append(time.perf_counter() - start)

    start = time.perf_counter()
    await asyncio.gather(*(worker(client) for client in clients))
    return time.perf_counter() - start, latencies


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


Timing = tuple[float, list[float]]


async def _load(
    base: str, token: str, bodies: list[bytes], concurrency: int
) -> tuple[Timing, Timing]:
    # One client per connection: httpx's shared pool slows down as connections grow,
    # which would measure the client rather than the server.
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    clients = [
        httpx.AsyncClient(base_url=base, headers=headers, limits=httpx.Limits(max_connections=1))
        for _ in range(concurrency)
    ]

    async def health(client: httpx.AsyncClient, _: int) -> None:
        response = await client.get(f"{PREFIX}/health")
        if response.status_code != 200:
            raise TruceError(f"/health answered {response.status_code}")

    async def post(client: httpx.AsyncClient, i: int) -> None:
        response = await client.post(f"{PREFIX}/reports", content=bodies[i])
        if response.status_code != 201:
            raise TruceError(f"report {i} answered {response.status_code}: {response.text}")

    try:
        await _drive(min(500, len(bodies)), clients, health)  # open and warm the connections
        baseline = await _drive(len(bodies), clients, health)
        reports = await _drive(len(bodies), clients, post)
    finally:
        for client in clients:
            await client.aclose()
    return baseline, reports


def _run(main: Coroutine[Any, Any, T]) -> T:
    """On uvloop where it is installed (it comes with uvicorn[standard]): the client then
    costs less CPU, leaving more of the machine to the server being measured."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run(main)
    return uvloop.run(main)


def bench_api(n: int = 5000, concurrency: int = 8, *, seed: int = 7) -> ApiBenchResult:
    """Post `n` reports at `concurrency` to a fresh `truce serve`; see the module doc."""
    bodies = [json.dumps(body).encode("utf-8") for body in synthetic_reports(n, seed)]
    with tempfile.TemporaryDirectory(prefix="truce-bench-api-") as folder:
        db_url = f"sqlite:///{Path(folder) / 'bench.db'}"
        with Store(db_url, actor="bench") as store:
            token = create_user(store, "bench-monitor", Role.MONITOR)
        log = Path(folder) / "serve.log"
        with running_server(db_url, log=log, extra=("--no-access-log",)) as server:
            baseline, reports = _run(_load(server.base, token, bodies, concurrency))
        engine = sa.create_engine(db_url)
        with engine.connect() as conn:
            stored = int(conn.execute(sa.text("SELECT count(*) FROM reports")).scalar_one())
        engine.dispose()
    if stored != n:
        raise TruceError(f"{n} reports were acknowledged but {stored} are stored: this is a bug")
    seconds, latencies = reports
    return ApiBenchResult(
        reports=n,
        concurrency=concurrency,
        seconds=round(seconds, 3),
        reports_per_s=round(n / seconds, 1),
        p50_ms=round(_percentile(latencies, 0.50), 2),
        p99_ms=round(_percentile(latencies, 0.99), 2),
        baseline_per_s=round(n / baseline[0], 1),
        baseline_p99_ms=round(_percentile(baseline[1], 0.99), 2),
        stored=stored,
    )


__all__ = ["ApiBenchResult", "Server", "bench_api", "running_server", "synthetic_reports"]
