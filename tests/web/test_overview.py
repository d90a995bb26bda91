"""The served dashboard's index follows every write: the incidents a write names are
ruled again, and anything it cannot follow builds the index again."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from truce.incidents import import_incidents
from truce.store import Store, schema
from truce.store.overview import DashboardIndex, Facets
from truce.terms import import_terms
from truce.web import overview

from ..conftest import make_incident

AGREEMENT = "energy-ceasefire-2025"


def listed(store: Store, **facets: object) -> list[tuple[str, int]]:
    """(id, reason) of every incident the list shows, in its order."""
    overview.ensure_index(store, AGREEMENT)
    _, rows = DashboardIndex(store.engine).page(AGREEMENT, Facets(**facets), limit=10_000, offset=0)  # type: ignore[arg-type]
    return [(row.incident, row.reason) for row in rows]


def seed(store: Store, seed_case: Path) -> None:
    import_terms(store, seed_case / "terms.yaml")
    import_incidents(store, seed_case / "incidents.csv")


def fresh(db_url: str, seed_case: Path) -> list[tuple[str, int]]:
    """What a store holding the same data lists when its index is built from nothing."""
    with Store(db_url) as store:
        with store.engine.begin() as conn:
            conn.execute(schema.dashboard_index.delete())
            conn.execute(schema.dashboard_builds.delete())
        return listed(store)


def test_writes_after_the_index_was_built_show_as_if_it_were_built_again(
    db_url: str, seed_case: Path
) -> None:
    with Store(db_url) as store:
        seed(store, seed_case)
        before = listed(store)
        first = before[0][0]

        # Added: one before every stored incident, one with no time (listed last).
        store.add_incidents(
            [
                make_incident(id="early", occurred_at="2025-01-02T03:04:05+00:00"),
                make_incident(id="undated", occurred_at=None),
            ]
        )
        after = listed(store)
        assert [i for i, _ in after] == ["early", *(i for i, _ in before), "undated"]

        # Joined: the other incident leaves the list, the kept one stays.
        store.join_incidents(first, "early")
        joined = [i for i, _ in listed(store)]
        assert "early" not in joined and first in joined
        assert len(joined) == len(after) - 1
        incremental = listed(store)
    assert incremental == fresh(db_url, seed_case)


def test_changed_terms_rule_every_incident_again(
    db_url: str, seed_case: Path, tmp_path: Path
) -> None:
    with Store(db_url) as store:
        seed(store, seed_case)
        before = listed(store)
        text = (seed_case / "terms.yaml").read_text("utf-8")
        narrowed = tmp_path / "terms.yaml"
        # Protect nothing but hospitals: every energy strike is now allowed.
        narrowed.write_text(
            text.replace("protects: [infrastructure]", "protects: [civilian.healthcare]").replace(
                "protects: [infrastructure.energy]", "protects: [civilian.healthcare]"
            ),
            "utf-8",
        )
        import_terms(store, narrowed)
        after = listed(store)
    assert [i for i, _ in after] == [i for i, _ in before]
    assert after != before
    assert after == fresh(db_url, seed_case)


def test_a_fill_that_bypasses_the_trail_builds_the_index_again(
    db_url: str, seed_case: Path
) -> None:
    with Store(db_url) as store:
        seed(store, seed_case)
        before = listed(store)
        # An incident written straight into the table, as a bulk fill would.
        row = dict(
            store.engine.connect().execute(sa.select(schema.incidents).limit(1)).one()._mapping
        )
        row.update(id="bulk", content_hash="0" * 64)
        with store.engine.begin() as conn:
            conn.execute(schema.incidents.insert(), row)
        after = listed(store)
    assert len(after) == len(before) + 1
    assert "bulk" in [i for i, _ in after]
