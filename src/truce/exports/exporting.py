"""`export_incidents`: the one entry point the CLI and the API share."""

from __future__ import annotations

from enum import StrEnum
from typing import Protocol, TextIO

from truce.errors import BadInput
from truce.exports.csv_file import write_csv
from truce.exports.geojson import write_geojson
from truce.exports.json_file import write_json
from truce.exports.rulings import Progress, RuledIncidents, rule_for_export
from truce.store import Store


class ExportFormat(StrEnum):
    """The formats of `truce export`, with the media type and suffix each is served as."""

    csv = "csv"
    json = "json"
    geojson = "geojson"

    @property
    def media_type(self) -> str:
        return _MEDIA_TYPES[self]

    @property
    def filename(self) -> str:
        return f"truce-incidents.{self.value}"


_MEDIA_TYPES = {
    ExportFormat.csv: "text/csv; charset=utf-8",
    ExportFormat.json: "application/json",
    ExportFormat.geojson: "application/geo+json",
}


class Writer(Protocol):
    def __call__(
        self, ruled: RuledIncidents, out: TextIO, *, progress: Progress | None = None
    ) -> int: ...


_WRITERS: dict[ExportFormat, Writer] = {
    ExportFormat.csv: write_csv,
    ExportFormat.json: write_json,
    ExportFormat.geojson: write_geojson,
}


def export_incidents(
    store: Store,
    fmt: ExportFormat | str,
    out: TextIO,
    *,
    agreement: str | None = None,
    progress: Progress | None = None,
) -> int:
    """Write every stored incident with its verdict under each version of every stored
    agreement (or only `agreement`); returns the number of incidents written. `progress`
    is told (incidents written, incidents in all) as it goes."""
    try:
        writer = _WRITERS[ExportFormat(fmt)]
    except ValueError:
        raise BadInput(f"unknown format '{fmt}' (csv, json or geojson)", field="format") from None
    count = writer(rule_for_export(store, agreement), out, progress=progress)
    if progress is not None:
        progress(count, count)
    return count
