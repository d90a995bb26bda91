"""`truce report`: one self-contained HTML page of an agreement's versions and rulings."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from truce.accounts import compare_files
from truce.cli.app import DbOption, QuietOption, console
from truce.rules import rule_stored
from truce.store import Store
from truce.web import render_report


def report(
    agreement: Annotated[str, typer.Option("--agreement", "-a", help="Agreement id.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="HTML file to write.")],
    db: DbOption = None,
    quiet: QuietOption = False,
    accounts: Annotated[
        list[str] | None,
        typer.Option("--accounts", help="Accounts to show side by side (give it twice or more)."),
    ] = None,
) -> None:
    """Write versions and rulings as one self-contained HTML page.

    The versions stand side by side with differing fields marked; every ruling carries
    its explanation. Nothing is loaded from elsewhere: no scripts, fonts or styles.

    Example: [bold]truce report --agreement energy-ceasefire-2025 --out report.html[/]
    (add [bold]--accounts A.md --accounts B.md[/] for the accounts side by side)
    """
    with Store(db) as store:
        terms, rulings = rule_stored(store, agreement)
        comparison = compare_files(accounts) if accounts else None
        html = render_report(terms, rulings, comparison)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html, "utf-8")
    if not quiet:
        console.print(f"wrote {out}", highlight=False)
