"""The self-contained HTML report: versions side by side, rulings with explanations.

One file, inline styles, no scripts and a Content-Security-Policy that forbids loading
anything, so it opens the same in a field office with no network.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from truce import __version__
from truce.accounts import Comparison
from truce.accounts.views import side_by_side_html
from truce.domain import Agreement, Incident, Ruling, TermsVersion, Verdict
from truce.rules import Rulings

_env = Environment(
    loader=PackageLoader("truce.web", "templates"),
    autoescape=select_autoescape(["html", "j2"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def _utc(instant: datetime | None) -> str:
    return instant.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC") if instant else "—"


def _fields(version: TermsVersion) -> dict[str, str]:
    end = version.window_end
    return {
        "according to": version.according_to,
        "source": version.source or "—",
        "bound": ", ".join(version.bound) or "nobody",
        "protects": ", ".join(version.protects),
        "excludes": ", ".join(version.excludes) or "—",
        "area": ", ".join(version.area) or "anywhere",
        "starts": version.starts.isoformat(),
        "duration / ends": version.duration
        or (version.ends.isoformat() if version.ends else "open-ended"),
        "window (UTC)": f"{_utc(version.starts)} → {_utc(end) if end else 'open-ended'}",
        "notes": version.notes or "—",
    }


def _place(incident: Incident) -> str:
    return ", ".join(p for p in (incident.place, incident.region, incident.country) if p) or "—"


def render_report(
    agreement: Agreement, rulings: Rulings, comparison: Comparison | None = None
) -> str:
    versions = list(rulings.versions)
    fields = [_fields(v) for v in versions]
    rows = [
        {
            "name": name,
            "values": [f[name] for f in fields],
            "differs": len({f[name] for f in fields}) > 1,
        }
        for name in (fields[0] if fields else {})
    ]
    by_incident: dict[str, dict[str, Ruling]] = defaultdict(dict)
    for ruling in rulings:
        by_incident[ruling.incident][ruling.version] = ruling
    incidents: list[dict[str, Any]] = [
        {"incident": i, "place": _place(i), "rulings": [by_incident[i.id][v.id] for v in versions]}
        for i in rulings.frame.incidents
    ]
    tallies = [
        {"version": version, "party": party, "counts": [counts[v] for v in Verdict]}
        for (version, party), counts in rulings.tallies().items()
    ]
    template = _env.get_template("report.html.j2")
    return template.render(
        agreement=agreement,
        versions=versions,
        rows=rows,
        incidents=incidents,
        tallies=tallies,
        verdicts=[v.value for v in Verdict],
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        truce_version=__version__,
        comparison=side_by_side_html(comparison) if comparison is not None else None,
    )
