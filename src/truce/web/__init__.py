"""Views for people: the dashboard (served by `truce serve`, or as one offline file)."""

from truce.web.dashboard import bundle, dashboard_data
from truce.web.page import SERVED_CSP, dashboard_page
from truce.web.report import render_report

__all__ = ["SERVED_CSP", "bundle", "dashboard_data", "dashboard_page", "render_report"]
