"""Component `tally`: each count goes to the draft it belongs to."""

from __future__ import annotations

from .conftest import only


def _counts(text: str) -> list[tuple[str | None, int | None, int | None]]:
    doc = only("tally", text)
    return [
        (d.where.place.name if d.where.place else None, d.killed, d.injured) for d in doc.drafts
    ]


def test_each_count_goes_with_the_place_before_it() -> None:
    text = (
        "A missile hit a supermarket in Kharkiv, killing two, and houses in Kupiansk, "
        "killing three."
    )
    assert _counts(text) == [("Kharkiv", 2, None), ("Kupiansk", 3, None)]


def test_a_count_in_the_next_sentence_goes_to_the_strike_before_it() -> None:
    text = "Russian drones struck Lgov overnight. Three residents were injured."
    assert _counts(text) == [("Lgov", None, 3)]


def test_nobody_hurt_is_zero_for_the_report() -> None:
    text = "Ворог атакував Суми. Пошкоджено будинок. Постраждалих немає."
    assert _counts(text) == [("Sumy", 0, 0)]
