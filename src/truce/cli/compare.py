"""`truce compare`: two or more accounts of one event, side by side."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Annotated

import typer

from truce.accounts import compare_files
from truce.accounts.views import comparison_page, side_by_side_table
from truce.cli.app import JsonOption, QuietOption, console, print_json
from truce.errors import BadInput


def parse_day(value: str | None) -> date | datetime | None:
    """`--date` as a date (2025-03-18) or an instant with its offset."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value)
    except ValueError:
        raise BadInput(f"'{value}' is not an ISO 8601 date", field="--date") from None


def compare_command(
    accounts: Annotated[
        list[str],
        typer.Argument(
            help="Two or more accounts: .txt, .md, .html, or FILE.csv.gz#LINK_ID.",
            show_default=False,
        ),
    ],
    html: Annotated[
        Path | None, typer.Option("--html", help="Write a self-contained side-by-side page.")
    ] = None,
    on_date: Annotated[
        str | None,
        typer.Option("--date", help="The accounts' date, to resolve 'today' and '19 March'."),
    ] = None,
    as_json: JsonOption = False,
    quiet: QuietOption = False,
) -> None:
    """Compare accounts of one event: matched statements, their differences in scope,
    numbers, dates, durations, parties and modality, and what only one account says.

    Example: [bold]truce compare examples/seed-case/accounts/whitehouse-2025-03-18.md
    examples/seed-case/accounts/kremlin-2025-03-18.md --html compare.html[/]
    """
    if len(accounts) < 2:
        raise typer.BadParameter("give at least two accounts", param_hint="ACCOUNTS")
    day = parse_day(on_date)
    comparison = compare_files(accounts, on_date=day)
    if html is not None:
        html.parent.mkdir(parents=True, exist_ok=True)
        html.write_text(comparison_page(comparison), "utf-8")
    if as_json:
        print_json(comparison.as_json())
        return
    console.print(side_by_side_table(comparison))
    if not quiet:
        console.print(
            f"{len(comparison.matches)} matched, {len(comparison.unmatched)} said by one account"
            " only" + (f"; wrote {html}" if html else ""),
            highlight=False,
        )
