"""`truce terms …`: store, show and trace the history of agreements' versions."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.syntax import Syntax
from rich.table import Table

from truce.cli.app import DbOption, JsonOption, QuietOption, console, print_json, sub_app
from truce.store import Store
from truce.terms import dump_terms, import_terms, parse_terms

terms_app = sub_app("Agreements and their versions of the terms (YAML, docs/formats.md).")

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
    with Store(db, must_exist=True) as store:
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
    with Store(db, must_exist=True) as store:
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
    with Store(db, must_exist=True) as store:
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


@terms_app.command("draft")
def draft_command(
    account: Annotated[
        str, typer.Argument(help="One account: .txt, .md, .html, or FILE.csv.gz#LINK_ID.")
    ],
    according_to: Annotated[
        str, typer.Option("--according-to", help="Whose account it is (party code, e.g. RU).")
    ],
    agreement: Annotated[
        str,
        typer.Option("--agreement", help="Agreement id (lowercase letters, digits and hyphens)."),
    ],
    on_date: Annotated[
        str | None,
        typer.Option("--date", help="The account's date (or instant): what 'immediately' means."),
    ] = None,
) -> None:
    """Draft a version of the terms from an account's own words; YAML on stdout.

    Each field says in `notes` which sentence it came from; what the text does not give
    is left out, and a start the text does not give is marked as a placeholder.

    Example: [bold]truce terms draft examples/seed-case/accounts/kremlin-2025-03-18.md
    --according-to RU --agreement energy-ceasefire-2025[/]
    """
    from truce.accounts import draft_terms, read_account
    from truce.cli.compare import parse_day

    day = parse_day(on_date)
    drafted = draft_terms(
        read_account(account, on_date=day),
        according_to=according_to,
        agreement=agreement,
    )
    text = drafted.yaml()
    parse_terms(text, file=account)  # what is printed must read back as terms
    sys.stdout.write(text)
