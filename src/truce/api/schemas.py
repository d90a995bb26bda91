"""What goes over the wire: request bodies and responses, as the OpenAPI document shows them."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from truce.api.roles import Role
from truce.audit import AuditEntry, Verification
from truce.commitments import Check
from truce.domain import Incident, Report
from truce.incidents import incident_to_record
from truce.store import TermsImport, User

T = TypeVar("T")


def _iso(instant: datetime | None) -> str | None:
    return None if instant is None else instant.isoformat()


class StructuredReport(BaseModel):
    """One incident as coded (CONTRACTS §2): becomes a report and an incident of the same id."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, max_length=200)
    occurred_at: str | None = Field(None, examples=["2025-03-18T23:30:00+02:00", "2025-03-18"])
    place: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = Field(None, examples=["UA"])
    region: str | None = None
    perpetrator: str | None = Field(None, examples=["RU", "unknown"])
    target: str | None = Field(None, examples=["infrastructure.energy.grid"])
    target_detail: str | None = None
    weapon: str | None = None
    killed: int | None = Field(None, ge=0)
    injured: int | None = Field(None, ge=0)
    source: str | None = None
    source_alignment: str | None = Field(None, examples=["UA", "media", "independent"])
    reported_at: str | None = None
    url: str | None = None
    text: str | None = None
    stance: Literal["affirm", "deny"] | None = None
    lang: str | None = Field(None, max_length=8)


class FreeTextReport(BaseModel):
    """A source's text (CONTRACTS §2 reports); its incidents come from the free-text extractor."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, max_length=200)
    text: str = Field(min_length=1)
    source: str | None = None
    source_alignment: str | None = None
    published: str = Field(examples=["2025-03-19T08:00:00+02:00"])
    url: str | None = None
    lang: str | None = Field(None, max_length=8)


REPORT_BODY: dict[str, Any] = {
    "required": True,
    "content": {
        "application/json": {
            "schema": {
                "oneOf": [
                    StructuredReport.model_json_schema(),
                    FreeTextReport.model_json_schema(),
                ]
            }
        }
    },
}


class ReportAck(BaseModel):
    """The answer to a posted report, sent only after it was committed."""

    id: str
    status: Literal["created", "unchanged"]
    incidents: list[str]
    note: str | None = None


class ReportOut(BaseModel):
    id: str
    source: str | None
    source_alignment: str | None
    published: str | None
    text: str | None
    url: str | None
    lang: str | None
    stance: str

    @classmethod
    def of(cls, report: Report) -> ReportOut:
        return cls(
            id=report.id,
            source=report.source,
            source_alignment=report.source_alignment,
            published=_iso(report.published),
            text=report.text,
            url=report.url,
            lang=report.lang,
            stance=report.stance,
        )


class IncidentOut(BaseModel):
    """An incident record of CONTRACTS §2, with its precisions and the report it came from."""

    id: str
    occurred_at: str | None
    time_precision: str
    place: str | None
    lat: float | None
    lon: float | None
    country: str | None
    region: str | None
    geo_precision: str
    perpetrator: str
    target: str | None
    target_detail: str | None
    weapon: str | None
    killed: int | None
    injured: int | None
    source: str | None
    source_alignment: str | None
    reported_at: str | None
    url: str | None
    text: str | None
    report_id: str | None
    corroboration: str | None = Field(
        description="single_source, multiple_sources, both_sides or independent"
    )
    denied_by: list[str] = Field(description="Parties whose sources deny the incident.")
    reports: list[str] = Field(description="The reports merged into the incident.")
    coded: list[str] = Field(
        default_factory=list,
        description="Hand-coded records merged into the incident (a joined incident's record"
        " among them); split with one of these ids to move it back out.",
    )

    @classmethod
    def of(cls, i: Incident, reports: list[str], coded: list[str] | None = None) -> IncidentOut:
        """The record layout of CONTRACTS §2 (shared with the CSV export), plus
        precisions and what merging gave it: its reports and their corroboration. The
        source, text and link are those of its first report."""
        return cls(
            **incident_to_record(i),
            time_precision=i.when.precision.value,
            geo_precision=i.geo_precision.value,
            report_id=i.report_id,
            corroboration=i.corroboration,
            denied_by=list(i.denied_by),
            reports=reports,
            coded=coded or [],
        )


class JoinIn(BaseModel):
    """The incident to join into the one in the path."""

    model_config = ConfigDict(extra="forbid")

    incident: str = Field(min_length=1, max_length=200)


class SplitIn(BaseModel):
    """The reports (report or evidence ids) that describe another incident."""

    model_config = ConfigDict(extra="forbid")

    reports: list[str] = Field(min_length=1, max_length=1000)


class SplitOut(BaseModel):
    incident: IncidentOut
    new: IncidentOut


class RulingOut(BaseModel):
    """One ruling, as `truce rule --json` prints it (CONTRACTS §4)."""

    incident: str
    version: str
    verdict: str
    reason: str
    explanation: str
    corroboration: str | None = None
    denied_by: list[str] = Field(default_factory=list)


class AgreementIn(BaseModel):
    """An agreement as in the terms YAML (CONTRACTS §2), as JSON; `agreement` is optional
    and, when given, must match the path."""

    model_config = ConfigDict(extra="forbid")

    agreement: str | None = None
    title: str | None = None
    versions: list[dict[str, Any]] = Field(min_length=1)


class AgreementOut(BaseModel):
    agreement: str
    title: str | None
    versions: list[dict[str, Any]]


class AgreementSaved(BaseModel):
    agreement: str
    added: list[str]
    replaced: list[str]
    unchanged: list[str]

    @classmethod
    def of(cls, result: TermsImport) -> AgreementSaved:
        return cls(
            agreement=result.agreement_id,
            added=list(result.added),
            replaced=list(result.replaced),
            unchanged=list(result.unchanged),
        )


class AuditEntryOut(BaseModel):
    seq: int
    at: str
    actor: str
    action: str
    object: str
    payload_hash: str
    prev_hash: str
    hash: str

    @classmethod
    def of(cls, entry: AuditEntry) -> AuditEntryOut:
        return cls(**entry.as_json())


class VerificationOut(BaseModel):
    ok: bool
    entries: int
    head: str
    broken: int | None
    problem: str | None
    expected_head: str | None = None
    head_reached: bool = True
    mismatches: list[str] = []

    @classmethod
    def of(cls, result: Verification) -> VerificationOut:
        return cls(**result.as_json())


class UserIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=64, pattern=r"^[^\x00-\x1f]+$")
    role: Role


class UserOut(BaseModel):
    name: str
    role: str
    created_at: str
    revoked_at: str | None

    @classmethod
    def of(cls, user: User) -> UserOut:
        return cls(
            name=user.name,
            role=user.role,
            created_at=user.created_at.isoformat() + "Z",
            revoked_at=None if user.revoked_at is None else user.revoked_at.isoformat() + "Z",
        )


class UserCreated(UserOut):
    token: str = Field(description="Shown once: only its hash is stored.")


class CommitmentOut(BaseModel):
    """A stored commitment with its status as of today (CONTRACTS §4, both halves)."""

    id: str
    text: str
    actors: list[str]
    action: str
    quantity: int | None
    due: str | None
    due_rule: str
    account: str
    statement: str
    status: Literal["kept", "partly_kept", "broken", "pending", "unverified"]
    evidence: list[str]
    explanation: str

    @classmethod
    def of(cls, check: Check) -> CommitmentOut:
        c = check.commitment
        return cls(
            id=c.id,
            text=c.text,
            actors=list(c.actors),
            action=c.action,
            quantity=c.quantity,
            due=c.due.isoformat() if c.due else None,
            due_rule=c.due_rule,
            account=c.account,
            statement=c.statement,
            status=check.status,
            evidence=list(check.evidence),
            explanation=check.explanation,
        )


class Page(BaseModel, Generic[T]):
    """One page of a list; `next_offset` is null on the last page."""

    items: list[T]
    limit: int
    offset: int
    next_offset: int | None


class AuditPage(BaseModel):
    """Audit entries after a sequence number; pass `next_after` as `after` for the next page."""

    items: list[AuditEntryOut]
    next_after: int | None


class Health(BaseModel):
    status: Literal["ok"]
