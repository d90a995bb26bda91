"""Fill a database with synthetic incidents, fast, to measure `truce rule` at scale.

    python scripts/fill_incidents.py --db postgresql://localhost/truce_scale --incidents 10000000
    truce terms import examples/seed-case/terms.yaml --db postgresql://localhost/truce_scale
    /usr/bin/time -v truce rule -a energy-ceasefire-2025 --json --db … > /dev/null

The incidents and how they are stored: `truce.bench.fill` (also used by
`truce bench dashboard`). Not part of `make test`.
"""

from __future__ import annotations

import argparse
import sys
import time

from truce.bench.fill import fill_incidents
from truce.store import Store


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, help="SQLAlchemy URL of the database to fill")
    parser.add_argument("--incidents", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--chunk", type=int, default=100_000)
    args = parser.parse_args()

    started = time.perf_counter()

    def progress(done: int) -> None:
        print(f"{done:,} incidents, {time.perf_counter() - started:.0f} s", file=sys.stderr)

    with Store(args.db) as store:
        done = fill_incidents(
            store, args.incidents, seed=args.seed, chunk=args.chunk, progress=progress
        )
    print(f"stored {done:,} incidents in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
