"""Component `time`: when each draft happened; background is dropped."""

from __future__ import annotations

from datetime import date

from truce.domain import TimePrecision

from .conftest import only


def test_yesterday_evening_is_the_day_before_publication() -> None:
    doc = only("time", "Вчора ввечері ворог атакував Суми. Пошкоджено підстанцію.")
    [draft] = doc.drafts
    assert draft.when is not None
    assert draft.when.day == date(2025, 3, 18)
    assert draft.when.precision is TimePrecision.PART_OF_DAY


def test_a_strike_years_before_the_report_is_background() -> None:
    text = "A missile struck the railway station in Kramatorsk on 8 April 2022."
    assert only("time", text).drafts == []


def test_a_draft_with_no_place_target_or_casualties_is_dropped() -> None:
    text = "Because of a massive Russian attack, aircraft were scrambled."
    assert only("time", text).drafts == []


def test_an_hour_ago_opening_a_sentence_is_an_hour_before_publication() -> None:
    # Published 08:15 Kyiv time (06:15 UTC): "An hour ago" is the hour of 07:00 Kyiv time.
    doc = only("time", "An hour ago, a drone struck a substation in Sumy.")
    [draft] = doc.drafts
    assert draft.when is not None
    assert draft.when.precision is TimePrecision.HOUR
    assert draft.when.day == date(2025, 3, 19)
