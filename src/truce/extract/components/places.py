"""Component `places`: the settlements a sentence names, as mentions to geocode.

A capitalised word (or two: "Нова Каховка", "Kryvyi Rih") is a place mention unless the
words around it say otherwise: a unit's or firm's name in quotes («Азову»), a person
(a first name before it, a listed surname after it), a street ("вулиця Гоголя"), an
administration ("Харківської ОВА"), an official's seat ("the Belgorod governor said").
Each mention keeps the keys to look it up by (`placenames`) and what the words say of
it: a cue ("in", "near", "село"), a district, a settlement for sure ("village of").
The words read here are data (`data/places.yaml`); `geocode` resolves the mentions.
"""

from __future__ import annotations

from truce.extract.components.actors import LOCATIVE
from truce.extract.doc import Doc, PlaceMention, Sentence
from truce.extract.mentions import mention_at, two_words
from truce.extract.morphology import part_of_speech
from truce.extract.packs import Pack
from truce.extract.people import first_names, person_named
from truce.extract.placenames import (
    adjective_names,
    district_towns,
    place_keys,
)
from truce.extract.placewords import NOT_NAMES
from truce.extract.placewords import WORDS as _W
from truce.geo import find_facilities, gazetteer, names_water


def places(doc: Doc) -> Doc:
    for s in doc.sentences:
        _places(s, doc.pack)
    return doc


def _places(s: Sentence, pack: Pack) -> None:
    tokens, text, n = s.tokens, s.text, len(s.tokens)
    index_geo = gazetteer()
    used = set(s.region_tokens)
    skip_next = False
    i = 0
    while i < n:
        token = tokens[i]
        if skip_next or i in used or i in s.actor_tokens or not token.capitalised:
            skip_next = False
            i += 1
            continue
        airfield = i > 0 and not _W.airfields.isdisjoint(tokens[i - 1].lemmas)
        if token.start > 0 and text[token.start - 1] in _W.quotes and not airfield:
            i += 1  # «Азову», "Азовсталь": a unit's, a firm's or a facility's name
            continue
        if (
            not token.text[0].isalpha()
            or token.lower in _W.not_places
            or len(token.text) < 3
            or not _W.states.isdisjoint((token.lower, *token.lemmas[:2]))
        ):
            i += 1
            continue
        joined = i + 1 < n and text[token.end : tokens[i + 1].start] == " "
        if joined and (
            (tokens[i + 1].capitalised and person_named(tokens[i + 1].text) is not None)
            or (token.lower in first_names() and tokens[i + 1].text.istitle())
        ):
            i += 2
            continue
        if token.lower in first_names() and not (i > 0 and tokens[i - 1].lower in LOCATIVE):
            i += 1  # "Volodymyr" alone is a man, "in Vladimir" a city
            continue
        span, keys = two_words(s, pack, i, used, joined)
        if span == 0:
            i += 2  # a person's first name and surname ("Alexei Smirnov")
            continue
        dateline = n <= 2 and any(
            p.population >= 20000 for k in place_keys(token, pack.lang) for p in index_geo.lookup(k)
        )  # "Кам'янське." opening a post
        if (
            span == 1
            and i == 0
            and not dateline
            and part_of_speech(token.lower, pack.lang) in NOT_NAMES
        ):
            i += 1  # a sentence opening "Український дрон", "Загинула", "Мирный житель"
            continue
        nxt = tokens[i + span] if i + span < n else None
        # The name modifies the next word: an abbreviation ("Дніпровській ГЕС") or a
        # street's noun ("на Приморском бульваре", no place at all).
        joined_next = nxt is not None and text[tokens[i + span - 1].end : nxt.start] == " "
        abbreviation = joined_next and nxt is not None and nxt.text.isupper()
        if abbreviation and nxt is not None and nxt.lower in _W.administrations:
            i += span  # "Харківської ОВА": an administration, not the city
            continue
        if (
            joined_next
            and nxt is not None
            and not nxt.capitalised
            and not (_W.named_things | _W.sides).isdisjoint(nxt.lemmas)
        ):
            i += span
            continue
        modifies = abbreviation
        if span == 1:
            keys = place_keys(token, pack.lang)
            # A place named by an adjective, unless it names a district ("у Покровському
            # районі" is the district of Pokrovsk) or modifies an abbreviation.
            district_next = nxt is not None and (
                nxt.lower in _W.districts or nxt.lower.startswith(("район", "округ", "громад"))
            )
            names = adjective_names(token, pack.lang) if pack.lang != "en" else []
            if not modifies and not district_next and any(index_geo.lookup(k) for k in names):
                towns = {t for lemma in token.lemmas for t in district_towns(lemma)}
                keys = keys[:1] + names + [k for k in keys[1:] if k not in towns]
        prev = tokens[max(0, i - 2) : i]
        if prev and prev[-1].lower in ("between", "між", "между"):
            skip_next = True  # the road between two places is in neither
            i += span + 1
            continue
        if names_water(keys, [t.lower for t in prev], nxt.lower if nxt is not None else None):
            i += span  # "човен на Десні", "лівобережжя Дніпра": the river, not the town
            continue
        if prev and not _W.named_things.isdisjoint(prev[-1].lemmas):
            i += span  # "на улице Гоголя", "аэродром Саки": a street's or airfield's name
            continue
        if (
            nxt is not None
            and not nxt.capitalised
            and not pack.not_after_place.isdisjoint(nxt.lemmas[:1])
        ):
            i += span
            continue
        mention = mention_at(s, pack, i, span, keys, used)
        if mention is not None:
            s.places.append(mention)
        i += span
    for found in find_facilities(text):  # "the Zaporizhzhia NPP": the plant, not the city
        inside = [k for k, t in enumerate(tokens) if found.start <= t.start < found.end]
        if not inside:
            continue
        s.places = [m for m in s.places if m.start not in inside]
        s.places.append(PlaceMention((found.key,), found.text, inside[0], True, False))
        s.places.sort(key=lambda m: m.start)
