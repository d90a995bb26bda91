"""`truce rule`: every incident against every version of an agreement."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from itertools import islice
from json.encoder import encode_basestring  # json.dumps' own string encoder (C), non-ASCII kept
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from truce.cli.app import DbOption, JsonOption, console, counted
from truce.domain import Corroboration, Incident, Ruling, Verdict
from truce.rules import Rulings, TallyCounter, rule_stored_chunks
from truce.rules.stored import Tallies
from truce.store import Store

VERDICT_STYLE = {
    Verdict.VIOLATION: "bold red",
    Verdict.NO_VIOLATION: "green",
    Verdict.UNDETERMINED: "yellow",
}


def tally_table(tallies: Tallies) -> Table:
    table = Table(title="Verdicts per party and version", title_justify="left")
    table.add_column("version")
    table.add_column("perpetrator")
    for verdict in Verdict:
        table.add_column(verdict.value, justify="right", style=VERDICT_STYLE[verdict])
    for (version, party), counts in tallies.items():
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
    min_corroboration: Annotated[
        Corroboration | None,
        typer.Option(
            "--min-corroboration",
            help="Only incidents corroborated at least this well"
            " (single_source < multiple_sources < both_sides < independent).",
        ),
    ] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Rule every stored incident against every version of an agreement.

    Each ruling is a verdict (violation, no_violation, undetermined), the reason that
    decided it and a one-line explanation (`truce taxonomy` lists the reasons), with the
    incident's corroboration and the parties that deny it. With --min-corroboration, a
    last line says how many incidents were left out.

    Example: [bold]truce rule --agreement energy-ceasefire-2025 --min-corroboration both_sides[/]
    """
    with Store(db, must_exist=True) as store:
        _, chunks = rule_stored_chunks(
            store, agreement, version or (), min_corroboration=min_corroboration
        )
        if as_json:
            write_json_rulings(chunks)
            return
        ruled = _print_table(agreement, chunks, limit)
        if min_corroboration is not None:
            left_out = store.count_incidents() - ruled
            console.print(
                f"--min-corroboration {min_corroboration.value}: ruled"
                f" {counted(ruled, 'incident')}; left out {counted(left_out, 'incident')}"
                " corroborated less well",
                highlight=False,
                markup=False,
            )


def _json_ruling(incident: Incident, r: Ruling) -> str:
    """One ruling as `json.dumps([...], indent=2, ensure_ascii=False)` lays out an item:
    CONTRACTS §4's keys, then the incident's corroboration and denials (issue 7)."""
    corroboration = encode_basestring(incident.corroboration) if incident.corroboration else "null"
    denied = (
        "[\n" + ",\n".join(f"      {encode_basestring(p)}" for p in incident.denied_by) + "\n    ]"
        if incident.denied_by
        else "[]"
    )
    return (
        f'  {{\n    "incident": {encode_basestring(r.incident)},'
        f'\n    "version": {encode_basestring(r.version)},'
        f'\n    "verdict": "{r.verdict.value}",'
        f'\n    "reason": "{r.reason.value}",'
        f'\n    "explanation": {encode_basestring(r.explanation)},'
        f'\n    "corroboration": {corroboration},'
        f'\n    "denied_by": {denied}\n  }}'
    )


def write_json_rulings(chunks: Iterable[Rulings]) -> None:
    """Stream the `--json` list chunk by chunk: byte for byte what `print_json` prints
    for the whole list, without ever holding it."""
    out = sys.stdout
    opened = False
    for rulings in chunks:
        items = [_json_ruling(incident, r) for incident, r in rulings.with_incidents()]
        if items:
            out.write((",\n" if opened else "[\n") + ",\n".join(items))
            opened = True
    out.write("\n]\n" if opened else "[]\n")


def _corroboration(incident: Incident) -> str:
    """The grade, and who denies it: an incident as coded has neither."""
    grade = (incident.corroboration or "—").replace("_", " ")
    return f"{grade}; denied by {', '.join(incident.denied_by)}" if incident.denied_by else grade


def _print_table(agreement: str, chunks: Iterator[Rulings], limit: int) -> int:
    """The first `limit` rulings as a table, then the tallies over all of them; returns
    the number of incidents ruled."""
    incidents = 0
    counter: TallyCounter | None = None
    table = Table(title=f"Rulings for {agreement}", title_justify="left", expand=True)
    table.add_column("incident", no_wrap=True)
    table.add_column("version", no_wrap=True)
    table.add_column("verdict", no_wrap=True)
    table.add_column("reason", no_wrap=True)
    table.add_column("corroboration")
    table.add_column("explanation", ratio=1)
    shown = 0
    for rulings in chunks:
        if counter is None:
            counter = TallyCounter(rulings.versions)
        counter.add(rulings)
        incidents += rulings.reasons.shape[1]
        room = limit - shown if limit else None
        for incident, r in islice(rulings.with_incidents(), room):
            shown += 1
            table.add_row(
                r.incident,
                r.version,
                Text(r.verdict.value, style=VERDICT_STYLE[r.verdict]),
                r.reason.value,
                _corroboration(incident),
                r.explanation,
            )
    console.print(table)
    total = counter.rulings if counter else 0
    if shown < total:
        console.print(
            f"[dim]Showing {shown:,} of {total:,} rulings;"
            " --limit 0 shows all, --json prints all.[/]"
        )
    console.print(tally_table(counter.result() if counter else {}))
    return incidents
