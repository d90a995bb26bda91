"""`truce bench rules`: the engine against a hand-written DuckDB query, on the same data.

Both produce verdict counts per version and perpetrator; the benchmark fails loudly if
they disagree, so the comparison is also a check of the engine.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import duckdb
import numpy as np

from truce.bench.synthetic import synthetic_frame, synthetic_versions
from truce.domain import TARGET_CODES, UNKNOWN, TermsVersion, Verdict, is_country, region_key
from truce.domain.taxonomy import protected_codes, unsettled_codes
from truce.rules import IncidentFrame, rule

Tallies = dict[tuple[str, str], dict[Verdict, int]]

# The contract's precedence, written out as SQL by hand.
_QUERY = """
WITH states AS (
    SELECT
        v.vid,
        i.perpetrator,
        CASE
            WHEN i.latest < v.starts THEN 'before'
            WHEN i.earliest >= v.ends THEN 'after'
            WHEN i.earliest >= v.starts AND i.latest < v.ends THEN 'inside'
            ELSE 'unknown'
        END AS t,
        CASE
            WHEN i.target < 0 OR list_contains(v.unsettled, i.target) THEN NULL
            ELSE list_contains(v.protected, i.target)
        END AS g,
        CASE
            WHEN i.perpetrator < 0 THEN NULL
            ELSE list_contains(v.bound, i.perpetrator)
        END AS p,
        CASE
            WHEN NOT v.has_area THEN TRUE
            WHEN list_contains(v.area_countries, i.country)
                OR list_contains(v.area_regions, i.region) THEN TRUE
            WHEN (i.country < 0 AND i.region < 0)
                OR (i.region < 0 AND v.has_region_entries)
                OR (i.country < 0 AND v.has_country_entries) THEN NULL
            ELSE FALSE
        END AS a
    FROM incidents i CROSS JOIN versions v
)
SELECT
    vid,
    perpetrator,
    CASE
        WHEN t IN ('before', 'after') OR g = FALSE OR p = FALSE OR a = FALSE THEN 'no_violation'
        WHEN t = 'unknown' OR g IS NULL OR p IS NULL OR a IS NULL THEN 'undetermined'
        ELSE 'violation'
    END AS verdict,
    count(*) AS n
FROM states
GROUP BY ALL
"""


@dataclass(frozen=True)
class BenchResult:
    incidents: int
    versions: int
    seconds: float
    duckdb_seconds: float
    counts_agree: bool
    tallies: Tallies

    def as_json(self) -> dict[str, Any]:
        totals = {verdict.value: 0 for verdict in Verdict}
        for counts in self.tallies.values():
            for verdict, count in counts.items():
                totals[verdict.value] += count
        return {
            "benchmark": "rules",
            "incidents": self.incidents,
            "versions": self.versions,
            "pairs": self.incidents * self.versions,
            "seconds": round(self.seconds, 4),
            "duckdb_seconds": round(self.duckdb_seconds, 4),
            "ratio_to_duckdb": round(self.seconds / self.duckdb_seconds, 3),
            "pairs_per_s": round(self.incidents * self.versions / self.seconds),
            "counts_agree": self.counts_agree,
            "verdicts": totals,
        }


def _versions_table(frame: IncidentFrame, versions: list[TermsVersion]) -> dict[str, Any]:
    far = np.iinfo(np.int64).max
    rows: dict[str, list[Any]] = {
        key: []
        for key in (
            "vid", "starts", "ends", "protected", "unsettled", "bound", "area_countries",
            "area_regions", "has_area", "has_country_entries", "has_region_entries",
        )
    }  # fmt: skip
    for k, version in enumerate(versions):
        protected = protected_codes(version.protects, version.excludes)
        countries = [e for e in version.area if is_country(e)]
        regions = {region_key(e) for e in version.area if e not in countries}
        end = version.window_end
        rows["vid"].append(k)
        rows["starts"].append(int(version.starts.timestamp()))
        rows["ends"].append(far if end is None else int(end.timestamp()))
        rows["protected"].append([i for i, c in enumerate(TARGET_CODES) if c in protected])
        unsettled = unsettled_codes(version.protects, version.excludes)
        rows["unsettled"].append([i for i, c in enumerate(TARGET_CODES) if c in unsettled])
        rows["bound"].append([i for i, p in enumerate(frame.parties) if p in version.bound])
        rows["area_countries"].append([i for i, p in enumerate(frame.parties) if p in countries])
        rows["area_regions"].append([i for i, r in enumerate(frame.regions) if r in regions])
        rows["has_area"].append(bool(version.area))
        rows["has_country_entries"].append(bool(countries))
        rows["has_region_entries"].append(bool(regions))
    return rows


def duckdb_tallies(frame: IncidentFrame, versions: list[TermsVersion]) -> tuple[Tallies, float]:
    """Tallies from the hand-written query, and the seconds the query took."""
    connection = duckdb.connect()
    incidents = {
        "earliest": frame.earliest,
        "latest": frame.latest,
        "target": frame.target,
        "perpetrator": frame.perpetrator,
        "country": frame.country,
        "region": frame.region,
    }
    connection.register("incidents", incidents)
    table = _versions_table(frame, versions)
    connection.execute(
        "CREATE TABLE versions (vid INTEGER, starts BIGINT, ends BIGINT, protected INTEGER[],"
        " unsettled INTEGER[],"
        " bound INTEGER[], area_countries INTEGER[], area_regions INTEGER[], has_area BOOLEAN,"
        " has_country_entries BOOLEAN, has_region_entries BOOLEAN)"
    )
    connection.executemany(
        "INSERT INTO versions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [list(row) for row in zip(*table.values(), strict=True)],
    )
    started = time.perf_counter()
    rows = connection.execute(_QUERY).fetchall()
    seconds = time.perf_counter() - started
    connection.close()
    parties = (UNKNOWN, *frame.parties)
    tallies: Tallies = {}
    for vid, perpetrator, verdict, count in rows:
        key = (versions[vid].id, parties[perpetrator + 1])
        counts = tallies.setdefault(key, dict.fromkeys(Verdict, 0))
        counts[Verdict(verdict)] += count
    return tallies, seconds


def bench_rules(incidents: int = 1_000_000, versions: int = 10, *, seed: int = 7) -> BenchResult:
    frame = synthetic_frame(incidents, seed=seed)
    terms = synthetic_versions(versions, seed=seed)
    started = time.perf_counter()
    tallies = rule(frame, terms).tallies()
    seconds = time.perf_counter() - started
    expected, duck_seconds = duckdb_tallies(frame, terms)
    return BenchResult(
        incidents=incidents,
        versions=versions,
        seconds=seconds,
        duckdb_seconds=duck_seconds,
        counts_agree=tallies == expected,
        tallies=tallies,
    )
