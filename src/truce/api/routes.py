"""The routes of `/api/v1` (CONTRACTS §6). Each parses, calls a stage or the store, and
shapes the answer; the access rule of each is in `truce.api.access.RULES`."""

from __future__ import annotations

import io
import json
import logging
from datetime import UTC, date, datetime
from itertools import islice
from typing import Annotated, Any, Literal

import yaml
from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse, Response

from truce.api.access import Caller, GuardedRoute, authorize
from truce.api.extraction import Extractions
from truce.api.intake import ReportWriter, free_text_report, is_free_text, structured_report
from truce.api.overview_routes import router as overview_router
from truce.api.roles import create_user
from truce.api.schemas import (
    REPORT_BODY,
    AgreementIn,
    AgreementOut,
    AgreementSaved,
    AuditEntryOut,
    AuditPage,
    CommitmentOut,
    Health,
    IncidentOut,
    JoinIn,
    Page,
    ReportAck,
    ReportOut,
    RulingOut,
    SplitIn,
    SplitOut,
    T,
    UserCreated,
    UserIn,
    UserOut,
    VerificationOut,
)
from truce.commitments import check_commitments
from truce.domain import REASONS, Corroboration, Incident, Verdict
from truce.errors import BadInput, NotFound
from truce.exports import ExportFormat, export_incidents
from truce.findings import stored_findings
from truce.rules import explain, rule
from truce.store import Store
from truce.terms import parse_terms, version_to_dict
from truce.web import dashboard_data

router = APIRouter(route_class=GuardedRoute)
log = logging.getLogger("truce.api")

Limit = Annotated[int, Query(ge=1, le=1000, description="Items per page (at most 1,000).")]
Offset = Annotated[int, Query(ge=0, le=10**9, description="Items to skip.")]
Since = Annotated[
    datetime | None, Query(description="From this instant (ISO 8601; no offset means UTC).")
]
Until = Annotated[datetime | None, Query(description="Up to this instant (ISO 8601).")]
Party = Annotated[
    str | None, Query(pattern=r"^([A-Z]{2}|unknown)$", description="Perpetrator: party code.")
]
Country = Annotated[str | None, Query(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2.")]
Id = r"^[^\x00-\x1f]{1,200}$"
MinCorroboration = Annotated[
    Corroboration | None,
    Query(description="Only incidents corroborated at least this well (e.g. both_sides)."),
]


def _incidents_out(store: Store, *incidents: Incident) -> list[IncidentOut]:
    """Incidents as the API shows them, each with the reports merged into it."""
    ids = [i.id for i in incidents]
    reports, coded = store.reports_of(ids), store.coded_of(ids)
    return [IncidentOut.of(i, reports[i.id], coded[i.id]) for i in incidents]


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def _utc(instant: datetime | None, name: str) -> datetime | None:
    """Query times: naive ones are UTC; ones that cannot be expressed in UTC are refused."""
    if instant is None:
        return None
    try:
        return instant.replace(tzinfo=UTC) if instant.tzinfo is None else instant.astimezone(UTC)
    except OverflowError:
        raise BadInput("out of range", field=name) from None


def _page(items: list[T], limit: int, offset: int) -> Page[T]:
    """A page from up to `limit + 1` items: the extra one only says there is more."""
    more = len(items) > limit
    return Page[Any](
        items=items[:limit],
        limit=limit,
        offset=offset,
        next_offset=offset + limit if more else None,
    )


@router.get("/health", response_model=Health, summary="Liveness: no token, no database.")
async def health() -> Health:
    return Health(status="ok")


@router.post(
    "/reports",
    response_model=ReportAck,
    status_code=201,
    openapi_extra={"requestBody": REPORT_BODY},
    responses={200: {"model": ReportAck, "description": "Stored before, unchanged"}},
    summary="Submit a report: a structured incident record, or free text with its source.",
)
async def post_report(
    request: Request, caller: Annotated[Caller, Depends(authorize)]
) -> JSONResponse:
    raw = request.state.json  # parsed within the limits by `GuardedRoute`
    if raw is None:
        raise BadInput("the body is empty: expected a JSON object", field="body")
    if not isinstance(raw, dict):
        raise BadInput("the body must be a JSON object", field="body")
    note = None
    if is_free_text(raw):
        report = free_text_report(raw)
        extractions: Extractions | None = request.app.state.extractions
        if extractions is None:
            incidents = []
            note = "no free-text extractor is installed: stored without incidents"
        else:
            try:
                # Queued, in turns per user, and extracted off the event loop's thread.
                incidents = await extractions.run(report, user=caller.name or caller.actor)
            except Exception:  # the report itself must not be lost to an extractor's bug
                log.exception("extraction failed for report %r", report.id)
                incidents = []
                note = "extraction failed (logged on the server): stored without incidents"
    else:
        report, incident = structured_report(raw)
        incidents = [incident]
    writer: ReportWriter = request.app.state.writer
    outcome = await writer.submit(report, incidents, actor=caller.actor, submitted_by=caller.name)
    # The hot path: built here as JSON, without a second validation of our own answer.
    ack = {
        "id": outcome.report,
        "status": "created" if outcome.created else "unchanged",
        "incidents": list(outcome.incidents),
        "note": note,
    }
    return JSONResponse(ack, status_code=201 if outcome.created else 200)


@router.get("/reports", response_model=Page[ReportOut], summary="Reports, as received.")
def list_reports(
    request: Request,
    caller: Annotated[Caller, Depends(authorize)],
    limit: Limit = 100,
    offset: Offset = 0,
    since: Since = None,
    until: Until = None,
    source_alignment: Annotated[
        str | None, Query(pattern=r"^([A-Z]{2}|media|independent)$")
    ] = None,
    submitted_by: Annotated[str | None, Query(pattern=Id)] = None,
) -> Page[ReportOut]:
    reports = _store(request).find_reports(
        source_alignment=source_alignment,
        submitted_by=submitted_by,
        since=_utc(since, "since"),
        until=_utc(until, "until"),
        limit=limit + 1,
        offset=offset,
    )
    return _page([ReportOut.of(r) for r in reports], limit, offset)


@router.get(
    "/commitments",
    response_model=Page[CommitmentOut],
    summary="Commitments, by due date, with their status as of today.",
)
def list_commitments(
    request: Request,
    caller: Annotated[Caller, Depends(authorize)],
    limit: Limit = 100,
    offset: Offset = 0,
    status: Annotated[
        Literal["kept", "partly_kept", "broken", "pending", "unverified"] | None, Query()
    ] = None,
    due_from: Annotated[date | None, Query(description="Due on or after this day.")] = None,
    due_to: Annotated[date | None, Query(description="Due on or before this day.")] = None,
    actor: Annotated[
        str | None, Query(pattern=r"^[A-Z]{2}$", description="A party among the actors.")
    ] = None,
) -> Page[CommitmentOut]:
    """Statuses are worked out from the stored reports on every read, so a report that
    arrives turns a commitment kept or broken without anything else being run."""
    store = _store(request)
    found = store.find_commitments(actor=actor, due_from=due_from, due_to=due_to)
    checks = check_commitments(found, store.reports(), datetime.now(UTC).date())
    if status is not None:
        checks = [c for c in checks if c.status == status]
    items = [CommitmentOut.of(c) for c in checks[offset : offset + limit + 1]]
    return _page(items, limit, offset)


@router.get("/reports/{report_id}", response_model=ReportOut, summary="One report.")
def get_report(
    request: Request,
    caller: Annotated[Caller, Depends(authorize)],
    report_id: Annotated[str, Path(pattern=Id)],
) -> ReportOut:
    return ReportOut.of(_store(request).report(report_id))


@router.get("/incidents", response_model=Page[IncidentOut], summary="Incidents, as they occurred.")
def list_incidents(
    request: Request,
    caller: Annotated[Caller, Depends(authorize)],
    limit: Limit = 100,
    offset: Offset = 0,
    party: Party = None,
    country: Country = None,
    target: Annotated[
        str | None,
        Query(pattern=r"^[a-z]+(\.[a-z]+)*$", max_length=60, description="With its descendants."),
    ] = None,
    report: Annotated[str | None, Query(pattern=Id, description="Holding this report.")] = None,
    since: Since = None,
    until: Until = None,
    min_corroboration: MinCorroboration = None,
) -> Page[IncidentOut]:
    store = _store(request)
    incidents = store.find_incidents(
        party=party,
        country=country,
        target=target,
        report_id=report,
        since=_utc(since, "since"),
        until=_utc(until, "until"),
        min_corroboration=min_corroboration,
        limit=limit + 1,
        offset=offset,
    )
    return _page(_incidents_out(store, *incidents), limit, offset)


@router.get("/incidents/{incident_id}", response_model=IncidentOut, summary="One incident.")
def get_incident(
    request: Request,
    caller: Annotated[Caller, Depends(authorize)],
    incident_id: Annotated[str, Path(pattern=Id)],
) -> IncidentOut:
    store = _store(request)
    return _incidents_out(store, store.incident(incident_id))[0]


@router.post(
    "/incidents/{incident_id}/join",
    response_model=IncidentOut,
    summary="An analyst's correction: join another incident into this one (audited).",
)
def join_incident(
    request: Request,
    caller: Annotated[Caller, Depends(authorize)],
    incident_id: Annotated[str, Path(pattern=Id)],
    body: JoinIn,
) -> IncidentOut:
    store = _store(request)
    return _incidents_out(
        store, store.join_incidents(incident_id, body.incident, actor=caller.actor)
    )[0]


@router.post(
    "/incidents/{incident_id}/split",
    response_model=SplitOut,
    summary="An analyst's correction: move reports out into a new incident (audited).",
)
def split_incident(
    request: Request,
    caller: Annotated[Caller, Depends(authorize)],
    incident_id: Annotated[str, Path(pattern=Id)],
    body: SplitIn,
) -> SplitOut:
    store = _store(request)
    left, new = _incidents_out(
        store, *store.split_incident(incident_id, body.reports, actor=caller.actor)
    )
    return SplitOut(incident=left, new=new)


AgreementId = Annotated[str, Path(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=100)]


@router.get("/agreements", response_model=Page[AgreementOut], summary="Stored agreements.")
def list_agreements(
    request: Request,
    caller: Annotated[Caller, Depends(authorize)],
    limit: Limit = 100,
    offset: Offset = 0,
) -> Page[AgreementOut]:
    store = _store(request)
    ids = store.agreement_ids()[offset : offset + limit + 1]
    return _page([_agreement_out(store, i) for i in ids], limit, offset)


def _agreement_out(store: Store, agreement_id: str) -> AgreementOut:
    agreement = store.agreement(agreement_id)
    return AgreementOut(
        agreement=agreement.id,
        title=agreement.title,
        versions=[v.to_data() for v in agreement.versions],
    )


@router.get(
    "/agreements/{agreement_id}",
    response_model=AgreementOut,
    summary="An agreement with the current revision of each version.",
)
def get_agreement(
    request: Request, caller: Annotated[Caller, Depends(authorize)], agreement_id: AgreementId
) -> AgreementOut:
    return _agreement_out(_store(request), agreement_id)


@router.put(
    "/agreements/{agreement_id}",
    response_model=AgreementSaved,
    summary="Store an agreement's versions; a changed version becomes a new revision.",
)
def put_agreement(
    request: Request,
    caller: Annotated[Caller, Depends(authorize)],
    agreement_id: AgreementId,
    body: AgreementIn,
) -> AgreementSaved:
    if body.agreement is not None and body.agreement != agreement_id:
        raise BadInput(
            f"'{body.agreement}' differs from the path's '{agreement_id}'", field="agreement"
        )
    doc: dict[str, Any] = {"agreement": agreement_id, "versions": body.versions}
    if body.title is not None:
        doc["title"] = body.title
    text = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True)
    try:
        agreement = parse_terms(text, file="body")
    except (OverflowError, ValueError) as exc:  # dates or durations beyond any calendar
        raise BadInput(f"out of range ({exc})", field="versions") from None
    texts = {
        v.id: yaml.safe_dump(version_to_dict(v), sort_keys=False, allow_unicode=True)
        for v in agreement.versions
    }
    result = _store(request).save_agreement(
        agreement, texts, source_file=f"api:{caller.name}", actor=caller.actor
    )
    return AgreementSaved.of(result)


@router.get(
    "/agreements/{agreement_id}/rulings",
    response_model=Page[RulingOut],
    summary="Every incident ruled against every current version.",
)
def list_rulings(
    request: Request,
    caller: Annotated[Caller, Depends(authorize)],
    agreement_id: AgreementId,
    limit: Limit = 100,
    offset: Offset = 0,
    version: Annotated[str | None, Query(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")] = None,
    verdict: Verdict | None = None,
    party: Party = None,
    country: Country = None,
    since: Since = None,
    until: Until = None,
    min_corroboration: MinCorroboration = None,
) -> Page[RulingOut]:
    store = _store(request)
    agreement = store.agreement(agreement_id)
    versions = agreement.versions
    if version is not None:
        versions = tuple(v for v in versions if v.id == version)
        if not versions:
            raise NotFound(f"agreement '{agreement_id}' has no version '{version}'")
    incidents = store.find_incidents(
        party=party,
        country=country,
        since=_utc(since, "since"),
        until=_utc(until, "until"),
        min_corroboration=min_corroboration,
    )
    reasons = rule(incidents, versions).reasons
    chosen = (
        (incident, v, REASONS[reasons[row, column]])
        for column, incident in enumerate(incidents)
        for row, v in enumerate(versions)
    )
    if verdict is not None:
        chosen = (item for item in chosen if item[2].verdict is verdict)
    # Explanations are written only for the page shown.
    page = [
        RulingOut(
            incident=incident.id,
            version=v.id,
            verdict=reason.verdict.value,
            reason=reason.value,
            explanation=explain(incident, v, reason),
            corroboration=incident.corroboration,
            denied_by=list(incident.denied_by),
        )
        for incident, v, reason in islice(chosen, offset, offset + limit + 1)
    ]
    return _page(page, limit, offset)


@router.get(
    "/export",
    response_class=Response,
    summary="Every incident with its rulings, as a file to download (CSV, JSON or GeoJSON).",
    responses={
        200: {
            "description": "The file, as `truce export --format FORMAT` writes it.",
            "content": {f.media_type.split(";")[0]: {} for f in ExportFormat},
        }
    },
)
def get_export(
    request: Request,
    caller: Annotated[Caller, Depends(authorize)],
    format: Annotated[ExportFormat, Query(description="csv, json or geojson.")] = ExportFormat.csv,
    agreement: Annotated[
        str | None,
        Query(
            pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$",
            max_length=100,
            description="Only this agreement's verdicts (default: every stored agreement).",
        ),
    ] = None,
) -> Response:
    out = io.StringIO()
    export_incidents(_store(request), format, out, agreement=agreement)
    return Response(
        out.getvalue().encode("utf-8"),
        media_type=format.media_type,
        headers={"Content-Disposition": f'attachment; filename="{format.filename}"'},
    )


@router.get(
    "/dashboard",
    response_model=None,
    responses={200: {"content": {"application/json": {"schema": {"type": "object"}}}}},
    summary="Everything the dashboard at / draws, for one agreement (default: the first).",
)
def get_dashboard(
    request: Request,
    caller: Annotated[Caller, Depends(authorize)],
    agreement: Annotated[
        str | None, Query(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=100)
    ] = None,
) -> Response:
    """Built by `truce.web.dashboard_data`, the same bundle the offline file embeds; sent
    as ready JSON because 10,000 incidents need no second validation of our own data."""
    data = dashboard_data(_store(request), agreement)
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Response(body, media_type="application/json")


@router.get(
    "/agreements/{agreement_id}/findings",
    response_model=None,
    responses={200: {"content": {"application/json": {"schema": {"type": "object"}}}}},
    summary="The monitor's findings: violations per version, party and day; disputed"
    " incidents; provenance of each claim (truce.findings).",
)
def get_findings(
    request: Request,
    caller: Annotated[Caller, Depends(authorize)],
    agreement_id: AgreementId,
) -> Response:
    """The findings `truce report` renders (without the published totals, which the
    report reads from a file)."""
    data = stored_findings(_store(request), agreement_id)
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Response(body, media_type="application/json")


@router.get("/audit", response_model=AuditPage, summary="The audit trail, oldest first.")
def list_audit(
    request: Request,
    caller: Annotated[Caller, Depends(authorize)],
    after: Annotated[
        int, Query(ge=0, le=2**31 - 1, description="Entries after this sequence number.")
    ] = 0,
    limit: Limit = 100,
) -> AuditPage:
    entries = _store(request).audit_entries(after=after, limit=limit + 1)
    shown = entries[:limit]
    return AuditPage(
        items=[AuditEntryOut.of(e) for e in shown],
        next_after=shown[-1].seq if len(entries) > limit else None,
    )


@router.get(
    "/audit/verify",
    response_model=VerificationOut,
    summary="Check the audit trail's hash chain end to end, and the stored data against it.",
)
def verify_audit(
    request: Request,
    caller: Annotated[Caller, Depends(authorize)],
    head: Annotated[
        str | None,
        Query(
            pattern=r"^[0-9a-f]{64}$", description="A head kept earlier: the chain must reach it."
        ),
    ] = None,
) -> VerificationOut:
    return VerificationOut.of(_store(request).verify_trail(head=head))


@router.get("/users", response_model=list[UserOut], summary="Users and their roles.")
def list_users(request: Request, caller: Annotated[Caller, Depends(authorize)]) -> list[UserOut]:
    return [UserOut.of(u) for u in _store(request).users()]


@router.post(
    "/users",
    response_model=UserCreated,
    status_code=201,
    summary="Create a user; the token is in this answer and nowhere else.",
)
def post_user(
    request: Request, caller: Annotated[Caller, Depends(authorize)], body: UserIn
) -> UserCreated:
    store = _store(request)
    token = create_user(store, body.name, body.role, actor=caller.actor)
    user = next(u for u in store.users() if u.name == body.name)
    return UserCreated(**UserOut.of(user).model_dump(), token=token)


@router.delete("/users/{name}", response_model=UserOut, summary="Revoke a user's token.")
def delete_user(
    request: Request,
    caller: Annotated[Caller, Depends(authorize)],
    name: Annotated[str, Path(pattern=r"^[^\x00-\x1f]{1,64}$")],
) -> UserOut:
    user = _store(request).revoke_user(name, actor=caller.actor)
    request.app.state.tokens.forget()
    return UserOut.of(user)


# The dashboard's piecemeal routes (`/dashboard/summary`, `/dashboard/map`, …).
# Their routes join this router's (not an included router), so the role table and its
# test see them like any other.
router.routes.extend(overview_router.routes)
