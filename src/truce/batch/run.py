"""`batch_extract`: a corpus through the workers, records into one JSON Lines file.

The client plans (on the workers, which are the ones that must see the corpus), sends
one task per partition, and writes each partition's records as it completes, in
whatever order they come: nothing is held but the results not yet written. The output
is written to `OUT.partial` and renamed at the end, so a failed run leaves no
half-written file under the requested name.

A bad line (not UTF-8, not JSON, not a report) fails the whole run with its file and
line, as serial `truce extract` does: a corpus with holes would go unnoticed in a
million-record output. Partitions run in parallel, so with several bad lines the one
reported is the first found, not necessarily the first in the file.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from truce.batch.corpus import Partition
from truce.batch.tasks import Failure, PartitionResult, extract_task, plan_task
from truce.domain import Evidence
from truce.merge import merge_evidence, merge_to_json

if TYPE_CHECKING:
    from distributed import Client

DEFAULT_PARTITION_SIZE = 2000
"""Lines per partition: about a second of extraction, so task overhead (a millisecond)
is lost in it and the last tasks do not leave workers idle for long."""

Progress = Callable[[int, int], None]
"""Called with (reports done, reports in all) as partitions complete."""


@dataclass(frozen=True, slots=True)
class BatchSummary:
    files: int
    partitions: int
    reports: int
    records: int
    seconds: float
    out: str
    incidents: int | None = None  # with `merge_out`: the incidents the records form


def _partial(out: Path) -> Path:
    return out.with_name(out.name + ".partial")


def plan_corpus(client: Client, paths: Iterable[str], partition_size: int) -> list[Partition]:
    """Every partition of every file, in order; the first file that cannot be read or
    decompressed raises `BadInput`."""
    futures = client.map(plan_task, list(paths), partition_size=partition_size, pure=False)
    plans: list[list[Partition] | Failure] = client.gather(futures)  # type: ignore[no-untyped-call]
    partitions: list[Partition] = []
    for plan in plans:
        if isinstance(plan, Failure):
            raise plan.error()
        partitions.extend(plan)
    return partitions


def batch_extract(
    client: Client,
    paths: Sequence[str | Path],
    out: str | Path,
    *,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    progress: Progress | None = None,
    merge_out: str | Path | None = None,
) -> BatchSummary:
    """Extract every report of `paths` on the client's cluster into `out` (JSON Lines of
    CONTRACTS §4 records, the same records serial `truce extract` gives, in any order).

    Paths are made absolute here, against this process's directory: workers must see the
    files under the same absolute paths (same host, or a shared filesystem).

    With `merge_out`, the workers also return each record as evidence and the client
    merges them (`truce.merge`, with its blocking by day and map cell) into `merge_out`,
    the JSON of `truce merge --json`: the same incidents `truce merge` gives on the
    corpus, since the evidence is put back in corpus order before it is merged."""
    from distributed import as_completed

    merging = merge_out is not None
    collected: dict[int, tuple[Evidence, ...]] = {}
    began = time.perf_counter()
    absolute = [str(Path(p).expanduser().absolute()) for p in paths]
    partitions = plan_corpus(client, absolute, partition_size)
    total = sum(p.reports for p in partitions)
    if progress is not None:
        progress(0, total)
    target = Path(out)
    partial = _partial(target)
    done = records = 0
    futures = client.map(extract_task, partitions, evidence=merging, pure=False)
    order = {p: n for n, p in enumerate(partitions)}
    pending = set(futures)
    completed = as_completed(futures)  # type: ignore[no-untyped-call]
    del futures  # as results are written their futures go, and the workers free them
    try:
        with partial.open("w", encoding="utf-8") as sink:
            for future in completed:
                result: PartitionResult | Failure = future.result()
                pending.discard(future)
                del future
                if isinstance(result, Failure):
                    raise result.error()
                sink.write(result.lines)
                if merging:
                    collected[order[result.partition]] = result.evidence
                done += result.reports
                records += result.records
                if progress is not None:
                    progress(done, total)
        incidents = None
        if merge_out is not None:
            evidence = [e for n in sorted(collected) for e in collected[n]]
            merged = merge_evidence(evidence)
            incidents = len(merged.incidents)
            Path(merge_out).write_text(
                json.dumps(merge_to_json(merged), ensure_ascii=False, indent=2) + "\n", "utf-8"
            )
        partial.replace(target)
    except BaseException:
        client.cancel(list(pending))  # type: ignore[no-untyped-call]
        partial.unlink(missing_ok=True)
        raise
    return BatchSummary(
        files=len(absolute),
        partitions=len(partitions),
        reports=done,
        records=records,
        seconds=time.perf_counter() - began,
        out=str(target),
        incidents=incidents,
    )


__all__ = ["DEFAULT_PARTITION_SIZE", "BatchSummary", "batch_extract", "plan_corpus"]
