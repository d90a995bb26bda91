"""Benchmarks of the hot paths (CONTRACTS §5), run by `truce bench`."""

from truce.bench.rules import BenchResult, bench_rules, duckdb_tallies
from truce.bench.synthetic import synthetic_frame, synthetic_versions

__all__ = ["BenchResult", "bench_rules", "duckdb_tallies", "synthetic_frame", "synthetic_versions"]
