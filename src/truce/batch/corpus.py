"""Reading a corpus of report files in pieces, so one big file spreads over many workers.

A corpus is any number of JSON Lines files of reports (CONTRACTS §2), plain (`.jsonl`,
`.ndjson`) or gzipped (`.jsonl.gz`, `.ndjson.gz`). Planning cuts each file into
partitions of about `partition_size` lines: a plain file by byte range (a worker seeks
straight to its range), a gzipped one by line range (a gzip stream cannot be entered in
the middle, so a worker decompresses and skips the lines before its range: cheap beside
extraction, which is a thousand times slower per byte).

Every partition knows the number of its first line, so a report without an id gets the
same default id as in serial `truce extract` (`{stem}-{line}`, where the stem of
`day.jsonl.gz` is `day`), and a bad line is reported with its file and line.

Lines are split at `\\n` (a trailing `\\r` is dropped). Serial extraction splits with
`str.splitlines`, which also breaks at a lone `\\r` or a raw U+2028 inside a JSON string;
on such files serial extraction fails with "invalid JSON" where this reader succeeds.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass
from io import BufferedIOBase
from itertools import islice
from pathlib import Path

from truce.domain import Report
from truce.errors import BadInput
from truce.extract import parse_report

SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")


@dataclass(frozen=True, slots=True)
class Partition:
    """A run of consecutive lines of one file: the unit of work sent to a worker.

    `path` is absolute, since workers may run in another directory or on another host;
    `byte_range` is set for plain files and `None` for gzipped ones, which are read by
    line range from `first_line`."""

    path: str
    first_line: int
    lines: int
    reports: int
    byte_range: tuple[int, int] | None

    @property
    def compressed(self) -> bool:
        return self.byte_range is None


def is_gzip(path: str | Path) -> bool:
    return str(path).lower().endswith(".gz")


def stem(path: str | Path) -> str:
    """The name a report without an id is called after: `day` for `day.jsonl.gz`, as for
    `day.jsonl` in serial `truce extract`."""
    path = Path(path)
    return Path(path.stem).stem if is_gzip(path) else path.stem


def check_corpus_path(path: Path, *, here: bool = True) -> None:
    """Refuse what `truce batch extract` cannot read, before a cluster is started.

    `here` False (a remote cluster, whose workers may see files the client does not)
    checks the name only."""
    if not path.name.lower().endswith(SUFFIXES):
        raise BadInput(
            "not a JSON Lines file of reports",
            file=str(path),
            hint="give .jsonl, .ndjson, .jsonl.gz or .ndjson.gz files",
        )
    if here and not path.is_file():
        raise BadInput("no such file", file=str(path))


def _open(path: str) -> BufferedIOBase:
    try:
        return gzip.open(path, "rb") if is_gzip(path) else open(path, "rb")
    except OSError as exc:
        raise BadInput(f"cannot read ({exc.strerror})", file=path) from None


def plan_file(path: str, partition_size: int) -> list[Partition]:
    """Cut one file into partitions of `partition_size` lines (the last may be shorter).

    Runs where the file is readable: on a worker, for a remote cluster. One pass over the
    file, counting lines and non-blank lines (the reports, for the progress bar)."""
    if partition_size < 1:
        raise ValueError("partition_size must be at least 1")
    compressed = is_gzip(path)
    partitions: list[Partition] = []
    first_line, lines, reports, offset, start = 1, 0, 0, 0, 0

    def close() -> None:
        nonlocal first_line, lines, reports, start
        span = None if compressed else (start, offset)
        partitions.append(Partition(path, first_line, lines, reports, span))
        first_line, lines, reports, start = first_line + lines, 0, 0, offset

    with _open(path) as handle:
        try:
            for raw in handle:
                offset += len(raw)
                lines += 1
                reports += bool(raw.strip())
                if lines == partition_size:
                    close()
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            raise BadInput(f"cannot decompress ({exc})", file=path) from None
    if lines:
        close()
    return partitions


def _lines(partition: Partition) -> Iterator[bytes]:
    with _open(partition.path) as handle:
        try:
            if partition.byte_range is None:
                yield from islice(
                    handle, partition.first_line - 1, partition.first_line - 1 + partition.lines
                )
                return
            start, stop = partition.byte_range
            handle.seek(start)
            data = handle.read(stop - start)
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            raise BadInput(f"cannot decompress ({exc})", file=partition.path) from None
    yield from data.split(b"\n")


def read_partition(partition: Partition) -> Iterator[Report]:
    """The reports of a partition, in order; `BadInput` naming the file and line for a
    line that is not UTF-8, not JSON, or not a report."""
    name, default = partition.path, stem(partition.path)
    for number, raw in enumerate(_lines(partition), start=partition.first_line):
        if number >= partition.first_line + partition.lines:
            break  # the empty piece after a final newline
        try:
            content = raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError:
            raise BadInput(
                "not UTF-8 text", file=name, line=number, hint="save it as UTF-8"
            ) from None
        if not content.strip():
            continue
        try:
            data = json.loads(content)
        except json.JSONDecodeError as exc:
            raise BadInput(f"invalid JSON ({exc.msg})", file=name, line=number) from None
        try:
            yield parse_report(data, default_id=f"{default}-{number}")
        except BadInput as exc:
            raise exc.located(file=name, line=number) from None


__all__ = ["SUFFIXES", "Partition", "check_corpus_path", "plan_file", "read_partition", "stem"]
