"""The audit trail as a hash chain: each entry's hash covers its fields and the hash of
the entry before it.

Editing, deleting or reordering any entry changes a hash that a later entry (or the
head hash someone wrote down) still holds, so `verify` finds the first entry that no
longer fits. Kept free of the store and the web layer, so anyone can check an exported
trail with this module alone.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

# The "previous hash" of the first entry.
GENESIS = "0" * 64


def _digest(data: Any) -> str:
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def payload_hash(payload: Any) -> str:
    """SHA-256 of the payload's canonical JSON (sorted keys, no spaces): the same data
    hashes the same on every machine and database."""
    return _digest(payload)


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One write: who did what to which object, and the chain link that seals it.
    `at` is naive UTC, as stored."""

    seq: int
    at: datetime
    actor: str
    action: str
    object: str
    payload_hash: str
    prev_hash: str
    hash: str

    def as_json(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "at": self.at.isoformat() + "Z",
            "actor": self.actor,
            "action": self.action,
            "object": self.object,
            "payload_hash": self.payload_hash,
            "prev_hash": self.prev_hash,
            "hash": self.hash,
        }


def entry_hash(
    seq: int,
    at: datetime,
    actor: str,
    action: str,
    object: str,
    payload_hash: str,
    prev_hash: str,
) -> str:
    """The hash that seals an entry: every field but the hash itself."""
    return _digest(
        [seq, at.isoformat(timespec="microseconds"), actor, action, object, payload_hash, prev_hash]
    )


def seal(
    previous: AuditEntry | None,
    *,
    at: datetime,
    actor: str,
    action: str,
    object: str,
    payload: Any,
) -> AuditEntry:
    """The entry that follows `previous` (or starts the chain)."""
    seq = previous.seq + 1 if previous else 1
    prev = previous.hash if previous else GENESIS
    digest = payload_hash(payload)
    return AuditEntry(
        seq, at, actor, action, object, digest, prev,
        entry_hash(seq, at, actor, action, object, digest, prev),
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class Verification:
    """The outcome of checking a chain: how many entries held, the head hash to publish
    (or compare with one published earlier), and the first entry that broke, if any."""

    entries: int
    head: str
    broken: int | None = None
    problem: str | None = None

    @property
    def ok(self) -> bool:
        return self.broken is None

    def as_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "entries": self.entries,
            "head": self.head,
            "broken": self.broken,
            "problem": self.problem,
        }


def verify(entries: Iterable[AuditEntry]) -> Verification:
    """Check the chain from the first entry to the last, stopping at the first broken one:
    a gap or repeat in the sequence, a link to the wrong previous hash, or a hash that
    no longer matches the entry's fields."""
    expected_seq, prev, count = 1, GENESIS, 0
    for entry in entries:
        problem = None
        if entry.seq != expected_seq:
            problem = f"sequence {entry.seq} where {expected_seq} was expected (missing entries)"
        elif entry.prev_hash != prev:
            problem = "its previous hash is not the hash of the entry before it"
        elif entry.hash != entry_hash(
            entry.seq, entry.at, entry.actor, entry.action, entry.object,
            entry.payload_hash, entry.prev_hash,
        ):  # fmt: skip
            problem = "its hash does not match its contents (the entry was altered)"
        if problem:
            return Verification(count, prev, broken=entry.seq, problem=problem)
        expected_seq, prev, count = entry.seq + 1, entry.hash, count + 1
    return Verification(count, prev)
