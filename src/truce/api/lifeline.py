"""The one way a process `truce serve` starts ends with the server that started it."""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import threading


def exit_with_parent() -> None:
    """End this (child) process as soon as the server that started it is gone.

    A server killed with SIGKILL never shuts its process pools down, and a pool's worker
    holds both ends of its own call queue, so it would wait for work for ever (and keep
    multiprocessing's resource tracker alive with it). `parent_process().sentinel` is a
    pipe whose other end only the parent holds: the kernel closes it when the parent
    dies, however it dies, on every platform multiprocessing supports.

    Call it first in every pool's initializer; in a process multiprocessing did not
    start (no parent) it does nothing."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(1)  # nobody is left to answer; an open transaction rolls back

    threading.Thread(target=watch, name="truce-parent-watch", daemon=True).start()
