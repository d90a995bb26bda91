"""A report's `published`: an instant with its UTC offset, or a date alone (CONTRACTS §2).

Many real feeds give only the day a report came out. Such a date stands for noon UTC of
that day (inside the day in every zone of the theatre), and the report carries a flag,
so the times drawn from it are known to the day at best.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from typing import Any

from truce.domain.limits import check_instant, check_year
from truce.errors import BadInput

_DATE_ALONE = re.compile(r"\d{4}-\d{2}-\d{2}")
_HINT = "e.g. 2025-03-19T08:15:00+02:00, or 2025-03-19 for a day"


def parse_published(value: Any, field: str = "published") -> tuple[datetime, bool]:
    """A report's publication time (ISO 8601 with a UTC offset) or date alone; the
    flag says it was a date. A date stands for noon UTC of that day, inside the day
    in every zone of the theatre, so "today" and "yesterday" still resolve."""
    if not isinstance(value, str):
        raise BadInput(f"{value!r} is not an ISO 8601 date-time", field=field, hint=_HINT)
    text = value.strip()
    if _DATE_ALONE.fullmatch(text):
        try:
            day = date.fromisoformat(text)
        except ValueError:
            raise BadInput(f"'{value}' is not a date", field=field, hint=_HINT) from None
        check_year(day.year, field, text=text)
        return datetime.combine(day, time(12), UTC), True
    try:
        instant = datetime.fromisoformat(text)
    except ValueError:
        raise BadInput(f"'{value}' is not an ISO 8601 date-time", field=field, hint=_HINT) from None
    if instant.tzinfo is None:
        raise BadInput(f"'{value}' has no UTC offset", field=field, hint=_HINT)
    check_instant(instant, field, text=text)
    return instant, False
