"""Incident files: CSV, JSON and JSON Lines, read whole and validated row by row.

Reading never stores anything: it returns every incident or raises the first error,
located by file, line and field, so that an import is all or nothing.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from truce.domain import Incident, Stance
from truce.domain.limits import load_json
from truce.errors import BadInput
from truce.incidents.cells import restore
from truce.incidents.records import KNOWN_FIELDS, is_ruling_field, parse_incident

FORMATS = ("csv", "json", "jsonl")
_SUFFIXES = {".csv": "csv", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl"}


def detect_format(path: Path) -> str:
    try:
        return _SUFFIXES[path.suffix.lower()]
    except KeyError:
        raise BadInput(
            f"cannot tell the format from the suffix '{path.suffix}'",
            file=str(path),
            hint="use .csv, .json or .jsonl",
        ) from None


def read_incidents(path: Path | str, *, now: datetime | None = None) -> list[Incident]:
    """Every incident of a file, validated; raises `BadInput` at the first bad row."""
    return [incident for _, incident in read_incident_rows(path, now=now)]


Progress = Callable[[int, int], None]


def read_incident_rows(
    path: Path | str, *, now: datetime | None = None, progress: Progress | None = None
) -> list[tuple[int, Incident]]:
    """Like `read_incidents`, with the line each incident starts on. `progress` is told
    (line reached, lines in the file) as rows are validated."""
    return [(line, incident) for line, incident, _ in _read_rows(path, now, progress)]


def read_report_rows(
    path: Path | str, *, now: datetime | None = None, progress: Progress | None = None
) -> list[tuple[int, Incident, Stance]]:
    """Structured reports to merge (CONTRACTS §2): incident rows, each one source's
    account, with its `stance` (`affirm` when the column is absent or empty)."""
    return [
        (line, incident, Stance(str(raw.get("stance") or "").strip() or "affirm"))
        for line, incident, raw in _read_rows(path, now, progress)
    ]


def _read_rows(
    path: Path | str, now: datetime | None, progress: Progress | None
) -> list[tuple[int, Incident, dict[str, Any]]]:
    path = Path(path)
    now = now or datetime.now(UTC)
    kind = detect_format(path)
    text = read_text(path)
    rows = {"csv": _csv_rows, "json": _json_rows, "jsonl": _jsonl_rows}[kind](text, str(path))
    incidents: list[tuple[int, Incident, dict[str, Any]]] = []
    first_line: dict[str, int] = {}
    total_lines = text.count("\n") + 1
    for line, raw in rows:
        if progress is not None and len(incidents) % 1000 == 0:
            progress(line, total_lines)
        try:
            incident = parse_incident(raw, now=now)
        except BadInput as exc:
            raise exc.located(file=str(path), line=line) from None
        if incident.id in first_line:
            raise BadInput(
                f"duplicate id '{incident.id}' (first on line {first_line[incident.id]})",
                file=str(path),
                line=line,
                field="id",
            )
        first_line[incident.id] = line
        incidents.append((line, incident, raw))
    if progress is not None:
        progress(total_lines, total_lines)
    return incidents


def read_text(path: Path) -> str:
    """A file's text as UTF-8 (a byte-order mark allowed); a clear error otherwise."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BadInput(f"cannot read: {exc.strerror}", file=str(path)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise BadInput(f"not UTF-8 text (byte {exc.start})", file=str(path), line=line) from None


def csv_table(text: str, file: str) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    """A CSV text's header (names stripped) and its non-blank rows, each with the line it
    starts on; a malformed row, or one of the wrong width, is an error naming its line."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [name.strip() for name in next(reader)]
    except StopIteration:
        raise BadInput("empty file: expected a header row", file=file, line=1) from None
    except csv.Error as exc:
        raise BadInput(f"malformed CSV: {exc}", file=file, line=1) from None

    def rows() -> Iterator[tuple[int, list[str]]]:
        line = reader.line_num + 1
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise BadInput(f"malformed CSV: {exc}", file=file, line=line) from None
            if row and len(row) != len(header):
                raise BadInput(f"{len(row)} values for {len(header)} columns", file=file, line=line)
            if any(cell.strip() for cell in row):
                yield line, row
            line = reader.line_num + 1

    return header, rows()


def _csv_rows(text: str, file: str) -> Iterator[tuple[int, dict[str, Any]]]:
    header, rows = csv_table(text, file)
    for name in header:
        if name not in KNOWN_FIELDS and not is_ruling_field(name):
            raise BadInput(
                "unknown column",
                file=file,
                line=1,
                field=name,
                hint="the columns in docs/formats.md, and an export's verdict:/reason: columns",
            )
        if header.count(name) > 1:
            raise BadInput("column appears twice", file=file, line=1, field=name)
    if "id" not in header:
        raise BadInput("missing column", file=file, line=1, field="id")
    for line, row in rows:
        # A truce export quoted the cells a spreadsheet would run; the quote goes again.
        yield line, {name: restore(cell) for name, cell in zip(header, row, strict=True)}


def _json_rows(text: str, file: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """Records of a JSON array (or one object), each with the line it starts on."""
    try:
        document = load_json(text)
    except BadInput as exc:
        raise exc.located(file=file, line=1) from None
    if isinstance(document, dict):
        document = [document]
    if not isinstance(document, list):
        raise BadInput("expected a JSON array of incident objects", file=file, line=1)
    starts = _array_element_lines(text)
    for index, item in enumerate(document):
        line = starts[index] if index < len(starts) else 1
        if not isinstance(item, dict):
            raise BadInput("each element must be an object", file=file, line=line)
        yield line, item


def _array_element_lines(text: str) -> list[int]:
    """The line each top-level array element starts on (the document is valid JSON)."""
    decoder = json.JSONDecoder(parse_int=str)  # values unused: only where each one ends
    position = text.index("[") + 1 if text.lstrip().startswith("[") else None
    if position is None:
        return []
    lines: list[int] = []
    length = len(text)
    line, counted = 1, 0  # newlines are counted once, from where the last count stopped
    while True:
        while position < length and text[position] in " \t\r\n,":
            position += 1
        if position >= length or text[position] == "]":
            return lines
        line += text.count("\n", counted, position)
        counted = position
        lines.append(line)
        _, position = decoder.raw_decode(text, position)


def _jsonl_rows(text: str, file: str) -> Iterator[tuple[int, dict[str, Any]]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = load_json(line)
        except BadInput as exc:
            raise BadInput(exc.message, file=file, line=number, field=exc.field) from None
        if not isinstance(item, dict):
            raise BadInput("each line must be a JSON object", file=file, line=number)
        yield number, item
