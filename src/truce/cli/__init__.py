"""The `truce` command line: parses arguments and calls the stages, nothing more."""

from __future__ import annotations

from truce.cli.app import app
from truce.cli.bench import bench_app
from truce.cli.incidents import incidents_app
from truce.cli.report import report
from truce.cli.rule import rule_command
from truce.cli.terms import terms_app

app.add_typer(terms_app, name="terms")
app.add_typer(incidents_app, name="incidents")
app.add_typer(bench_app, name="bench")
app.command("rule")(rule_command)
app.command("report")(report)


def main() -> None:
    app(prog_name="truce")


__all__ = ["app", "main"]
