"""Reports as sources publish them, built in one line each."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from truce.domain import Report
from truce.extract import PIPELINE
from truce.extract.doc import Doc


def report(
    text: str,
    published: str = "2025-03-19T08:15:00+02:00",
    alignment: str | None = "UA",
    report_id: str = "r1",
    source: str = "test source",
) -> Report:
    return Report(
        id=report_id,
        source=source,
        source_alignment=alignment,
        published=datetime.fromisoformat(published),
        text=text,
    )


def before(component: str, text: str, **kwargs: Any) -> Doc:
    """The doc of `text` as `component` receives it: every component before it has run.
    A test then runs `component` alone on it."""
    names = PIPELINE.names
    previous = names[names.index(component) - 1]
    return PIPELINE.run(report(text, **kwargs), until=previous)


def only(component: str, text: str, **kwargs: Any) -> Doc:
    """The doc after `component` alone has run on what the ones before it found."""
    doc = before(component, text, **kwargs)
    return dict(PIPELINE.components)[component](doc)
