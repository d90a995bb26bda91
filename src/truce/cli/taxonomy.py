"""`truce taxonomy`: the codes truce accepts and gives back, from the domain modules
that define them (so this list and the code that checks input cannot disagree)."""

from __future__ import annotations

from typing import Any

from rich.table import Table

from truce.cli.app import JsonOption, console, print_json
from truce.domain import (
    INDEPENDENT,
    MEDIA,
    REASON_MEANINGS,
    REASONS,
    TARGETS,
    UNKNOWN,
    Corroboration,
    Stance,
    Verdict,
    countries,
)


def vocabulary() -> dict[str, Any]:
    """Every code, as `truce taxonomy --json` prints it."""
    return {
        "targets": [{"code": code, "holds": holds} for code, holds in TARGETS.items()],
        "parties": [{"code": code, "name": name} for code, name in sorted(countries().items())]
        + [{"code": UNKNOWN, "name": "the actor is not known (perpetrators only)"}],
        "source_alignments": ["<party code>", MEDIA, INDEPENDENT],
        "verdicts": [v.value for v in Verdict],
        "reasons": [
            {"reason": r.value, "verdict": r.verdict.value, "meaning": REASON_MEANINGS[r]}
            for r in REASONS
        ],
        "corroboration": [c.value for c in Corroboration],
        "stances": [s.value for s in Stance],
    }


def taxonomy_command(as_json: JsonOption = False) -> None:
    """The target taxonomy, party codes, verdicts and reason codes truce uses.

    A target code covers its descendants: [bold]infrastructure[/] covers
    [bold]infrastructure.energy.grid[/]. Party codes are ISO 3166-1 alpha-2.

    Example: [bold]truce taxonomy --json[/]
    """
    data = vocabulary()
    if as_json:
        print_json(data)
        return
    targets = Table("target code", "what it holds", title="Targets")
    for target in data["targets"]:
        targets.add_row(target["code"], target["holds"])
    console.print(targets)
    reasons = Table("verdict", "reason", "meaning", title="Rulings")
    for reason in data["reasons"]:
        reasons.add_row(reason["verdict"], reason["reason"], reason["meaning"])
    console.print(reasons)
    console.print(
        f"Parties: {len(data['parties']) - 1} ISO 3166-1 alpha-2 codes (UA, RU, US, …;"
        f" --json lists them), and {UNKNOWN} for an unknown perpetrator.\n"
        f"Source alignment: a party code, {MEDIA} or {INDEPENDENT}.\n"
        f"Corroboration, weakest first: {', '.join(data['corroboration'])}.\n"
        f"Report stance: {', '.join(data['stances'])}.",
        highlight=False,
        markup=False,
    )
