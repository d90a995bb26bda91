"""Opening a database: URL resolution, SQLite pragmas and migrations to head."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from truce.errors import BadInput, Unavailable

DEFAULT_URL = "sqlite:///truce.db"
MIGRATIONS = Path(__file__).parent / "migrations"


def resolve_url(url: str | None) -> str:
    """`--db`, else `TRUCE_DB`, else a `truce.db` SQLite file in the working directory."""
    return url or os.environ.get("TRUCE_DB") or DEFAULT_URL


# URLs that name no driver get the one truce installs: psycopg 3 (SQLAlchemy's own
# default for plain `postgresql://` is psycopg2, which truce does not depend on).
_DEFAULT_DRIVERS = {"postgresql": "postgresql+psycopg", "postgres": "postgresql+psycopg"}


def engine_url(url: str) -> sa.URL:
    """The SQLAlchemy URL truce connects with: `postgresql://…` means psycopg 3."""
    try:
        parsed = sa.make_url(url)
    except sa.exc.ArgumentError as exc:
        raise BadInput(f"not a database URL: {url!r}", field="--db") from exc
    driver = _DEFAULT_DRIVERS.get(parsed.drivername)
    return parsed if driver is None else parsed.set(drivername=driver)


def shown_url(url: str | sa.URL) -> str:
    """A URL fit for a message: the password, if any, masked."""
    try:
        return sa.make_url(url).render_as_string(hide_password=True)
    except sa.exc.ArgumentError:
        return "<not a URL>"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _check_sqlite_file(path: Path, *, must_exist: bool) -> None:
    """A mistyped `--db` must not quietly become a new, empty database: a command that
    only reads refuses a file that is not there, and one that writes creates the file
    but never the folders above it."""
    if path.exists():
        return
    if must_exist:
        raise BadInput(
            f"no database at {path} (this command only reads one)",
            field="--db",
            hint="check --db or TRUCE_DB; commands that store data create it",
        )
    if not path.parent.is_dir():
        raise BadInput(
            f"folder {path.parent} does not exist, so the database {path.name} cannot be made"
            " there",
            field="--db",
            hint=f"check --db or TRUCE_DB, or create the folder: mkdir -p {path.parent}",
        )


def _sqlite_path(url: sa.URL) -> Path:
    """The file of a SQLite URL, also in its URI form (`sqlite:///file:PATH?mode=ro&uri=true`,
    which opens a database read-only): the `file:` prefix is not part of the path."""
    database = url.database or ""
    if url.query.get("uri") == "true" and database.startswith("file:"):
        database = database.removeprefix("file:")
    return Path(database)


def create_engine(url: str, *, must_exist: bool = False) -> sa.Engine:
    """An engine for `url`. With `must_exist`, a SQLite file that is not there is an
    error (a server database that is not there fails to connect anyway)."""
    parsed = engine_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        _check_sqlite_file(_sqlite_path(parsed), must_exist=must_exist)
    try:
        engine = sa.create_engine(parsed)
    except ModuleNotFoundError as exc:
        hint = None
        if parsed.get_backend_name() == "postgresql":
            hint = (
                "pip install 'psycopg[binary]>=3.2'"
                if exc.name == "psycopg"
                else f"pip install {exc.name}, or write postgresql:// to use psycopg 3"
            )
        raise BadInput(
            f"no database driver for {parsed.drivername} ({exc.name} is not installed)",
            field="--db",
            hint=hint,
        ) from exc
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_pragmas)
    sa.event.listen(engine, "handle_error", _unavailable)
    return engine


# What SQLite says when the file, its folder or the disk refuses a write: the database is
# not at fault, the place it lives is.
_SQLITE_PLACE = (
    "readonly database",
    "unable to open database",
    "disk i/o error",
    "database or disk is full",
    "database is locked",
    "out of memory",
)


def _unavailable(context: sa.engine.ExceptionContext) -> None:
    """One line instead of a traceback when the database cannot be written or reached."""
    if context.connection is None:
        return  # opening failed: `migrate` names the database (`Unreachable`)
    original = context.original_exception
    reason = str(original).strip().splitlines()[0] if str(original).strip() else repr(original)
    engine = context.engine
    where = shown_url(engine.url) if engine is not None else "the database"
    if context.dialect is not None and context.dialect.name == "sqlite":
        if any(phrase in reason.lower() for phrase in _SQLITE_PLACE):
            raise Unavailable(f"cannot write {where}: {reason}") from None
        return
    sqlstate = getattr(original, "sqlstate", None) or ""
    if sqlstate == "25006" or sqlstate.startswith("53"):  # read-only; disk full, out of memory
        raise Unavailable(f"cannot use {where}: {reason}") from None


class Unreachable(BadInput):
    """The database cannot be opened: a server down, refusing us, or a file not writable."""

    def __init__(self, url: sa.URL, exc: sa.exc.OperationalError) -> None:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else str(exc)
        if url.password:
            reason = reason.replace(str(url.password), "***")
        hint = (
            "is the server running, and do the host, port, user and password fit?"
            if url.get_backend_name() == "postgresql"
            else None
        )
        super().__init__(f"cannot open {shown_url(url)}: {reason}", field="--db", hint=hint)


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


# Alembic keeps the running migration in module globals (`alembic.op`, `alembic.context`),
# so two threads of one process must not migrate at once.
_MIGRATING = threading.Lock()
# Key of the PostgreSQL advisory lock that lets one process at a time migrate a database.
_MIGRATION_LOCK_KEY = 0x7472756365  # "truce"


def migrate(engine: sa.Engine) -> None:
    """Bring the schema to the newest migration (a no-op when it is there already).

    Safe when several processes open a new database at once (two `truce serve` started
    together, parallel imports): on PostgreSQL each takes a transaction-scoped advisory
    lock and looks at the revision again once it holds it, so one migrates and the rest
    find the schema at head. SQLite's write lock does the same there."""
    config = alembic_config()
    head = ScriptDirectory.from_config(config).get_current_head()
    try:
        connection_ = engine.connect()
    except sa.exc.OperationalError as exc:  # the first connection truce makes
        raise Unreachable(engine.url, exc) from exc
    with connection_ as connection:
        with connection.begin():
            if MigrationContext.configure(connection).get_current_revision() == head:
                return
        with _MIGRATING, connection.begin():
            if connection.dialect.name == "postgresql":
                connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK_KEY})")
            if MigrationContext.configure(connection).get_current_revision() == head:
                return
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
