"""What a new user meets first: error messages that keep every character, read-only
commands that refuse a database that is not there, and small wording."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from truce.cli import app

runner = CliRunner()


def truce(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_an_error_message_keeps_its_brackets(tmp_path: Path, seed_case: Path) -> None:
    terms = (seed_case / "terms.yaml").read_text("utf-8")
    bad = tmp_path / "terms.yaml"
    bad.write_text(terms.replace("agreement: energy-ceasefire-2025", "agreement: X [Y]"), "utf-8")
    code, _, err = truce("terms", "import", str(bad), "--db", f"sqlite:///{tmp_path / 't.db'}")
    assert code == 1
    assert "is not an id of [a-z0-9-]" in err
    assert "'X [Y]'" in err
