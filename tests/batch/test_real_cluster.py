"""`truce batch extract --scheduler` against a real `dask scheduler` and `dask worker`
started from the venv's `dask` command, through the real `truce` command."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from distributed import Client
from typer.testing import CliRunner

from truce.batch import dask_client
from truce.bench.batch import write_corpus
from truce.cli import app
from truce.errors import TruceError

from .conftest import canonical, read_jsonl

DASK = Path(sys.executable).with_name("dask")
runner = CliRunner()


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _scheduler_address(log: Path, process: subprocess.Popen[bytes]) -> str:
    deadline = time.monotonic() + 120  # generous: a busy machine starts Dask slowly
    while time.monotonic() < deadline:
        found = re.search(r"Scheduler at:\s+(tcp://127\.0\.0\.1:\d+)", log.read_text())
        if found:
            return found.group(1)
        if process.poll() is not None:
            break
        time.sleep(0.1)
    raise RuntimeError(f"dask scheduler did not start:\n{log.read_text()}")


@contextmanager
def dask_cluster(home: Path, *, workers: int = 2) -> Iterator[str]:
    """A scheduler on a free loopback port (the OS picks it: `--port 0`) and one
    `dask worker` with `workers` single-threaded worker processes, run from another
    folder than the client's."""
    home.mkdir()
    log = home / "scheduler.log"
    with log.open("wb") as sink:
        boss = subprocess.Popen(
            [str(DASK), "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard"],
            cwd=home, stdout=sink, stderr=subprocess.STDOUT,
        )  # fmt: skip
    crew = None
    try:
        address = _scheduler_address(log, boss)
        if not workers:
            yield address
            return
        with (home / "worker.log").open("wb") as sink:
            crew = subprocess.Popen(
                [str(DASK), "worker", address, "--nworkers", str(workers), "--nthreads", "1",
                 "--no-dashboard", "--local-directory", str(home), "--host", "127.0.0.1"],
                cwd=home, stdout=sink, stderr=subprocess.STDOUT,
            )  # fmt: skip
        with Client(address, timeout=30) as client:
            client.wait_for_workers(workers, timeout=120)
        yield address
    finally:
        if crew is not None:
            _stop(crew)
        _stop(boss)


def truce(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "truce", *args], cwd=cwd, capture_output=True, text=True,
        timeout=300,
    )  # fmt: skip


@pytest.mark.slow
def test_real_cluster_gives_the_records_of_serial_extract(tmp_path: Path) -> None:
    """One test for the cluster, so pytest-xdist never starts it twice."""
    corpus = write_corpus(tmp_path / "corpus", 2000, files=2)
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        '{"id": "a", "text": "Drones struck Kharkiv.", "published": "2025-03-19T08:15:00+02:00"}\n'
        '{"id": "b", "text": "Drones struck Sumy.", "published": "yesterday"}\n'
    )
    with dask_cluster(tmp_path / "dask") as scheduler:
        done = truce(
            "batch", "extract", "corpus/reports-00.jsonl", "corpus/reports-01.jsonl",
            "--out", "records.jsonl", "--scheduler", scheduler, "--partition-size", "400",
            "--json", cwd=tmp_path,
        )  # fmt: skip
        failed = truce("batch", "extract", "bad.jsonl", "--out", "r.jsonl", "--scheduler",
                       scheduler, cwd=tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert (summary["reports"], summary["workers"], summary["partitions"]) == (2000, 2, 6)
    serial = []
    for path in corpus:  # the same command in this process: two fewer start-ups
        one = runner.invoke(app, ["extract", str(path), "--json"])
        assert one.exit_code == 0, one.stderr
        serial.extend(json.loads(one.stdout))
    batch = read_jsonl(tmp_path / "records.jsonl")
    assert len(batch) == summary["records"] > 1500
    assert canonical(batch) == canonical(serial)

    assert failed.returncode == 1
    assert f"{bad}:2, field 'published'" in failed.stderr
    assert not (tmp_path / "r.jsonl").exists()


def test_an_unreachable_scheduler_is_one_clear_error() -> None:
    with (
        pytest.raises(TruceError, match=r"cannot reach the Dask scheduler at tcp://127\.0\.0\.1:9"),
        dask_client("tcp://127.0.0.1:9", timeout=1),
    ):
        pass  # pragma: no cover


@pytest.mark.slow
def test_a_scheduler_without_workers_is_one_clear_error(tmp_path: Path) -> None:
    with (
        dask_cluster(tmp_path / "dask", workers=0) as scheduler,
        pytest.raises(TruceError, match="has no workers"),
        dask_client(scheduler, timeout=1),
    ):
        pass  # pragma: no cover
