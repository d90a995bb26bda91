"""CSV export: the incident layout of CONTRACTS §2, so `truce incidents import` reads it back.

Columns: the §2 columns in order; then the precision fields (`time_precision`,
`occurred_from`, `occurred_to`, `geo_precision`) that make the round trip exact; then
`verdict:<agreement>/<version>` and `reason:<agreement>/<version>` for each version, which
importing ignores. A cell a spreadsheet would run (`=…`, `+…`, `@…`) is written with a
leading quote, which importing drops again (`truce.incidents.cells`).
"""

from __future__ import annotations

import csv
from typing import Any, TextIO

from truce.exports.rulings import Progress, RuledIncidents
from truce.incidents import (
    COLUMNS,
    MERGE_FIELDS,
    PRECISION_FIELDS,
    incident_to_precise_record,
    neutralise,
)

HEADER: tuple[str, ...] = (*COLUMNS, *PRECISION_FIELDS, *MERGE_FIELDS)


def _cell(value: Any) -> str:
    # Floats print as their shortest exact repr, so coordinates come back bit for bit;
    # text that a spreadsheet would run as a formula gets a quote (truce.incidents.cells).
    return "" if value is None else neutralise(str(value))


def write_csv(ruled: RuledIncidents, out: TextIO, *, progress: Progress | None = None) -> int:
    """Write one row per incident; returns the number written."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*HEADER, *ruled.ruling_names()])
    total = len(ruled.incidents)
    for index, incident in enumerate(ruled.incidents):
        record = {
            **incident_to_precise_record(incident),
            "corroboration": incident.corroboration,
            "denied_by": ";".join(incident.denied_by) or None,
        }
        writer.writerow([*(_cell(record[name]) for name in HEADER), *ruled.ruling_values(index)])
        if progress is not None and index % 1000 == 0:
            progress(index, total)
    return total
