"""`truce rule`: every incident against every version of an agreement."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from truce.cli.app import DbOption, JsonOption, console, print_json
from truce.domain import Verdict
from truce.rules import Rulings, rule_stored
from truce.store import Store

VERDICT_STYLE = {
    Verdict.VIOLATION: "bold red",
    Verdict.NO_VIOLATION: "green",
    Verdict.UNDETERMINED: "yellow",
}


def tally_table(rulings: Rulings) -> Table:
    table = Table(title="Verdicts per party and version", title_justify="left")
    table.add_column("version")
    table.add_column("perpetrator")
    for verdict in Verdict:
        table.add_column(verdict.value, justify="right", style=VERDICT_STYLE[verdict])
    for (version, party), counts in rulings.tallies().items():
        table.add_row(version, party, *(str(counts[v]) for v in Verdict))
    return table


def rule_command(
    agreement: Annotated[str, typer.Option("--agreement", "-a", help="Agreement id.")],
    version: Annotated[
        list[str] | None, typer.Option("--version", help="Only these versions (repeatable).")
    ] = None,
    limit: Annotated[
        int, typer.Option(min=0, help="Table rows to show (0: all); --json prints all.")
    ] = 200,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Rule every stored incident against every version of an agreement.

    Each ruling is a verdict (violation, no_violation, undetermined), the reason that
    decided it and a one-line explanation (CONTRACTS §1).

    Example: [bold]truce rule --agreement energy-ceasefire-2025 --json[/]
    """
    with Store(db) as store:
        _, rulings = rule_stored(store, agreement, version or ())
    if as_json:
        print_json(
            [
                {
                    "incident": r.incident,
                    "version": r.version,
                    "verdict": r.verdict.value,
                    "reason": r.reason.value,
                    "explanation": r.explanation,
                }
                for r in rulings
            ]
        )
        return
    table = Table(title=f"Rulings for {agreement}", title_justify="left", expand=True)
    table.add_column("incident", no_wrap=True)
    table.add_column("version", no_wrap=True)
    table.add_column("verdict", no_wrap=True)
    table.add_column("reason", no_wrap=True)
    table.add_column("explanation", ratio=1)
    shown = 0
    for r in rulings:
        if limit and shown == limit:
            break
        shown += 1
        table.add_row(
            r.incident,
            r.version,
            Text(r.verdict.value, style=VERDICT_STYLE[r.verdict]),
            r.reason.value,
            r.explanation,
        )
    console.print(table)
    total = rulings.reasons.size
    if shown < total:
        console.print(
            f"[dim]Showing {shown:,} of {total:,} rulings;"
            " --limit 0 shows all, --json prints all.[/]"
        )
    console.print(tally_table(rulings))
