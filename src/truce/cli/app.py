"""The root command, shared options and the one place errors become exit codes."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn
from rich.text import Text
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
            _fail(str(exc))
        except BrokenPipeError:  # `truce … | head`: the reader left; nothing to say
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise typer.Exit(1) from None
        except OSError as exc:  # a file or folder that cannot be written (`--out`, …)
            where = f"{exc.filename}: " if exc.filename else ""
            _fail(f"{where}{exc.strerror or exc}")


def _fail(message: str) -> NoReturn:
    """One line on stderr, exit code 1. Values quoted in the message are the user's:
    line breaks and control characters in them are escaped (so it stays one line), and
    brackets are printed as they are, not read as Rich markup."""
    shown = "".join(c if c.isprintable() else ascii(c)[1:-1] for c in message)
    err.print("[bold red]error:[/] ", end="", highlight=False)
    err.print(Text(shown), highlight=False, soft_wrap=True)
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


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """`1 report`, `2 reports`, `1,000 reports`: counts in messages agree with their noun."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def note_dated_by_file_time(file: Path, published: object, remedy: str) -> None:
    """A `.txt` report carries no publication time; without one given, it is dated by
    the file's modification time (docs/formats.md). Say so, once, on stderr: a copied
    or downloaded file's time is rarely when the text was published."""
    if published is not None or file.suffix.lower() != ".txt" or not file.is_file():
        return
    when = datetime.fromtimestamp(file.stat().st_mtime, UTC).isoformat(timespec="seconds")
    err.print(
        f"note: {file} is dated by its modification time, {when}, as it has no publication"
        f" time; {remedy}",
        highlight=False,
        markup=False,
        soft_wrap=True,
    )


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
