"""Importing an incident file into the store, all or nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from truce.errors import BadInput, Conflict
from truce.geo import looks_swapped
from truce.incidents.files import Progress, read_incident_rows

if TYPE_CHECKING:  # the store merges incidents with `truce.merge`, which reads records
    from truce.store import IncidentsImport, Store


def import_incidents(
    store: Store,
    path: Path | str,
    *,
    progress: Progress | None = None,
    warn: Callable[[str], None] | None = None,
) -> IncidentsImport:
    """Validate every row, then store them in one transaction. Re-importing the same
    file is harmless; an id stored before with other content is an error on its line.
    `warn` hears of rows that are stored but look wrong (latitude and longitude
    swapped), one line each."""
    rows = read_incident_rows(path, progress=progress)
    for line, incident in rows if warn is not None else ():
        lat, lon = incident.lat, incident.lon
        if lat is not None and lon is not None and looks_swapped(lat, lon, incident.country):
            assert warn is not None
            warn(
                f"{path}:{line}, fields 'lat', 'lon': {lat}, {lon} is outside"
                f" {incident.country}, and {lon}, {lat} is inside: are latitude and longitude"
                " swapped?"
            )
    try:
        return store.add_incidents([incident for _, incident in rows], source_file=str(path))
    except Conflict as exc:
        incident_id = str(exc)
        line = next(line for line, incident in rows if incident.id == incident_id)
        raise BadInput(
            f"id '{incident_id}' is already stored with different content",
            file=str(path),
            line=line,
            field="id",
            hint="give the corrected incident a new id",
        ) from None
