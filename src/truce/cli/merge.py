"""`truce merge`: reports of the same incident grouped, with corroboration (CONTRACTS §3–4)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from truce.cli.app import JsonOption, QuietOption, console, counted, print_json, progress_bar
from truce.merge import merge_evidence, merge_to_json, read_evidence

CORROBORATION_STYLE = {
    "single_source": "yellow",
    "multiple_sources": "cyan",
    "both_sides": "green",
    "independent": "bold green",
}


def merge_command(
    file: Annotated[
        Path,
        typer.Argument(
            help="Reports: incident rows with a `stance` column (.csv/.json/.jsonl), or"
            " free-text reports (.jsonl with `published`) to extract first.",
            show_default=False,
        ),
    ],
    as_json: JsonOption = False,
    quiet: QuietOption = False,
) -> None:
    """Group reports of the same incident and grade each group's corroboration.

    No database is needed. Two reports are one incident when their targets are in the
    same family, their places are close (25 km, or the same settlement, or a settlement
    in the other's region) and their times overlap once precision is allowed for.

    Example: [bold]truce merge reports.csv --json[/]
    """
    with progress_bar(f"Reading {file.name}", quiet=quiet or as_json) as progress:
        result = merge_evidence(read_evidence(file, progress=progress))
    if as_json:
        print_json(merge_to_json(result))
        return
    table = Table(
        "incident", "reports", "corroboration", "denied by", "occurred_at", "place", "target",
        title=f"Incidents in {file.name}", title_justify="left",
    )  # fmt: skip
    for merged in result.incidents:
        i = merged.incident
        level = i.corroboration or "—"
        table.add_row(
            i.id,
            ", ".join(merged.reports),
            f"[{CORROBORATION_STYLE.get(level, '')}]{level}[/]"
            if level in CORROBORATION_STYLE
            else level,
            ", ".join(i.denied_by) or "—",
            i.when.text or "—",
            ", ".join(p for p in (i.place, i.region, i.country) if p) or "—",
            i.target or "—",
        )
    if not quiet:
        console.print(table)
        reports = len(
            {r for m in result.incidents for r in m.reports} | set(result.unmatched_denials)
        )
        console.print(
            f"{counted(reports, 'report')} → {counted(len(result.incidents), 'incident')}"
            + (
                f"; {counted(len(result.unmatched_denials), 'denial')} match no incident:"
                f" {', '.join(result.unmatched_denials)}"
                if result.unmatched_denials
                else ""
            ),
            highlight=False,
        )
