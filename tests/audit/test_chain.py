"""The hash chain alone: any change to any entry is found, at that entry."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from truce.audit import GENESIS, AuditEntry, seal, verify

START = datetime(2026, 1, 1, 12, 0, 0, 123456)


def chain(n: int) -> list[AuditEntry]:
    entries: list[AuditEntry] = []
    previous = None
    for i in range(n):
        previous = seal(
            previous,
            at=START + timedelta(seconds=i),
            actor=f"api:user-{i % 3}",
            action="report.add",
            object=f"report:r{i}",
            payload={"report": f"{i:064x}", "incidents": [[f"r{i}", "h"]]},
        )
        entries.append(previous)
    return entries


def test_an_untouched_chain_verifies_and_gives_its_head() -> None:
    entries = chain(5)
    result = verify(entries)
    assert (result.ok, result.entries, result.head) == (True, 5, entries[-1].hash)
    assert entries[0].prev_hash == GENESIS
    assert verify([]).as_json() == {
        "ok": True, "entries": 0, "head": GENESIS, "broken": None, "problem": None,
        "expected_head": None, "head_reached": True, "mismatches": [],
    }  # fmt: skip


def test_a_kept_head_must_still_be_reached() -> None:
    entries = chain(5)
    kept = entries[3].hash
    assert verify(entries, head=kept).ok
    assert verify(entries[:4], head=kept).ok
    cut = verify(entries[:3], head=kept)
    assert (cut.ok, cut.head_reached, cut.broken) == (False, False, None)
    # The tail sealed again from entry 4 on: a chain that holds, without the kept head.
    redone = entries[:3]
    for i in range(3, 5):
        redone.append(seal(redone[-1], at=START, actor="cli:intruder", action="report.add",
                           object=f"report:r{i}", payload={}))  # fmt: skip
    assert verify(redone).ok and not verify(redone, head=kept).ok


def test_a_kept_payload_must_match_its_hash() -> None:
    entries = chain(3)
    entries[1] = replace(entries[1], payload='{"report":"forged"}')
    result = verify(entries)
    assert (result.broken, result.ok) == (2, False) and "payload" in (result.problem or "")


FIELDS = st.sampled_from(["at", "actor", "action", "object", "payload_hash", "prev_hash", "hash"])


@given(n=st.integers(1, 12), data=st.data(), field=FIELDS)
def test_altering_any_field_of_any_entry_breaks_the_chain_there(
    n: int, data: st.DataObject, field: str
) -> None:
    entries = chain(n)
    k = data.draw(st.integers(0, n - 1))
    value = getattr(entries[k], field)
    altered = value + timedelta(microseconds=1) if field == "at" else value[:-1] + "#"
    entries[k] = replace(entries[k], **{field: altered})
    result = verify(entries)
    assert (result.ok, result.broken, result.entries) == (False, k + 1, k)


@given(n=st.integers(2, 12), data=st.data())
def test_deleting_or_reordering_entries_is_found(n: int, data: st.DataObject) -> None:
    entries = chain(n)
    k = data.draw(st.integers(0, n - 2))
    # Either way the first entry out of place is the one stored with seq k + 2.
    assert verify(entries[:k] + entries[k + 1 :]).broken == k + 2
    swapped = [*entries[:k], entries[k + 1], entries[k], *entries[k + 2 :]]
    assert verify(swapped).broken == k + 2


def test_rewriting_the_whole_tail_changes_the_head() -> None:
    """A forger who recomputes every later hash still cannot keep the published head."""
    entries = chain(4)
    head = verify(entries).head
    forged = entries[:2]
    previous = forged[-1]
    for entry in entries[2:]:
        previous = seal(
            previous, at=entry.at, actor="api:forger", action=entry.action,
            object=entry.object, payload={},
        )  # fmt: skip
        forged.append(previous)
    assert verify(forged).ok
    assert verify(forged).head != head
