"""`truce bench dashboard`: how long the dashboard takes to become usable, and how much
it moves, with N incidents.

A fresh SQLite store gets N synthetic incidents (`truce.bench.fill`) and a two-version
agreement; a real `truce serve --public` on 127.0.0.1 serves it, and Debian's Chromium
(driven by Playwright, never a downloaded browser) opens `/` until the page marks itself
ready (`body[data-ready]`: summary, map cells, list page, timeline, compliance and the
first incident drawn). The first load includes building the dashboard's index (one
ruling of the store); the second is what every later reader sees. The offline file of
`truce report` is written, weighed and opened the same way. The anchor: the same
browser opening `/api/v1/health` on the same server, the least a page load can cost;
and `bundle_*`, the size and time of `GET /api/v1/dashboard`, the whole bundle that the
served page used to fetch.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import httpx
import yaml

from truce.bench.api import running_server
from truce.bench.fill import fill_incidents
from truce.errors import TruceError
from truce.incidents import parse_incident
from truce.store import Store
from truce.terms import parse_terms, version_to_dict

CHROMIUM = Path(os.environ.get("TRUCE_CHROMIUM", "/usr/bin/chromium"))

# The seed case's two readings of the 18 March 2025 call (examples/seed-case/terms.yaml).
TERMS = """
agreement: energy-ceasefire-2025
title: Halt to strikes on energy (and infrastructure), 18 March 2025
versions:
  - id: whitehouse
    according_to: US
    bound: [RU, UA]
    protects: [infrastructure]
    starts: 2025-03-18T18:30:00+02:00
  - id: kremlin
    according_to: RU
    bound: [RU, UA]
    protects: [infrastructure.energy]
    area: [UA, RU]
    starts: 2025-03-18T18:30:00+02:00
    duration: P30D
"""
AGREEMENT = "energy-ceasefire-2025"


@dataclass(frozen=True)
class DashboardBenchResult:
    incidents: int
    fill_s: float
    served_first_load_s: float  # with the index built for this store
    served_load_s: float  # the index already built
    served_after_write_s: float  # after 20 incidents were added
    served_bytes: int  # everything the page fetched (HTML, scripts, styles, data)
    served_data_bytes: int  # of which the API's answers
    baseline_load_s: float  # the same browser opening /api/v1/health
    bundle_s: float  # GET /api/v1/dashboard: every incident at once
    bundle_bytes: int
    offline_write_s: float
    offline_bytes: int
    offline_load_s: float

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def _store_case(db_url: str, n: int, seed: int) -> float:
    agreement = parse_terms(TERMS, file="bench")
    texts = {
        v.id: yaml.safe_dump(version_to_dict(v), sort_keys=False, allow_unicode=True)
        for v in agreement.versions
    }
    started = time.perf_counter()
    with Store(db_url, actor="bench") as store:
        store.save_agreement(agreement, texts, source_file="bench")
        fill_incidents(store, n, seed=seed)
    return time.perf_counter() - started


def _write_some(db_url: str, n: int = 20) -> None:
    """Add `n` incidents through the store (and its audit trail), as an analyst would."""
    late = [
        parse_incident(
            {
                "id": f"bench-later-{k}",
                "occurred_at": "2025-03-25T10:00:00+02:00",
                "country": "UA",
                "place": "Kharkiv",
                "lat": 49.99 + k / 1000,
                "lon": 36.23,
                "perpetrator": "RU",
                "target": "infrastructure.energy.grid",
            }
        )
        for k in range(n)
    ]
    with Store(db_url, actor="bench") as store:
        store.add_incidents(late, source_file="bench")


_SIZES = """() => {
  const entries = performance.getEntriesByType("resource");
  const nav = performance.getEntriesByType("navigation")[0];
  let all = nav ? nav.encodedBodySize : 0, data = 0;
  for (const e of entries) {
    all += e.encodedBodySize;
    if (e.name.includes("/api/")) data += e.encodedBodySize;
  }
  return [all, data];
}"""


def _open(browser: Any, url: str, ready: str | None, timeout_s: float) -> tuple[float, list[int]]:
    """Seconds from navigation until `ready` is in the page (or the load event), and
    the bytes it fetched: [all, API answers]."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        started = time.perf_counter()
        page.goto(url, timeout=timeout_s * 1000)
        if ready:
            page.wait_for_selector(ready, state="attached", timeout=timeout_s * 1000)
        seconds = time.perf_counter() - started
        sizes: list[int] = page.evaluate(_SIZES)
    finally:
        context.close()
    if errors:
        raise TruceError(f"the page at {url} raised: {errors[0]}")
    return seconds, sizes


def bench_dashboard(
    n: int = 100_000, *, seed: int = 7, timeout_s: float = 600
) -> DashboardBenchResult:
    """Fill, serve and load the dashboard; see the module doc."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise TruceError("needs Playwright: pip install 'truce[test]'") from None
    if not CHROMIUM.exists():
        raise TruceError(f"needs Chromium at {CHROMIUM} (apt-get install chromium)")
    ready = "body[data-ready=true]"
    with tempfile.TemporaryDirectory(prefix="truce-bench-dashboard-") as folder:
        db_url = f"sqlite:///{Path(folder) / 'bench.db'}"
        fill_s = _store_case(db_url, n, seed)
        log = Path(folder) / "serve.log"
        with (
            running_server(
                db_url, log=log, extra=("--public", "--no-access-log"), ready_within=300
            ) as server,
            sync_playwright() as playwright,
        ):
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=["--no-sandbox"]
            )
            try:
                first, _ = _open(browser, server.base + "/", ready, timeout_s)
                warm, (served_bytes, data_bytes) = _open(
                    browser, server.base + "/", ready, timeout_s
                )
                _write_some(db_url)
                after_write, _ = _open(browser, server.base + "/", ready, timeout_s)
                baseline, _ = _open(browser, server.base + "/api/v1/health", None, timeout_s)
                started = time.perf_counter()
                bundle = httpx.get(f"{server.base}/api/v1/dashboard", timeout=timeout_s)
                bundle_s = time.perf_counter() - started
                bundle.raise_for_status()
                out = Path(folder) / "report.html"
                started = time.perf_counter()
                command = ["report", "--agreement", AGREEMENT, "--db", db_url, "--out", str(out)]
                result = subprocess.run(
                    [sys.executable, "-m", "truce", *command, "-q"],
                    capture_output=True,
                    text=True,
                    check=False,
                )
                if result.returncode != 0:
                    raise TruceError(f"truce report failed: {result.stderr[-2000:]}")
                write_s = time.perf_counter() - started
                offline_s, _ = _open(browser, out.as_uri(), ready, timeout_s)
            finally:
                browser.close()
        return DashboardBenchResult(
            incidents=n,
            fill_s=round(fill_s, 2),
            served_first_load_s=round(first, 2),
            served_load_s=round(warm, 2),
            served_after_write_s=round(after_write, 2),
            served_bytes=served_bytes,
            served_data_bytes=data_bytes,
            baseline_load_s=round(baseline, 3),
            bundle_s=round(bundle_s, 2),
            bundle_bytes=len(bundle.content),
            offline_write_s=round(write_s, 2),
            offline_bytes=out.stat().st_size,
            offline_load_s=round(offline_s, 2),
        )


__all__ = ["DashboardBenchResult", "bench_dashboard"]
