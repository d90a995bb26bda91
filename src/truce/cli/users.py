"""`truce users …`: who may use the API, and with which role."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from truce.api import Role, create_user
from truce.cli.app import DbOption, JsonOption, console, print_json, sub_app
from truce.store import Store

users_app = sub_app("API users and their roles (viewer, monitor, analyst, admin).")


@users_app.command("add")
def add_command(
    name: Annotated[str, typer.Argument(help="The user's name.", show_default=False)],
    role: Annotated[Role, typer.Option(help="What the user may do.")] = Role.VIEWER,
    db: DbOption = None,
) -> None:
    """Create a user. The token is the last line printed: it is shown once and stored
    only as a hash, so keep it now.

    Example: [bold]truce users add kyiv-monitor --role monitor[/]
    """
    with Store(db) as store:
        token = create_user(store, name, role)
    typer.echo(f"created {name} ({role.value}); token (shown once):")
    typer.echo(token)


@users_app.command("list")
def list_command(db: DbOption = None, as_json: JsonOption = False) -> None:
    """List users, their roles and whether their token is revoked.

    Example: [bold]truce users list --json[/]
    """
    with Store(db, must_exist=True) as store:
        users = store.users()
    rows = [
        {
            "name": u.name,
            "role": u.role,
            "created_at": u.created_at.isoformat() + "Z",
            "revoked_at": None if u.revoked_at is None else u.revoked_at.isoformat() + "Z",
        }
        for u in users
    ]
    if as_json:
        print_json(rows)
        return
    table = Table("name", "role", "created (UTC)", "revoked (UTC)")
    for u in users:
        table.add_row(
            u.name,
            u.role,
            f"{u.created_at:%Y-%m-%d %H:%M}",
            "—" if u.revoked_at is None else f"{u.revoked_at:%Y-%m-%d %H:%M}",
        )
    console.print(table)


@users_app.command("revoke")
def revoke_command(
    name: Annotated[str, typer.Argument(help="The user's name.", show_default=False)],
    db: DbOption = None,
) -> None:
    """Revoke a user's token for good (the user stays listed, for the audit trail).

    Example: [bold]truce users revoke kyiv-monitor[/]
    """
    with Store(db) as store:
        store.revoke_user(name)
    console.print(f"revoked {name}", highlight=False)
