"""The root command, shared options and the one place errors become exit codes."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn
from typer.core import TyperGroup

from truce import __version__
from truce.errors import TruceError

console = Console()
err = Console(stderr=True)


class TruceGroup(TyperGroup):
    """Turns every `TruceError` into one line on stderr and exit code 1 (CONTRACTS §3)."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except TruceError as exc:
            # Escaped: a message quoting `[a-z0-9-]` or a user's `[text]` is not markup.
            err.print(f"[bold red]error:[/] {escape(str(exc))}", highlight=False, soft_wrap=True)
            raise typer.Exit(1) from None


def _version(value: bool) -> None:
    if value:
        console.print(f"truce {__version__}")
        raise typer.Exit()


app = typer.Typer(
    cls=TruceGroup,
    help="Ceasefire monitoring and verification: terms as rules, incidents, rulings.",
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """truce: what was agreed, according to whom; what happened; who broke which version."""


DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar="TRUCE_DB",
        help="SQLAlchemy database URL (default: sqlite:///truce.db).",
        show_default=False,
    ),
]
JsonOption = Annotated[
    bool, typer.Option("--json", help="Print machine-readable JSON on stdout, nothing else.")
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summaries.")]


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def sub_app(help_text: str) -> typer.Typer:
    return typer.Typer(
        cls=TruceGroup, help=help_text, no_args_is_help=True, rich_markup_mode="rich"
    )


@contextmanager
def progress_bar(
    description: str, *, quiet: bool = False
) -> Iterator[Callable[[int, int], None] | None]:
    """A callback telling a transient bar (done, total), or None when quiet or when the
    console is not a terminal (a pipe gets no bar)."""
    if quiet or not console.is_terminal:
        yield None
        return
    columns = (TextColumn("{task.description}"), BarColumn(), TaskProgressColumn())
    with Progress(*columns, TimeRemainingColumn(), console=console, transient=True) as bar:
        task = bar.add_task(description, total=None)
        yield lambda done, total: bar.update(task, completed=done, total=total)
