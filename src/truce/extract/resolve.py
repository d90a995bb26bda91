"""Resolving one sentence's place mentions to the gazetteer, with what the report
says around them: the regions it names, the region right after a place ("Dubove, Volyn
Oblast"), a locator ("Ягідне під Бахмутом"), the other places named. Used by `geocode`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from truce.extract.doc import Located, PlaceMention, Sentence
from truce.extract.placewords import NEAR
from truce.geo import (
    GeoContext,
    Place,
    gazetteer,
    resolve_place,
    transliterate_ru,
    transliterate_uk,
    unlisted_place,
)
from truce.geo.regions import Region

# A town this large is known by its name alone, whatever regions the report names.
KNOWN_TOWN = 20000


def unlisted(
    mention: PlaceMention,
    s: Sentence,
    lang: str,
    regions: list[Region],
    centres: list[Place] | None = None,
) -> Place:
    """A village named after "село" or "village of" that the index lacks: its name as
    written, romanised, in the region the sentence or the report gives, at the centre of
    the district the report names when there is one (`centres`, approximate)."""
    region = mention.region or next((r.region for r in s.regions), regions[0] if regions else None)
    # A two-word name after "деревня" keeps its case ("Старая Николаевка"): the lemmas
    # of its words need not agree.
    two_words = " " in mention.text
    text = mention.text if lang == "en" or two_words else mention.lemma.title()
    if lang == "uk":
        text = transliterate_uk(text)
    elif lang == "ru":
        text = transliterate_ru(text)
    return unlisted_place(text, region, centres or [])


# The most records one report gives: the labelled reports give at most 9 (one per place


class Others:
    """The regions of the places a report names, counted once per report: asking for
    the regions named besides one mention is then as cheap as the number of regions,
    where going through every place again for every mention grew with their square."""

    def __init__(self, named: Iterable[tuple[int, int, str]] = ()) -> None:
        self.regions: Counter[str] = Counter()
        self.at: dict[tuple[int, int], Counter[str]] = {}
        for sentence, token, region in named:
            self.regions[region] += 1
            self.at.setdefault((sentence, token), Counter())[region] += 1

    def besides(self, sentence: int, token: int) -> set[str]:
        """The regions of the places named anywhere but at this token of this sentence."""
        own = self.at.get((sentence, token), Counter())
        return {region for region, n in self.regions.items() if n > own[region]}


def resolved(
    s: Sentence,
    regions: set[str],
    lang: str = "en",
    order: list[Region] | None = None,
    others: Others | None = None,
    hints: frozenset[str] = frozenset(),
    centres: list[Place] | None = None,
) -> list[Located]:
    """The places a sentence names; `others` are the (sentence, token, region) of the
    places the report names, whose regions make a place among them likelier, as do the
    regions the source's name gives (`hints`)."""
    out: list[Located] = []
    index = gazetteer()
    locators = _locators(s)
    located_by = {place: locator for locator, place in locators.items()}
    for mention in s.places:
        if mention.start in locators:
            continue
        nearby = (others.besides(s.index, mention.start) if others else set()) | hints
        within = _apposed_region(s, mention)
        locator = next((m for m in s.places if m.start == located_by.get(mention.start, -1)), None)
        if locator is not None:
            # "Ягідне під Бахмутом": the village is near the town, so in its region.
            near = resolve_place(locator.keys, cue=True, regions=regions, countries=("UA", "RU"))
            if near is not None and near.region is not None:
                nearby = nearby | {near.region}
                regions = regions | {near.region}
        place = resolve_place(
            mention.keys,
            cue=mention.cue,
            regions=regions,
            countries=("UA", "RU"),
            nearby=nearby,
            prefer="UA" if lang == "uk" else None,
            within=within.name if within is not None else None,
            context=GeoContext(raion=mention.raion) if mention.raion else None,
        )
        if (
            place is not None
            and within is None
            and s.regions
            and place.population < KNOWN_TOWN
            and place.region not in regions
        ):
            # "the Glebovskoye gas field in Crimea": a small namesake in a region the
            # report does not name is not the place meant.
            place = None
        if (
            place is not None
            and mention.named
            and regions
            and place.region not in regions
            and (mention.region is None or mention.region.name != place.region)
        ):
            place = None  # "в селе Отрадное" of a Belgorod district: not Otradny in Samara
        if place is None and mention.named:
            place = unlisted(mention, s, lang, order or [], centres)
        if place is None:
            continue
        region = index.regions_by_name.get(place.region or "")
        if mention.district and region is not None and region.kind == "city":
            # A district of Kyiv or Sevastopol is in that city.
            city = index.place(region.name, region.country)
            out.append(Located(city, region, mention.text, place.country, True, mention.start))
        elif mention.district:
            out.append(Located(None, region, None, place.country, True, mention.start))
        else:
            out.append(
                Located(
                    place, region, mention.text, place.country, False, mention.start,
                    mention.official,
                )
            )  # fmt: skip
    return out


def _locators(s: Sentence) -> dict[int, int]:
    """Places that only say where another is ("Ягідне під Бахмутом", "Andriivka near
    Bakhmut"): the locator's token → the place's."""
    out: dict[int, int] = {}
    starts = {m.start: m for m in s.places}
    for m in s.places:
        end = m.start + len(m.text.split())
        if end < len(s.tokens) and s.tokens[end].lower in NEAR and end + 1 in starts:
            out[end + 1] = m.start
    return out


def _apposed_region(s: Sentence, mention: PlaceMention) -> Region | None:
    """The region named right after a place ("Dubove, Volyn Oblast", "Кірове Донецької
    області"): where the place is, for certain."""
    end = mention.start + len(mention.text.split())
    if end >= len(s.tokens):
        return None
    last = s.tokens[end - 1]
    for r in s.regions:
        if r.start in (end, end + 1) and s.text[last.end : s.tokens[r.start].start].strip(
            " ,("
        ) in ("", "in", "у", "в"):
            return r.region
    if mention.region is not None:
        return mention.region
    return None
