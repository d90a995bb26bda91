"""`truce merge --json` (CONTRACTS §4): each incident with its reports, corroboration and
denials, and the consolidated facts in the record layout of CONTRACTS §2."""

from __future__ import annotations

from typing import Any

from truce.incidents import incident_to_precise_record
from truce.merge.consolidate import Consolidated
from truce.merge.grouping import MergeResult

# Record fields that describe one source's report, not the merged incident.
_REPORT_FIELDS = ("id", "source", "source_alignment", "reported_at", "url", "text")


def incident_to_json(merged: Consolidated) -> dict[str, Any]:
    incident = merged.incident
    record = incident_to_precise_record(incident)
    return {
        "id": incident.id,
        "reports": list(merged.reports),
        "corroboration": incident.corroboration,
        "denied_by": list(incident.denied_by),
        "sources": list(merged.sources),
        **{k: v for k, v in record.items() if k not in _REPORT_FIELDS},
        "killed_range": list(merged.killed_range) if merged.killed_range else None,
        "injured_range": list(merged.injured_range) if merged.injured_range else None,
    }


def merge_to_json(result: MergeResult) -> dict[str, Any]:
    return {
        "incidents": [incident_to_json(merged) for merged in result.incidents],
        "unmatched_denials": list(result.unmatched_denials),
    }
