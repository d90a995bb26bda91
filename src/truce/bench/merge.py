"""`truce bench merge`: reports per second merged into incidents, in memory and into a
database one group commit at a time.

The reports come in clusters, as news does: each strike is reported by one to four
sources over the following hours, at mixed precision (a minute, the hour, the day,
overnight), some by region only, a tenth by the other side's denial; strikes land on
real settlements of Ukraine and Russia over a year, so blocking meets realistic
density. Reports are stored in arrival order, in batches like the API's group commit.
"""

from __future__ import annotations

import random
import tempfile
import time
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from truce.domain import (
    TARGET_CODES,
    Evidence,
    GeoPrecision,
    Incident,
    Occurrence,
    Report,
    Stance,
    TimePrecision,
    day_bounds,
)
from truce.geo import gazetteer
from truce.merge import merge_evidence
from truce.store import Store

_SOURCES = {
    "UA": ["Regional military administration", "Ukrainian Air Force", "Mayor", "Ukrenergo"],
    "RU": ["Governor", "Russian Ministry of Defence", "TASS"],
    "media": ["Reuters", "AP", "Kyiv Independent", "Meduza"],
    "independent": ["UN HRMMU", "IAEA"],
}


@dataclass(frozen=True)
class MergeBench:
    reports: int
    incidents_true: int
    memory_seconds: float
    memory_incidents: int
    store_seconds: float
    store_incidents: int
    batch: int
    db: str

    def as_json(self) -> dict[str, Any]:
        return {
            "reports": self.reports,
            "incidents_true": self.incidents_true,
            "memory_seconds": round(self.memory_seconds, 3),
            "memory_reports_per_s": round(self.reports / self.memory_seconds),
            "memory_incidents": self.memory_incidents,
            "store_seconds": round(self.store_seconds, 3),
            "store_reports_per_s": round(self.reports / self.store_seconds),
            "store_incidents": self.store_incidents,
            "batch": self.batch,
            "db": self.db,
        }


def synthetic_reports(n: int, *, seed: int = 7) -> tuple[list[tuple[Report, Incident]], int]:
    """`n` structured reports in arrival order, and how many true incidents they tell of."""
    rng = random.Random(seed)
    places = [
        p
        for p in gazetteer().places
        if p.country in ("UA", "RU") and p.population >= 20000 and p.lat is not None
    ]
    targets = [c for c in TARGET_CODES if c.count(".") >= 1]
    first = datetime(2025, 1, 1, tzinfo=UTC)
    out: list[tuple[datetime, Report, Incident]] = []
    strikes = 0
    while len(out) < n:
        strikes += 1
        place = rng.choice(places)
        target = rng.choice(targets)
        at = first + timedelta(seconds=rng.randrange(365 * 86400))
        for k in range(rng.choice((1, 1, 2, 2, 3, 4))):
            alignment = rng.choice(("UA", "UA", "RU", "media", "media", "independent"))
            deny = k > 0 and rng.random() < 0.1
            published = at + timedelta(minutes=rng.randrange(20, 36 * 60))
            rid = f"s{strikes}-{k}"
            shape = rng.random()
            country = place.country
            if shape < 0.4:
                when = Occurrence(TimePrecision.MINUTE, at, at, at.isoformat())
            elif shape < 0.8:
                start, end = day_bounds(at.date(), country)
                when = Occurrence(TimePrecision.DAY, start, end, at.date().isoformat())
            else:
                when = Occurrence(TimePrecision.NONE)
            by_region = rng.random() < 0.2
            incident = Incident(
                id=rid,
                when=when,
                place=None if by_region else place.name,
                lat=None if by_region or rng.random() < 0.5 else place.lat,
                lon=None if by_region else place.lon,
                country=country,
                region=place.region,
                geo_precision=GeoPrecision.REGION if by_region else GeoPrecision.SETTLEMENT,
                perpetrator="RU" if country == "UA" else "UA",
                target=target if rng.random() < 0.9 else None,
                killed=rng.choice((None, 0, 1, 2)),
                source=rng.choice(_SOURCES[alignment]),
                source_alignment=alignment,
                reported_at=published,
            )
            if incident.lat is None:
                incident = replace(incident, lon=None)
            report = Report(
                id=rid,
                source=incident.source,
                source_alignment=alignment,
                published=published,
                stance=(Stance.DENY if deny else Stance.AFFIRM).value,
            )
            out.append((published, report, incident))
    out.sort(key=lambda item: item[0])
    return [(report, incident) for _, report, incident in out[:n]], strikes


def bench_merge(
    n: int = 100_000, *, batch: int = 500, db: str | None = None, seed: int = 7
) -> MergeBench:
    """Merge `n` synthetic reports in memory, then into `db` (a fresh SQLite file by
    default) in batches of `batch`."""
    reports, strikes = synthetic_reports(n, seed=seed)
    evidence = [
        Evidence(record=incident, report_id=report.id, stance=Stance(report.stance))
        for report, incident in reports
    ]
    started = time.perf_counter()
    merged = merge_evidence(evidence)
    memory = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as folder:
        url = db or f"sqlite:///{Path(folder) / 'bench.db'}"
        with Store(url, actor="bench") as store:
            started = time.perf_counter()
            for at in range(0, len(reports), batch):
                store.add_reports([(r, [i]) for r, i in reports[at : at + batch]])
            stored = time.perf_counter() - started
            count = store.count_incidents()
    return MergeBench(
        reports=n,
        incidents_true=strikes,
        memory_seconds=memory,
        memory_incidents=len(merged.incidents),
        store_seconds=stored,
        store_incidents=count,
        batch=batch,
        db=url.split(":", 1)[0],
    )
