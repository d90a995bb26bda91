"""Extraction time against the size of one report's text (issue 22.2), 8 KB to 1 MB.

Two shapes of text, both strike news whose every sentence names a place, a target and
casualties: `sentences` (ordinary full stops) and `one line` (the same words with commas
for full stops: no sentence ends, as a hostile post may be). Each size is timed once in
this process after a warm-up; a shape stops at the first size over `--budget` seconds.
The extractor is whichever `truce` is importable, so the figures before a change come
from running this with `PYTHONPATH` pointing at the older source:

    .venv/bin/python scripts/extract_scaling.py
    git archive <commit> src | tar -x -C /tmp/old
    PYTHONPATH=/tmp/old/src .venv/bin/python scripts/extract_scaling.py
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import UTC, datetime

from truce.domain import Report
from truce.extract import incidents_from_report

PLACES = ("Kharkiv", "Odesa", "Zaporizhzhia", "Sumy", "Belgorod", "Kursk", "Kherson", "Dnipro")
TARGETS = ("a substation", "a thermal power plant", "an oil depot", "an apartment block",
           "a hospital", "a railway station")  # fmt: skip


def text(size: int, *, one_line: bool, seed: int = 7) -> str:
    rng = random.Random(seed)
    parts, length = [], 0
    while length < size:
        sentence = (
            f"Russian drones struck {rng.choice(TARGETS)} in {rng.choice(PLACES)} overnight,"
            f" killing {rng.randint(1, 9)} people and injuring {rng.randint(1, 20)},"
            f" the governor said{',' if one_line else '.'} "
        )
        parts.append(sentence)
        length += len(sentence)
    return "".join(parts)[:size]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", default="8,16,32,64,128,256,512,1024", help="KB, comma-separated"
    )
    parser.add_argument("--budget", type=float, default=120.0, help="seconds; larger sizes skipped")
    args = parser.parse_args()
    published = datetime(2025, 3, 19, 8, tzinfo=UTC)
    incidents_from_report(Report(id="warm", text="Drones hit Kharkiv.", published=published))
    print("| shape | KB | seconds | records |\n|---|---:|---:|---:|")
    for one_line in (False, True):
        for kb in (int(size) for size in args.sizes.split(",")):
            report = Report(id="r", text=text(kb * 1024, one_line=one_line), published=published)
            start = time.perf_counter()
            found = incidents_from_report(report)
            seconds = time.perf_counter() - start
            shape = "one line" if one_line else "sentences"
            print(f"| {shape} | {kb} | {seconds:.2f} | {len(found)} |", flush=True)
            if seconds > args.budget:
                break


if __name__ == "__main__":
    main()
