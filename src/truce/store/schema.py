"""Tables, in SQLAlchemy Core and portable SQL (SQLite by default, PostgreSQL later).

Times are stored as naive UTC; the original text of a time is kept beside it, because an
analyst's "2025-03-18" (a day, in local time) must round-trip as a day, not an instant.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

agreements = sa.Table(
    "agreements",
    metadata,
    sa.Column("id", sa.String(100), primary_key=True),
    sa.Column("title", sa.Text),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("updated_at", sa.DateTime, nullable=False),
)

# Every revision of every version is kept; the current one has the highest revision.
terms_versions = sa.Table(
    "terms_versions",
    metadata,
    sa.Column("agreement_id", sa.String(100), sa.ForeignKey("agreements.id"), primary_key=True),
    sa.Column("version_id", sa.String(100), primary_key=True),
    sa.Column("revision", sa.Integer, primary_key=True),
    sa.Column("according_to", sa.String(20), nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("data", sa.JSON, nullable=False),
    sa.Column("yaml", sa.Text, nullable=False),
    sa.Column("source_file", sa.Text),
    sa.Column("imported_at", sa.DateTime, nullable=False),
)

# Sources' accounts: free text to extract from, or the origin of a structured record.
reports = sa.Table(
    "reports",
    metadata,
    sa.Column("id", sa.String(200), primary_key=True),
    sa.Column("source", sa.Text),
    sa.Column("source_alignment", sa.String(20)),
    sa.Column("published", sa.DateTime, index=True),
    # `published` was a date alone (0011): noon UTC of that day stands for it.
    sa.Column("published_day", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("text", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("lang", sa.String(8)),
    sa.Column("stance", sa.String(8), nullable=False),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("submitted_by", sa.String(100)),
    sa.Column("received_at", sa.DateTime, nullable=False),
)

incidents = sa.Table(
    "incidents",
    metadata,
    sa.Column("id", sa.String(200), primary_key=True),
    sa.Column("occurred_at", sa.String(40)),
    sa.Column("time_precision", sa.String(20), nullable=False),  # widened in 0006
    sa.Column("occurred_from", sa.DateTime, index=True),
    sa.Column("occurred_to", sa.DateTime),
    sa.Column("place", sa.Text),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("country", sa.String(2), index=True),
    sa.Column("region", sa.Text),
    sa.Column("geo_precision", sa.String(12), nullable=False),
    sa.Column("perpetrator", sa.String(20), nullable=False),
    sa.Column("target", sa.String(60)),
    sa.Column("target_detail", sa.Text),
    sa.Column("weapon", sa.Text),
    sa.Column("killed", sa.Integer),
    sa.Column("injured", sa.Integer),
    sa.Column("source", sa.Text),
    sa.Column("source_alignment", sa.String(20)),
    sa.Column("reported_at", sa.DateTime),
    sa.Column("url", sa.Text),
    sa.Column("text", sa.Text),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("source_file", sa.Text),
    sa.Column("imported_at", sa.DateTime, nullable=False),
    sa.Column("report_id", sa.String(200), sa.ForeignKey("reports.id"), index=True),
    # Consolidated from the incident's evidence (truce.merge); added in 0007.
    sa.Column("corroboration", sa.String(20), index=True),
    sa.Column("denied_by", sa.String(100)),
)

# Each report's account of an incident (or an analyst's coded row), and the incident it
# was merged into: NULL for a denial that matches no incident yet. The footprint
# columns (truce.merge.footprint) let candidates be compared without parsing `record`.
evidence = sa.Table(
    "evidence",
    metadata,
    sa.Column("id", sa.String(200), primary_key=True),
    sa.Column("incident_id", sa.String(200), sa.ForeignKey("incidents.id"), index=True),
    sa.Column("report_id", sa.String(200), sa.ForeignKey("reports.id"), index=True),
    sa.Column("stance", sa.String(8), nullable=False),
    sa.Column("coded", sa.Boolean, nullable=False),
    # The record as canonical JSON text (what `content_hash` is the hash of): written
    # once per report, read back only when an incident is consolidated.
    sa.Column("record", sa.Text, nullable=False),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("source", sa.Text),
    sa.Column("source_alignment", sa.String(20)),
    sa.Column("window_start", sa.DateTime),
    sa.Column("window_end", sa.DateTime),
    sa.Column("level", sa.Integer, nullable=False),
    sa.Column("settlement", sa.Text),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("region", sa.Text),
    sa.Column("country", sa.String(2)),
    sa.Column("target", sa.String(60)),
    sa.Column("received_at", sa.DateTime, nullable=False),
)

# Blocking: where each mergeable piece of evidence is filed (a map cell, a region, a
# settlement) and on which UTC day its window starts.
evidence_keys = sa.Table(
    "evidence_keys",
    metadata,
    sa.Column("key", sa.String(200), primary_key=True),
    sa.Column("day", sa.Integer, primary_key=True),
    sa.Column(
        "evidence_id", sa.String(200), sa.ForeignKey("evidence.id"), primary_key=True, index=True
    ),
)

# API users: the token itself is never stored, only its SHA-256.
users = sa.Table(
    "users",
    metadata,
    sa.Column("name", sa.String(100), primary_key=True),
    sa.Column("role", sa.String(20), nullable=False),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("created_at", sa.DateTime, nullable=False),
    sa.Column("revoked_at", sa.DateTime),
)

# Append-only hash chain over every write (truce.audit): `seq` has no gaps, and a
# unique `prev_hash` makes a fork impossible even if two writers raced.
audit_log = sa.Table(
    "audit_log",
    metadata,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("at", sa.DateTime, nullable=False),
    sa.Column("actor", sa.String(100), nullable=False),
    sa.Column("action", sa.String(40), nullable=False),
    sa.Column("object", sa.Text, nullable=False),
    sa.Column("payload_hash", sa.String(64), nullable=False),
    sa.Column("prev_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("hash", sa.String(64), nullable=False),
    # The payload as the canonical JSON its hash was taken of (0008), so `audit verify`
    # can hold the stored rows to what each entry says was written; NULL for entries
    # written before 0008 whose payload could not be rebuilt.
    sa.Column("payload", sa.Text),
)

# Promises with due dates read from accounts (truce.commitments); their status is not
# stored but worked out from the stored reports whenever they are read.
commitments = sa.Table(
    "commitments",
    metadata,
    sa.Column("id", sa.String(200), primary_key=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("actors", sa.JSON, nullable=False),
    sa.Column("action", sa.String(40), nullable=False, index=True),
    sa.Column("quantity", sa.Integer),
    sa.Column("counts", sa.Text),
    sa.Column("due", sa.Date, index=True),
    sa.Column("due_rule", sa.String(20), nullable=False),
    sa.Column("account", sa.Text, nullable=False),
    sa.Column("announced", sa.Date),
    sa.Column("statement", sa.String(200), nullable=False),
    sa.Column("saved_at", sa.DateTime, nullable=False),
)

# Accounts of an agreement (readouts, statements) as published, so the dashboard can
# compare them again with the current reader. Not tied to a stored agreement by a
# foreign key: accounts usually come first, and terms are drafted from them.
accounts = sa.Table(
    "accounts",
    metadata,
    sa.Column("agreement_id", sa.String(100), primary_key=True),
    sa.Column("name", sa.String(300), primary_key=True),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("on_date", sa.String(40)),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("saved_at", sa.DateTime, nullable=False),
)

# The dashboard's index (truce.web.overview): each incident's verdict under each current
# version of an agreement, with the few facets the dashboard filters, counts and maps by,
# so its panels are answered by GROUP BY and LIMIT here instead of by shipping every
# incident. Derived data: rebuilt whenever `dashboard_builds.stamp` no longer matches
# the store, and safe to delete at any time.
# Compared byte by byte on both engines (SQLite's default; PostgreSQL's "C" collation),
# as `Store._incident_order` compares ids.
SORT_KEY = sa.String(250).with_variant(sa.String(250, collation="C"), "postgresql")

dashboard_index = sa.Table(
    "dashboard_index",
    metadata,
    sa.Column("agreement_id", sa.String(100), primary_key=True),
    sa.Column("version", sa.Integer, primary_key=True),  # the version's position
    sa.Column("incident_id", sa.String(200), primary_key=True),
    # The incident's place in `incidents()` as one string compared byte by byte:
    # `sort_key()` in truce.store.overview. A key, not a position, so an incident can be
    # added or re-ruled without renumbering the rest.
    sa.Column("sort_key", SORT_KEY, nullable=False),
    sa.Column("verdict", sa.Integer, nullable=False),  # index into Verdict
    sa.Column("reason", sa.Integer, nullable=False),  # index into REASONS
    sa.Column("day", sa.String(10)),
    sa.Column("perpetrator", sa.String(20), nullable=False),
    sa.Column("alignment", sa.String(20)),
    sa.Column("corroboration", sa.Integer),  # Corroboration.rank
    sa.Column("map_lat", sa.Float),
    sa.Column("map_lon", sa.Float),
    sa.Column("map_precision", sa.String(8)),
    # Web Mercator pixels at zoom 20, so a map cell at any zoom is an integer division.
    sa.Column("map_x", sa.Integer),
    sa.Column("map_y", sa.Integer),
    sa.Index("ix_dashboard_index_order", "agreement_id", "version", "sort_key"),
    sa.Index("ix_dashboard_index_map", "agreement_id", "version", "map_x", "map_y"),
)

dashboard_builds = sa.Table(
    "dashboard_builds",
    metadata,
    sa.Column("agreement_id", sa.String(100), primary_key=True),
    sa.Column("stamp", sa.String(200), nullable=False),
    sa.Column("versions", sa.JSON, nullable=False),  # version ids, in order
    sa.Column("built_at", sa.DateTime, nullable=False),
)
