"""Synthetic but realistic incidents and versions for benchmarks.

Mixed time precision (minutes, whole local days, unknown), several countries and time
zones, unknown perpetrators, targets and places, regions named in areas: every branch of
the rules engine is exercised in proportions like those of real monitoring data.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import numpy as np

from truce.domain import TARGET_CODES, TermsVersion, day_bounds, region_key
from truce.rules.frame import NO_EARLIEST, NO_LATEST, IncidentFrame

PARTIES = ("RU", "UA", "BY", "PL", "MD", "RO", "GE", "US")
PERPETRATOR_WEIGHTS = (0.50, 0.34, 0.02, 0.0, 0.0, 0.0, 0.0, 0.0)  # rest: unknown
COUNTRY_WEIGHTS = (0.30, 0.58, 0.02, 0.02, 0.02, 0.02, 0.01, 0.0)  # rest: unknown
REGIONS = (
    "Kharkiv Oblast",
    "Donetsk Oblast",
    "Zaporizhzhia Oblast",
    "Odesa Oblast",
    "Kyiv Oblast",
    "Dnipropetrovsk Oblast",
    "Sumy Oblast",
    "Kherson Oblast",
    "Belgorod Oblast",
    "Kursk Oblast",
    "Bryansk Oblast",
    "Krasnodar Krai",
    "Black Sea",
)
FIRST_DAY = date(2025, 1, 1)
DAYS = 365


def _pick(rng: np.random.Generator, n: int, weights: tuple[float, ...]) -> np.ndarray:
    """Indices drawn with `weights`; the weight left over draws -1 (unknown)."""
    p = np.array([*weights, max(0.0, 1.0 - sum(weights))])
    p /= p.sum()
    drawn = rng.choice(len(p), size=n, p=p)
    return np.where(drawn == len(weights), -1, drawn)


def synthetic_frame(n: int, *, seed: int = 7) -> IncidentFrame:
    rng = np.random.default_rng(seed)
    first = int(datetime.combine(FIRST_DAY, datetime.min.time(), UTC).timestamp())
    instant = first + rng.integers(0, DAYS * 86400, n, dtype=np.int64)
    precision = rng.choice(3, size=n, p=[0.70, 0.25, 0.05])  # minute, day, none
    country = _pick(rng, n, COUNTRY_WEIGHTS).astype(np.int16)

    earliest = instant.copy()
    latest = instant.copy()
    # Whole local days: look up each (day, country) pair's bounds once.
    day_rows = np.flatnonzero(precision == 1)
    day_index = (instant[day_rows] - first) // 86400
    pairs, inverse = np.unique(
        np.stack([day_index, country[day_rows].astype(np.int64)]), axis=1, return_inverse=True
    )
    bounds = np.array(
        [
            [
                int(b.timestamp())
                for b in day_bounds(
                    FIRST_DAY + timedelta(days=int(d)), PARTIES[c] if c >= 0 else None
                )
            ]
            for d, c in pairs.T
        ],
        np.int64,
    ).reshape(-1, 2)
    earliest[day_rows] = bounds[inverse.ravel(), 0]
    latest[day_rows] = bounds[inverse.ravel(), 1]
    unknown = precision == 2
    earliest[unknown] = NO_EARLIEST
    latest[unknown] = NO_LATEST

    target = rng.integers(0, len(TARGET_CODES), n).astype(np.int16)
    target[rng.random(n) < 0.08] = -1
    region = rng.integers(0, len(REGIONS), n).astype(np.int32)
    region[rng.random(n) < 0.4] = -1
    return IncidentFrame(
        ids=[f"syn-{i}" for i in range(n)],
        earliest=earliest,
        latest=latest,
        has_time=~unknown,
        target=target,
        perpetrator=_pick(rng, n, PERPETRATOR_WEIGHTS).astype(np.int16),
        country=country,
        region=region,
        parties=PARTIES,
        regions=tuple(region_key(r) for r in REGIONS),
    )


def synthetic_versions(m: int, *, seed: int = 7) -> list[TermsVersion]:
    """Versions like real ones: energy-only or all-infrastructure protection, carve-outs,
    one-sided or mutual obligations, open-ended or fixed windows, national or regional areas."""
    rng = np.random.default_rng(seed + 1)
    protects_choices = (
        ("infrastructure.energy",),
        ("infrastructure",),
        ("infrastructure", "civilian"),
        ("maritime", "infrastructure.port"),
        ("civilian",),
    )
    area_choices: tuple[tuple[str, ...], ...] = (
        (),
        ("UA", "RU"),
        ("UA",),
        ("Black Sea", "Odesa Oblast"),
        ("Kharkiv Oblast", "Belgorod Oblast", "Kursk Oblast"),
    )
    versions = []
    for k in range(m):
        starts = datetime(2025, 3, 18, 17, tzinfo=UTC) + timedelta(days=int(rng.integers(-60, 120)))
        versions.append(
            TermsVersion(
                id=f"v{k}",
                according_to=("RU", "US", "UA")[k % 3],
                bound=(("RU", "UA"), ("RU",), ("UA",))[int(rng.integers(0, 3))],
                protects=protects_choices[k % len(protects_choices)],
                excludes=("infrastructure.energy.oil",) if k % 4 == 3 else (),
                area=area_choices[int(rng.integers(0, len(area_choices)))],
                starts=starts,
                duration=None if k % 5 == 4 else f"P{int(rng.integers(7, 90))}D",
            )
        )
    return versions
