"""Reading a file in another tool's layout by name, and storing it all or nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from truce.errors import BadInput, Conflict
from truce.incidents.layouts.acled import read_acled
from truce.incidents.layouts.reading import Decided, LayoutRead, Progress, Unmapped
from truce.incidents.layouts.timemap import read_timemap
from truce.incidents.layouts.viina import read_viina

if TYPE_CHECKING:
    from truce.store import Store

Reader = Callable[..., LayoutRead]

LAYOUTS: dict[str, Reader] = {"acled": read_acled, "viina": read_viina, "timemap": read_timemap}


@dataclass(frozen=True, slots=True)
class LayoutImport:
    """Incidents stored, already stored unchanged, rows skipped, values not mapped, how
    many rows each rule decided, and what was read from text rather than a label."""

    added: int
    unchanged: int
    skipped: int
    unmapped: tuple[Unmapped, ...]
    decided: tuple[Decided, ...] = ()
    inferred: tuple[Decided, ...] = ()

    def to_data(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "unmapped": [entry.to_data() for entry in self.unmapped],
            "decided": [entry.to_data() for entry in self.decided],
            "inferred": [entry.to_data() for entry in self.inferred],
        }


def read_layout(
    layout: str,
    path: Path | str,
    *,
    now: datetime | None = None,
    progress: Progress | None = None,
    **options: Any,
) -> LayoutRead:
    """Read a file in another tool's layout (a key of `LAYOUTS`); nothing is stored.
    `options` are the layout's own (TimeMap: `associations`, `sources`, `on_duplicate`)."""
    try:
        reader = LAYOUTS[layout]
    except KeyError:
        raise BadInput(f"unknown layout '{layout}' ({', '.join(LAYOUTS)})") from None
    given = {name: value for name, value in options.items() if value is not None}
    if given and layout != "timemap":
        names = ", ".join("--" + name.replace("_", "-") for name in given)
        raise BadInput(f"{names} only applies to --format timemap")
    return reader(path, now=now, progress=progress, **given)


def import_layout(
    store: Store,
    path: Path | str,
    layout: str,
    *,
    now: datetime | None = None,
    progress: Progress | None = None,
    **options: Any,
) -> LayoutImport:
    """Validate every row, then store the incidents in one transaction. Re-importing the
    same file is harmless; an event stored before with other content is an error on its
    line, and nothing is stored."""
    read = read_layout(layout, path, now=now, progress=progress, **options)
    return store_layout(store, path, read)


def store_layout(store: Store, path: Path | str, read: LayoutRead) -> LayoutImport:
    """Store what `read_layout` read from `path`, in one transaction."""
    incidents = [incident for _, incident in read.incidents]
    try:
        stored = store.add_incidents(incidents, source_file=str(path))
    except Conflict as exc:
        incident_id = str(exc)
        line = next((line for line, i in read.incidents if i.id == incident_id), None)
        raise BadInput(
            f"'{incident_id}' is already stored with different content",
            file=str(path),
            line=line,
            field=read.id_field,
            hint="the source changed this event since it was imported; correct it in truce",
        ) from None
    return LayoutImport(
        stored.added, stored.unchanged, read.skipped, read.unmapped, read.decided, read.inferred
    )
