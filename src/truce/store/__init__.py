"""Storage on SQLAlchemy 2 with Alembic migrations: SQLite by default, PostgreSQL later."""

from truce.store.database import DEFAULT_URL, resolve_url
from truce.store.store import (
    AccountsSaved,
    IncidentsImport,
    ReportsImport,
    Revision,
    Store,
    StoredAccount,
    TermsImport,
    User,
    default_actor,
)

__all__ = [
    "DEFAULT_URL",
    "AccountsSaved",
    "IncidentsImport",
    "ReportsImport",
    "Revision",
    "Store",
    "StoredAccount",
    "TermsImport",
    "User",
    "default_actor",
    "resolve_url",
]
