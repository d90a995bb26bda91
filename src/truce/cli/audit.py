"""`truce audit …`: the audit trail of every write."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.table import Table

from truce.audit import audit_head_json
from truce.cli.app import DbOption, JsonOption, console, err, print_json, sub_app
from truce.errors import TruceError
from truce.store import Store

audit_app = sub_app("The audit trail: who wrote what, when, sealed in a hash chain.")


@audit_app.command("head")
def head_command(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Print the head of the trail: the hash to keep (or publish) and check against later.

    Example: [bold]truce audit head > head.txt[/] … later:
    [bold]truce audit verify --head "$(cat head.txt)"[/]
    """
    with Store(db, must_exist=True) as store:
        head = store.audit_head()
    if as_json:
        print_json(audit_head_json(head))
        return
    if head is None:
        raise TruceError("the audit trail is empty: nothing has been written yet")
    sys.stdout.write(head.hash + "\n")


@audit_app.command("verify")
def verify_command(
    head: Annotated[
        str | None,
        typer.Option(
            "--head",
            help="A head hash kept earlier (`truce audit head`): fail unless the chain reaches it.",
        ),
    ] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Check the hash chain end to end, and the stored reports, incidents and terms
    against what it says was written; name what does not fit (exit code 1).

    A trail cut short or rewritten from some entry on still holds together by itself:
    keep the head (`truce audit head`, or an export's `audit_head`) and give it here.

    Example: [bold]truce audit verify --head 3f5a…[/]
    """
    if head is not None:
        head = head.strip().lower()
        if len(head) != 64 or any(c not in "0123456789abcdef" for c in head):
            raise TruceError(f"--head '{head}' is not a SHA-256 hash (64 hexadecimal digits)")
    with Store(db, must_exist=True) as store:
        result = store.verify_trail(head=head)
    if as_json:
        print_json(result.as_json())
        if not result.ok:
            raise typer.Exit(1)
        return
    if result.broken is not None:
        raise TruceError(
            f"audit trail broken at entry {result.broken}: {result.problem}"
            f" ({result.entries} entries before it hold)"
        )
    if not result.head_reached:
        raise TruceError(
            f"the audit trail no longer reaches head {head}: entries after it were removed"
            f" or rewritten (the trail now holds {result.entries} entries, head {result.head})"
        )
    if result.mismatches:
        for problem in result.mismatches[1:]:
            err.print(f"  {problem}", highlight=False, soft_wrap=True)
        raise TruceError(
            f"the stored data is not what the audit trail says was written:"
            f" {result.mismatches[0]}"
            + (f" ({len(result.mismatches) - 1} more above)" if len(result.mismatches) > 1 else "")
        )
    reached = f", reaches {head}" if head else ""
    console.print(
        f"audit trail intact: {result.entries} entries, stored data as written{reached};"
        f" head {result.head}"
    )


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
