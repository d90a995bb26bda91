"""`truce incidents …`: incidents as analysts coded them."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn
from rich.table import Table

from truce.cli.app import DbOption, JsonOption, QuietOption, console, print_json, sub_app
from truce.incidents import import_incidents, incident_to_record
from truce.store import Store

incidents_app = sub_app("Incidents as coded: CSV, JSON or JSON Lines (CONTRACTS §2).")


class Layout(StrEnum):
    truce = "truce"


@incidents_app.command("import")
def import_command(
    file: Annotated[Path, typer.Argument(help="A .csv, .json or .jsonl file.", show_default=False)],
    layout: Annotated[Layout, typer.Option("--format", help="The file's layout.")] = Layout.truce,
    db: DbOption = None,
    quiet: QuietOption = False,
) -> None:
    """Store incidents, all or nothing: one bad row stores none and names its line and field.

    Example: [bold]truce incidents import examples/seed-case/incidents.csv[/]
    """
    with Store(db) as store:
        if quiet or not console.is_terminal:
            result = import_incidents(store, file)
        else:
            with Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                TaskProgressColumn(),
                TimeRemainingColumn(),
                console=console,
                transient=True,
            ) as bar:
                task = bar.add_task(f"Validating {file.name}", total=None)

                def advance(line: int, lines: int) -> None:
                    done = f"Storing {file.name}" if line >= lines else None
                    bar.update(task, completed=line, total=lines, description=done)

                result = import_incidents(store, file, progress=advance)
    if not quiet:
        console.print(
            f"{file}: stored {result.added} incidents"
            + (f" ({result.unchanged} already stored, unchanged)" if result.unchanged else ""),
            highlight=False,
        )


@incidents_app.command("list")
def list_command(db: DbOption = None, as_json: JsonOption = False) -> None:
    """List stored incidents in the order they occurred.

    Example: [bold]truce incidents list --json[/]
    """
    with Store(db) as store:
        incidents = store.incidents()
    if as_json:
        print_json([incident_to_record(incident) for incident in incidents])
        return
    table = Table("id", "occurred_at", "place", "perpetrator", "target", "source")
    for i in incidents:
        place = ", ".join(p for p in (i.place, i.region, i.country) if p)
        table.add_row(
            i.id, i.when.text or "—", place or "—", i.perpetrator, i.target or "—", i.source or ""
        )
    console.print(table)
