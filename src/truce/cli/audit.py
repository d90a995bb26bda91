"""`truce audit …`: the audit trail of every write."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from truce.audit import verify
from truce.cli.app import DbOption, JsonOption, console, print_json, sub_app
from truce.errors import TruceError
from truce.store import Store

audit_app = sub_app("The audit trail: who wrote what, when, sealed in a hash chain.")


@audit_app.command("verify")
def verify_command(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Check the hash chain end to end; name the first broken entry (exit code 1).

    The head hash printed can be published: anyone holding it can later tell whether
    the trail up to it was rewritten.

    Example: [bold]truce audit verify --db sqlite:///truce.db[/]
    """
    with Store(db, must_exist=True) as store:
        result = verify(store.iter_audit())
    if as_json:
        print_json(result.as_json())
        if not result.ok:
            raise typer.Exit(1)
        return
    if not result.ok:
        raise TruceError(
            f"audit trail broken at entry {result.broken}: {result.problem}"
            f" ({result.entries} entries before it hold)"
        )
    console.print(f"audit trail intact: {result.entries} entries, head {result.head}")


@audit_app.command("list")
def list_command(
    after: Annotated[int, typer.Option(min=0, help="Entries after this sequence number.")] = 0,
    limit: Annotated[int, typer.Option(min=1, help="At most this many entries.")] = 100,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show audit entries, oldest first.

    Example: [bold]truce audit list --after 100 --limit 50[/]
    """
    with Store(db, must_exist=True) as store:
        entries = store.audit_entries(after=after, limit=limit)
    if as_json:
        print_json([e.as_json() for e in entries])
        return
    table = Table("seq", "at (UTC)", "actor", "action", "object", "hash")
    for e in entries:
        table.add_row(
            str(e.seq), f"{e.at:%Y-%m-%d %H:%M:%S}", e.actor, e.action, e.object, e.hash[:16]
        )
    console.print(table)
