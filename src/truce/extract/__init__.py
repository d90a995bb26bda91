"""Free text → incident records, in English, Ukrainian and Russian (CONTRACTS §3–4)."""

from truce.extract.language import detect_language
from truce.extract.pipeline import (
    PIPELINE,
    Pipeline,
    extract,
    extract_both,
    incidents_from_report,
    pipeline_components,
)
from truce.extract.records import ExtractedRecord
from truce.extract.regionnames import region_named
from truce.extract.reports import parse_published, parse_report, read_reports

__all__ = [
    "PIPELINE",
    "ExtractedRecord",
    "Pipeline",
    "detect_language",
    "extract",
    "extract_both",
    "incidents_from_report",
    "parse_published",
    "parse_report",
    "pipeline_components",
    "read_reports",
    "region_named",
]
