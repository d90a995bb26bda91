"""The seed case end to end: the rulings a reader of the article would expect."""

from __future__ import annotations

from pathlib import Path

import pytest

from truce.domain import Reason
from truce.incidents import import_incidents
from truce.rules import rule_stored
from truce.store import Store
from truce.terms import import_terms

from .conftest import SHARED

EXPECTED = {
    # Eleven days before the call: outside every window.
    ("seed-01-moscow-refinery", "whitehouse"): Reason.BEFORE_START,
    ("seed-01-moscow-refinery", "kremlin"): Reason.BEFORE_START,
    # A hospital is a civilian object; neither version lists civilian objects.
    ("seed-02-hospital", "whitehouse"): Reason.TARGET_NOT_PROTECTED,
    ("seed-02-hospital", "kremlin"): Reason.TARGET_NOT_PROTECTED,
    # Dated only to 18 March, which straddles the start of both versions.
    ("seed-03-substation", "whitehouse"): Reason.MISSING_TIME,
    ("seed-03-substation", "kremlin"): Reason.MISSING_TIME,
    # An offensive strikes military targets, which no version protects.
    ("seed-04-belgorod-offensive", "whitehouse"): Reason.TARGET_NOT_PROTECTED,
    ("seed-04-belgorod-offensive", "kremlin"): Reason.TARGET_NOT_PROTECTED,
    # "Ukraine hit back": no time, target or place.
    ("seed-05-ukraine-hit-back", "whitehouse"): Reason.MISSING_TIME,
    ("seed-05-ukraine-hit-back", "kremlin"): Reason.MISSING_TIME,
}


def test_seed_case_rulings(db_url: str, seed_case: Path) -> None:
    with Store(db_url) as store:
        import_terms(store, seed_case / "terms.yaml")
        import_incidents(store, seed_case / "incidents.csv")
        agreement, rulings = rule_stored(store, "energy-ceasefire-2025")
    assert {v.id for v in agreement.versions} == {"whitehouse", "kremlin"}
    assert {(r.incident, r.version): r.reason for r in rulings} == EXPECTED


def test_a_precise_time_decides_the_substation(
    db_url: str, seed_case: Path, tmp_path: Path
) -> None:
    """Given the hour, the same strike is a violation under both versions."""
    precise = tmp_path / "precise.csv"
    precise.write_text(
        "id,occurred_at,country,perpetrator,target\n"
        "substation-at-night,2025-03-18T23:30:00+02:00,UA,RU,infrastructure.energy.grid\n",
        "utf-8",
    )
    with Store(db_url) as store:
        import_terms(store, seed_case / "terms.yaml")
        import_incidents(store, precise)
        _, rulings = rule_stored(store, "energy-ceasefire-2025")
    assert {r.reason for r in rulings} == {Reason.PROTECTED_TARGET_IN_WINDOW}


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="../shared/seeds is absent")
def test_seed_case_stays_close_to_the_article(seed_case: Path) -> None:
    """Each quoted phrase the terms rest on is in the article; no long passage is copied."""
    article = next((SHARED / "seeds").glob("*.txt")).read_text("utf-8")
    terms = (seed_case / "terms.yaml").read_text("utf-8")
    for phrase in ("energy and infrastructure ceasefire", "energy infrastructure", "immediately"):
        assert phrase in terms
        assert phrase in article
    incidents = (seed_case / "incidents.csv").read_text("utf-8")
    words = article.split()
    for start in range(len(words) - 12):
        assert " ".join(words[start : start + 12]) not in incidents + terms
