"""Incidents as coded by analysts: reading, validating and writing incident records."""

from truce.incidents.files import FORMATS, read_incident_rows, read_incidents
from truce.incidents.importing import import_incidents
from truce.incidents.records import (
    COLUMNS,
    incident_to_record,
    parse_incident,
    parse_occurrence,
)

__all__ = [
    "COLUMNS",
    "FORMATS",
    "import_incidents",
    "incident_to_record",
    "parse_incident",
    "parse_occurrence",
    "read_incident_rows",
    "read_incidents",
]
