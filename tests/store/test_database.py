"""Opening databases: which driver a URL gets, and what a user reads when it fails."""

from __future__ import annotations

import socket

import pytest
import sqlalchemy as sa
from alembic.script import ScriptDirectory
from typer.testing import CliRunner

from truce.cli import app
from truce.errors import BadInput
from truce.store import Store
from truce.store.database import alembic_config, create_engine, engine_url


@pytest.mark.parametrize(
    ("url", "driver"),
    [
        ("postgresql://u:p@db.example/truce", "postgresql+psycopg"),
        ("postgres://db.example/truce", "postgresql+psycopg"),
        ("postgresql+psycopg://db.example/truce", "postgresql+psycopg"),
        ("postgresql+psycopg2://db.example/truce", "postgresql+psycopg2"),  # asked for: kept
        ("sqlite:///truce.db", "sqlite"),
    ],
)
def test_plain_postgresql_urls_use_psycopg_3(url: str, driver: str) -> None:
    assert engine_url(url).drivername == driver


def test_a_plain_postgresql_url_opens_with_psycopg(postgres: str) -> None:
    plain = postgres.replace("postgresql+psycopg://", "postgresql://").format(database="postgres")
    engine = create_engine(plain)
    try:
        assert engine.dialect.driver == "psycopg"
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT 1").scalar() == 1
    finally:
        engine.dispose()


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])  # closed again when the block ends


def test_an_unreachable_server_is_one_line_naming_the_url_but_not_the_password() -> None:
    url = f"postgresql://monitor:s3cret-pw@127.0.0.1:{_closed_port()}/truce"
    with pytest.raises(BadInput) as caught:
        Store(url)
    message = str(caught.value)
    assert "postgresql+psycopg://monitor:***@127.0.0.1:" in message
    assert "s3cret-pw" not in message and "is the server running" in message

    result = CliRunner().invoke(app, ["rule", "-a", "x", "--db", url])
    assert result.exit_code == 1
    assert "cannot open postgresql+psycopg://monitor:***@" in result.stderr
    assert "s3cret-pw" not in result.stderr and "Traceback" not in result.output


def test_migrations_reach_the_same_head_on_both_engines(db_url: str) -> None:
    with Store(db_url) as store, store.engine.connect() as conn:
        tables = set(sa.inspect(conn).get_table_names())
        version = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    assert version == ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert {"incidents", "reports", "audit_log", "terms_versions", "users"} <= tables
