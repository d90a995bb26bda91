"""Importing an incident file into the store, all or nothing."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from truce.errors import BadInput, Conflict
from truce.incidents.files import Progress, read_incident_rows

if TYPE_CHECKING:  # the store merges incidents with `truce.merge`, which reads records
    from truce.store import IncidentsImport, Store


def import_incidents(
    store: Store, path: Path | str, *, progress: Progress | None = None
) -> IncidentsImport:
    """Validate every row, then store them in one transaction. Re-importing the same
    file is harmless; an id stored before with other content is an error on its line."""
    rows = read_incident_rows(path, progress=progress)
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
