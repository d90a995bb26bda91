# ruff: noqa: F811  (the fixtures of test_dashboard_browser, imported by name)
"""The dashboard's incident list, clickable timeline and counts, scrolling incident panel
and clustered map, in real Chromium against a real `truce serve` and the offline file.

Each check runs on both ways the page is opened: the served page asks the API for each
panel (`/api/v1/dashboard/…`), the offline file works from the data it carries, and a
user must see the same either way. No elapsed time is asserted (`truce bench dashboard`
measures that).
"""

from __future__ import annotations

import csv
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ..conftest import SEED_CASE
from .test_dashboard_browser import (  # noqa: F401
    AGREEMENT,
    Watched,
    browser,
    open_dashboard,
    screenshot,
    seed_database,
    serve,
    truce,
    watched,
)

Opener = Callable[[Path, Watched], None]


@pytest.fixture(params=["served", "offline"])
def opened(request: pytest.FixtureRequest, serve: Callable[..., str]) -> Opener:
    """Open a database's dashboard in the page: served by `truce serve`, or as the file
    `truce report` writes."""

    def open_it(folder: Path, seen: Watched) -> None:
        db = f"sqlite:///{folder / 'truce.db'}"
        if request.param == "served":
            open_dashboard(seen, serve(db, "--public") + "/")
        else:
            out = folder / "report.html"
            truce("report", "--agreement", AGREEMENT, "--db", db, "--out", str(out), "-q")
            open_dashboard(seen, out.as_uri())

    open_it.mode = request.param  # type: ignore[attr-defined]
    return open_it


def list_ids(page: Any) -> list[str]:
    rows = page.get_by_test_id("incident-list").locator("tr[data-testid=incident-row]")
    return [rows.nth(i).get_attribute("data-incident") for i in range(rows.count())]


def list_total(page: Any) -> int:
    return int(page.locator("#list-status").get_attribute("data-total"))


def wait_for_total(page: Any, total: int) -> None:
    page.locator(f'#list-status[data-total="{total}"]').wait_for(state="attached", timeout=15000)


def open_from_list(page: Any, incident: str) -> Any:
    row = page.get_by_test_id("incident-list").locator(f'tr[data-incident="{incident}"]')
    row.click()
    panel = page.get_by_test_id("incident")
    panel.locator(f'[data-incident="{incident}"]').wait_for(timeout=10000)
    assert panel.locator("h3").inner_text() == incident
    return panel


def test_every_incident_opens_from_the_list_placed_or_not(
    tmp_path: Path, opened: Opener, watched: Watched
) -> None:
    db = seed_database(tmp_path)
    truce("reports", "import", str(SEED_CASE / "reports-to-merge.csv"), "--db", db, "-q")
    opened(tmp_path, watched)
    page = watched.page
    ids = list_ids(page)
    assert len(ids) == list_total(page) == 7
    for incident in ids:
        panel = open_from_list(page, incident)
        for version in ("whitehouse", "kremlin"):
            assert panel.locator(f'tr[data-version="{version}"] .verdict').count() == 1
    # The incidents the map cannot draw are listed, and open, like any other.
    page.select_option("#filter-placed", "no")
    wait_for_total(page, 1)
    assert list_ids(page) == ["seed-05-ukraine-hit-back"]
    panel = open_from_list(page, "seed-05-ukraine-hit-back")
    assert "not on the map" in panel.inner_text()
    # Text filters the list too, and clearing the filters brings every incident back.
    page.select_option("#filter-placed", "")
    page.fill("#filter-text", "sumy")
    page.locator('#list-status[data-query="sumy"]').wait_for(state="attached", timeout=15000)
    assert "m-01" in list_ids(page) and "seed-01-moscow-refinery" not in list_ids(page)
    page.click("#filter-clear")
    wait_for_total(page, 7)
    screenshot(watched, f"dashboard-list-{opened.mode}")  # type: ignore[attr-defined]
    assert watched.errors == []


def test_a_timeline_bar_lists_what_it_counts_and_opens_the_first(
    tmp_path: Path, opened: Opener, watched: Watched
) -> None:
    seed_database(tmp_path)
    opened(tmp_path, watched)
    page = watched.page
    bar = page.get_by_test_id("timeline").locator('rect.bar[data-day="2025-03-18"]').first
    count = int(bar.get_attribute("data-count"))
    party = bar.get_attribute("data-party")
    bar.click()
    wait_for_total(page, count)
    assert page.input_value("#filter-from") == page.input_value("#filter-to") == "2025-03-18"
    assert page.input_value("#filter-party") == party
    shown = list_ids(page)
    assert len(shown) == count
    panel = page.get_by_test_id("incident")
    panel.locator(f'[data-incident="{shown[0]}"]').wait_for(timeout=10000)
    # A count in the compliance table lists what it counts as well.
    page.click("#filter-clear")
    wait_for_total(page, 5)
    cell = page.get_by_test_id("compliance").locator(
        'tr[data-version="kremlin"][data-party="RU"] td[data-verdict="undetermined"] button'
    )
    expected = int(cell.inner_text())
    cell.click()
    wait_for_total(page, expected)
    assert page.input_value("#version-select") == "1"
    assert watched.errors == []


def test_the_second_versions_ruling_is_reachable_in_the_incident_panel(
    tmp_path: Path, opened: Opener, watched: Watched
) -> None:
    """An incident with a long text pushes its rulings below the panel's fold: the panel
    scrolls, and the last version's ruling comes fully into view inside it."""
    incidents = tmp_path / "incidents.csv"
    rows = list(csv.DictReader((SEED_CASE / "incidents.csv").open(encoding="utf-8")))
    rows[2]["text"] = " ".join(["The substation burned through the night."] * 120)
    with incidents.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    seed_database(tmp_path, incidents)
    opened(tmp_path, watched)
    page = watched.page
    panel = open_from_list(page, "seed-03-substation")
    body = page.locator("#incident-body")
    assert body.evaluate("e => e.scrollHeight > e.clientHeight + 100")
    assert body.evaluate("e => getComputedStyle(e).overflowY") in ("auto", "scroll")
    last = panel.locator('tr[data-version="kremlin"]')
    last.scroll_into_view_if_needed()
    inner, outer = last.bounding_box(), body.bounding_box()
    assert inner["y"] >= outer["y"] - 1
    assert inner["y"] + inner["height"] <= outer["y"] + outer["height"] + 1
    assert body.evaluate("e => e.scrollTop") > 0
    assert "missing_time" in last.inner_text()
    assert watched.errors == []


def crowded_incidents(path: Path, count: int, seed: int = 5) -> None:
    """`count` incidents within a few kilometres of central Kharkiv, and one in Lviv."""
    rng = random.Random(seed)
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "occurred_at", "place", "lat", "lon", "country", "perpetrator",
                         "target", "source", "source_alignment"])  # fmt: skip
        for n in range(count):
            lat, lon = 49.99 + rng.uniform(-0.03, 0.03), 36.23 + rng.uniform(-0.03, 0.03)
            writer.writerow([f"kh-{n:03d}", f"2025-03-{1 + n % 28:02d}T12:00:00+02:00", "Kharkiv",
                             f"{lat:.5f}", f"{lon:.5f}", "UA", "RU",
                             "infrastructure.energy.grid", "synthetic", "UA"])  # fmt: skip
        writer.writerow(["lviv-1", "2025-03-20T12:00:00+02:00", "Lviv", "49.8397", "24.0297",
                         "UA", "RU", "civilian.residential", "synthetic", "UA"])  # fmt: skip


def test_many_incidents_in_one_area_become_a_cluster_that_lists_them(
    tmp_path: Path, opened: Opener, watched: Watched
) -> None:
    incidents = tmp_path / "crowded.csv"
    crowded_incidents(incidents, 300)
    seed_database(tmp_path, incidents)
    opened(tmp_path, watched)
    page = watched.page
    clusters = page.get_by_test_id("map").locator(".cluster-label")
    clusters.first.wait_for(timeout=10000)
    counts = [int(c) for c in clusters.evaluate_all("els => els.map(e => e.dataset.count)")]
    assert max(counts) >= 100, counts
    # The lone incident in Lviv keeps a marker of its own, which opens it.
    assert "lviv-1" in page.evaluate("window.truceDashboard.markers()")
    point = page.evaluate("id => window.truceDashboard.markerPoint(id)", "lviv-1")
    page.mouse.click(point["x"], point["y"])
    page.get_by_test_id("incident").locator('[data-incident="lviv-1"]').wait_for(timeout=10000)
    # A cluster lists the incidents inside it and zooms in.
    biggest = clusters.nth(counts.index(max(counts)))
    biggest.click()
    page.locator('#list-status:not([data-total="301"])').wait_for(state="attached", timeout=15000)
    assert not page.locator("#filter-box").is_hidden()
    listed = list_total(page)
    assert max(counts) <= listed <= 300
    assert "lviv-1" not in list_ids(page)
    screenshot(watched, f"dashboard-cluster-{opened.mode}")  # type: ignore[attr-defined]
    assert watched.errors == []


def test_the_served_versions_table_has_the_offline_files_rows(
    tmp_path: Path,
    serve: Callable[..., str],
    watched: Watched,
) -> None:
    db = seed_database(tmp_path)
    page = watched.page
    out = tmp_path / "report.html"
    truce("report", "--agreement", AGREEMENT, "--db", db, "--out", str(out), "-q")
    tables = {}
    for name, url in (("offline", out.as_uri()), ("served", serve(db, "--public") + "/")):
        open_dashboard(watched, url)
        versions = page.get_by_test_id("versions")
        tables[name] = versions.locator("tbody th").all_inner_texts()
    assert tables["served"] == tables["offline"]
    assert {"starts", "duration / ends", "notes"} <= set(tables["served"])
    assert watched.errors == []
