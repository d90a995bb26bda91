"""Incidents as coded by analysts: reading, validating and writing incident records."""

from truce.incidents.cells import neutralise, restore
from truce.incidents.files import FORMATS, read_incident_rows, read_incidents, read_report_rows
from truce.incidents.importing import import_incidents
from truce.incidents.records import (
    COLUMNS,
    MERGE_FIELDS,
    PRECISION_FIELDS,
    incident_to_precise_record,
    incident_to_record,
    is_ruling_field,
    parse_incident,
    parse_occurrence,
)

__all__ = [
    "COLUMNS",
    "FORMATS",
    "MERGE_FIELDS",
    "PRECISION_FIELDS",
    "import_incidents",
    "incident_to_precise_record",
    "incident_to_record",
    "is_ruling_field",
    "neutralise",
    "parse_incident",
    "parse_occurrence",
    "read_incident_rows",
    "read_incidents",
    "read_report_rows",
    "restore",
]
