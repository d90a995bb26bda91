"""The offline dashboard: one HTML file with its scripts, styles, outlines and data
inside, and a Content-Security-Policy that forbids every request.

It opens the same in a field office with no network. Besides the interactive panels it
carries the versions, the tallies and the rulings as plain tables, so it still reads
with scripts turned off.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import UTC, datetime
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from truce import __version__
from truce.accounts import Comparison
from truce.accounts.views import side_by_side_html
from truce.domain import Agreement, Incident, Ruling, TermsVersion, Verdict
from truce.domain.limits import to_utc
from truce.findings import capped
from truce.rules import Rulings
from truce.web.assets import asset_text, csp_hash
from truce.web.dashboard import EXPLAINED_OFFLINE, bundle, compact

# Past this many incidents the plain rulings table stops (the panels hold them all):
# tens of thousands of rows would make the page slow to open for little use.
RULINGS_TABLE_LIMIT = 2000

env = Environment(
    loader=PackageLoader("truce.web", "templates"),
    autoescape=select_autoescape(["html", "j2"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def _utc(instant: datetime | None) -> str:
    return to_utc(instant).strftime("%Y-%m-%d %H:%M UTC") if instant else "—"


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


def script_json(data: Any) -> Markup:
    """JSON that is safe inside a <script> element: no '<', '>' or '&' can end it early."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def render_report(
    agreement: Agreement,
    rulings: Rulings,
    comparison: Comparison | None = None,
    *,
    data: dict[str, Any] | None = None,
    findings: dict[str, Any] | None = None,
) -> str:
    """The offline dashboard of an agreement. `data` is the bundle of
    `truce.web.dashboard_data` (stored reports, accounts, commitments); without it the
    page is built from the rulings and `comparison` alone. `findings` (of
    `truce.findings`) adds the monitor's findings, rendered here and carried in the page
    data as `findings`, their lists cut to what a page holds (`truce.findings.capped`)."""
    if data is None:
        data = bundle(agreement, rulings, comparison=comparison, explained=EXPLAINED_OFFLINE)
    if findings is not None:
        findings = capped(findings)
        data = {**data, "findings": findings}
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
    shown = rulings.frame.incidents[:RULINGS_TABLE_LIMIT]
    wanted = {i.id for i in shown}
    by_incident: dict[str, dict[str, Ruling]] = defaultdict(dict)
    for ruling in rulings:
        if ruling.incident in wanted:
            by_incident[ruling.incident][ruling.version] = ruling
        elif len(by_incident) >= len(wanted):
            break
    incidents: list[dict[str, Any]] = [
        {"incident": i, "place": _place(i), "rulings": [by_incident[i.id][v.id] for v in versions]}
        for i in shown
    ]
    tallies = [
        {"version": version, "party": party, "counts": [counts[v] for v in Verdict]}
        for (version, party), counts in rulings.tallies().items()
    ]
    assets = {
        name: Markup(asset_text(file))
        for name, file in (
            ("leaflet_css", "leaflet.css"),
            ("app_css", "dashboard.css"),
            ("leaflet_js", "leaflet.js"),
            ("supercluster_js", "supercluster.js"),
            ("app_js", "dashboard.js"),
        )
    }
    scripts = " ".join(csp_hash(assets[n]) for n in ("leaflet_js", "supercluster_js", "app_js"))
    styles = " ".join(csp_hash(assets[n]) for n in ("leaflet_css", "app_css"))
    csp = (
        f"default-src 'none'; script-src {scripts}; style-src {styles}; img-src data: blob:;"
        " connect-src 'none'; base-uri 'none'; form-action 'none'"
    )
    accounts_html = (
        side_by_side_html(comparison, style=False)
        if comparison is not None
        else Markup(data["accounts"]["html"])
        if data.get("accounts")
        else None
    )
    template = env.get_template("dashboard.html.j2")
    return template.render(
        offline=True,
        csp=csp,
        title=agreement.title or agreement.id,
        agreement=agreement,
        versions=versions,
        rows=rows,
        incidents=incidents,
        incident_count=len(rulings.frame.incidents),
        tallies=tallies,
        verdicts=[v.value for v in Verdict],
        generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        truce_version=__version__,
        comparison=accounts_html,
        findings=findings,
        assets=assets,
        data_json=script_json(compact(data)),
        outlines_json=Markup(asset_text("outlines.json").strip()),
    )
