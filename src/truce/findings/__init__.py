"""The monitor's findings: what a report states about an agreement, computed from the
rulings and the evidence, each figure with the incidents behind it."""

from truce.findings.capped import capped
from truce.findings.compute import CAVEATS, METHOD, findings_of, incident_day
from truce.findings.stored import stored_findings
from truce.findings.totals import PublishedTotal, load_totals

__all__ = [
    "CAVEATS",
    "METHOD",
    "PublishedTotal",
    "capped",
    "findings_of",
    "incident_day",
    "load_totals",
    "stored_findings",
]
