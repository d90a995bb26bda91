"""Reports as sources publish them, built in one line each."""

from __future__ import annotations

from datetime import datetime

from truce.domain import Report


def report(
    text: str,
    published: str = "2025-03-19T08:15:00+02:00",
    alignment: str | None = "UA",
    report_id: str = "r1",
) -> Report:
    return Report(
        id=report_id,
        source="test source",
        source_alignment=alignment,
        published=datetime.fromisoformat(published),
        text=text,
    )
