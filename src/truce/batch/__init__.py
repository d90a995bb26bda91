"""Extraction over a large corpus on Dask: a LocalCluster by default, or a real cluster.

The records are those of serial `truce extract`, in any order; see `run` for how a run
proceeds and fails, `corpus` for how files are cut into partitions, and `cluster` for
where the work runs.
"""

from truce.batch.cluster import check_versions, dask_client, default_workers
from truce.batch.corpus import Partition, check_corpus_path, plan_file, read_partition
from truce.batch.run import (
    DEFAULT_PARTITION_SIZE,
    BatchSummary,
    batch_extract,
    plan_corpus,
)
from truce.batch.tasks import partition_records

__all__ = [
    "DEFAULT_PARTITION_SIZE",
    "BatchSummary",
    "Partition",
    "batch_extract",
    "check_corpus_path",
    "check_versions",
    "dask_client",
    "default_workers",
    "partition_records",
    "plan_corpus",
    "plan_file",
    "read_partition",
]
