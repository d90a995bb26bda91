"""An offline page holds the findings' figures whole and the lists behind them cut."""

from __future__ import annotations

from typing import Any

from truce.domain import Agreement
from truce.findings import capped, findings_of
from truce.rules import Rulings, rule
from truce.web.report import render_report

from ..conftest import make_incident, make_version


def _findings(n: int) -> tuple[Rulings, dict[str, Any]]:
    incidents = [
        make_incident(id=f"i{k:04d}", occurred_at=f"2025-03-{20 + k % 5}T10:00:00+02:00")
        for k in range(n)
    ]
    # Two versions that disagree on every strike: each incident is disputed.
    versions = [
        make_version(id="wide", starts="2025-03-18T00:00:00+02:00"),
        make_version(id="late", according_to="UA", starts="2026-01-01T00:00:00+02:00"),
    ]
    rulings = rule(incidents, versions)
    return rulings, {"agreement": "a", **findings_of(rulings, {})}


def test_lists_are_cut_and_counts_stay_whole() -> None:
    _, found = _findings(60)
    cut = capped(found, items=10, ids=3)
    assert cut["incidents"] == 60
    assert cut["disputed_count"] == 60 and len(cut["disputed"]) == 10
    assert cut["provenance_counts"] == found["provenance_counts"]
    assert all(len(v) <= 10 for v in cut["provenance"].values())
    assert sum(p["count"] for p in cut["disputed_patterns"]) == 60
    assert all(len(p["incidents"]) <= 3 for p in cut["disputed_patterns"])
    for parties in cut["per_day"].values():
        for rows in parties.values():
            assert all(len(r["incidents"]) <= 3 for r in rows)
    assert cut["capped"]["whole"] == "GET /api/v1/agreements/a/findings"
    # The caller's findings are not changed.
    assert len(found["disputed"]) == 60


def test_nothing_cut_says_nothing() -> None:
    _, found = _findings(3)
    assert "capped" not in capped(found)


def test_the_offline_page_says_where_the_whole_lists_are() -> None:
    rulings, found = _findings(300)
    agreement = Agreement(id="a", title="A", versions=rulings.versions)
    html = render_report(agreement, rulings, findings=found)
    assert 'data-testid="findings-capped"' in html
    assert "GET /api/v1/agreements/a/findings" in html
    assert "(300 incidents)" in html  # the disputed count is of all of them
    assert html.count('id="finding-') == 200
