"""Free-text extraction for the API, off the path readers wait on, in turns per user.

Extracting is pure Python (seconds for the longest report a post may hold). Run in the
request handler's thread pool it takes turns on the interpreter lock with the event loop,
so a monitor posting long reports in a loop slowed every `GET` of every viewer. Here the
handler only queues the report and awaits its result: one dispatcher thread takes the
queued reports per user in turn (`FairQueue`) and hands each to a worker process (under
`truce serve`) or runs it itself (in-process servers, as the tests start them), and the
event loop is woken when the result is back.

One worker process, at a lower priority (nice 10): the machine this was measured on has
two cores; a flood of long reports then costs the others a turn, not their processor.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime

from truce.api.fairness import FairQueue
from truce.api.lifeline import exit_with_parent
from truce.domain import Incident, Report

Extractor = Callable[[Report], list[Incident]]


def _start_worker(extract: Extractor) -> None:
    """In the worker process: yield the processor to the server's readers and writer
    (extraction is the work that may wait), and load the lexicons, the model and the
    gazetteer before the first report comes; and end with the server."""
    exit_with_parent()
    with contextlib.suppress(OSError):
        os.nice(10)
    extract(Report(id="warm-up", text="Drones hit Kharkiv.", published=datetime.now(UTC)))


@dataclass
class _Job:
    report: Report
    loop: asyncio.AbstractEventLoop
    future: asyncio.Future[list[Incident]] = field(repr=False)

    def settle(self, result: list[Incident] | BaseException) -> None:
        def done() -> None:
            if self.future.done():
                return
            if isinstance(result, BaseException):
                self.future.set_exception(result)
            else:
                self.future.set_result(result)

        self.loop.call_soon_threadsafe(done)


class Extractions:
    """The queue of reports waiting to be extracted, and who extracts them."""

    def __init__(self, extract: Extractor, *, process: bool = False) -> None:
        self.extract = extract
        self.process = process
        self._pool: ProcessPoolExecutor | None = None
        self._queue: FairQueue[_Job | None] = FairQueue()
        self._thread = threading.Thread(target=self._run, name="truce-extract", daemon=True)

    def start(self) -> None:
        if self.process:
            self._pool = ProcessPoolExecutor(
                1,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(self.extract,),
            )
            # Warming starts now; serving does not wait for it (the first post does).
            self._pool.submit(int)
        self._thread.start()

    def stop(self) -> None:
        if self._thread.is_alive():
            self._queue.put_last(None)
            self._thread.join(timeout=30)
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)

    async def run(self, report: Report, *, user: str) -> list[Incident]:
        """The report's incidents, once its turn among `user`'s and others' has come."""
        loop = asyncio.get_running_loop()
        job = _Job(report, loop, loop.create_future())
        self._queue.put(user, job)
        return await job.future

    def _run(self) -> None:
        while (job := self._queue.get()) is not None:
            try:
                if self._pool is None:
                    job.settle(self.extract(job.report))
                else:
                    running: Future[list[Incident]] = self._pool.submit(self.extract, job.report)
                    job.settle(running.result())
            except BaseException as exc:  # the handler logs it and stores the report
                job.settle(exc)
