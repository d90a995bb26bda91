"""What runs on the workers: planning a file, and extracting a partition.

Both return a value rather than raising on bad input, so the client sees a `BadInput`
with its file, line and field intact (an exception pickled across processes keeps only
its message) and the workers' logs are not filled with tracebacks of users' typos.
Extraction is the very function serial `truce extract` runs, report by report.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from truce.batch.corpus import Partition, plan_file, read_partition
from truce.domain import Evidence, Stance
from truce.errors import BadInput
from truce.extract import extract, extract_both


@dataclass(frozen=True, slots=True)
class Failure:
    """A `BadInput` in a form that crosses process boundaries whole."""

    message: str
    file: str | None
    line: int | None
    field: str | None
    hint: str | None

    @classmethod
    def of(cls, exc: BadInput) -> Failure:
        return cls(exc.message, exc.file, exc.line, exc.field, exc.hint)

    def error(self) -> BadInput:
        return BadInput(
            self.message, file=self.file, line=self.line, field=self.field, hint=self.hint
        )


@dataclass(frozen=True, slots=True)
class PartitionResult:
    """One partition's records, as JSON Lines (serialised on the worker, so the client
    only writes bytes), with the counts the progress bar and the summary need."""

    partition: Partition
    reports: int
    records: int
    lines: str
    evidence: tuple[Evidence, ...] = ()  # the records as evidence, when merging


def partition_records(partition: Partition) -> Iterator[dict[str, Any]]:
    """The records (CONTRACTS §4) of every report of a partition, in order."""
    for report in read_partition(partition):
        for record in extract(report):
            yield record.to_json()


def extract_task(partition: Partition, evidence: bool = False) -> PartitionResult | Failure:
    """Extract one partition on a worker; with `evidence`, also return each record as
    evidence of its report, for the client to merge."""
    reports = records = 0
    out: list[str] = []
    found: list[Evidence] = []
    try:
        for report in read_partition(partition):
            reports += 1
            drawn, incidents = extract_both(report)
            for record in drawn:
                records += 1
                out.append(json.dumps(record.to_json(), ensure_ascii=False) + "\n")
            if evidence:
                stance = Stance(report.stance)
                found += (Evidence(i, report_id=report.id, stance=stance) for i in incidents)
    except BadInput as exc:
        return Failure.of(exc)
    return PartitionResult(partition, reports, records, "".join(out), tuple(found))


def plan_task(path: str, partition_size: int) -> list[Partition] | Failure:
    """Plan one file on a worker (the client need not see the corpus)."""
    try:
        return plan_file(path, partition_size)
    except BadInput as exc:
        return Failure.of(exc)


def worker_version() -> str:
    """The truce version a worker runs: every worker must run the client's."""
    from truce import __version__

    return __version__


__all__ = [
    "Failure",
    "PartitionResult",
    "extract_task",
    "partition_records",
    "plan_task",
    "worker_version",
]
