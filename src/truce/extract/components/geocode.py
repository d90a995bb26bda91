"""Component `geocode`: where each sentence's places are, and the report's own place.

Each sentence's mentions are resolved (`resolve`) twice: first alone, then with the
regions of the others, since places named together are usually near each other. The
regions the report names, its districts, the source's own region ("Kharkiv RMA"), an
official it relays ("Гладков сообщил…") and "the capital" constrain the candidates. The
report's own place (`doc.default`) is where a sentence naming none happened.
"""

from __future__ import annotations

from truce.extract.doc import Doc, Located
from truce.extract.language import detect_language
from truce.extract.people import official_regions
from truce.extract.regionnames import source_city, source_regions
from truce.extract.resolve import Others, resolved
from truce.geo import GeoContext, district_centre, gazetteer

_CAPITAL_OF = {
    "ukrainian": "UA", "український": "UA", "украинский": "UA",
    "russian": "RU", "російський": "RU", "российский": "RU",
}  # fmt: skip


def geocode(doc: Doc) -> Doc:
    report, facts, incident, lang = doc.report, doc.sentences, doc.incident, doc.lang
    capital = _capital(doc)
    source_lang = detect_language(report.source or "", None)
    hints = source_regions(report.source, source_lang)
    day = report.published.date() if report.published else None
    hints = hints | official_regions([t.text for s in facts for t in s.tokens], day)
    city = source_city(report.source, source_lang)
    regions = {r.region.name for s in facts for r in s.regions}
    # A district names its region ("В Белгородском районе … в селе Отрадное"), unless a
    # city of another region is named: "у Центральному районі" after "по Миколаєву" is
    # a district of Mykolaiv, whatever village elsewhere has that name.
    index = gazetteer()
    cities = {
        p.region
        for s in facts
        for m in s.places
        for k in m.keys[:3]
        for p in index.lookup(k)
        if p.population >= 100000
    }
    for s in facts:
        for loc in resolved(s, regions, hints=hints):
            if loc.place is None and loc.region is not None:
                if cities and loc.region.name not in cities:
                    hints = hints | {loc.region.name}
                else:
                    regions.add(loc.region.name)
    order = [r.region for s in facts for r in s.regions]
    for s in facts:
        for loc in resolved(s, regions, hints=hints):
            if loc.place is None and loc.region is not None:
                order.append(loc.region)
    # Villages the index lacks go to the centre of the district the report names, or to
    # the city whose own source it is (a mayor's posts are about its settlements).
    near = GeoContext.of(regions=regions)
    centres = [
        c for s in facts for m in s.places if m.district and (c := district_centre(m.keys, near))
    ] + ([city] if city is not None else [])
    doc.located = located = {
        s.index: resolved(s, regions, lang, order, hints=hints, centres=centres) for s in facts
    }
    # Places named together are usually near each other: "Степногірськ і Приморське" are
    # both in Zaporizhzhia Oblast, so Prymorske there, not Prymorskyi in Donetsk Oblast.
    others = Others(
        (k, loc.at, loc.place.region)
        for k, locs in located.items()
        for loc in locs
        if loc.place is not None and loc.place.region is not None and not loc.official
    )
    if others.regions and sum(len(s.places) for s in facts) > 1:
        doc.located = located = {
            s.index: resolved(s, regions, lang, order, others, hints, centres) for s in facts
        }
    # An official's seat ("…, the Belgorod governor said") is where it happened only when
    # the report names no other place.
    if any(
        loc.place is not None and not loc.official and not loc.district
        for locs in located.values()
        for loc in locs
    ) or any(s.regions for s in incident):
        doc.located = located = {
            k: [loc for loc in locs if not loc.official] for k, locs in located.items()
        }
    # The report's own place: the first settlement named in a reporting sentence, else
    # anywhere (a dateline, "Kryvyi Rih."), else the first region named.
    default: Located | None = None
    # A city's district ("в Киевском районе" of Kharkiv) names Kyiv only when the report
    # names no settlement itself.
    for group, districts in ((incident, False), (facts, False), (incident, True), (facts, True)):
        for s in group:
            found = [
                loc
                for loc in doc.located[s.index]
                if loc.place is not None and (districts or not loc.district)
            ]
            if found:
                default = found[0]
                break
        if default:
            break
    if default is None and capital is not None:
        default = capital
    if default is None and city is not None:
        region = gazetteer().regions_by_name.get(city.region or "")
        default = Located(city, region, None, city.country)
    if default is None:
        for s in facts:
            if s.regions:
                r = s.regions[0]
                default = Located(None, r.region, None, r.region.country)
                break
            district = [loc for loc in doc.located[s.index] if loc.region is not None]
            if district:
                default = district[0]
                break
    doc.default = default
    return doc


def _capital(doc: Doc) -> Located | None:
    """ "The capital": Moscow in a Russian source's words, else Kyiv."""
    alignment = doc.report.source_alignment
    for s in doc.sentences:
        for i, token in enumerate(s.tokens):
            if token.lemma not in ("capital", "столиця", "столица"):
                continue
            before = s.tokens[i - 1].lemmas if i > 0 else ()
            state = next((code for word, code in _CAPITAL_OF.items() if word in before), None)
            if state is not None:
                i -= 1  # "the Ukrainian capital", "російська столиця"
            followed = i + 1 < len(s.tokens) and s.tokens[i + 1].capitalised
            if (
                i == 0
                or s.tokens[i - 1].lower in ("the", "у", "в", "по", "на")
                or token.text[0].isupper()
                # "ворог атакував столицю", not "столицю Татарстану"
                or (token.lower != token.lemma and token.lemma != "capital" and not followed)
            ):
                code = state or ("RU" if alignment == "RU" else "UA")
                name = "Moscow" if code == "RU" else "Kyiv"
                city = gazetteer().place(name, code)
                region = gazetteer().regions_by_name.get(city.region or "") if city else None
                return Located(city, region, token.text, code)
    return None
