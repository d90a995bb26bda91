"""`truce reports …`: reports stored and merged into incidents as they arrive."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from truce.cli.app import (
    DbOption,
    QuietOption,
    console,
    counted,
    note_dated_by_file_time,
    progress_bar,
    sub_app,
)
from truce.errors import BadInput, Conflict
from truce.merge import read_report_file
from truce.store import Store

reports_app = sub_app("Reports: structured rows or free text, merged into incidents.")


@reports_app.command("import")
def import_command(
    file: Annotated[
        Path,
        typer.Argument(
            help="Incident rows with a `stance` column (.csv/.json/.jsonl), or free-text"
            " reports (.jsonl with `published`, or a .txt file).",
            show_default=False,
        ),
    ],
    db: DbOption = None,
    quiet: QuietOption = False,
) -> None:
    """Store reports; each record joins the stored incident it matches or starts one.

    All or nothing: one bad row stores none and names its line and field. A report
    already stored with the same content is skipped.

    Example: [bold]truce reports import reports.csv[/]
    """
    with progress_bar(f"Reading {file.name}", quiet=quiet) as progress:
        reports = read_report_file(file, progress=progress)
    note_dated_by_file_time(
        file, None, "to set it, store it with truce extract FILE --published TIME --store"
    )
    with Store(db) as store:
        try:
            result = store.add_reports(reports, source_file=str(file))
        except Conflict as exc:  # nothing was stored: name the file, as for any bad row
            raise BadInput(str(exc), file=str(file), field="id") from None
    if not quiet:
        waiting = sum(p.incident is None for f in result.placement.values() for p in f)
        console.print(
            f"{file}: stored {counted(len(result.added), 'report')};"
            f" {counted(result.incidents, 'new incident')},"
            f" {counted(result.merged, 'record')} joined incidents already there"
            + (f", {counted(waiting, 'denial')} match no incident yet" if waiting else "")
            + (
                f" ({counted(len(result.unchanged), 'report')} already stored)"
                if result.unchanged
                else ""
            ),
            highlight=False,
        )
