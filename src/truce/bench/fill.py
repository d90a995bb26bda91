"""Fill a store with synthetic incidents, fast: for measuring at scale (`truce bench
dashboard`, `scripts/fill_incidents.py`).

The incidents are those of `truce bench rules` (`truce.bench.synthetic`: minute and
local-day precision, unknown times, targets, perpetrators and places, several countries
and regions), drawn chunk by chunk with a seed per chunk, so memory stays flat however
many are asked for. PostgreSQL gets them by `COPY`, SQLite by batched inserts, after
the store has created the schema. Ids are `syn-<n>`; `content_hash` is a placeholder
(`synthetic:<id>`), as nothing here is ever re-imported. They bypass the audit trail,
as a bulk load would: nothing here is evidence.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import numpy as np

from truce.bench.synthetic import REGIONS, synthetic_frame
from truce.domain import TARGET_CODES
from truce.store import Store, schema

COLUMNS = (
    "id", "occurred_at", "time_precision", "occurred_from", "occurred_to", "country", "region",
    "geo_precision", "perpetrator", "target", "source", "source_alignment", "content_hash",
    "imported_at",
)  # fmt: skip


def _naive(seconds: np.ndarray) -> list[datetime]:
    return [datetime.fromtimestamp(int(s), UTC).replace(tzinfo=None) for s in seconds]


def rows(n: int, *, seed: int, chunk: int) -> Iterator[list[tuple[Any, ...]]]:
    """Incident rows in the `incidents` table's layout, `chunk` at a time."""
    now = datetime.now(UTC).replace(tzinfo=None)
    for k, offset in enumerate(range(0, n, chunk)):
        size = min(chunk, n - offset)
        frame = synthetic_frame(size, seed=seed + k)
        day = frame.has_time & (frame.latest > frame.earliest)
        known = frame.has_time
        earliest = _naive(np.where(known, frame.earliest, 0))
        latest = _naive(np.where(known, frame.latest, 0))
        # A local day's noon is on the same date in UTC for any offset within ±12 hours.
        noon = (frame.earliest // 2 + frame.latest // 2).astype("datetime64[s]")
        dates = np.datetime_as_string(noon.astype("datetime64[D]"))
        out = []
        for i in range(size):
            if not known[i]:
                when: tuple[Any, ...] = (None, "none", None, None)
            elif day[i]:
                when = (str(dates[i]), "day", earliest[i], latest[i])
            else:
                when = (earliest[i].isoformat() + "+00:00", "minute", earliest[i], latest[i])
            c, r, p, t = frame.country[i], frame.region[i], frame.perpetrator[i], frame.target[i]
            country = frame.parties[c] if c >= 0 else None
            region = REGIONS[r] if r >= 0 else None
            geo = "region" if region else "country" if country else "none"
            ident = f"syn-{offset + i}"
            out.append(
                (
                    ident, *when, country, region, geo,
                    frame.parties[p] if p >= 0 else "unknown",
                    TARGET_CODES[t] if t >= 0 else None,
                    "Synthetic source", "media", f"synthetic:{ident}", now,
                )
            )  # fmt: skip
        yield out


def fill_incidents(
    store: Store,
    n: int,
    *,
    seed: int = 7,
    chunk: int = 100_000,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Add `n` synthetic incidents to the store in one transaction; how many were added."""
    table = schema.incidents
    done = 0
    with store.engine.begin() as conn:
        for batch in rows(n, seed=seed, chunk=chunk):
            if conn.dialect.name == "postgresql":
                cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
                with cursor.copy(f"COPY incidents ({', '.join(COLUMNS)}) FROM STDIN") as copy:
                    for row in batch:
                        copy.write_row(row)
            else:
                conn.execute(
                    table.insert(), [dict(zip(COLUMNS, row, strict=True)) for row in batch]
                )
            done += len(batch)
            if progress is not None:
                progress(done)
    if store.engine.dialect.name == "postgresql":
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE incidents")
    return done
