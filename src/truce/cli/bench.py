"""`truce bench …`: the hot paths, measured on this machine (CONTRACTS §5)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from truce.bench import bench_rules
from truce.cli.app import JsonOption, console, print_json, sub_app
from truce.errors import TruceError

bench_app = sub_app("Benchmarks of the hot paths, each against a baseline in the same run.")


@bench_app.command("rules")
def rules_command(
    incidents: Annotated[int, typer.Option(min=1, help="Synthetic incidents.")] = 1_000_000,
    versions: Annotated[int, typer.Option(min=1, help="Synthetic versions.")] = 10,
    seed: Annotated[int, typer.Option(help="Random seed of the synthetic data.")] = 7,
    as_json: JsonOption = False,
) -> None:
    """Time the rules engine and a hand-written DuckDB query on the same synthetic data.

    Example: [bold]truce bench rules --incidents 1000000 --versions 10 --json[/]
    """
    if not as_json:
        with console.status(f"Ruling {incidents:,} incidents × {versions} versions …"):
            result = bench_rules(incidents, versions, seed=seed)
    else:
        result = bench_rules(incidents, versions, seed=seed)
    if not result.counts_agree:
        raise TruceError("the engine's verdict counts differ from DuckDB's: this is a bug")
    data = result.as_json()
    if as_json:
        print_json(data)
        return
    table = Table("figure", "value", title="truce bench rules", title_justify="left")
    for key, value in data.items():
        shown = f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else value
        table.add_row(key, str(shown))
    console.print(table)
