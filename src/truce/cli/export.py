"""`truce export`: the stored incidents with their rulings, as CSV, JSON or GeoJSON."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn

from truce.cli.app import DbOption, QuietOption, console, counted, err
from truce.exports import ExportFormat, export_incidents
from truce.store import Store


def export_command(
    fmt: Annotated[
        ExportFormat,
        typer.Option("--format", "-f", help="csv, json or geojson.", show_default=False),
    ],
    out: Annotated[
        Path, typer.Option("--out", "-o", help="File to write; '-' for stdout.", show_default=False)
    ],
    agreement: Annotated[
        str | None,
        typer.Option("--agreement", "-a", help="Only this agreement (default: all stored)."),
    ] = None,
    db: DbOption = None,
    quiet: QuietOption = False,
) -> None:
    """Export every stored incident with its verdict under each version of the terms.

    [bold]csv[/]: the incident columns (docs/formats.md), then time_precision, occurred_from,
    occurred_to, geo_precision, then verdict:AGREEMENT/VERSION and reason:AGREEMENT/VERSION
    per version; `truce incidents import` reads it back. [bold]geojson[/]: an RFC 7946
    FeatureCollection of points at \\[lon, lat] (null geometry where the place has no
    coordinates) with the same fields as flat properties; QGIS opens it as it is.
    [bold]json[/]: {"agreements": […], "incidents": [{…, "rulings": […]}]} for scripts.

    Example: [bold]truce export --format geojson --out incidents.geojson[/]
    """
    to_stdout = str(out) == "-"
    with Store(db, must_exist=True) as store:
        if to_stdout:
            count = _export(store, fmt, sys.stdout, agreement, quiet=True)
        else:
            partial = out.with_name(out.name + ".part")
            try:
                with partial.open("w", encoding="utf-8", newline="") as handle:
                    count = _export(store, fmt, handle, agreement, quiet=quiet)
                partial.replace(out)
            finally:
                partial.unlink(missing_ok=True)
    if not quiet and not to_stdout:
        console.print(f"{out}: wrote {counted(count, 'incident')} ({fmt.value})", highlight=False)


def _export(
    store: Store, fmt: ExportFormat, out: TextIO, agreement: str | None, *, quiet: bool
) -> int:
    """The export, with a progress bar on stderr when a person is watching."""
    if quiet or not err.is_terminal:
        return export_incidents(store, fmt, out, agreement=agreement)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=True,
    ) as bar:
        task = bar.add_task(f"Exporting {fmt.value}", total=None)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        return export_incidents(store, fmt, out, agreement=agreement, progress=advance)
