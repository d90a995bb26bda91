"""The `truce` command line: parses arguments and calls the stages, nothing more."""

from __future__ import annotations

from truce.cli.app import app
from truce.cli.audit import audit_app
from truce.cli.batch import batch_app
from truce.cli.bench import bench_app
from truce.cli.commitments import commitments_app
from truce.cli.compare import compare_command
from truce.cli.export import export_command
from truce.cli.extract import extract_command
from truce.cli.incidents import incidents_app
from truce.cli.merge import merge_command
from truce.cli.report import report
from truce.cli.reports import reports_app
from truce.cli.rule import rule_command
from truce.cli.serve import serve_command
from truce.cli.taxonomy import taxonomy_command
from truce.cli.terms import terms_app
from truce.cli.users import users_app

app.add_typer(terms_app, name="terms")
app.add_typer(incidents_app, name="incidents")
app.add_typer(reports_app, name="reports")
app.add_typer(bench_app, name="bench")
app.add_typer(batch_app, name="batch")
app.add_typer(users_app, name="users")
app.add_typer(audit_app, name="audit")
app.add_typer(commitments_app, name="commitments")
app.command("serve")(serve_command)
app.command("taxonomy")(taxonomy_command)
app.command("rule")(rule_command)
app.command("report")(report)
app.command("compare")(compare_command)
app.command("extract")(extract_command)
app.command("merge")(merge_command)
app.command("export")(export_command)


def main() -> None:
    app(prog_name="truce")


__all__ = ["app", "main"]
