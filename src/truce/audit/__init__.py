"""The audit trail: a hash chain over every write, verifiable end to end."""

from truce.audit.chain import (
    GENESIS,
    AuditEntry,
    Verification,
    audit_head_json,
    canonical,
    entry_hash,
    payload_hash,
    seal,
    verify,
)

__all__ = [
    "GENESIS",
    "AuditEntry",
    "Verification",
    "audit_head_json",
    "canonical",
    "entry_hash",
    "payload_hash",
    "seal",
    "verify",
]
