"""`truce extract`: free text → incident records (CONTRACTS §3–4)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn
from rich.table import Table

from truce.cli.app import (
    DbOption,
    JsonOption,
    QuietOption,
    console,
    counted,
    note_dated_by_file_time,
    print_json,
)
from truce.domain import Incident, Report
from truce.errors import BadInput, Conflict
from truce.extract import ExtractedRecord, extract_both, parse_published, read_reports
from truce.store import Store


def _published(value: str | None) -> tuple[datetime | None, bool]:
    if value is None:
        return None, False
    return parse_published(value, "--published")


def extract_command(
    file: Annotated[
        Path, typer.Argument(help="Reports: a .jsonl file, or a .txt file (one report).")
    ],
    published: Annotated[
        str | None,
        typer.Option(help="Publication time for .txt files and lines without one (ISO 8601)."),
    ] = None,
    store: Annotated[
        bool, typer.Option("--store", help="Store the reports and their incidents in --db.")
    ] = False,
    db: DbOption = None,
    as_json: JsonOption = False,
    quiet: QuietOption = False,
) -> None:
    """Turn free-text reports (English, Ukrainian, Russian) into incident records.

    No database is needed; with --store, the reports are stored in one transaction and
    each record joins the stored incident it matches or starts one (see
    [bold]truce merge[/]), ready for [bold]truce rule[/].

    Example: [bold]truce extract reports.jsonl --json[/]
    Example: [bold]truce extract article.txt --published 2025-03-19T08:15:00+02:00 --store[/]
    """
    when, day = _published(published)
    reports = read_reports(file, published=when, published_day=day)
    note_dated_by_file_time(file, when, "give --published to set it")
    results: list[tuple[Report, list[ExtractedRecord], list[Incident]]] = []
    if as_json or quiet or not console.is_terminal:
        for report in reports:
            results.append((report, *extract_both(report)))
    else:
        columns = (TextColumn("{task.description}"), BarColumn(), TaskProgressColumn())
        with Progress(*columns, TimeRemainingColumn(), console=console, transient=True) as bar:
            task = bar.add_task(f"Extracting {file.name}", total=len(reports))
            for report in reports:
                results.append((report, *extract_both(report)))
                bar.advance(task)
    if store:
        with Store(db) as database:
            try:
                stored = database.add_reports(
                    [(report, incidents) for report, _, incidents in results],
                    source_file=str(file),
                )
            except Conflict as exc:  # nothing was stored: name the file, as for any bad line
                raise BadInput(str(exc), file=str(file), field="id") from None
        if not quiet and not as_json:
            console.print(
                f"{file}: stored {counted(len(stored.added), 'report')};"
                f" {counted(stored.incidents, 'new incident')},"
                f" {counted(stored.merged, 'record')} joined incidents already there"
                + (f" ({len(stored.unchanged)} already stored)" if stored.unchanged else ""),
                highlight=False,
            )
    records = [record for _, found, _ in results for record in found]
    if as_json:
        print_json([record.to_json() for record in records])
        return
    table = Table(
        "input", "occurred_at", "place", "perpetrator", "target", "weapon", "killed", "injured"
    )
    for r in records:
        place = ", ".join(p for p in (r.place, r.region, r.country) if p)
        table.add_row(
            r.input, r.occurred_at or "—", place or "—", r.perpetrator, r.target or "—",
            r.weapon or "—", "—" if r.killed is None else str(r.killed),
            "—" if r.injured is None else str(r.injured),
        )  # fmt: skip
    if not quiet:
        console.print(table)
        console.print(
            f"{counted(len(reports), 'report')}, {counted(len(records), 'incident record')}",
            highlight=False,
        )
