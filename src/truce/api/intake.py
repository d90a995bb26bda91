"""Report intake: a posted body becomes a `Report` and its incidents, and is answered only
once the transaction holding it has committed.

Group commit: one writer thread takes every report waiting at that moment and stores
them in one transaction (one fsync), then answers each request. A burst of posts costs
a handful of commits, and no acknowledgement ever precedes its commit.

Storing a report merges it into its incident, which is Python work; in `truce serve` the
writer hands each transaction to a process of its own (`writer_process`), so that work
does not take turns on one interpreter lock with the event loop reading requests.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import multiprocessing
import queue
import threading
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa

from truce.api.fairness import FairQueue
from truce.api.lifeline import exit_with_parent
from truce.domain import Incident, Report, check_report_text, check_url, is_alignment
from truce.domain.limits import MAX_ID, check_id, check_strings
from truce.domain.published import parse_published
from truce.errors import BadInput, Conflict
from truce.incidents import parse_incident
from truce.incidents.records import require_a_fact
from truce.store import ReportsImport, Store

Extractor = Callable[[Report], list[Incident]]
log = logging.getLogger("truce.api")

FREE_TEXT_FIELDS = frozenset(
    {"id", "text", "source", "source_alignment", "published", "url", "lang"}
)
# How far ahead of the server's clock a publication time may be (clocks drift).
CLOCK_SKEW = timedelta(minutes=5)


def find_extractor() -> Extractor | None:
    """The free-text extractor, when the `truce.extract` stage is installed."""
    try:
        module = importlib.import_module("truce.extract")
    except ImportError:
        return None
    found = getattr(module, "incidents_from_report", None)
    return found if callable(found) else None


def _text(
    raw: Mapping[str, Any], name: str, *, required: bool = False, limit: int = 0
) -> str | None:
    value = raw.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise BadInput("is required", field=name)
        return None
    if not isinstance(value, str):
        raise BadInput("must be text", field=name)
    value = value.strip()
    if limit and len(value) > limit:
        raise BadInput(f"is longer than {limit} characters", field=name)
    return value


def _alignment(raw: Mapping[str, Any]) -> str | None:
    alignment = _text(raw, "source_alignment")
    if alignment is None:
        return None
    alignment = alignment.upper() if len(alignment) == 2 else alignment.lower()
    if not is_alignment(alignment):
        raise BadInput(
            f"unknown alignment '{alignment}' (a party code, 'media' or 'independent')",
            field="source_alignment",
        )
    return alignment


def _published(raw: Mapping[str, Any], now: datetime) -> tuple[datetime, bool]:
    """The publication time, or a date alone (then the flag is set; see `Report`)."""
    text = _text(raw, "published", required=True)
    assert text is not None
    instant, day = parse_published(text)
    if instant > now + CLOCK_SKEW + (timedelta(hours=12) if day else timedelta(0)):
        raise BadInput(f"'{text}' is in the future", field="published")
    return instant, day


def is_free_text(raw: Mapping[str, Any]) -> bool:
    """A free-text report carries `published`; a structured one (an incident record) does not."""
    return "published" in raw


def free_text_report(raw: Mapping[str, Any], *, now: datetime | None = None) -> Report:
    """A free-text report (CONTRACTS §2): `{"id", "text", "source", "source_alignment",
    "published", "url"?, "lang"?}`."""
    now = now or datetime.now(UTC)
    check_strings(raw, text_fields=frozenset({"text"}))
    unknown = sorted(k for k in raw if k not in FREE_TEXT_FIELDS)
    if unknown:
        raise BadInput(
            "unknown field of a free-text report",
            field=unknown[0],
            hint=f"fields: {', '.join(sorted(FREE_TEXT_FIELDS))}",
        )
    report_id = _text(raw, "id", required=True, limit=MAX_ID)
    assert report_id is not None
    check_id(report_id)
    published, published_day = _published(raw, now)
    return Report(
        id=report_id,
        text=check_report_text(_text(raw, "text", required=True) or ""),
        source=_text(raw, "source"),
        source_alignment=_alignment(raw),
        published=published,
        published_day=published_day,
        url=check_url(_text(raw, "url")),
        lang=_text(raw, "lang", limit=8),
    )


def structured_report(
    raw: Mapping[str, Any], *, now: datetime | None = None
) -> tuple[Report, Incident]:
    """An incident record (CONTRACTS §2) as a report of one incident with the same id."""
    _text(raw, "id", required=True, limit=MAX_ID)
    incident = parse_incident(raw, now=now)  # every field within the shared limits
    require_a_fact(incident)
    stance = _text(raw, "stance") or "affirm"
    report = Report(
        id=incident.id,
        source=incident.source,
        source_alignment=incident.source_alignment,
        published=incident.reported_at,
        text=incident.text,
        url=incident.url,
        lang=_text(raw, "lang", limit=8),
        stance=stance,
    )
    return report, incident


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one posted report."""

    report: str
    created: bool
    incidents: tuple[str, ...]


@dataclass
class _Pending:
    report: Report
    incidents: Sequence[Incident]
    actor: str
    submitted_by: str | None
    loop: asyncio.AbstractEventLoop
    future: asyncio.Future[Outcome] = field(repr=False)

    def resolve(self, outcome: Outcome | BaseException) -> None:
        def settle() -> None:
            if self.future.done():
                return
            if isinstance(outcome, BaseException):
                self.future.set_exception(outcome)
            else:
                self.future.set_result(outcome)

        self.loop.call_soon_threadsafe(settle)


class WriteRace(Exception):
    """Another writer committed one of a transaction's report ids first (an
    `IntegrityError` in the writer process, carried back as something that pickles)."""


# The writer process's own store, opened once by `_open_writer_store`.
_WRITER_STORE: dict[str, Store] = {}


def _open_writer_store(url: str) -> None:
    from truce.api.app import durable_store  # the app module imports this one
    from truce.geo import gazetteer

    exit_with_parent()
    _WRITER_STORE["store"] = durable_store(url)
    gazetteer()  # loaded now, not on the first report merged


def _add_in_writer_process(
    reports: list[tuple[Report, Sequence[Incident]]], submitted_by: str | None, actor: str
) -> ReportsImport:
    try:
        return _WRITER_STORE["store"].add_reports(reports, submitted_by=submitted_by, actor=actor)
    except sa.exc.IntegrityError as exc:
        raise WriteRace(str(exc.orig)) from None
    except sa.exc.DBAPIError as exc:  # carried back as something that pickles
        if isinstance(exc, sa.exc.DataError):
            raise ValueError(str(exc.orig)) from None
        raise RuntimeError(f"{type(exc).__name__}: {exc.orig}") from None


class ReportWriter:
    """The single writer thread of the group commit; with `process`, each transaction
    runs in a writer process of its own (started with `start`)."""

    def __init__(self, store: Store, *, max_batch: int = 500, process: bool = False) -> None:
        self.store = store
        self.max_batch = max_batch
        self.process = process
        self._pool: ProcessPoolExecutor | None = None
        # One line per user, served in turn (truce.api.fairness): a flood from one
        # monitor waits behind everyone else's next post, not the other way round.
        self._queue: FairQueue[_Pending | None] = FairQueue()
        self._thread = threading.Thread(target=self._run, name="truce-report-writer", daemon=True)

    def start(self) -> None:
        if self.process:
            # `spawn`: forking a process that runs threads (uvicorn's) is unsafe.
            self._pool = ProcessPoolExecutor(
                1,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_open_writer_store,
                initargs=(self.store.url,),
            )
            self._pool.submit(int).result()  # ready (store open, gazetteer loaded) before serving
        self._thread.start()

    def stop(self) -> None:
        if self._thread.is_alive():
            self._queue.put_last(None)
            self._thread.join(timeout=10)
        if self._pool is not None:
            self._pool.shutdown()

    def _add(self, items: list[_Pending], actor: str, submitted_by: str | None) -> ReportsImport:
        reports = [(item.report, item.incidents) for item in items]
        if self._pool is None:
            return self.store.add_reports(reports, submitted_by=submitted_by, actor=actor)
        return self._pool.submit(_add_in_writer_process, reports, submitted_by, actor).result()

    async def submit(
        self,
        report: Report,
        incidents: Sequence[Incident],
        *,
        actor: str,
        submitted_by: str | None,
    ) -> Outcome:
        """Returns once the report is committed (or raises `Conflict`)."""
        loop = asyncio.get_running_loop()
        pending = _Pending(report, incidents, actor, submitted_by, loop, loop.create_future())
        self._queue.put(submitted_by or actor, pending)
        return await pending.future

    def _run(self) -> None:
        carried: list[_Pending] = []
        while True:
            first = carried.pop(0) if carried else self._queue.get()
            if first is None:
                return
            batch, ids, stop = [first], {first.report.id}, False
            # Look at each carried item once per batch: putting one back on the list
            # being drained spun for ever once three posts of one id were waiting.
            waiting, carried = carried, []
            while len(batch) < self.max_batch:
                try:
                    item = waiting.pop(0) if waiting else self._queue.get_nowait()
                except queue.Empty:
                    break
                if item is None:
                    stop = True
                    break
                if item.report.id in ids:  # the same id twice waits for the next commit
                    carried.append(item)
                    continue
                ids.add(item.report.id)
                batch.append(item)
            carried += waiting
            self._write(batch)
            if stop:
                for item in carried:
                    self._write([item])
                return

    def _write(self, batch: list[_Pending], *, retry: bool = True) -> None:
        groups: dict[tuple[str, str | None], list[_Pending]] = {}
        for item in batch:
            groups.setdefault((item.actor, item.submitted_by), []).append(item)
        for (actor, submitted_by), items in groups.items():
            try:
                self._store(items, actor, submitted_by)
            except (sa.exc.IntegrityError, WriteRace):
                # Another writer (a second server, a CLI import) committed one of these
                # ids between our check and our insert: PostgreSQL lets writers run side
                # by side, SQLite never does. Nothing of ours was stored; storing each
                # again sees their row, and answers `unchanged` or 409 as it should.
                # Alone and still refused, the id is taken by something else (an
                # incident an analyst imported under it): 409 naming it.
                if not retry:
                    for item in items:
                        item.resolve(Conflict(_taken_message(item.report.id)))
                    continue
                for item in items:
                    self._write([item], retry=False)
            except Conflict as exc:
                if len(items) == 1:
                    report_id = items[0].report.id
                    said = str(exc)  # the store's own words when they say more than the id
                    message = said if said != report_id else _conflict_message(report_id)
                    items[0].resolve(Conflict(message))
                    continue
                for item in items:  # find the one at fault; the others still go in
                    self._write([item])
            except Exception as exc:
                if len(items) > 1:
                    # Nothing of the batch was stored. One report the store could not
                    # take must not fail the others committed with it: each goes in alone.
                    log.warning("a batch of %d reports failed (%r); storing each alone",
                                len(items), exc)  # fmt: skip
                    for item in items:
                        self._write([item], retry=retry)
                    continue
                items[0].resolve(_refused(items[0].report.id, exc))

    def _store(self, items: list[_Pending], actor: str, submitted_by: str | None) -> None:
        result = self._add(items, actor, submitted_by)
        added = set(result.added)
        for item in items:
            report_id = item.report.id
            if report_id in added:
                placed = result.placement.get(report_id, ())
                incidents = tuple(dict.fromkeys(p.incident for p in placed if p.incident))
            else:
                incidents = self._same_incidents(item)
            item.resolve(Outcome(report_id, report_id in added, incidents))

    def _same_incidents(self, item: _Pending) -> tuple[str, ...]:
        """The incidents of a report stored before with the same content. It may still
        carry other incident fields (a structured report's target, say): that is a
        conflict too."""
        stored = self.store.evidence(report_id=item.report.id)
        records = [e.record for e in stored]
        for incident in item.incidents:
            if replace(incident, report_id=item.report.id) not in records:
                raise Conflict(item.report.id)
        return tuple(dict.fromkeys(e.incident_id for e in stored if e.incident_id))


def _refused(report_id: str, exc: Exception) -> Exception:
    """What one report that failed alone is told: a value the database cannot hold is
    the report's fault (422); anything else stays the server's (500, and logged)."""
    if isinstance(exc, (BadInput, Conflict)) or not isinstance(
        exc, (UnicodeError, OverflowError, ValueError, sa.exc.DataError)
    ):
        if not isinstance(exc, (BadInput, Conflict)):
            log.error("report %r could not be stored", report_id, exc_info=exc)
        return exc
    return BadInput(f"report '{report_id}' holds a value the database cannot store ({exc})")


def _taken_message(report_id: str) -> str:
    return f"id '{report_id}' is taken by a stored incident or report (give the report a new id)"


def _conflict_message(report_id: str) -> str:
    return (
        f"report or incident id '{report_id}' is already stored with different content"
        " (give the corrected report a new id)"
    )
