"""Reading reports to extract from: JSON Lines, or plain `.txt` files (CONTRACTS §2).

The whole file is read and validated before anything is extracted or stored, so a bad
line stops the run with its file, line and field and nothing half-written.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from truce.domain import Report, check_report_text, check_url, is_alignment
from truce.domain.limits import MAX_TEXT, check_id, check_strings, load_json
from truce.domain.published import parse_published
from truce.errors import BadInput

# Fields of a report that may hold its whole text; the others are short (MAX_FIELD).
_TEXT_FIELDS = frozenset({"text"})


def _url(value: Any) -> str | None:
    if value is not None and not isinstance(value, str):
        raise BadInput(f"{value!r} is not a URL", field="url")
    return value


def parse_report(
    raw: Any, *, default_id: str, published: datetime | None = None, published_day: bool = False
) -> Report:
    """One report from a decoded JSON object; raises `BadInput` naming the field."""
    if not isinstance(raw, dict):
        raise BadInput("each line must be a JSON object")
    check_strings(raw, text_fields=_TEXT_FIELDS)
    for name in ("source", "url"):
        if raw.get(name) is not None and not isinstance(raw[name], str):
            raise BadInput("must be text", field=name)
    text = raw.get("text")
    if not isinstance(text, str) or not text.strip():
        raise BadInput("missing text", field="text")
    check_report_text(text)
    alignment = raw.get("source_alignment")
    if alignment is not None and (not isinstance(alignment, str) or not is_alignment(alignment)):
        raise BadInput(
            f"unknown alignment {alignment!r} (a party code, 'media' or 'independent')",
            field="source_alignment",
        )
    day_only = published_day
    when: datetime | None
    if raw.get("published") is not None:
        when, day_only = parse_published(raw["published"])
    else:
        when = published
    report_id = raw.get("id")
    if report_id is not None and (
        isinstance(report_id, bool) or not isinstance(report_id, (str, int))
    ):
        raise BadInput("must be text", field="id")
    if report_id is not None:
        check_id(str(report_id))
    lang = raw.get("lang")
    if lang is not None and lang not in ("en", "uk", "ru"):
        raise BadInput(f"unsupported language {lang!r} (en, uk or ru)", field="lang")
    stance = raw.get("stance") or "affirm"
    if stance not in ("affirm", "deny"):
        raise BadInput(f"{stance!r} is not 'affirm' or 'deny'", field="stance")
    return Report(
        id=str(report_id) if report_id is not None else default_id,
        source=raw.get("source"),
        source_alignment=alignment,
        published=when,
        text=text,
        url=check_url(_url(raw.get("url"))),
        lang=lang,
        stance=stance,
        published_day=day_only,
    )


def read_reports(
    path: Path | str, *, published: datetime | None = None, published_day: bool = False
) -> list[Report]:
    """Every report of a `.jsonl` (or `.ndjson`) file, or the one report of a `.txt` file.

    A `.txt` report's id is the file's stem and its publication time `published`, else
    the file's modification time; `published_day` says `published` was a date alone."""
    path = Path(path)
    try:
        if path.suffix.lower() == ".txt" and path.stat().st_size > 4 * MAX_TEXT:
            # UTF-8 takes at most four bytes a character: too long, without reading it.
            raise BadInput(
                f"is {path.stat().st_size:,} bytes long, over the limit of {MAX_TEXT:,}"
                " characters for one report",
                file=str(path),
                line=1,
                field="text",
            )
        data = path.read_bytes()
    except OSError as exc:
        raise BadInput(f"cannot read ({exc.strerror})", file=str(path)) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise BadInput(
            "not UTF-8 text", file=str(path), line=line, hint="save it as UTF-8"
        ) from None
    if path.suffix.lower() == ".txt":
        if not text.strip():
            raise BadInput("the file is empty", file=str(path), field="text")
        try:
            check_report_text(text)
        except BadInput as exc:
            raise exc.located(file=str(path)) from None
        try:
            check_id(path.stem)
        except BadInput as exc:
            raise BadInput(
                f"the file name is the report's id: {exc.message}", file=str(path), field="id"
            ) from None
        when = published or datetime.fromtimestamp(path.stat().st_mtime, UTC)
        day = published_day and published is not None
        return [Report(id=path.stem, published=when, text=text, published_day=day)]
    reports: list[Report] = []
    for number, content in enumerate(text.splitlines(), start=1):
        if not content.strip():
            continue
        try:
            raw = load_json(content)
            reports.append(
                parse_report(
                    raw,
                    default_id=f"{path.stem}-{number}",
                    published=published,
                    published_day=published_day,
                )
            )
        except BadInput as exc:
            raise BadInput(
                exc.message, file=str(path), line=number, field=exc.field, hint=exc.hint
            ) from None
    return reports


__all__ = ["parse_published", "parse_report", "read_reports"]
