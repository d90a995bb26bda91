"""Hostile input at every door of the command line (issue 16.7): each case of the
generated corpus (`tests/hostile.py`) exits with code 1 and one line naming the file,
never a traceback or a hang, and leaves the database exactly as it was."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from click.testing import Result
from typer.testing import CliRunner

from truce.cli import app

from ..conftest import SEED_CASE
from ..hostile import Case, cases

# Not a speed limit: only a guard so that a hang fails the test instead of the run.
HANG_GUARD = 120

runner = CliRunner()


def snapshot(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, to compare before and after."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            tables = sa.inspect(conn).get_table_names()
            return {
                t: sorted(map(tuple, conn.execute(sa.text(f'SELECT * FROM "{t}"'))), key=repr)
                for t in tables
            }
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database holding the seed case's terms and incidents, made once."""
    path = tmp_path_factory.mktemp("template") / "truce.db"
    url = f"sqlite:///{path}"
    for args in (
        ("terms", "import", str(SEED_CASE / "terms.yaml")),
        ("incidents", "import", str(SEED_CASE / "incidents.csv")),
    ):
        result = runner.invoke(app, [*args, "--db", url])
        assert result.exit_code == 0, result.output
    return path


def invoke(args: list[str]) -> Result:
    """The command in this process, in a thread that must finish within the guard."""
    box: list[Result] = []
    thread = threading.Thread(target=lambda: box.append(runner.invoke(app, args)), daemon=True)
    thread.start()
    thread.join(HANG_GUARD)
    assert box, f"truce {' '.join(args)[:200]} did not finish (hang guard)"
    return box[0]


def assert_one_line_error(result: Result, named: str) -> str:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert result.exit_code == 1, (result.exit_code, result.stdout[-500:], result.stderr[-500:])
    message = result.stderr.strip()
    assert message.startswith("error: "), message[:500]
    assert "\n" not in message, message[:500]
    assert "Traceback" not in message
    assert named in message, message
    return message


@pytest.mark.parametrize("case", list(cases()), ids=lambda case: case.id)
def test_hostile_input_fails_in_one_line_and_stores_nothing(
    case: Case, template: Path, tmp_path: Path
) -> None:
    for name, data in case.files.items():
        (tmp_path / name).write_bytes(data)
    db = tmp_path / "truce.db"
    shutil.copy(template, db)
    url = f"sqlite:///{db}"
    before = snapshot(url)
    paths = {"{" + name + "}": str(tmp_path / name) for name in case.files}
    args = [paths.get(arg, arg) for arg in case.args]
    if case.needs_db:
        args += ["--db", url]
    message = assert_one_line_error(invoke(args), case.named)
    assert len(message) < 600, message  # one readable line, not a dump of the input
    assert snapshot(url) == before


def test_the_corpus_covers_every_reader() -> None:
    """Every command that reads a user's file is in the corpus."""
    commands = {" ".join(a for a in c.args[:2] if not a.startswith("{")) for c in cases()}
    assert commands >= {
        "incidents import", "reports import", "terms import", "extract", "merge", "compare",
        "commitments extract", "commitments check",
    }  # fmt: skip
    assert len(list(cases())) >= 100


def test_yaml_scalars_stay_text(tmp_path: Path, sqlite_url: str) -> None:
    """`id: yes` is the version 'yes', not True; `NO` in a list is Norway's code."""
    terms = tmp_path / "t.yaml"
    terms.write_text(
        "agreement: yaml-scalars\nversions:\n  - id: yes\n    according_to: NO\n"
        "    bound: [NO, RU]\n    protects: [infrastructure]\n"
        "    starts: 2025-03-18T17:00:00+03:00\n"
    )
    result = runner.invoke(app, ["terms", "import", str(terms), "--db", sqlite_url])
    assert result.exit_code == 0, result.output
    shown = runner.invoke(app, ["terms", "show", "yaml-scalars", "--json", "--db", sqlite_url])
    version = __import__("json").loads(shown.stdout)["versions"][0]
    assert version["id"] == "yes"
    assert version["according_to"] == "NO"
    assert version["bound"] == ["NO", "RU"]


def test_a_read_only_database_is_one_line(template: Path, tmp_path: Path) -> None:
    """Writing to a database opened read-only: one line naming it, in a real process."""
    db = tmp_path / "truce.db"
    shutil.copy(template, db)
    before = snapshot(f"sqlite:///{db}")
    url = f"sqlite:///file:{db}?mode=ro&uri=true"
    process = subprocess.run(
        [sys.executable, "-m", "truce", "incidents", "import",
         str(SEED_CASE.parent / "layouts" / "acled-sample.csv"), "--format", "acled",
         "--db", url],
        capture_output=True, text=True, timeout=HANG_GUARD, cwd=tmp_path,
        env={**os.environ, "COLUMNS": "200"},
    )  # fmt: skip
    assert process.returncode == 1, process.stderr
    assert process.stderr.startswith("error: "), process.stderr
    assert process.stderr.strip().count("\n") == 0, process.stderr
    assert "readonly" in process.stderr or "read-only" in process.stderr
    assert snapshot(f"sqlite:///{db}") == before


def test_an_unwritable_out_file_is_one_line(template: Path, tmp_path: Path) -> None:
    result = invoke(
        ["export", "--format", "csv", "--out", str(tmp_path / "no" / "such" / "dir" / "x.csv"),
         "--db", f"sqlite:///{template}"]
    )  # fmt: skip
    assert_one_line_error(result, "x.csv")
