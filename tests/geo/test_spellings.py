"""Places found in another language's spelling, only where that is safe."""

from __future__ import annotations

from truce.geo import GeoContext, resolve_place


def test_a_russian_spelling_of_a_ukrainian_town_is_found() -> None:
    # "у Новоросійську": the index has Novorossiysk's Russian spelling.
    place = resolve_place(["новоросійську", "новоросійськ"], cue=True)
    assert place is not None and place.name == "Novorossiysk"


def test_a_ukrainian_text_is_not_read_with_russian_sounds() -> None:
    # The Kharkiv Oblast Mykolaivkas are in the index in Ukrainian only.
    ukrainian = GeoContext.of(within="Kharkiv Oblast", prefer="UA")
    assert resolve_place(["николаевка"], cue=True, context=ukrainian) is None
    russian = GeoContext.of(within="Kharkiv Oblast")
    place = resolve_place(["николаевка"], cue=True, context=russian)
    assert place is not None and place.name == "Mykolaivka"
