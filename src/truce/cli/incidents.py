"""`truce incidents …`: incidents as analysts coded them."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn
from rich.table import Table

from truce.cli.app import (
    DbOption,
    JsonOption,
    QuietOption,
    console,
    counted,
    err,
    print_json,
    progress_bar,
    sub_app,
)
from truce.domain import Incident
from truce.incidents import import_incidents, incident_to_record
from truce.incidents.layouts import LayoutImport, read_layout, store_layout
from truce.store import Store

incidents_app = sub_app("Incidents as coded: CSV, JSON or JSON Lines (docs/formats.md).")


class Layout(StrEnum):
    truce = "truce"
    acled = "acled"
    viina = "viina"
    timemap = "timemap"


class OnDuplicate(StrEnum):
    fail = "fail"
    skip = "skip"
    suffix = "suffix"


def _warn(message: str) -> None:
    err.print(f"warning: {message}", highlight=False, markup=False, soft_wrap=True)


@incidents_app.command("import")
def import_command(
    file: Annotated[Path, typer.Argument(help="A .csv, .json or .jsonl file.", show_default=False)],
    layout: Annotated[Layout, typer.Option("--format", help="The file's layout.")] = Layout.truce,
    associations: Annotated[
        Path | None,
        typer.Option(
            help="TimeMap: the associations file (default: export_associations.json beside).",
            show_default=False,
        ),
    ] = None,
    sources: Annotated[
        Path | None,
        typer.Option(
            help="TimeMap: the sources file (default: export_sources.json beside).",
            show_default=False,
        ),
    ] = None,
    on_duplicate: Annotated[
        OnDuplicate | None,
        typer.Option(
            "--on-duplicate",
            help="TimeMap: a second event under one id fails (default), is skipped, or is"
            " stored with a suffix (-2).",
            show_default=False,
        ),
    ] = None,
    db: DbOption = None,
    quiet: QuietOption = False,
    as_json: JsonOption = False,
) -> None:
    """Store incidents, all or nothing: one bad row stores none and names its line and field.

    [bold]--format acled|viina|timemap[/] reads another tool's file (docs/importers.md) and
    reports the values it could not map.

    Example: [bold]truce incidents import examples/seed-case/incidents.csv[/]
    Example: [bold]truce incidents import --format acled examples/layouts/acled-sample.csv[/]
    Example: [bold]truce incidents import --format timemap export_events.json
    --associations export_associations.json --on-duplicate suffix[/]
    """
    options: dict[str, Any] = {
        "associations": associations,
        "sources": sources,
        "on_duplicate": on_duplicate.value if on_duplicate else None,
    }
    if layout is not Layout.timemap and any(value is not None for value in options.values()):
        raise typer.BadParameter(
            "--associations, --sources and --on-duplicate only apply to --format timemap"
        )
    if layout is not Layout.truce:
        with progress_bar(f"Mapping {file.name}", quiet=quiet or as_json) as advance:
            # a bad file opens no db
            read = read_layout(layout.value, file, progress=advance, **options)
        with Store(db) as store:
            mapped = store_layout(store, file, read)
        _report_layout(file, mapped, quiet=quiet, as_json=as_json)
        return
    with Store(db) as store:
        if quiet or as_json or not console.is_terminal:
            result = import_incidents(store, file, warn=_warn)
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

                result = import_incidents(store, file, progress=advance, warn=_warn)
    if as_json:
        print_json(
            {
                "added": result.added,
                "unchanged": result.unchanged,
                "skipped": 0,
                "unmapped": [],
                "decided": [],
                "inferred": [],
            }
        )
    elif not quiet:
        console.print(
            f"{file}: stored {counted(result.added, 'incident')}"
            + (f" ({result.unchanged:,} already stored, unchanged)" if result.unchanged else ""),
            highlight=False,
        )


def _report_layout(file: Path, result: LayoutImport, *, quiet: bool, as_json: bool) -> None:
    """What was stored, then one table row per source value that could not be mapped."""
    if as_json:
        print_json(result.to_data())
        return
    if quiet:
        return
    console.print(
        f"{file}: stored {counted(result.added, 'incident')}"
        + (f", {result.unchanged:,} already stored, unchanged" if result.unchanged else "")
        + (
            f"; skipped {counted(result.skipped, 'row')} that are not attacks"
            if result.skipped
            else ""
        ),
        highlight=False,
    )
    if result.decided:
        rules = Table("field", "decided by", "rows", title="How each field was decided")
        for rule in result.decided:
            rules.add_row(rule.field, rule.rule, str(rule.rows))
        console.print(rules)
    if not result.unmapped:
        console.print("Every value was mapped.")
        return
    table = Table("field", "value", "rows", "effect", title="Values not mapped")
    for entry in result.unmapped:
        table.add_row(entry.field, entry.value, str(entry.rows), entry.effect)
    console.print(table)


@incidents_app.command("list")
def list_command(db: DbOption = None, as_json: JsonOption = False) -> None:
    """List stored incidents in the order they occurred.

    Example: [bold]truce incidents list --json[/]
    """
    with Store(db, must_exist=True) as store:
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


def _merged_record(store: Store, incident: Incident) -> dict[str, Any]:
    """An incident as `truce merge --json` shows one: its record, its reports (in the
    order received), its corroboration and who denies it."""
    return {
        **incident_to_record(incident),
        "reports": store.reports_of([incident.id])[incident.id],
        "coded": store.coded_of([incident.id])[incident.id],
        "corroboration": incident.corroboration,
        "denied_by": list(incident.denied_by),
    }


def _show_merged(store: Store, incident: Incident) -> None:
    reports = store.reports_of([incident.id])[incident.id]
    coded = store.coded_of([incident.id])[incident.id]
    place = ", ".join(p for p in (incident.place, incident.region, incident.country) if p)
    when = incident.when.text or "time unknown"
    console.print(
        f"[bold]{incident.id}[/]: {when}, {place or 'place unknown'},"
        f" {incident.target or 'target unknown'}; {incident.corroboration or '—'}"
        + (f", denied by {', '.join(incident.denied_by)}" if incident.denied_by else "")
        + f"; reports: {', '.join(reports) or '—'}"
        + (f"; coded: {', '.join(coded)}" if coded else ""),
        highlight=False,
    )


@incidents_app.command("join")
def join_command(
    keep: Annotated[str, typer.Argument(help="The incident that stays.", show_default=False)],
    other: Annotated[str, typer.Argument(help="The incident joined into it.", show_default=False)],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Join two incidents that merging kept apart: all of B's evidence (its reports, and
    its coded record) moves to A. Nothing is deleted: [bold]truce incidents split A
    --reports B[/] undoes the join of a coded incident B.

    Recorded in the audit trail. Example: [bold]truce incidents join r-12#1 r-40#1[/]
    """
    with Store(db) as store:
        before = store.evidence(incident_id=other)
        incident = store.join_incidents(keep, other)
        moved = [e.report_id or e.record.id for e in before]
        if moved:
            err.print(
                f"{other} is kept as evidence of {keep} ({', '.join(moved)});"
                f" undo with: truce incidents split {keep} --reports {','.join(moved)}",
                highlight=False,
                markup=False,
            )
        if as_json:
            print_json(_merged_record(store, incident))
            return
        _show_merged(store, incident)


@incidents_app.command("split")
def split_command(
    incident_id: Annotated[str, typer.Argument(help="The incident to split.", show_default=False)],
    reports: Annotated[
        list[str],
        typer.Option(
            "--reports",
            "-r",
            help="Reports that describe another incident (repeat, or separate with commas).",
            show_default=False,
        ),
    ],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Split reports that merging put together into a new incident of their own.

    Recorded in the audit trail. Example: [bold]truce incidents split r-12#1 --reports r-40,r-41[/]
    """
    named = [r.strip() for value in reports for r in value.split(",") if r.strip()]
    with Store(db) as store:
        left, new = store.split_incident(incident_id, named)
        if as_json:
            print_json([_merged_record(store, left), _merged_record(store, new)])
            return
        _show_merged(store, left)
        _show_merged(store, new)
