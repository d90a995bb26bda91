"""`truce compare`: two or more accounts of one event, side by side."""

from __future__ import annotations

import gzip
import re
from datetime import date, datetime
from pathlib import Path
from typing import Annotated

import typer

from truce.accounts import compare_files
from truce.accounts.views import comparison_page, side_by_side_table
from truce.cli.app import DbOption, JsonOption, console, err, print_json
from truce.errors import BadInput
from truce.store import AccountsSaved, Store, StoredAccount


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
    quiet: Annotated[
        bool,
        typer.Option("--quiet", "-q", help="Print nothing: write only --html, --store or --json."),
    ] = False,
    store: Annotated[
        bool,
        typer.Option("--store", help="Also keep the accounts in the database, for the dashboard."),
    ] = False,
    agreement: Annotated[
        str | None,
        typer.Option("--agreement", "-a", help="The agreement the accounts are of (--store)."),
    ] = None,
    db: DbOption = None,
) -> None:
    """Compare accounts of one event: matched statements, their differences in scope,
    numbers, dates, durations, parties and modality, and what only one account says.

    Example: [bold]truce compare examples/seed-case/accounts/whitehouse-2025-03-18.md
    examples/seed-case/accounts/kremlin-2025-03-18.md --html compare.html[/]
    (add [bold]--store --agreement energy-ceasefire-2025[/] to keep them for the dashboard)
    """
    if len(accounts) < 2:
        raise typer.BadParameter("give at least two accounts", param_hint="ACCOUNTS")
    if store and agreement is None:
        raise typer.BadParameter("--store needs --agreement ID", param_hint="--agreement")
    if store:
        _refuse_csv_rows(accounts)
    day = parse_day(on_date)
    comparison = compare_files(accounts, on_date=day)
    if store and agreement is not None:
        saved = _store_accounts(accounts, agreement, on_date, db)
        if not quiet:
            err.print(
                f"stored {len(saved.added)} new, {len(saved.replaced)} changed and"
                f" {len(saved.unchanged)} unchanged accounts of '{agreement}'",
                highlight=False,
            )
    if html is not None:
        html.parent.mkdir(parents=True, exist_ok=True)
        html.write_text(comparison_page(comparison), "utf-8")
    if as_json:
        print_json(comparison.as_json())
        return
    if quiet:  # the comparison goes to --html or --store; nothing on the terminal
        return
    console.print(side_by_side_table(comparison))
    console.print(
        f"{len(comparison.matches)} matched, {len(comparison.unmatched)} said by one account"
        " only" + (f"; wrote {html}" if html else ""),
        highlight=False,
    )


def _refuse_csv_rows(specs: list[str]) -> None:
    """A row of a readouts CSV has no file of its own to keep as published."""
    for spec in specs:
        if re.search(r"\.csv(?:\.gz)?#", spec):
            raise BadInput(
                "a row of a readouts CSV cannot be stored; save it as a .txt, .md or"
                " .html file first",
                file=spec,
            )


def _store_accounts(
    specs: list[str], agreement: str, on_date: str | None, db: str | None
) -> AccountsSaved:
    """Keep each account's text as published (read again by the dashboard), under its
    file name."""
    kept = []
    for spec in specs:
        path = Path(spec)
        raw = path.read_bytes()
        name = path.name
        if path.suffix == ".gz":
            raw, name = gzip.decompress(raw), path.stem
        kept.append(StoredAccount(name, spec, raw.decode("utf-8-sig"), on_date))
    with Store(db) as database:
        return database.save_accounts(agreement, kept)
