"""Cutting files into partitions and reading them back, without a cluster."""

from __future__ import annotations

import gzip
from itertools import pairwise
from pathlib import Path

import pytest

from truce.batch import check_corpus_path, partition_records, plan_file, read_partition
from truce.errors import BadInput
from truce.extract import read_reports

from .conftest import canonical, mixed_corpus, serial_records


@pytest.fixture
def corpus(tmp_path: Path) -> list[Path]:
    return mixed_corpus(tmp_path / "corpus", 120)


@pytest.mark.parametrize("size", [1, 7, 60, 10_000])
def test_partitions_cover_every_line_once(corpus: list[Path], size: int) -> None:
    for path in corpus:
        partitions = plan_file(str(path), size)
        assert partitions[0].first_line == 1
        for before, after in pairwise(partitions):
            assert after.first_line == before.first_line + before.lines
            if before.byte_range and after.byte_range:
                assert after.byte_range[0] == before.byte_range[1]
        assert all(p.lines <= size for p in partitions)
        assert all(p.compressed == (path.suffix == ".gz") for p in partitions)
        assert sum(p.reports for p in partitions) == 60


def test_reading_by_partition_gives_the_serial_reports(corpus: list[Path]) -> None:
    plain = corpus[0]
    read = [r for p in plan_file(str(plain), 7) for r in read_partition(p)]
    assert read == read_reports(plain)
    assert read[0].id == "reports-00-1"  # no id: stem and line, as in serial extraction


def test_gzipped_and_plain_records_match_serial(corpus: list[Path]) -> None:
    for path in corpus:
        found = [r for p in plan_file(str(path), 9) for r in partition_records(p)]
        assert canonical(found) == canonical(serial_records(path))
    packed = corpus[1]
    ids = {r.id for p in plan_file(str(packed), 9) for r in read_partition(p)}
    assert len(ids) == 60


def test_a_bad_line_names_its_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "day.jsonl.gz"
    good = (
        b'{"id": "a", "text": "Drones struck Kharkiv.", "published": "2025-03-19T08:15:00+02:00"}\n'
    )
    with gzip.open(path, "wb") as sink:
        sink.write(good * 4 + b'{"id": "b", "text": \n' + good)
    partitions = plan_file(str(path), 3)
    list(read_partition(partitions[0]))
    with pytest.raises(BadInput) as caught:
        list(read_partition(partitions[1]))
    assert (caught.value.file, caught.value.line) == (str(path), 5)
    assert f"{path}:5: invalid JSON" in str(caught.value)


def test_a_bad_report_names_its_field(tmp_path: Path) -> None:
    path = tmp_path / "day.jsonl"
    path.write_text('{"id": "a", "text": "x", "source_alignment": "nobody"}\n')
    with pytest.raises(BadInput, match=r"day.jsonl:1, field 'source_alignment'"):
        list(read_partition(plan_file(str(path), 10)[0]))


def test_what_cannot_be_read_is_refused(tmp_path: Path) -> None:
    with pytest.raises(BadInput, match="no such file"):
        check_corpus_path(tmp_path / "missing.jsonl")
    (tmp_path / "notes.csv").write_text("a,b\n")
    with pytest.raises(BadInput, match="not a JSON Lines file"):
        check_corpus_path(tmp_path / "notes.csv")
    with pytest.raises(BadInput, match="cannot read"):
        plan_file(str(tmp_path / "missing.jsonl"), 10)
    (tmp_path / "broken.jsonl.gz").write_bytes(b"not gzip at all\n")
    with pytest.raises(BadInput, match="cannot decompress"):
        plan_file(str(tmp_path / "broken.jsonl.gz"), 10)
