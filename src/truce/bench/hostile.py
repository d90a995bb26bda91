"""`truce bench api --hostile`: can one monitor stall everyone else?

Against a real `truce serve` on loopback (fresh SQLite, 500 incidents posted first so a
read has work to do), for `seconds`:

- a hostile monitor posts free-text reports of the largest text one report may hold
  (`MAX_REPORT_TEXT` characters of strike news) in a loop, `flood` at a time;
- a viewer reads `GET /incidents?limit=100` in a loop, one request after another;
- another monitor posts one small structured report every half second.

The figures are the viewer's latencies (p50/p99, the goal being p99 under 1 s), the other
monitor's (a fair share of the writer), and how many hostile posts were acknowledged.
Extraction of one maximal post is also timed alone in this process, as the unit of work
the flood asks for.
"""

from __future__ import annotations

import asyncio
import json
import random
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

from truce.api import PREFIX, Role, create_user
from truce.bench.api import PLACES, TARGETS, _percentile, _run, running_server, synthetic_reports
from truce.domain import MAX_REPORT_TEXT, Report
from truce.errors import TruceError
from truce.store import Store


def hostile_text(seed: int = 7, size: int = MAX_REPORT_TEXT) -> str:
    """Strike news, sentence after sentence, up to `size` characters: every sentence
    reports a strike with a place, a target and casualties, so none is cheap to skip."""
    rng = random.Random(seed)
    parts: list[str] = []
    length = 0
    while length < size:
        place, _, _, _, _ = rng.choice(PLACES)
        _, detail = rng.choice(TARGETS)
        sentence = (
            f"Russian drones struck {detail} in {place} overnight, killing"
            f" {rng.randint(1, 9)} people and injuring {rng.randint(1, 20)}, the governor said. "
        )
        parts.append(sentence)
        length += len(sentence)
    return "".join(parts)[:size]


@dataclass(frozen=True)
class HostileResult:
    seconds: float
    text_chars: int
    extract_one_s: float
    hostile_acknowledged: int
    viewer_requests: int
    viewer_p50_ms: float
    viewer_p99_ms: float
    viewer_max_ms: float
    other_posts: int
    other_p50_ms: float
    other_p99_ms: float

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


async def _hostile_load(
    base: str, tokens: dict[str, str], seconds: float, flood: int, text: str
) -> tuple[int, list[float], list[float]]:
    def client(token: str) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            base_url=base + PREFIX, headers={"Authorization": f"Bearer {token}"}, timeout=600
        )

    stop = time.monotonic() + seconds
    acknowledged = 0
    viewer: list[float] = []
    other: list[float] = []
    published = datetime.now(UTC).isoformat(timespec="seconds")

    async def hostile(worker: int, http: httpx.AsyncClient) -> None:
        nonlocal acknowledged
        n = 0
        while time.monotonic() < stop:
            body = {"id": f"flood-{worker}-{n}", "text": text, "published": published,
                    "source": "Flood", "source_alignment": "media"}  # fmt: skip
            n += 1
            response = await http.post("/reports", json=body)
            if response.status_code != 201:
                raise TruceError(f"a hostile post answered {response.status_code}: {response.text}")
            acknowledged += 1

    async def read(http: httpx.AsyncClient) -> None:
        while time.monotonic() < stop:
            start = time.perf_counter()
            response = await http.get("/incidents", params={"limit": 100})
            viewer.append(time.perf_counter() - start)
            if response.status_code != 200:
                raise TruceError(f"GET /incidents answered {response.status_code}")

    async def post_now_and_then(http: httpx.AsyncClient) -> None:
        bodies = synthetic_reports(int(seconds * 2) + 10, seed=11)
        for body in bodies:
            if time.monotonic() >= stop:
                return
            start = time.perf_counter()
            response = await http.post("/reports", json=body)
            other.append(time.perf_counter() - start)
            if response.status_code != 201:
                raise TruceError(f"another monitor's post answered {response.status_code}")
            await asyncio.sleep(0.5)

    clients = {name: client(token) for name, token in tokens.items()}
    try:
        await asyncio.sleep(0)
        await asyncio.gather(
            *(hostile(i, clients["hostile"]) for i in range(flood)),
            read(clients["viewer"]),
            post_now_and_then(clients["other"]),
        )
    finally:
        for http in clients.values():
            await http.aclose()
    return acknowledged, viewer, other


def bench_hostile(seconds: float = 30.0, flood: int = 4, *, seed: int = 7) -> HostileResult:
    """See the module doc."""
    from truce.extract import incidents_from_report

    text = hostile_text(seed)
    started = time.perf_counter()
    incidents_from_report(Report(id="one", text=text, published=datetime.now(UTC)))
    extract_one = time.perf_counter() - started
    with tempfile.TemporaryDirectory(prefix="truce-bench-hostile-") as folder:
        db_url = f"sqlite:///{Path(folder) / 'bench.db'}"
        with Store(db_url, actor="bench") as store:
            tokens = {
                "hostile": create_user(store, "hostile-monitor", Role.MONITOR),
                "other": create_user(store, "other-monitor", Role.MONITOR),
                "viewer": create_user(store, "viewer", Role.VIEWER),
            }
        log = Path(folder) / "serve.log"
        # Three processes start (server, writer, extractor), each loading the gazetteer.
        with running_server(
            db_url, log=log, extra=("--no-access-log",), ready_within=180
        ) as server:
            seedings = [json.dumps(b).encode() for b in synthetic_reports(500, seed=seed)]
            with httpx.Client(
                base_url=server.base + PREFIX,
                headers={"Authorization": f"Bearer {tokens['other']}"},
                timeout=60,
            ) as http:
                for body in seedings:
                    http.post("/reports", content=body).raise_for_status()
            acknowledged, viewer, other = _run(
                _hostile_load(server.base, tokens, seconds, flood, text)
            )
    if not viewer:
        raise TruceError("the viewer got no answer at all")
    return HostileResult(
        seconds=seconds,
        text_chars=len(text),
        extract_one_s=round(extract_one, 3),
        hostile_acknowledged=acknowledged,
        viewer_requests=len(viewer),
        viewer_p50_ms=round(_percentile(viewer, 0.50), 1),
        viewer_p99_ms=round(_percentile(viewer, 0.99), 1),
        viewer_max_ms=round(max(viewer) * 1000, 1),
        other_posts=len(other),
        other_p50_ms=round(_percentile(other, 0.50), 1) if other else 0.0,
        other_p99_ms=round(_percentile(other, 0.99), 1) if other else 0.0,
    )


__all__ = ["HostileResult", "bench_hostile", "hostile_text"]
