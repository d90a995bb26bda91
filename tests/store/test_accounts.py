"""Stored accounts of an agreement: kept as published, in order, replaced when changed,
and audited like every other write; on SQLite and PostgreSQL alike."""

from __future__ import annotations

import pytest

from truce.audit import verify
from truce.errors import BadInput
from truce.store import Store, StoredAccount

WH = StoredAccount("whitehouse.md", "accounts/whitehouse.md", "# Readout\n\nThey agreed.\n")
KR = StoredAccount("kremlin.txt", "accounts/kremlin.txt", "Putin agreed.\n", "2025-03-18")


def test_accounts_are_kept_in_order_and_replaced_when_changed(db_url: str) -> None:
    with Store(db_url, actor="test") as store:
        first = store.save_accounts("a1", [WH, KR])
        assert (first.added, first.replaced, first.unchanged) == (
            ("whitehouse.md", "kremlin.txt"),
            (),
            (),
        )
        again = store.save_accounts("a1", [KR, WH])
        assert again.unchanged == ("kremlin.txt", "whitehouse.md") and again.added == ()
        changed = StoredAccount("whitehouse.md", "wh2.md", "# Readout\n\nThey agreed today.\n")
        assert store.save_accounts("a1", [changed]).replaced == ("whitehouse.md",)
        assert store.accounts("a1") == [changed, KR]  # the first position is kept
        assert store.accounts("other") == []
        entries = store.audit_entries()
    actions = [(e.action, e.object) for e in entries]
    assert actions == [
        ("account.save", "agreement:a1/account:whitehouse.md"),
        ("account.save", "agreement:a1/account:kremlin.txt"),
        ("account.save", "agreement:a1/account:whitehouse.md"),
    ]
    assert verify(entries).ok


def test_an_account_given_twice_is_refused_and_nothing_stored(db_url: str) -> None:
    with Store(db_url) as store:
        with pytest.raises(BadInput, match=r"named 'whitehouse\.md'"):
            store.save_accounts("a1", [WH, KR, WH])
        assert store.accounts("a1") == []
        assert store.audit_entries() == []
