from datetime import UTC, date, datetime

from truce.domain import country_zones, day_bounds, is_country, is_perpetrator, region_key


def test_contract_zones_for_ukraine_and_russia() -> None:
    assert country_zones("UA") == ("Europe/Kyiv",)
    assert country_zones("RU") == ("Europe/Moscow",)


def test_day_bounds_follow_local_time_and_daylight_saving() -> None:
    assert day_bounds(date(2025, 3, 18), "UA") == (
        datetime(2025, 3, 17, 22, tzinfo=UTC),
        datetime(2025, 3, 18, 21, 59, 59, tzinfo=UTC),
    )
    # Kyiv is on summer time (UTC+3) in July; Moscow stays UTC+3 all year.
    assert day_bounds(date(2025, 7, 1), "UA")[0] == datetime(2025, 6, 30, 21, tzinfo=UTC)
    assert day_bounds(date(2025, 1, 1), "RU")[0] == datetime(2024, 12, 31, 21, tzinfo=UTC)


def test_unknown_country_day_spans_every_time_zone() -> None:
    start, end = day_bounds(date(2025, 3, 18), None)
    assert start == datetime(2025, 3, 17, 10, tzinfo=UTC)  # 00:00 at UTC+14
    assert end == datetime(2025, 3, 19, 11, 59, 59, tzinfo=UTC)  # 24:00 at UTC-12


def test_multi_zone_country_takes_the_union_of_its_days() -> None:
    start, end = day_bounds(date(2025, 1, 15), "US")
    assert start <= datetime(2025, 1, 15, 5, tzinfo=UTC)  # New York midnight
    assert end >= datetime(2025, 1, 16, 9, 59, 59, tzinfo=UTC)  # Honolulu midnight - 1 s


def test_party_codes() -> None:
    assert is_country("UA")
    assert not is_country("XX")
    assert is_perpetrator("unknown")
    assert not is_perpetrator("Russia")


def test_region_key_matches_common_spellings() -> None:
    assert region_key("Belgorod Oblast") == region_key("belgorod region") == "belgorod"
    assert region_key("Krasnodar Krai") == "krasnodar"
    assert region_key("Black Sea") == "black sea"
    assert region_key("Kherson") != region_key("Kharkiv")
