"""What every layout reader shares: the source file's text and rows, and the tally of
values it could not map.

A layout reader never stores anything. It returns every incident with the line (or JSON
event) it came from, how many rows it skipped as not being attacks, and one `Unmapped`
entry per source field and value that it could not carry into truce's vocabulary.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from truce.domain import Incident
from truce.errors import BadInput
from truce.incidents.files import csv_table, read_text
from truce.incidents.records import parse_incident

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class Unmapped:
    """Rows whose `field` held `value`, which could not be mapped; `effect` says what
    truce did instead (row skipped, perpetrator unknown, target unknown, …)."""

    field: str
    value: str
    rows: int
    effect: str

    def to_data(self) -> dict[str, Any]:
        return {"field": self.field, "value": self.value, "rows": self.rows, "effect": self.effect}


@dataclass(frozen=True, slots=True)
class Decided:
    """Rows whose truce `field` a `rule` decided (a label, the text, nothing); `value`
    is what the rule gave when it was read from text, so an analyst can audit it."""

    field: str
    rule: str
    rows: int
    value: str | None = None

    def to_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {"field": self.field, "rule": self.rule, "rows": self.rows}
        if self.value is not None:
            data["value"] = self.value
        return data


@dataclass(frozen=True, slots=True)
class LayoutRead:
    """A whole file read: incidents with their line, rows skipped, values not mapped,
    and how many rows each rule decided (what was read from text among them)."""

    incidents: tuple[tuple[int, Incident], ...]
    skipped: int
    unmapped: tuple[Unmapped, ...]
    id_field: str = "id"  # the source's field the ids come from
    decided: tuple[Decided, ...] = ()
    inferred: tuple[Decided, ...] = ()


class Gathered:
    """The incidents of a file so far, each id once: a repeated id is an error naming
    the source's id field and where the id was first seen."""

    def __init__(self, path: Path, id_field: str) -> None:
        self.path, self.id_field = path, id_field
        self.incidents: list[tuple[int, Incident]] = []
        self._first: dict[str, str] = {}

    def add(self, line: int, incident: Incident, *, where: str | None = None) -> None:
        """Keep `incident` from `line`; `where` names its place for a later duplicate
        (default: the line)."""
        if incident.id in self._first:
            raise BadInput(
                f"duplicate id (first {self._first[incident.id]})",
                file=str(self.path),
                line=line,
                field=self.id_field,
            )
        self._first[incident.id] = where or f"on line {line}"
        self.incidents.append((line, incident))


class Tally:
    """Counts rows per (field, value, effect) and rows skipped, as a file is read."""

    def __init__(self) -> None:
        self._counts: Counter[tuple[str, str, str]] = Counter()
        self._rules: Counter[tuple[str, str]] = Counter()
        self._inferred: Counter[tuple[str, str, str]] = Counter()
        self.skipped = 0

    def note(self, field: str, value: str | None, effect: str) -> None:
        self._counts[(field, value or "(empty)", effect)] += 1

    def count(self, field: str, value: str | None, effect: str, rows: int) -> None:
        """`rows` rows at once (a value that holds for the whole file)."""
        self._counts[(field, value or "(empty)", effect)] += rows

    def decide(self, field: str, rule: str, value: str | None = None) -> None:
        """One row's `field` was decided by `rule`; `value` when it was read from the
        row's text (listed as inferred)."""
        self._rules[(field, rule)] += 1
        if value is not None:
            self._inferred[(field, rule, value)] += 1

    def decisions(self) -> tuple[Decided, ...]:
        ordered = sorted(self._rules.items(), key=lambda item: (item[0][0], -item[1], item[0]))
        return tuple(Decided(f, r, n) for (f, r), n in ordered)

    def inferences(self) -> tuple[Decided, ...]:
        ordered = sorted(self._inferred.items(), key=lambda item: (-item[1], item[0]))
        return tuple(Decided(f, r, n, v) for (f, r, v), n in ordered)

    def read(self, incidents: Iterable[tuple[int, Incident]], id_field: str = "id") -> LayoutRead:
        """What the file gave, with everything tallied."""
        return LayoutRead(
            tuple(incidents),
            self.skipped,
            self.report(),
            id_field=id_field,
            decided=self.decisions(),
            inferred=self.inferences(),
        )

    def skip(self, field: str, value: str | None, effect: str = "row skipped") -> None:
        self.skipped += 1
        self.note(field, value, effect)

    def report(self) -> tuple[Unmapped, ...]:
        """Most frequent first, then by field and value."""
        ordered = sorted(self._counts.items(), key=lambda item: (-item[1], item[0]))
        return tuple(Unmapped(f, v, n, e) for (f, v, e), n in ordered)


def csv_records(
    path: Path, required: tuple[str, ...], *, progress: Progress | None = None
) -> Iterator[tuple[int, dict[str, str]]]:
    """The rows of a CSV file with a header, as dicts, each with the line it starts on.
    Column names are kept as written (stripped); `required` columns must be present."""
    text = read_text(path)
    file = str(path)
    header, rows = csv_table(text, file)
    for name in required:
        if name not in header:
            raise BadInput("missing column", file=file, line=1, field=name)
    total = text.count("\n") + 1
    for count, (line, row) in enumerate(rows):
        if progress is not None and count % 1000 == 0:
            progress(line, total)
        yield line, {name: cell.strip() for name, cell in zip(header, row, strict=True)}
    if progress is not None:
        progress(total, total)


RowReader = Callable[[dict[str, str], Tally, datetime], Incident | None]


def read_csv_layout(
    path: Path,
    required: tuple[str, ...],
    id_field: str,
    incident_of: RowReader,
    *,
    now: datetime,
    progress: Progress | None = None,
    check_columns: Callable[[Iterable[str]], None] | None = None,
) -> LayoutRead:
    """The incidents of a CSV layout, one row at a time through `incident_of` (None: the
    row is no attack, and `incident_of` has tallied why); `check_columns` sees the first
    row's columns."""
    tally = Tally()
    gathered = Gathered(path, id_field)
    for line, row in csv_records(path, required, progress=progress):
        if check_columns is not None:
            check_columns(row)
            check_columns = None
        try:
            incident = incident_of(row, tally, now)
        except BadInput as exc:
            raise exc.located(file=str(path), line=line) from None
        if incident is not None:
            gathered.add(line, incident)
    return tally.read(gathered.incidents, id_field)


def build_incident(
    record: Mapping[str, Any], *, now: datetime, fields: Mapping[str, str]
) -> Incident:
    """`parse_incident` on a record built from a source row; an error names the source
    field (`fields` maps truce's field names to the layout's) rather than truce's."""
    try:
        return parse_incident(record, now=now)
    except BadInput as exc:
        field = fields.get(exc.field or "", exc.field)
        raise BadInput(exc.message, field=field, hint=exc.hint) from None


def number(value: str | None, field: str, *, limit: float | None = None) -> float | None:
    """A decimal number from a source field (empty → None)."""
    if value is None or not str(value).strip():
        return None
    try:
        result = float(str(value).strip().replace(",", "."))
    except ValueError:
        raise BadInput(f"'{value}' is not a number", field=field) from None
    if limit is not None and not -limit <= result <= limit:
        raise BadInput(f"{result} is out of range (-{limit:g} to {limit:g})", field=field)
    return result
