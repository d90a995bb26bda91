"""Reading reports to merge: structured rows with a `stance`, or free text to extract.

A JSON Lines file whose rows carry `published` holds free-text reports (CONTRACTS §2):
each is extracted, and every record becomes evidence of the report it came from. Any
other file holds incident rows, each one source's account of one incident.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from truce.domain import Evidence, Incident, Report, Stance
from truce.domain.limits import load_json
from truce.errors import BadInput
from truce.extract import incidents_from_report, read_reports
from truce.incidents import read_report_rows
from truce.incidents.records import require_a_fact

Progress = Callable[[int, int], None]


def holds_free_text(path: Path) -> bool:
    """True for a `.txt` file, or JSON Lines whose first row has `published`."""
    suffix = path.suffix.lower()
    if suffix == ".txt":
        return True
    if suffix not in (".jsonl", ".ndjson"):
        return False
    try:
        with path.open(encoding="utf-8-sig") as lines:
            for line in lines:
                if line.strip():
                    row = load_json(line)
                    return isinstance(row, dict) and "published" in row
    except (OSError, UnicodeDecodeError, BadInput):
        return False  # the row reader names the problem with its line
    return False


def read_report_file(
    path: Path | str, *, progress: Progress | None = None
) -> list[tuple[Report, list[Incident]]]:
    """Every report of a file with the incident records it gives, validated whole before
    anything is merged or stored. A structured row is a report of one incident under the
    row's id. `progress` is told (reports done, reports in all) while free text is
    extracted."""
    path = Path(path)
    if not holds_free_text(path):
        rows = read_report_rows(path)
        for line, incident, _ in rows:
            try:
                require_a_fact(incident)
            except BadInput as exc:
                raise exc.located(file=str(path), line=line) from None
        return [
            (
                Report(
                    id=incident.id,
                    source=incident.source,
                    source_alignment=incident.source_alignment,
                    published=incident.reported_at,
                    text=incident.text,
                    url=incident.url,
                    stance=stance.value,
                ),
                [incident],
            )
            for _, incident, stance in rows
        ]
    reports = read_reports(path)
    out: list[tuple[Report, list[Incident]]] = []
    for done, report in enumerate(reports, start=1):
        out.append((report, incidents_from_report(report)))
        if progress is not None:
            progress(done, len(reports))
    return out


def read_evidence(path: Path | str, *, progress: Progress | None = None) -> list[Evidence]:
    """Every record of a file's reports as evidence of its report (see `read_report_file`)."""
    return [
        Evidence(record=record, report_id=report.id, stance=Stance(report.stance))
        for report, records in read_report_file(path, progress=progress)
        for record in records
    ]
