"""Where the work runs: a LocalCluster of processes, or an existing Dask cluster.

A LocalCluster gets one single-threaded worker process per core: extraction is pure
Python, so threads would only take turns on the GIL. Its dashboard is off (no port to
collide with in tests or on a shared host). An existing cluster is reached by its
scheduler's address (`tcp://host:port`, from `dask scheduler`); its workers must run
the client's truce version, which is checked before any work is sent.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from truce import __version__
from truce.batch.tasks import worker_version
from truce.errors import TruceError

if TYPE_CHECKING:
    from distributed import Client


def default_workers() -> int:
    """One worker per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def check_versions(client: Client) -> int:
    """The number of workers, once each is seen to run this truce version."""
    versions: dict[str, str] = client.run(worker_version)
    if not versions:
        raise TruceError("the Dask cluster has no workers (start some with `dask worker`)")
    wrong = {worker: v for worker, v in versions.items() if v != __version__}
    if wrong:
        worker, version = next(iter(wrong.items()))
        raise TruceError(
            f"Dask worker {worker} runs truce {version}, this client {__version__} "
            "(install the same truce version on every worker)"
        )
    return len(versions)


@contextmanager
def dask_client(
    scheduler: str | None = None, *, workers: int | None = None, timeout: float = 20
) -> Iterator[Client]:
    """A connected client, closed (with its LocalCluster, if any) on the way out.

    `scheduler` None starts a LocalCluster of `workers` processes (default: one a core);
    otherwise it is the address of a running scheduler, and `workers` is ignored."""
    from distributed import Client, LocalCluster

    if scheduler is None:
        cluster = LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=workers or default_workers(),
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
        try:
            with Client(cluster) as client:  # type: ignore[no-untyped-call]
                yield client
        finally:
            cluster.close()
        return
    try:
        client = Client(scheduler, timeout=timeout)  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError) as exc:
        raise TruceError(
            f"cannot reach the Dask scheduler at {scheduler} ({exc}); "
            "is `dask scheduler` running there?"
        ) from None
    try:
        try:
            client.wait_for_workers(1, timeout=timeout)
        except TimeoutError:
            raise TruceError(
                f"the Dask scheduler at {scheduler} has no workers "
                f"(start some with `dask worker {scheduler}`)"
            ) from None
        yield client
    finally:
        client.close()  # type: ignore[no-untyped-call]


__all__ = ["check_versions", "dask_client", "default_workers"]
