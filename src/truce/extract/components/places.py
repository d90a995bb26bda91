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
from truce.extract.morphology import part_of_speech
from truce.extract.packs import Pack
from truce.extract.people import first_names, person_named
from truce.extract.placenames import (
    adjective_names,
    agreeing,
    cyrillic_keys,
    district_towns,
    place_keys,
)
from truce.extract.placewords import NEAR, NOT_NAMES, official
from truce.extract.placewords import WORDS as _W
from truce.extract.regionnames import district_region, region_adjective
from truce.geo import gazetteer, name_key


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
        span, keys = _two_words(s, pack, i, used, joined)
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
        mention = _mention(s, pack, i, span, keys, used)
        if mention is not None:
            s.places.append(mention)
        i += span


def _two_words(
    s: Sentence, pack: Pack, i: int, used: set[int], joined: bool
) -> tuple[int, list[str]]:
    """Whether the name at `i` takes two words ("Нова Каховка", "деревня Старая
    Николаевка"): (2, its keys); 1 when it takes one (the keys are then the word's own,
    found later); (0, []) for a person's first
    name and surname ("Alexei Smirnov")."""
    tokens, n, index_geo = s.tokens, len(s.tokens), gazetteer()
    span = 1
    keys: list[str] = []
    if (
        joined
        and tokens[i + 1].capitalised
        and i + 1 not in used
        and tokens[i + 1].lower not in _W.not_places
    ):
        a, b = tokens[i], tokens[i + 1]
        keys.append(name_key(f"{a.text} {b.text}"))
        keys += [name_key(f"{x} {y}") for x in agreeing(a.lemmas) for y in b.lemmas]
        if pack.lang != "en":
            keys += [
                f"{x} {y}"
                for x in cyrillic_keys(a, pack.lang)[:6]
                for y in cyrillic_keys(b, pack.lang)[:8]
            ]
        if any(index_geo.lookup(k) for k in keys):
            span = 2
        elif i > 0 and not _W.settlement_nouns.isdisjoint(tokens[i - 1].lemmas):
            span = 2  # "деревня Старая Николаевка": a two-word name, listed or not
        elif (
            i > 0
            and _W.settlement_nouns.isdisjoint(tokens[i - 1].lemmas)
            and not (i + 2 < n and tokens[i + 2].lower.startswith(("район", "district", "област")))
            and a.text.istitle()
            and b.text.istitle()
            and not any(
                p.population >= 20000 for k in place_keys(a, pack.lang) for p in index_geo.lookup(k)
            )
        ):
            return 0, []
    return span, keys


def _mention(
    s: Sentence, pack: Pack, i: int, span: int, keys: list[str], used: set[int]
) -> PlaceMention | None:
    """The mention at `i`, with what the words around it say of it."""
    tokens, n, index_geo = s.tokens, len(s.tokens), gazetteer()
    token = tokens[i]
    nxt = tokens[i + span] if i + span < n else None
    prev = tokens[max(0, i - 2) : i]
    airfield = i > 0 and not _W.airfields.isdisjoint(tokens[i - 1].lemmas)
    cue = (
        airfield
        or any(not pack.settlement_cues.isdisjoint(t.lemmas[:1]) for t in prev)
        or any(pack.triggers.match_at(tokens, k) for k in (i - 1, i - 2) if k >= 0)
    )  # "обстріляли Станіслав", "attacked Khomutovka with a drone"
    after = nxt.lower if nxt is not None else ""
    district = after in _W.districts or after.startswith(("район", "district", "округ", "громад"))
    named = bool(prev) and not _W.settlement_nouns.isdisjoint(prev[-1].lemmas)
    if (
        len(prev) == 2
        and prev[-1].lower in NEAR
        and not _W.settlement_nouns.isdisjoint(prev[0].lemmas)
    ):
        district = True  # "у селі під Сумами", "a village near Mozyr": not Sumy itself
    region = None
    if i + span + 1 < n and tokens[i + span + 1].lower.startswith(("район", "district")):
        # "Кам'янське Василівського району": the district's town is in the region.
        region = region_adjective(tokens[i + span]) or district_region(tokens[i + span])
    if (
        nxt is not None
        and i + span + 2 < n
        and nxt.lower in ("suburb", "village", "town", "city", "settlement", "outskirts")
        and tokens[i + span + 1].lower == "of"
        and tokens[i + span + 2].capitalised
    ):
        return None  # "the Kherson suburb of Antonivka": Antonivka
    if (
        token.lower.endswith("'s")
        and nxt is not None
        and nxt.capitalised
        and i + span + 1 < n
        and tokens[i + span + 1].lower in _W.districts
    ):
        # "Kherson's Dniprovskyi district": in Kherson, whatever other city has one.
        used.update((i + span, i + span + 1))
    return PlaceMention(
        tuple(keys),
        " ".join(t.text for t in tokens[i : i + span]),
        i,
        cue,
        district,
        named=named and not district,
        region=region,
        lemma=" ".join(t.lemma for t in tokens[i : i + span]),
        # "an Izmail-based company": whose seat, like an official's
        official=official(tokens, i, span, s.text) or token.lower.endswith("-based"),
        # a village the codifier alone lists needs a cue to be known
        known=named or any(p.population >= 500 or cue for k in keys for p in index_geo.lookup(k)),
    )
