"""Where the real published files for the importer tests are, and the one conversion
they need: the VIINA rows reach us re-laid-out by a public derived data set, and are put
back into VIINA 2.0's own `event_1pd` layout (joined with `event_info`'s `text` and
`url`) before import. Each file's origin is in docs/importers.md."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest

REAL = Path(os.environ.get("TRUCE_REAL_DATA", "/work/realdata"))
TIMEMAP_EVENTS = REAL / "timemap" / "export_events.json"
TIMEMAP_ASSOCIATIONS = REAL / "timemap" / "export_associations.json"
TIMEMAP_SOURCES = REAL / "timemap" / "export_sources.json"
VIINA_REVIEW = REAL / "viina" / "viina_deep_strike_location_review.csv"
ACLED_EXPORT = REAL / "acled" / "ACLED.csv"

# VIINA 2.0 event_1pd columns the derived file keeps, as VIINA names them.
VIINA_1PD_COLUMNS = (
    "event_id_1pd", "date", "geonameid", "asciiname", "ADM1_NAME", "ADM2_NAME",
    "longitude", "latitude", "GEO_PRECISION",
)  # fmt: skip
# The derived file's own names for event_1pd's list columns and event_info's text.
VIINA_RENAMED = {
    "n_reports_viina": "n_reports",
    "event_ids_matching": "event_ids",
    "sources_matching": "sources",
    "source_urls": "url",
    "representative_text": "text",
}
# Each label is kept as `<label>` (its value) with `<label>_field` naming the VIINA
# column it was read from (`a_ukr_init_b`).
VIINA_LABELS = (
    "a_ukr_init", "a_ukr", "a_rus_init", "a_rus", "t_mil", "t_uav", "t_airstrike",
    "t_artillery", "t_property", "t_raid",
)  # fmt: skip


def need(*paths: Path) -> None:
    """Skip the test when a real file is not on this machine."""
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        pytest.skip(f"real data not found: {', '.join(missing)} (set TRUCE_REAL_DATA)")


def viina_rows(path: Path = VIINA_REVIEW) -> list[dict[str, str]]:
    """The derived file's rows in VIINA 2.0's event_1pd layout (+ text, url)."""
    with path.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    out = []
    for row in rows:
        record = {name: row[name] for name in VIINA_1PD_COLUMNS}
        record |= {new: row[old] for old, new in VIINA_RENAMED.items()}
        record["sources"] = record["sources"].replace("|", ", ")  # event_1pd: ", "
        for label in VIINA_LABELS:
            record[row[f"{label}_field"] or f"{label}_b"] = row[label]
        out.append(record)
    return out


def write_viina_1pd(target: Path, rows: list[dict[str, str]]) -> Path:
    columns = list(dict.fromkeys(name for row in rows for name in row))
    with target.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, columns)
        writer.writeheader()
        writer.writerows(rows)
    return target
