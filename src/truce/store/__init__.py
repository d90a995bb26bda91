"""Storage on SQLAlchemy 2 with Alembic migrations: SQLite by default, PostgreSQL later."""

from truce.store.database import DEFAULT_URL, resolve_url
from truce.store.store import IncidentsImport, Revision, Store, TermsImport

__all__ = ["DEFAULT_URL", "IncidentsImport", "Revision", "Store", "TermsImport", "resolve_url"]
