"""The limits every door applies to what comes in: files, API bodies, terms.

One place, so that the CLI readers, the API and the terms parser refuse the same things
with the same words, and so that nothing a user sends can make truce hang, overflow the
calendar or a database column, or store a value that cannot be read back. Each check
raises `BadInput` naming the field and the limit; the caller adds the file and line.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from truce.errors import BadInput

# Characters of one report's (or incident's) free text. A long news analysis is some
# 30,000; extraction of 100,000 takes a few seconds.
MAX_TEXT = 100_000
# Characters of one document read whole (an account's HTML page, markup and all).
MAX_DOCUMENT = 5_000_000
# Characters of any other text field (a place, a source, a URL, a note).
MAX_FIELD = 2_000
# Characters of an id (incident, report, version, agreement).
MAX_ID = 200
# Casualty counts: above any war's, and inside every database's integer column.
MAX_COUNT = 1_000_000_000
# Depth of nested JSON or YAML: records are flat; a terms file is four levels deep.
MAX_NESTING = 32
# Instants truce accepts: the calendar of ceasefires, with room on both sides. Python's
# datetime stops at years 1 and 9999, so a year-1 time with a positive offset, or a
# window that runs past 9999, would fail at conversion; inside these years nothing does.
FIRST_YEAR = 1800
LAST_YEAR = 2999
EARLIEST = datetime(FIRST_YEAR, 1, 1, tzinfo=UTC)
LATEST = datetime(LAST_YEAR + 1, 1, 1, tzinfo=UTC) - timedelta(microseconds=1)
YEARS = f"{FIRST_YEAR} to {LAST_YEAR}"


def check_text(value: str, field: str, *, limit: int = MAX_FIELD) -> str:
    """A text that any database stores and any page shows: valid Unicode (no lone
    surrogate halves, which JSON escapes such as `\\ud800` can carry), no NUL, and no
    longer than `limit` characters."""
    if len(value) > limit:
        raise BadInput(
            f"is {len(value):,} characters long, over the limit of {limit:,}", field=field
        )
    if "\x00" in value:
        raise BadInput("must not contain NUL characters", field=field)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        code = ord(value[exc.start])
        raise BadInput(
            f"holds a lone surrogate (\\u{code:04x}) at character {exc.start + 1}: not valid"
            " Unicode",
            field=field,
        ) from None
    return value


def _bad_id_character(char: str) -> bool:
    # Control, format (zero-width), surrogate, private and unassigned characters, and
    # line or paragraph separators: an id holding one cannot be typed or fetched.
    category = unicodedata.category(char)
    return category[0] == "C" or category in ("Zl", "Zp")


def check_id(value: str, field: str = "id") -> str:
    """The one rule for ids that come in (incidents, reports, users' picks): 1 to
    `MAX_ID` characters, no control characters or line breaks, no spaces at either end,
    so that every stored id can be typed on a command line and fetched by URL."""
    check_text(value, field, limit=MAX_ID)
    if not value.strip():
        raise BadInput("must not be empty", field=field)
    if value != value.strip():
        raise BadInput(f"{value!r} begins or ends with a space", field=field)
    for position, char in enumerate(value, start=1):
        if _bad_id_character(char):
            raise BadInput(
                f"{value!r} holds a control character (U+{ord(char):04X}) at character {position}",
                field=field,
                hint="ids are printable text on one line",
            )
    return value


class HugeInt(int):
    """An integer of more digits than any count, as `load_json` reads it: kept as a
    stand-in so that the field's own check names the field (Python refuses to convert
    more than 4,300 digits, and would say nothing of where they were)."""

    digits: int = 0


def _json_int(text: str) -> int:
    digits = len(text.lstrip("-"))
    if digits <= 30:
        return int(text)
    huge = HugeInt(-(10**30) if text.startswith("-") else 10**30)
    huge.digits = digits
    return huge


def check_count(value: int, field: str) -> int:
    """A count of people: 0 to `MAX_COUNT`."""
    if isinstance(value, HugeInt):
        raise BadInput(
            f"a number of {value.digits:,} digits is over the limit of {MAX_COUNT:,}", field=field
        )
    if value < 0:
        raise BadInput(f"cannot be negative ({value})", field=field)
    if value > MAX_COUNT:
        shown = str(value) if value < 10**30 else f"a number of {len(str(value)):,} digits"
        raise BadInput(f"{shown} is over the limit of {MAX_COUNT:,}", field=field)
    return value


def check_instant(value: datetime, field: str, *, text: str | None = None) -> datetime:
    """An instant with a UTC offset inside the years truce accepts, in UTC. A naive
    datetime is refused by the caller (each door says what it expected)."""
    shown = text if text is not None else value.isoformat()
    try:
        instant = value.astimezone(UTC)
    except (OverflowError, ValueError):
        instant = None
    if instant is None or not EARLIEST <= instant <= LATEST:
        raise BadInput(f"'{shown}' is outside the years truce accepts ({YEARS})", field=field)
    return instant


def check_year(year: int, field: str, *, text: str) -> None:
    """A date (no time) inside the years truce accepts."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise BadInput(f"'{text}' is outside the years truce accepts ({YEARS})", field=field)


def check_window_end(starts: datetime, length: timedelta | Any, field: str) -> datetime:
    """`starts` plus an ISO 8601 duration (a `timedelta`, or isodate's `Duration` with
    months and years), refused when the end falls outside the years truce accepts."""
    try:
        end: datetime = starts + length
    except (OverflowError, ValueError):
        end = LATEST + timedelta(days=1)
    try:
        beyond = not EARLIEST <= end.astimezone(UTC) <= LATEST
    except (OverflowError, ValueError):
        beyond = True
    if beyond:
        raise BadInput(
            f"the window would end outside the years truce accepts ({YEARS})", field=field
        )
    return end


def to_utc(instant: datetime) -> datetime:
    """An aware instant in UTC that never fails: one stored before the limits above
    (year 1 at +14:00, a window ending past 9999) is clamped to the calendar's edge,
    so that one agreement's bad data cannot fail a ruling, an export or a page."""
    try:
        return instant.astimezone(UTC)
    except (OverflowError, ValueError):
        edge = datetime.min if instant.year < 2000 else datetime.max
        return edge.replace(tzinfo=UTC)


def nesting(value: Any) -> int:
    """How deep lists and mappings nest in decoded JSON or YAML (a scalar is 0)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, Mapping):
            children: Any = item.values()
        elif isinstance(item, list | tuple):
            children = item
        else:
            continue
        deepest = max(deepest, depth)
        if deepest > MAX_NESTING:
            return deepest
        stack.extend((child, depth + 1) for child in children)
    return deepest


def check_nesting(value: Any, field: str | None = None) -> Any:
    if nesting(value) > MAX_NESTING:
        raise BadInput(f"nested deeper than the limit of {MAX_NESTING} levels", field=field)
    return value


def load_json(text: str | bytes, field: str | None = None) -> Any:
    """`json.loads` that refuses, as `BadInput`, what the standard library would crash
    or stall on: nesting past `MAX_NESTING` (Python's parser recurses), integers of
    thousands of digits, and invalid JSON (the line is the error's `line`)."""
    try:
        value = json.loads(text, parse_int=_json_int)
    except json.JSONDecodeError as exc:
        raise BadInput(f"invalid JSON: {exc.msg}", line=exc.lineno, field=field) from None
    except RecursionError:
        raise BadInput(
            f"nested deeper than the limit of {MAX_NESTING} levels", field=field
        ) from None
    except ValueError as exc:  # an integer beyond Python's 4,300-digit conversion limit
        raise BadInput(f"invalid JSON: {exc}", field=field) from None
    return check_nesting(value, field)


def check_strings(raw: Mapping[str, Any], *, text_fields: frozenset[str] = frozenset()) -> None:
    """Every string value of a flat record: valid Unicode, no NUL, within its limit
    (`MAX_TEXT` for the fields named in `text_fields`, `MAX_FIELD` for the others)."""
    for name, value in raw.items():
        if isinstance(name, str) and len(name) > MAX_FIELD:
            raise BadInput(f"a field name over the limit of {MAX_FIELD:,} characters")
        if isinstance(value, str):
            check_text(value, str(name), limit=MAX_TEXT if name in text_fields else MAX_FIELD)
