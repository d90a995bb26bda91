"""A `truce serve` killed with SIGKILL leaves nothing behind: its writer process and
multiprocessing's resource tracker end with it (each test run used to leave one pair)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from ..servers import served

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")


def children(pid: int) -> set[int]:
    """Processes whose parent is `pid`, read from /proc (Linux)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # it ended while we looked
        # Fields after the command name, which is in parentheses and may hold spaces.
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.add(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended; only its exit status is left to collect


def command(pid: int) -> str:
    try:
        return (Path("/proc") / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def test_a_killed_server_leaves_no_writer_or_resource_tracker(
    sqlite_url: str, tmp_path: Path
) -> None:
    with served(sqlite_url, tmp_path / "serve.log") as server:
        left = children(server.process.pid)
        kinds = {pid: command(pid) for pid in left}
        assert any("multiprocessing.spawn" in c for c in kinds.values()), kinds  # the writer
        assert any("resource_tracker" in c for c in kinds.values()), kinds
        server.process.kill()  # SIGKILL: no shutdown at all
        server.process.wait()
    deadline = time.monotonic() + 120  # a bound for a busy machine, not a speed check
    while any(alive(pid) for pid in left) and time.monotonic() < deadline:
        time.sleep(0.2)
    survivors = {pid: command(pid) for pid in left if alive(pid)}
    for pid in survivors:
        os.kill(pid, 9)  # leave the machine clean even when the test fails
    assert survivors == {}
