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


def canonical(data: Any) -> str:
    """The canonical JSON of `data` (sorted keys, no spaces): what a payload's hash is of."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _digest(data: Any) -> str:
    return _sha256(canonical(data))


def payload_hash(payload: Any) -> str:
    """SHA-256 of the payload's canonical JSON (sorted keys, no spaces): the same data
    hashes the same on every machine and database."""
    return _digest(payload)


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One write: who did what to which object, and the chain link that seals it.
    `at` is naive UTC, as stored. `payload` is the canonical JSON `payload_hash` is
    the hash of (None for an entry written before it was kept)."""

    seq: int
    at: datetime
    actor: str
    action: str
    object: str
    payload_hash: str
    prev_hash: str
    hash: str
    payload: str | None = None

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
    text = canonical(payload)
    digest = _sha256(text)
    return AuditEntry(
        seq, at, actor, action, object, digest, prev,
        entry_hash(seq, at, actor, action, object, digest, prev), text,
    )  # fmt: skip


def audit_head_json(head: AuditEntry | None) -> dict[str, Any]:
    """The head of a trail as exports and the dashboard publish it: `{"seq", "hash"}`
    (seq 0 and the genesis hash for an empty trail)."""
    return {"seq": head.seq, "hash": head.hash} if head else {"seq": 0, "hash": GENESIS}


@dataclass(frozen=True, slots=True)
class Verification:
    """The outcome of checking a trail: how many entries held, the head hash to publish
    (or compare with one published earlier), the first entry that broke, if any, whether
    the chain still reaches the head given to hold it to, and the stored rows that are
    not what the trail says was written (`mismatches`, filled in by the store)."""

    entries: int
    head: str
    broken: int | None = None
    problem: str | None = None
    expected_head: str | None = None
    head_reached: bool = True
    mismatches: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.broken is None and self.head_reached and not self.mismatches

    def as_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "entries": self.entries,
            "head": self.head,
            "broken": self.broken,
            "problem": self.problem,
            "expected_head": self.expected_head,
            "head_reached": self.head_reached,
            "mismatches": list(self.mismatches),
        }


def verify(entries: Iterable[AuditEntry], *, head: str | None = None) -> Verification:
    """Check the chain from the first entry to the last, stopping at the first broken one:
    a gap or repeat in the sequence, a link to the wrong previous hash, a hash that no
    longer matches the entry's fields, or a kept payload that no longer matches its hash.

    With `head` (a hash published earlier by `truce audit head`), the chain must also
    still pass through it: a trail cut short, or a tail rewritten with hashes worked out
    again, holds together by itself but no longer reaches the head someone kept."""
    expected_seq, prev, count, reached = 1, GENESIS, 0, head is None
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
        elif entry.payload is not None and _sha256(entry.payload) != entry.payload_hash:
            problem = "its payload does not match its payload hash (the payload was altered)"
        if problem:
            return Verification(
                count, prev, broken=entry.seq, problem=problem,
                expected_head=head, head_reached=reached,
            )  # fmt: skip
        reached = reached or entry.hash == head
        expected_seq, prev, count = entry.seq + 1, entry.hash, count + 1
    return Verification(count, prev, expected_head=head, head_reached=reached)
