"""`batch_extract` on a LocalCluster of two worker processes.

One test for the cluster, so pytest-xdist never starts it twice."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from truce.batch import batch_extract, check_versions, dask_client
from truce.errors import BadInput
from truce.merge import merge_evidence, merge_to_json, read_evidence

from .conftest import canonical, mixed_corpus, plain_twin, read_jsonl, serial_records


@pytest.mark.slow
def test_local_cluster_gives_the_serial_records_and_stops_at_a_bad_line(tmp_path: Path) -> None:
    corpus = mixed_corpus(tmp_path / "corpus", 400)
    out = tmp_path / "records.jsonl"
    seen: list[tuple[int, int]] = []
    with dask_client(None, workers=2) as client:
        assert check_versions(client) == 2
        summary = batch_extract(
            client, corpus, out, partition_size=45, progress=lambda d, t: seen.append((d, t))
        )
        expected = [record for path in corpus for record in serial_records(path)]
        assert canonical(read_jsonl(out)) == canonical(expected)
        assert (summary.files, summary.reports, summary.records) == (2, 400, len(expected))
        assert summary.partitions == 10  # 201 lines (one blank) and 200 lines, 45 a partition
        assert seen[0] == (0, 400) and seen[-1] == (400, 400)

        # --merge: the incidents `truce merge` forms from the same reports, in corpus order.
        merged = tmp_path / "incidents.json"
        summary = batch_extract(client, corpus, out, partition_size=45, merge_out=merged)
        evidence = [e for path in corpus for e in read_evidence(plain_twin(path))]
        expected_merge = merge_to_json(merge_evidence(evidence))
        assert json.loads(merged.read_text("utf-8")) == expected_merge
        assert summary.incidents == len(expected_merge["incidents"]) > 0

        with corpus[0].open("ab") as sink:
            sink.write(b'{"id": "broken", "text": "Drones struck Kharkiv."\n')
        out.unlink()
        with pytest.raises(BadInput) as caught:
            batch_extract(client, corpus, out, partition_size=45)
    assert caught.value.file == str(corpus[0]) and caught.value.line == 202
    assert "invalid JSON" in str(caught.value)
    assert not out.exists() and not (tmp_path / "records.jsonl.partial").exists()
