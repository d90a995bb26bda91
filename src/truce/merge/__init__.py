"""Reports of the same incident merged into one, with its corroboration (CONTRACTS §3–4).

Matching (`matching`), consolidation of facts and corroboration (`consolidate`), and
grouping with blocking by day and map cell (`grouping`); the store applies the same rule
as reports arrive.
"""

from truce.merge.consolidate import Consolidated, consolidate, corroboration, denied_by
from truce.merge.footprint import Footprint, footprint
from truce.merge.grouping import (
    Merger,
    MergeResult,
    anchor,
    best_incident,
    block_keys,
    days,
    merge_evidence,
    probe_keys,
)
from truce.merge.matching import family, match_score, targets_fit
from truce.merge.output import merge_to_json
from truce.merge.reading import holds_free_text, read_evidence, read_report_file

__all__ = [
    "Consolidated",
    "Footprint",
    "MergeResult",
    "Merger",
    "anchor",
    "best_incident",
    "block_keys",
    "consolidate",
    "corroboration",
    "days",
    "denied_by",
    "family",
    "footprint",
    "holds_free_text",
    "match_score",
    "merge_evidence",
    "merge_to_json",
    "probe_keys",
    "read_evidence",
    "read_report_file",
    "targets_fit",
]
