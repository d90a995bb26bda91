"""Exports of the stored incidents with their rulings: CSV (re-importable), GeoJSON (for
GIS tools) and JSON (for scripts)."""

from truce.exports.exporting import ExportFormat, export_incidents
from truce.exports.rulings import RuledIncidents, rule_for_export

__all__ = ["ExportFormat", "RuledIncidents", "export_incidents", "rule_for_export"]
