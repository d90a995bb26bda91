"""The one way tests start a real `truce serve`: a subprocess on a free loopback port,
waited for with a generous bound, its own log shown if it never becomes ready.

A busy machine (CI on two cores shared with other work) can take many seconds to start
Python and import the app, so the bound is two minutes; readiness is a 200 from
`/health`, never a sleep.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from truce.bench.api import Server, running_server

READY_WITHIN_S = 120.0


@contextmanager
def served(db_url: str, log: Path, *options: str) -> Iterator[Server]:
    """`truce serve --db DB_URL OPTIONS…`, ready; stopped when the block ends."""
    with running_server(db_url, log=log, extra=options, ready_within=READY_WITHIN_S) as server:
        yield server
