"""The dashboard's data: one bundle that the page draws map, timeline, compliance,
accounts and incident detail from.

The same function feeds `GET /api/v1/dashboard` and the offline file of `truce report`,
so both show the same thing. Incidents travel as rows under a list of column names and
rulings as reason indexes, because 10,000 incidents × a few versions must parse in a
blink; explanations are the one bulky part, and a reader needs them on every ruling.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any

from truce import __version__
from truce.accounts import Comparison, compare_accounts, read_account_text
from truce.accounts.views import side_by_side_html
from truce.audit import audit_head_json
from truce.commitments import check_commitments
from truce.domain import REASONS, Agreement, Incident, Report, TermsVersion, Verdict, check_url
from truce.domain.limits import to_utc
from truce.errors import BadInput, NotFound
from truce.findings import incident_day
from truce.rules import Rulings, explain, rule_stored
from truce.store import Store, StoredAccount
from truce.web.positions import map_position

# The order of an incident row's values; the page reads them by these names.
COLUMNS = (
    "id", "occurred_at", "time_precision", "day", "earliest", "latest", "place", "region",
    "country", "lat", "lon", "perpetrator", "target", "target_detail", "weapon", "killed",
    "injured", "source", "source_alignment", "url", "text", "report", "corroboration",
    "map_lat", "map_lon", "map_precision", "reports", "denied_by",
)  # fmt: skip


def _iso(instant: datetime | None) -> str | None:
    if instant is None:
        return None
    return to_utc(instant).strftime("%Y-%m-%dT%H:%M:%SZ")


def _version(version: TermsVersion) -> dict[str, Any]:
    return {
        "id": version.id,
        "according_to": version.according_to,
        "source": version.source,
        "bound": list(version.bound),
        "protects": list(version.protects),
        "excludes": list(version.excludes),
        "area": list(version.area),
        "starts": version.starts.isoformat(),
        "duration": version.duration,
        "ends": version.ends.isoformat() if version.ends else None,
        "notes": version.notes,
        "window": [_iso(version.starts), _iso(version.window_end)],
    }


def _row(incident: Incident, reports: Sequence[str]) -> list[Any]:
    when = incident.when
    point = map_position(incident)
    return [
        incident.id, when.text or None, when.precision.value, incident_day(incident),
        _iso(when.earliest), _iso(when.latest), incident.place, incident.region,
        incident.country, incident.lat, incident.lon, incident.perpetrator, incident.target,
        incident.target_detail, incident.weapon, incident.killed, incident.injured,
        incident.source, incident.source_alignment, _link(incident.url), incident.text,
        incident.report_id, incident.corroboration,
        *(point if point else (None, None, None)),
        list(reports) or ([incident.report_id] if incident.report_id else []),
        list(incident.denied_by),
    ]  # fmt: skip


def _report(report: Report) -> dict[str, Any]:
    return {
        "source": report.source,
        "source_alignment": report.source_alignment,
        "published": (
            None
            if report.published is None
            else report.published.date().isoformat()
            if report.published_day
            else report.published.isoformat()
        ),
        "url": _link(report.url),
        "stance": report.stance,
    }


def _link(url: str | None) -> str | None:
    """A URL the page may show as a link: http(s) only. Every door refuses others now;
    this keeps one stored before that from reaching the page."""
    try:
        return check_url(url)
    except BadInput:
        return None


def accounts_view(comparison: Comparison) -> dict[str, Any]:
    """The accounts side by side as the page shows them: the HTML table (without its
    own styles: the page's stylesheet has them) and the counts above it."""
    return {
        "html": str(side_by_side_html(comparison, style=False)),
        "accounts": [
            {
                "id": a.account.id,
                "title": a.account.title,
                "party": a.account.party,
                "source": a.account.source,
                "statements": len(a.statements),
            }
            for a in comparison.accounts
        ],
        "matches": len(comparison.matches),
        "differences": sum(len(m.differences) for m in comparison.matches),
        "unmatched": len(comparison.unmatched),
    }


def compare_stored(accounts: Sequence[StoredAccount]) -> Comparison | None:
    """Compare an agreement's stored accounts again, with the current reader; None when
    fewer than two are stored."""
    if len(accounts) < 2:
        return None
    read = [
        read_account_text(
            a.text,
            a.name,
            account_id=f"a{index}",
            on_date=_on_date(a.on_date),
        )
        for index, a in enumerate(accounts, start=1)
    ]
    return compare_accounts(read)


def _on_date(value: str | None) -> date | datetime | None:
    if not value:
        return None
    return date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value)


def bundle(
    agreement: Agreement,
    rulings: Rulings,
    *,
    comparison: Comparison | None = None,
    reports: Sequence[Report] = (),
    agreements: Sequence[str] = (),
    commitments: list[dict[str, Any]] | None = None,
    merged: Mapping[str, Sequence[str]] | None = None,
    explained: int | None = None,
) -> dict[str, Any]:
    """Everything the page shows, as plain JSON-ready data. `merged` names each
    incident's reports (its own `report_id` alone when not given); `explained` keeps
    the explanations of that many incidents only (all when None)."""
    versions = rulings.versions
    incidents = rulings.frame.incidents
    reasons = rulings.reasons  # (versions, incidents)
    merged = merged or {}
    linked = {i.report_id for i in incidents if i.report_id} | {
        r for reports in merged.values() for r in reports
    }
    return {
        "schema": 1,
        "generated": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "truce_version": __version__,
        "agreement": {"id": agreement.id, "title": agreement.title},
        "agreements": list(agreements) or [agreement.id],
        "versions": [_version(v) for v in versions],
        "verdicts": [v.value for v in Verdict],
        "reasons": [[r.value, list(Verdict).index(r.verdict)] for r in REASONS],
        "columns": list(COLUMNS),
        "incidents": [_row(i, merged.get(i.id, ())) for i in incidents],
        "rulings": reasons.T.tolist(),
        "explanations": [
            [explain(incident, v, REASONS[reasons[row, column]]) for row, v in enumerate(versions)]
            for column, incident in enumerate(incidents[:explained])
        ],
        "reports": {r.id: _report(r) for r in reports if r.id in linked},
        "accounts": accounts_view(comparison) if comparison is not None else None,
        "commitments": commitments,
    }


def stored_commitments(store: Store) -> list[dict[str, Any]] | None:
    """Stored commitments with their status as of today (None when there are none)."""
    found = store.find_commitments()
    if not found:
        return None
    checks = check_commitments(found, store.reports(), datetime.now(UTC).date())
    return [
        {
            "id": c.commitment.id,
            "text": c.commitment.text,
            "actors": list(c.commitment.actors),
            "action": c.commitment.action,
            "due": c.commitment.due.isoformat() if c.commitment.due else None,
            "status": c.status,
            "explanation": c.explanation,
        }
        for c in checks
    ]


def dashboard_data(
    store: Store, agreement_id: str | None = None, *, comparison: Comparison | None = None
) -> dict[str, Any]:
    """The bundle for one stored agreement (the first stored one when none is named):
    its versions, every incident ruled under each, the stored accounts compared (or
    `comparison`, when the caller compared accounts itself) and stored commitments."""
    ids = store.agreement_ids()
    if agreement_id is None:
        if not ids:
            raise NotFound("no agreement is stored yet (truce terms import FILE.yaml)")
        agreement_id = ids[0]
    head = store.audit_head()  # read first: the data below is at least this recent
    agreement, rulings = rule_stored(store, agreement_id)
    if comparison is None:
        comparison = compare_stored(store.accounts(agreement_id))
    data = bundle(
        agreement,
        rulings,
        comparison=comparison,
        reports=store.reports(),
        agreements=ids,
        commitments=stored_commitments(store),
        merged=store.reports_of([i.id for i in rulings.frame.incidents]),
    )
    # The audit trail's head when the data was read, for anyone to hold the trail to
    # (`truce audit verify --head HASH`); the page may show it.
    data["audit_head"] = audit_head_json(head)
    return data


# The offline file carries explanations for this many incidents (the first, in the
# order they occurred: the same ones as its plain rulings table); past it each ruling
# shows its verdict and reason code, and the page says where the rest are (`truce rule
# --json`). 100,000 incidents' explanations alone would be some 75 MB.
EXPLAINED_OFFLINE = 2_000

# Instants travel as seconds since 1970 (UTC): half the size of their ISO text.
_SECONDS = {"earliest", "latest"}


def _key(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def _column(name: str, values: list[Any]) -> Any:
    """A column as the offline page reads it: `{"value"}` when every row has the same
    one, `{"values", "codes"}` when few values repeat, else the plain list."""
    if name in _SECONDS:
        values = [
            None if v is None else int(datetime.fromisoformat(v.replace("Z", "+00:00")).timestamp())
            for v in values
        ]
        return {"seconds": values}
    seen: dict[Any, int] = {}
    firsts: list[Any] = []
    codes = []
    for value in values:
        key = _key(value)
        code = seen.get(key)
        if code is None:
            code = seen[key] = len(firsts)
            firsts.append(value)
        codes.append(code)
    if len(firsts) == 1:
        return {"value": firsts[0]}
    if len(firsts) * 2 <= len(values):
        return {"values": firsts, "codes": codes}
    return values


def compact(data: dict[str, Any], *, explained: int = EXPLAINED_OFFLINE) -> dict[str, Any]:
    """The bundle in the offline file's columnar form: one list per column (repeated
    strings as codes into a list of values), the reasons as one list per version, and
    explanations for the first `explained` incidents, each text stored once."""
    rows = data["incidents"]
    columns = data["columns"]
    texts: dict[str, int] = {}
    explanations = [
        [texts.setdefault(text, len(texts)) for text in per_version]
        for per_version in data["explanations"][:explained]
    ]
    out = {key: value for key, value in data.items() if key not in ("incidents", "rulings")}
    out.update(
        {
            "schema": 2,
            "count": len(rows),
            "data": {
                name: _column(name, [row[i] for row in rows]) for i, name in enumerate(columns)
            },
            "rulings": [list(per_version) for per_version in zip(*data["rulings"], strict=True)]
            if rows
            else [[] for _ in data["versions"]],
            "explanations": explanations,
            "explanation_texts": list(texts),
            "explained": len(explanations),
        }
    )
    return out
