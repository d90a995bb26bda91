"""`truce report`: one self-contained HTML page of an agreement's versions and rulings."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from truce.accounts import compare_files
from truce.cli.app import DbOption, QuietOption, console
from truce.findings import load_totals, stored_findings
from truce.rules import rule_stored
from truce.store import Store
from truce.web import bundle, render_report
from truce.web.dashboard import EXPLAINED_OFFLINE, compare_stored, stored_commitments


def report(
    agreement: Annotated[str, typer.Option("--agreement", "-a", help="Agreement id.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="HTML file to write.")],
    db: DbOption = None,
    quiet: QuietOption = False,
    accounts: Annotated[
        list[str] | None,
        typer.Option(
            "--accounts",
            help="Accounts to show side by side (twice or more); default: the stored ones.",
        ),
    ] = None,
    totals: Annotated[
        Path | None,
        typer.Option(
            "--totals",
            help="A YAML list of totals the parties published, set beside the itemised"
            " claims in the findings.",
        ),
    ] = None,
) -> None:
    """Write the dashboard as one self-contained HTML file that works offline.

    Map, timeline, compliance, accounts (given here, or stored with
    [bold]truce compare --store[/]) and every ruling with its explanation; scripts,
    styles, outlines and data are inside the file, and its CSP forbids any request.

    Example: [bold]truce report --agreement energy-ceasefire-2025 --out report.html[/]
    (add [bold]--accounts A.md --accounts B.md[/] for the accounts side by side, and
    [bold]--totals totals.yaml[/] for the parties' published totals in the findings)
    """
    published = load_totals(totals) if totals else []
    with Store(db, must_exist=True) as store:
        terms, rulings = rule_stored(store, agreement)
        comparison = (
            compare_files(accounts) if accounts else compare_stored(store.accounts(agreement))
        )
        data = bundle(
            terms,
            rulings,
            comparison=comparison,
            reports=store.reports(),
            agreements=store.agreement_ids(),
            commitments=stored_commitments(store),
            merged=store.reports_of([i.id for i in rulings.frame.incidents]),
            explained=EXPLAINED_OFFLINE,
        )
        findings = stored_findings(store, agreement, published)
        html = render_report(terms, rulings, comparison, data=data, findings=findings)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html, "utf-8")
    if not quiet:
        console.print(f"wrote {out}", highlight=False)
