"""Component `regions`: the regions a sentence names, and a country named as where.

"Kharkiv oblast", "у Запорізькій, Донецькій та Кіровоградській областях", "the regions
of Kursk and Belgorod", "Белгородчина"; and "in Ukraine", "по России" as the country
where it happened. The tokens a region takes are no settlement's (`places`).
"""

from __future__ import annotations

from truce.extract.doc import Doc, RegionMention, Sentence
from truce.extract.packs import Pack
from truce.extract.regionnames import COUNTRY_WORDS, region_adjective
from truce.geo import gazetteer, name_key


def regions(doc: Doc) -> Doc:
    for s in doc.sentences:
        _country(s)
        _regions(s, doc.pack)
    return doc


def _country(s: Sentence) -> None:
    tokens = s.tokens
    for i, token in enumerate(tokens[1:], start=1):
        for code, words in COUNTRY_WORDS.items():
            named = token.lower in words or not words.isdisjoint(token.lemmas[:1])
            if named and tokens[i - 1].lower in ("in", "у", "в", "across", "по"):
                s.country = s.country or code
            # "по объектам энергетики Украины": the country of the target named before it
            if token.lower in ("україни", "украины", "росії", "россии") and any(
                t.start < i <= t.end + 1 for t in s.targets
            ):
                s.country = s.country or code
    # Regions and places


def _regions(s: Sentence, pack: Pack) -> None:
    tokens, n = s.tokens, len(s.tokens)
    index_geo = gazetteer()
    used = s.region_tokens
    for i, token in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < n else None
        if nxt is not None and not pack.region_words.isdisjoint(nxt.lemmas[:1]):
            region = None
            for lemma in token.lemmas:
                region = index_geo.regions_by_adjective.get(lemma)
                if region:
                    break
            if region is None and pack.lang == "en":
                region = index_geo.regions_by_english.get(token.lower)
                if region is None and i > 0:
                    region = index_geo.regions_by_english.get(
                        f"{tokens[i - 1].lower} {token.lower}"
                    )
            if region is not None:
                s.regions.append(RegionMention(region, i, f"{token.text} {nxt.text}"))
                used.update((i, i + 1))
                continue
        if (
            pack.lang == "en"
            and token.lower in ("region", "oblast", "province")
            and i + 2 < n
            and tokens[i + 1].lower == "of"
        ):
            region = index_geo.regions_by_english.get(tokens[i + 2].lower)
            if region is not None:
                s.regions.append(RegionMention(region, i, tokens[i + 2].text))
                used.update((i, i + 1, i + 2))
                continue
        for key in {name_key(token.text), *(name_key(lemma) for lemma in token.lemmas)}:
            region = index_geo.regions_by_noun.get(key)
            towards = i > 0 and tokens[i - 1].lower in ("до", "to", "towards", "into")
            if region is not None and token.capitalised and not towards:
                s.regions.append(RegionMention(region, i, token.text))
                used.add(i)
                break
    # "у Запорізькій, Донецькій та Кіровоградській областях": one region word, several regions.
    if pack.lang != "en":
        for i, token in enumerate(tokens):
            if pack.region_words.isdisjoint(token.lemmas[:1]):
                continue
            k = i - 1
            while k >= 0:
                if tokens[k].lower in ("та", "і", "й", "и", "а", "также") or k in used:
                    k -= 1
                    continue
                region = region_adjective(tokens[k])
                if region is None:
                    break
                s.regions.append(RegionMention(region, k, tokens[k].text))
                used.add(k)
                k -= 1
    if pack.lang == "en":
        for i, token in enumerate(tokens):
            if token.lower in ("regions", "oblasts", "provinces"):
                k = i - 1
                while k >= 0 and tokens[k].capitalised and k not in used:
                    region = index_geo.regions_by_english.get(tokens[k].lower)
                    if region is None:
                        break
                    s.regions.append(RegionMention(region, k, tokens[k].text))
                    used.add(k)
                    k -= 1
