"""A queue that takes turns between users, for the report writer and the extractor.

A plain queue serves posts in the order they came: a monitor who posts a thousand
reports in a loop puts a thousand ahead of everyone else's next one. Here each user
(the key) has a line of their own, and `get` takes from the lines in turn (round robin),
so another user's post waits behind at most one of the flood's per turn, however long
the flood's own line grows.

`put`/`get`/`get_nowait` behave as `queue.SimpleQueue`'s do, so the writer's loop reads
it as it read that; `put_last` queues what must come after everything queued before it
(the writer's stop signal, after the posts it must still answer).
"""

from __future__ import annotations

import queue
import threading
from collections import OrderedDict, deque
from collections.abc import Hashable
from typing import Generic, TypeVar

T = TypeVar("T")


class FairQueue(Generic[T]):
    """Per-key lines, served in turn; thread-safe."""

    def __init__(self) -> None:
        # Keys with something waiting, in the order their turn comes.
        self._lines: OrderedDict[Hashable, deque[T]] = OrderedDict()
        self._last: deque[T] = deque()
        self._ready = threading.Condition()

    def put_last(self, item: T) -> None:
        """Queue `item` to be taken once every line is empty."""
        with self._ready:
            self._last.append(item)
            self._ready.notify()

    def put(self, key: Hashable, item: T) -> None:
        with self._ready:
            self._lines.setdefault(key, deque()).append(item)
            self._ready.notify()

    def _take(self) -> T:
        if not self._lines:
            return self._last.popleft()
        key, line = next(iter(self._lines.items()))
        item = line.popleft()
        if line:
            self._lines.move_to_end(key)  # its next item waits for everyone else's turn
        else:
            del self._lines[key]
        return item

    def get(self, timeout: float | None = None) -> T:
        """The next item in turn, waiting for one (raises `queue.Empty` on timeout)."""
        with self._ready:
            if not self._ready.wait_for(lambda: bool(self._lines or self._last), timeout):
                raise queue.Empty
            return self._take()

    def get_nowait(self) -> T:
        with self._ready:
            if not (self._lines or self._last):
                raise queue.Empty
            return self._take()

    def waiting(self) -> dict[Hashable, int]:
        """How many items each key has waiting (for logs and tests)."""
        with self._ready:
            return {key: len(line) for key, line in self._lines.items()}
