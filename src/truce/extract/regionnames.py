"""Regions named in words: by an adjective ("Донецькій" → Donetsk Oblast), by a
district named after its town, by a source's own name ("Kursk Region Governor"), and
the city a city's own source speaks for ("Kharkiv City Military Administration").
"""

from __future__ import annotations

import re
from functools import lru_cache

from truce.extract.cues import cues
from truce.extract.morphology import Token, tokenize
from truce.extract.placenames import district_towns, place_keys
from truce.geo import Place, gazetteer, name_key, resolve_place
from truce.geo.regions import Region

# The two states' names: where a strike happened ("in Ukraine"), never a settlement.
COUNTRY_WORDS = {
    "UA": {"ukraine", "україна", "украина"},
    "RU": {"russia", "росія", "россия", "рф"},
}


@lru_cache(maxsize=4096)
def source_regions(source: str | None, lang: str) -> frozenset[str]:
    """Regions the source's own name gives ("Чернігівська обласна військова
    адміністрація", "Kursk Region Governor"): a hint for where its reports happen."""
    if not source:
        return frozenset()
    index = gazetteer()
    found: set[str] = set()
    for token in tokenize(source, lang):
        region = (
            index.regions_by_english.get(token.lower)
            if token.text.isascii()
            else region_adjective(token) or index.regions_by_noun.get(name_key(token.lemma))
        )
        if region is not None and token.capitalised:
            found.add(region.name)
    return frozenset(found)


_CITY_REGION = re.compile(r"(?i)(?<!\w)(city|місто|город|м\.|г\.)(?!\w)")


def region_named(name: str | None) -> str | None:
    """The region a name as sources write it means ("Харківська область", "Kharkov
    region", "Kharkivska oblast", "Белгородская обл."), as the gazetteer names it, or
    None. Structured reports spell regions every way; merging compares them."""
    if not name or not name.strip():
        return None
    index = gazetteer()
    known = index.regions_by_name.get(name.strip())
    if known is not None:
        return known.name
    city = _CITY_REGION.sub(" ", name)
    if city != name:
        # "Kyiv City", "м. Київ", "г. Севастополь": a city that is a region of its own.
        place = index.place(" ".join(city.split()))
        own = index.regions_by_name.get(place.region or "") if place else None
        if own is not None and own.kind == "city":
            return own.name
    if name.isascii():
        # A romanised adjective ("Kharkivska", "Odeskaya") names the region by its stem.
        plain = re.sub(r"(?i)(s'?k(a|aya|yi|iy)|skaja)\b", "", name.replace("’", "'"))
        candidates = [("en", name), ("en", plain)]
    else:
        candidates = [("uk", name), ("ru", name)]
    for lang, text in candidates:
        found = source_regions(text.title() if text.islower() else text, lang)
        if len(found) == 1:
            return next(iter(found))
    return None


_CITY_WORDS = cues("regionnames", "city_words")
# A body that speaks for a city when no region word says otherwise ("Администрация
# Энергодара", but not "Харьковская областная военная администрация").
_BODY_WORDS = cues("regionnames", "body_words")
_REGION_WORDS = cues("regionnames", "region_words")


@lru_cache(maxsize=4096)
def source_city(source: str | None, lang: str) -> Place | None:
    """The city a city's own source speaks for ("Kharkiv City Military Administration",
    "Администрация города Горловки", "Харьковский городской голова"): where its posts
    happen when they name no place."""
    if not source:
        return None
    tokens = tokenize(source, lang)
    words = {w for t in tokens for w in (t.lower, *t.lemmas[:1])}
    city = not _CITY_WORDS.isdisjoint(words)
    body = not _BODY_WORDS.isdisjoint(words) and _REGION_WORDS.isdisjoint(words)
    if not city and not body:
        return None
    for token in tokens:
        if token.capitalised and token.lower not in _CITY_WORDS | _BODY_WORDS:
            place = resolve_place(place_keys(token, lang), cue=False, countries=("UA", "RU"))
            if place is not None and place.population >= 10000:
                return place
    return None


def district_region(token: Token) -> Region | None:
    """The region of the town a district adjective is named after ("Василівського
    району": Vasylivka, Zaporizhzhia Oblast), when the towns it may mean agree on one."""
    index = gazetteer()
    towns = [
        p
        for lemma in token.lemmas
        for key in district_towns(lemma, district=True)
        for p in index.lookup(key)
        if p.population >= 5000 and p.region
    ]
    regions = {p.region for p in towns}
    if len(regions) != 1:
        return None  # "Климовского района": Klimovo (Bryansk) or Klimovsk (Moscow)?
    return index.regions_by_name.get(regions.pop() or "")


def region_adjective(token: Token) -> Region | None:
    """The region an adjective names ("Донецькій" → Donetsk Oblast), by lemma or, when
    the lemmatiser guesses another lemma, by the adjective's stem."""
    table = gazetteer().regions_by_adjective
    for lemma in token.lemmas:
        if lemma in table:
            return table[lemma]
    word = token.lower
    for adjective, region in table.items():
        if len(adjective) > 5 and word.startswith(adjective[:-2]):
            return region
    return None
