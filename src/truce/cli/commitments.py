"""`truce commitments extract|check`: promises with due dates, and whether they were kept."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from truce.cli.app import DbOption, JsonOption, console, counted, print_json, sub_app
from truce.commitments import (
    DEFAULT_GRACE_DAYS,
    check_commitments,
    extract_commitments,
    read_commitments,
)
from truce.errors import BadInput
from truce.extract import read_reports
from truce.store import Store

commitments_app = sub_app("Commitments: promises with due dates, tracked to kept or broken.")


def _day(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise BadInput(f"'{value}' is not an ISO 8601 date", field=option) from None


@commitments_app.command("extract")
def extract_command(
    accounts: Annotated[
        list[str],
        typer.Argument(
            help="Accounts: .txt, .md, .html, or FILE.csv.gz#LINK_ID.", show_default=False
        ),
    ],
    on_date: Annotated[
        str | None,
        typer.Option("--date", help="The accounts' date, to resolve '19 March' and 'immediately'."),
    ] = None,
    grace_days: Annotated[
        int,
        typer.Option("--grace-days", min=0, help="Days allowed for a promise made 'immediately'."),
    ] = DEFAULT_GRACE_DAYS,
    store: Annotated[
        bool,
        typer.Option("--store", help="Also store them (under ids named after the account files)."),
    ] = False,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Commitments from accounts: who promised what, how many, due when.

    Example: [bold]truce commitments extract kremlin.md whitehouse.md --json > c.json[/]
    """
    found = extract_commitments(accounts, on_date=_day(on_date, "--date"), grace_days=grace_days)
    if store:
        # "a1.c3" names a commitment within one run; stored ones need names that last.
        found = [replace(c, id=f"{Path(c.account).stem}.{c.id.partition('.')[2]}") for c in found]
        with Store(db) as database:
            database.save_commitments(found)
    if as_json:
        print_json([c.as_json() for c in found])
        return
    table = Table(title=counted(len(found), "commitment"))
    for column in ("id", "actors", "action", "quantity", "due", "rule", "text"):
        table.add_column(column, overflow="fold")
    for c in found:
        table.add_row(
            c.id, ", ".join(c.actors), c.action,
            "" if c.quantity is None else str(c.quantity),
            c.due.isoformat() if c.due else "", c.due_rule, c.text,
        )  # fmt: skip
    console.print(table)


@commitments_app.command("check")
def check_command(
    file: Annotated[Path, typer.Argument(help="Commitments JSON from `extract --json`.")],
    evidence: Annotated[
        Path, typer.Option("--evidence", help="Later reports, JSON Lines (docs/formats.md).")
    ],
    as_of: Annotated[str, typer.Option("--as-of", help="The day to check as of (ISO 8601).")],
    as_json: JsonOption = False,
) -> None:
    """The status of each commitment as of a day: kept, partly kept, broken, pending or
    unverified, with the reports it rests on.

    Example: [bold]truce commitments check c.json --evidence later.jsonl --as-of 2025-04-30[/]
    """
    day = _day(as_of, "--as-of")
    assert day is not None
    checks = check_commitments(read_commitments(file), read_reports(evidence), day)
    if as_json:
        print_json([c.as_json() for c in checks])
        return
    table = Table(title=f"commitments as of {day.isoformat()}")
    for column in ("id", "action", "due", "status", "evidence", "why"):
        table.add_column(column, overflow="fold")
    for c in checks:
        table.add_row(
            c.commitment.id, c.commitment.action,
            c.commitment.due.isoformat() if c.commitment.due else "",
            c.status, ", ".join(c.evidence), c.explanation,
        )  # fmt: skip
    console.print(table)
