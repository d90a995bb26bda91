"""`truce terms …`: store, show and trace the history of agreements' versions."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.syntax import Syntax
from rich.table import Table

from truce.cli.app import DbOption, JsonOption, QuietOption, console, print_json, sub_app
from truce.store import Store
from truce.terms import dump_terms, import_terms

terms_app = sub_app("Agreements and their versions of the terms (CONTRACTS §2 YAML).")

FileArgument = Annotated[
    Path, typer.Argument(help="Terms YAML file.", exists=False, dir_okay=False, show_default=False)
]


@terms_app.command("import")
def import_command(file: FileArgument, db: DbOption = None, quiet: QuietOption = False) -> None:
    """Store an agreement and its versions; a changed version keeps its earlier revisions.

    Example: [bold]truce terms import examples/seed-case/terms.yaml[/]
    """
    with Store(db) as store:
        result = import_terms(store, file)
    if not quiet:
        parts = [
            f"{label} {', '.join(ids)}"
            for label, ids in (
                ("added", result.added),
                ("replaced", result.replaced),
                ("unchanged", result.unchanged),
            )
            if ids
        ]
        console.print(f"{result.agreement_id}: {'; '.join(parts)}", highlight=False)


@terms_app.command("list")
def list_command(db: DbOption = None, as_json: JsonOption = False) -> None:
    """List stored agreements and their current versions.

    Example: [bold]truce terms list[/]
    """
    with Store(db) as store:
        agreements = [store.agreement(agreement_id) for agreement_id in store.agreement_ids()]
    if as_json:
        print_json(
            [
                {"agreement": a.id, "title": a.title, "versions": [v.id for v in a.versions]}
                for a in agreements
            ]
        )
        return
    table = Table("agreement", "title", "versions")
    for a in agreements:
        table.add_row(a.id, a.title or "", ", ".join(v.id for v in a.versions))
    console.print(table)


@terms_app.command("show")
def show_command(
    agreement: Annotated[str, typer.Argument(help="Agreement id.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Print an agreement's current versions as YAML (or JSON).

    Example: [bold]truce terms show energy-ceasefire-2025[/]
    """
    with Store(db) as store:
        stored = store.agreement(agreement)
    if as_json:
        print_json(
            {
                "agreement": stored.id,
                "title": stored.title,
                "versions": [v.to_data() for v in stored.versions],
            }
        )
        return
    console.print(Syntax(dump_terms(stored), "yaml", background_color="default"))


@terms_app.command("history")
def history_command(
    agreement: Annotated[str, typer.Argument(help="Agreement id.")],
    version: Annotated[str | None, typer.Option(help="Only this version.")] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Every stored revision of an agreement's versions, oldest first, with its text.

    Example: [bold]truce terms history energy-ceasefire-2025 --version kremlin[/]
    """
    with Store(db) as store:
        revisions = store.history(agreement, version)
    if as_json:
        print_json(
            [
                {
                    "agreement": r.agreement_id,
                    "version": r.version_id,
                    "revision": r.revision,
                    "imported_at": r.imported_at.isoformat() + "Z",
                    "source_file": r.source_file,
                    "yaml": r.yaml,
                }
                for r in revisions
            ]
        )
        return
    for r in revisions:
        console.rule(
            f"{r.version_id} · revision {r.revision} · {r.imported_at:%Y-%m-%d %H:%M} UTC"
            f" · {r.source_file or ''}"
        )
        console.print(Syntax(r.yaml, "yaml", background_color="default"))
