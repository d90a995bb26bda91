"""Views for people: the offline HTML report (the dashboard joins it later)."""

from truce.web.report import render_report

__all__ = ["render_report"]
