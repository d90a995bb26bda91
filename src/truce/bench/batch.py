"""`truce bench batch`: serial extraction against a Dask LocalCluster, on one corpus.

The corpus is `truce bench extract`'s realistic reports written as four plain JSON Lines
files in a temporary folder (plain, since serial `truce extract` reads no gzip). Serial
is what `truce extract` does, file by file in this process, writing JSON Lines too; the
cluster run is `truce batch extract` on a fresh LocalCluster, its start-up timed apart. Both count
their own warm-up (dictionaries and gazetteer loaded once per process), as a user's run
would. The two outputs are compared as sorted lines, so a speed-up never hides a
difference in the records.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from io import BufferedIOBase
from pathlib import Path
from typing import Any

from truce.domain import Report

_CHUNK = 50_000


def report_json(report: Report) -> dict[str, Any]:
    """A report as a line of CONTRACTS §2 JSON Lines."""
    data: dict[str, Any] = {"id": report.id, "text": report.text}
    if report.published is not None:
        data["published"] = report.published.isoformat()
    for key in ("source", "source_alignment", "url", "lang"):
        if getattr(report, key) is not None:
            data[key] = getattr(report, key)
    return data


def write_corpus(
    folder: Path, reports: int, *, files: int = 4, gzipped: bool = False, seed: int = 7
) -> list[Path]:
    """`reports` realistic reports in `files` JSON Lines files (every other one gzipped
    if `gzipped`), with ids `bench-0`, `bench-1`, …"""
    from truce.bench.extract import realistic_reports

    folder.mkdir(parents=True, exist_ok=True)
    paths = [
        folder / (f"reports-{i:02d}.jsonl.gz" if gzipped and i % 2 else f"reports-{i:02d}.jsonl")
        for i in range(files)
    ]
    share = [reports // files + (i < reports % files) for i in range(files)]
    n = 0
    for path, count in zip(paths, share, strict=True):
        sink: BufferedIOBase = (
            gzip.open(path, "wb", compresslevel=1)  # noqa: SIM115  (closed by the `with` below)
            if path.suffix == ".gz"
            else path.open("wb")
        )
        with sink:
            left = count
            while left:
                for report in realistic_reports(min(left, _CHUNK), seed=seed + n):
                    data = report_json(report) | {"id": f"bench-{n}"}
                    sink.write(json.dumps(data, ensure_ascii=False).encode() + b"\n")
                    n += 1
                    left -= 1
    return paths


def _digest(lines: Iterable[str]) -> str:
    return hashlib.sha256("".join(sorted(lines)).encode()).hexdigest()


def _serial(paths: list[Path], out: Path) -> tuple[int, int]:
    """What `truce extract FILE` does (read the whole file, then extract report by
    report), file after file, writing JSON Lines."""
    from truce.extract import extract, read_reports

    reports = records = 0
    with out.open("w", encoding="utf-8") as sink:
        for path in paths:
            for report in read_reports(path):
                reports += 1
                for record in extract(report):
                    records += 1
                    sink.write(json.dumps(record.to_json(), ensure_ascii=False) + "\n")
    return reports, records


@dataclass(frozen=True)
class BatchBench:
    reports: int
    records: int
    workers: int
    serial_seconds: float
    cluster_seconds: float
    cluster_startup_seconds: float
    partitions: int
    same_records: bool

    def as_json(self) -> dict[str, Any]:
        return {
            "benchmark": "batch",
            "reports": self.reports,
            "records": self.records,
            "workers": self.workers,
            "partitions": self.partitions,
            "serial_seconds": round(self.serial_seconds, 3),
            "serial_reports_per_s": round(self.reports / self.serial_seconds),
            "cluster_seconds": round(self.cluster_seconds, 3),
            "cluster_reports_per_s": round(self.reports / self.cluster_seconds),
            "cluster_startup_seconds": round(self.cluster_startup_seconds, 3),
            "speedup": round(self.serial_seconds / self.cluster_seconds, 2),
            "same_records": self.same_records,
        }


def bench_batch(
    reports: int = 100_000,
    *,
    workers: int = 2,
    partition_size: int | None = None,
    seed: int = 7,
    folder: Path | None = None,
) -> BatchBench:
    """Serial and LocalCluster extraction of the same `reports`-report corpus."""
    from truce.batch import DEFAULT_PARTITION_SIZE, batch_extract, dask_client

    with tempfile.TemporaryDirectory(prefix="truce-bench-batch-", dir=folder) as tmp:
        root = Path(tmp)
        paths = write_corpus(root / "corpus", reports, seed=seed)
        began = time.perf_counter()
        serial_reports, _ = _serial(paths, root / "serial.jsonl")
        serial_seconds = time.perf_counter() - began
        began = time.perf_counter()
        with dask_client(None, workers=workers) as client:
            client.wait_for_workers(workers)
            startup = time.perf_counter() - began
            summary = batch_extract(
                client,
                paths,
                root / "cluster.jsonl",
                partition_size=partition_size or DEFAULT_PARTITION_SIZE,
            )
        with (root / "serial.jsonl").open(encoding="utf-8") as a:
            serial_digest = _digest(a)
        with (root / "cluster.jsonl").open(encoding="utf-8") as b:
            cluster_digest = _digest(b)
    return BatchBench(
        reports=serial_reports,
        records=summary.records,
        workers=workers,
        serial_seconds=serial_seconds,
        cluster_seconds=summary.seconds,
        cluster_startup_seconds=startup,
        partitions=summary.partitions,
        same_records=serial_reports == summary.reports and serial_digest == cluster_digest,
    )


__all__ = ["BatchBench", "bench_batch", "report_json", "write_corpus"]
