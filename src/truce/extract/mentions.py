"""What the words around a place name say of it, for the `places` component: whether
the name takes two words ("Нова Каховка", "деревня Старая Николаевка") or is a person's
("Alexei Smirnov"), and the mention itself, with its cue ("in", "near", "село"), whether
it names a district, a settlement for sure, the region after it, an official's seat.
"""

from __future__ import annotations

from truce.extract.doc import PlaceMention, Sentence
from truce.extract.packs import Pack
from truce.extract.placenames import agreeing, cyrillic_keys, place_keys
from truce.extract.placewords import NEAR, official
from truce.extract.placewords import WORDS as _W
from truce.extract.regionnames import district_region, region_adjective
from truce.geo import gazetteer, name_key

# Words after an adjective that make it a raion's or hromada's name ("Рыльского района").
_UNITS = ("район", "district", "громад", "hromada")


def two_words(
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
        elif (
            i > 0
            and not _W.settlement_nouns.isdisjoint(tokens[i - 1].lemmas)
            and not (i + 2 < n and tokens[i + 2].lower.startswith(_UNITS))
        ):
            span = 2  # "деревня Старая Николаевка", not "селом Локоть Рыльского района"
        elif (
            i > 0
            and _W.settlement_nouns.isdisjoint(tokens[i - 1].lemmas)
            and not (i + 2 < n and tokens[i + 2].lower.startswith((*_UNITS, "област")))
            and a.text.istitle()
            and b.text.istitle()
            and not any(
                p.population >= 20000 for k in place_keys(a, pack.lang) for p in index_geo.lookup(k)
            )
        ):
            return 0, []
    return span, keys


def mention_at(
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
    # A hromada is its centre and the villages around it: it places like a town.
    hromada = after.startswith(("громад", "hromada", "community"))
    district = not hromada and (
        after in _W.districts or after.startswith(("район", "district", "округ"))
    )
    # "село Дубове", not "символ міста — Спасо-Преображенський собор"
    named = (
        bool(prev)
        and not _W.settlement_nouns.isdisjoint(prev[-1].lemmas)
        and not s.text[prev[-1].end : token.start].strip(" .")
    )
    if (
        len(prev) == 2
        and prev[-1].lower in NEAR
        and not _W.settlement_nouns.isdisjoint(prev[0].lemmas)
    ):
        district = True  # "у селі під Сумами", "a village near Mozyr": not Sumy itself
    region, raion = None, None
    unit = tokens[i + span + 1].lower if i + span + 1 < n else ""
    if unit.startswith(("район", "district")):
        # "Кам'янське Василівського району": the district's town is in the region.
        region = region_adjective(tokens[i + span]) or district_region(tokens[i + span])
    if unit.startswith(_UNITS):
        raion = tokens[i + span].lemma  # and which of the region's namesakes
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
        raion=raion,
        lemma=" ".join(t.lemma for t in tokens[i : i + span]),
        # "an Izmail-based company": whose seat, like an official's
        official=official(tokens, i, span, s.text) or token.lower.endswith("-based"),
        # a village the codifier alone lists needs a cue to be known
        known=named or any(p.population >= 500 or cue for k in keys for p in index_geo.lookup(k)),
    )
