"""Checks every door applies alike (CLI files, `reports import`, API bodies, accounts),
kept here so there is one rule each and one wording of its error."""

from __future__ import annotations

from urllib.parse import urlsplit

from truce.domain.limits import MAX_TEXT, check_text
from truce.errors import BadInput

# The most text one free-text report may hold: the shared text limit (`limits.MAX_TEXT`).
# Extraction, though linear in the text, spends about 3 s on 100,000 characters: one
# post may not ask for more.
MAX_REPORT_TEXT = MAX_TEXT


def check_report_text(text: str, *, field: str = "text") -> str:
    """`text` if one report may hold it (valid Unicode, at most `MAX_REPORT_TEXT`
    characters); else `BadInput` naming the field and the bound."""
    try:
        return check_text(text, field, limit=MAX_REPORT_TEXT)
    except BadInput as exc:
        if len(text) > MAX_REPORT_TEXT:
            exc.hint = "split it into several reports"
        raise


def check_url(value: str | None, *, field: str = "url") -> str | None:
    """`value` if it is an absolute http(s) URL (or empty: None); else `BadInput`.

    Every stored URL is shown as a link, so `javascript:`, `data:` and the like are
    refused at the door rather than trusted to each page's escaping."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    try:
        parts = urlsplit(value)
    except ValueError:
        parts = None
    if (
        parts is None
        or parts.scheme.lower() not in ("http", "https")
        or not parts.netloc
        or any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in value)
    ):
        shown = value if len(value) <= 60 else value[:57] + "..."
        raise BadInput(f"'{shown}' is not an http(s) URL", field=field)
    return value
