"""Each user's posts wait in a line of their own, served in turn: a flood from one
monitor does not hold up another's next post (issue 22.2)."""

from __future__ import annotations

import queue
import threading

import pytest

from truce.api.fairness import FairQueue


def test_lines_are_served_in_turn_whatever_their_length() -> None:
    lines: FairQueue[str] = FairQueue()
    for n in range(1000):
        lines.put("flood", f"flood-{n}")
    lines.put("kyiv", "kyiv-1")
    lines.put("lviv", "lviv-1")
    lines.put("kyiv", "kyiv-2")
    taken = [lines.get_nowait() for _ in range(6)]
    assert taken == ["flood-0", "kyiv-1", "lviv-1", "flood-1", "kyiv-2", "flood-2"]
    assert lines.waiting() == {"flood": 997}


def test_what_is_put_last_comes_after_every_line() -> None:
    lines: FairQueue[str | None] = FairQueue()
    lines.put("a", "a-1")
    lines.put_last(None)
    lines.put("b", "b-1")
    assert [lines.get_nowait() for _ in range(3)] == ["a-1", "b-1", None]
    with pytest.raises(queue.Empty):
        lines.get_nowait()


def test_get_waits_for_a_put_from_another_thread() -> None:
    lines: FairQueue[int] = FairQueue()
    threading.Timer(0.05, lines.put, args=("a", 7)).start()
    assert lines.get(timeout=10) == 7
    with pytest.raises(queue.Empty):
        lines.get(timeout=0.01)
