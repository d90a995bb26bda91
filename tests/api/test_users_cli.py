"""`truce users …` and `truce serve --help`: tokens shown once, stored only as hashes."""

from __future__ import annotations

import json

import sqlalchemy as sa
from typer.testing import CliRunner

from truce.api import hash_token
from truce.cli import app

runner = CliRunner()


def truce(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_add_list_revoke(db_url: str) -> None:
    code, out, _ = truce("users", "add", "kyiv-monitor", "--role", "monitor", "--db", db_url)
    assert code == 0
    token = out.strip().splitlines()[-1]
    assert token.startswith("truce_") and len(token) > 40

    engine = sa.create_engine(db_url)
    with engine.connect() as conn:
        (stored,) = conn.execute(sa.text("SELECT token_hash FROM users")).one()
        actor = conn.execute(sa.text("SELECT actor FROM audit_log")).scalar_one()
    engine.dispose()
    assert stored == hash_token(token) and token not in stored
    assert actor.startswith("cli:")

    code, out, _ = truce("users", "add", "kyiv-monitor", "--role", "viewer", "--db", db_url)
    assert code == 1
    code, _, err = truce("users", "add", "x", "--role", "superuser", "--db", db_url)
    assert code == 2 and "superuser" in err

    assert truce("users", "revoke", "kyiv-monitor", "--db", db_url)[0] == 0
    code, _, err = truce("users", "revoke", "kyiv-monitor", "--db", db_url)
    assert code == 1 and "revoked already" in err
    code, out, _ = truce("users", "list", "--json", "--db", db_url)
    (user,) = json.loads(out)
    assert (user["name"], user["role"]) == ("kyiv-monitor", "monitor")
    assert user["revoked_at"] is not None and token not in out


def test_every_new_command_has_an_example_in_its_help() -> None:
    for command in (
        ["serve"], ["users", "add"], ["users", "list"], ["users", "revoke"],
        ["audit", "verify"], ["audit", "list"], ["bench", "api"],
    ):  # fmt: skip
        code, out, _ = truce(*command, "--help")
        assert code == 0 and "Example: truce " in " ".join(out.split()), command


def test_the_last_admin_is_not_revoked(db_url: str) -> None:
    assert truce("users", "add", "chief", "--role", "admin", "--db", db_url)[0] == 0
    code, _, err = truce("users", "revoke", "chief", "--db", db_url)
    assert code == 1 and "'chief' is the last admin" in err
    assert truce("users", "add", "deputy", "--role", "admin", "--db", db_url)[0] == 0
    assert truce("users", "revoke", "chief", "--db", db_url)[0] == 0
