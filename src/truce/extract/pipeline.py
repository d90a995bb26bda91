"""`extract(report)`: free text → incident records (CONTRACTS §4).

A report is split into sentences; each sentence's facts are found on lemmas
(`facts.py`); sentences that report a strike become records, one per place × target,
and what a sentence leaves unsaid (the time, the actor, the weapon, the place) is taken
from the rest of the report, as a reader would.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, timedelta, tzinfo
from itertools import pairwise
from zoneinfo import ZoneInfo

from truce.domain import (
    UNKNOWN,
    GeoPrecision,
    Incident,
    Occurrence,
    Report,
    TimePrecision,
    country_zones,
    covers,
)
from truce.extract.classifier import incident_probability
from truce.extract.facts import (
    COUNTRY_WORDS,
    NEAR,
    PlaceMention,
    SentenceFacts,
    clauses,
    sentence_facts,
    source_city,
    source_regions,
)
from truce.extract.language import detect_language
from truce.extract.morphology import tokenize
from truce.extract.packs import pack
from truce.extract.people import official_regions, official_sides
from truce.extract.records import ExtractedRecord
from truce.extract.sentences import split_sentences
from truce.extract.when import NO_TIME, TimeMention, When, find_times, resolve
from truce.geo import (
    GeoContext,
    Place,
    district_centre,
    gazetteer,
    resolve_place,
    transliterate_ru,
    transliterate_uk,
    unlisted_place,
)
from truce.geo.regions import Region

_OPPOSITE = {"UA": "RU", "RU": "UA"}
# Where the wounded are taken: a place named beside these words is no strike's.
_CARE = frozenset(
    [
        "hospital", "hospitalise", "hospitalize", "clinic", "лікарня", "госпіталізувати",
        "доставити", "шпиталь", "больница", "госпитализировать", "госпиталь",
    ]
)  # fmt: skip
_MISSILES = ("ballistic missile", "cruise missile")
# Verbs of air defence: the drones or missiles a sentence says were intercepted or shot
# down are not the weapon of the strike the report is about.
_INTERCEPTION = frozenset(["intercept", "перехопити", "збити", "перехватить", "сбить"])

_CAPITAL_OF = {
    "ukrainian": "UA", "український": "UA", "украинский": "UA",
    "russian": "RU", "російський": "RU", "российский": "RU",
}  # fmt: skip


@dataclass
class _Located:
    place: Place | None
    region: Region | None
    mention: str | None
    country: str | None = None
    district: bool = False  # from "… district": says where only when nothing else does
    at: int = -1  # token index of the mention in its sentence
    official: bool = False  # "the Belgorod governor said": where only when nothing else is


@dataclass
class _Draft:
    where: _Located
    target: str | None
    detail: str | None
    sentence: int
    killed: int | None = None
    injured: int | None = None
    sentences: list[int] = field(default_factory=list)


def _zone(report: Report, country: str | None) -> tzinfo:
    alignment = report.source_alignment
    for code in (alignment, country):
        if code in ("UA", "RU"):
            return ZoneInfo(country_zones(code)[0])
    if country is not None and country_zones(country):
        return ZoneInfo(country_zones(country)[0])
    if report.published is not None and report.published.tzinfo is not None:
        return report.published.tzinfo
    return UTC


def _weapon(facts: list[SentenceFacts]) -> str | None:
    found = [w.value for s in facts for w in s.weapons]
    if not found:
        return None
    missiles = {w for w in found if w in (*_MISSILES, "missile")}
    specific = {w for w in missiles if w in _MISSILES}
    if missiles:
        return specific.pop() if len(specific) == 1 else "missile"
    return found[0]


def _interception(s: SentenceFacts) -> bool:
    """A sentence about what air defence intercepted or shot down."""
    lemmas = [t.lemma for t in s.tokens]
    shot_down = any(pair == ("shoot", "down") for pair in pairwise(lemmas))
    return shot_down or any(not _INTERCEPTION.isdisjoint(t.lemmas) for t in s.tokens)


def _perpetrator(facts: list[SentenceFacts], alignment: str | None) -> str:
    """The actor of the first sentence that names one: the last named before its
    strike word ("Russian drones hit …"), else the first after it; else the other side
    of the target's owner ("склади окупантів"). `alignment` is the side the source
    speaks for, whose "enemy" is the other."""
    for s in facts:
        if not s.actors:
            continue
        before = [party for at, party in s.actors if at < s.trigger_at]
        party = before[-1] if before else s.actors[0][1]
        if party == "ENEMY":
            return _OPPOSITE.get(alignment or "", UNKNOWN)
        return party
    for s in facts:
        for _, owner in s.owners:
            side = alignment if owner == "ENEMY" else _OPPOSITE.get(owner)
            if side in _OPPOSITE:
                return side
    return UNKNOWN


def _side(report: Report, lang: str, facts: list[SentenceFacts]) -> str | None:
    """The side a source speaks for: its alignment; else that of the one side whose
    officials it relays ("…, сообщил Гладков"); else a Ukrainian-language outlet's
    (whose "ворог" is Russia's forces, as an official's is)."""
    if report.source_alignment in _OPPOSITE:
        return report.source_alignment
    day = report.published.date() if report.published else None
    relayed = official_sides([t.text for s in facts for t in s.tokens], day)
    if len(relayed) == 1:
        return next(iter(relayed))
    return "UA" if lang == "uk" else None


def _unlisted(
    mention: PlaceMention,
    s: SentenceFacts,
    lang: str,
    regions: list[Region],
    centres: list[Place] | None = None,
) -> Place:
    """A village named after "село" or "village of" that the index lacks: its name as
    written, romanised, in the region the sentence or the report gives."""
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
# and target), and drafts are compared with one another and each
# record looks back over the report, so a bound here is a bound
# on the work a hostile text can ask for.
MAX_RECORDS = 100


class _Others:
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


def _resolved(
    s: SentenceFacts,
    regions: set[str],
    lang: str = "en",
    order: list[Region] | None = None,
    others: _Others | None = None,
    hints: frozenset[str] = frozenset(),
    centres: list[Place] | None = None,
) -> list[_Located]:
    """The places a sentence names; `others` are the (sentence, token, region) of the
    places the report names, whose regions make a place among them likelier, as do the
    regions the source's name gives (`hints`)."""
    out: list[_Located] = []
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
            and place.population < _KNOWN_TOWN
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
            place = _unlisted(mention, s, lang, order or [], centres)
        if place is None:
            continue
        region = index.regions_by_name.get(place.region or "")
        if mention.district and region is not None and region.kind == "city":
            # A district of Kyiv or Sevastopol is in that city.
            city = index.place(region.name, region.country)
            out.append(_Located(city, region, mention.text, place.country, True, mention.start))
        elif mention.district:
            out.append(_Located(None, region, None, place.country, True, mention.start))
        else:
            out.append(
                _Located(
                    place, region, mention.text, place.country, False, mention.start,
                    mention.official,
                )
            )  # fmt: skip
    return out


# A town this large is known by its name alone, whatever regions the report names.
_KNOWN_TOWN = 20000


def _locators(s: SentenceFacts) -> dict[int, int]:
    """Places that only say where another is ("Ягідне під Бахмутом", "Andriivka near
    Bakhmut"): the locator's token → the place's."""
    out: dict[int, int] = {}
    starts = {m.start: m for m in s.places}
    for m in s.places:
        end = m.start + len(m.text.split())
        if end < len(s.tokens) and s.tokens[end].lower in NEAR and end + 1 in starts:
            out[end + 1] = m.start
    return out


def _apposed_region(s: SentenceFacts, mention: PlaceMention) -> Region | None:
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


def _country_mention(facts: list[SentenceFacts]) -> str | None:
    for s in facts:
        for i, token in enumerate(s.tokens):
            for code, words in COUNTRY_WORDS.items():
                named = token.lower in words or not words.isdisjoint(token.lemmas[:1])
                if named and i > 0 and s.tokens[i - 1].lower in ("in", "у", "в", "across", "по"):
                    return code
    return None


def _drafts(
    facts: list[SentenceFacts],
    incident: list[SentenceFacts],
    capital: _Located | None,
    lang: str = "en",
    hints: frozenset[str] = frozenset(),
    city: Place | None = None,
) -> list[_Draft]:
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
        for loc in _resolved(s, regions, hints=hints):
            if loc.place is None and loc.region is not None:
                if cities and loc.region.name not in cities:
                    hints = hints | {loc.region.name}
                else:
                    regions.add(loc.region.name)
    order = [r.region for s in facts for r in s.regions]
    for s in facts:
        for loc in _resolved(s, regions, hints=hints):
            if loc.place is None and loc.region is not None:
                order.append(loc.region)
    # Villages the index lacks go to the centre of the district the report names, or to
    # the city whose own source it is (a mayor's posts are about its settlements).
    near = GeoContext.of(regions=regions)
    centres = [
        c for s in facts for m in s.places if m.district and (c := district_centre(m.keys, near))
    ] + ([city] if city is not None else [])
    located = {
        s.index: _resolved(s, regions, lang, order, hints=hints, centres=centres) for s in facts
    }
    # Places named together are usually near each other: "Степногірськ і Приморське" are
    # both in Zaporizhzhia Oblast, so Prymorske there, not Prymorskyi in Donetsk Oblast.
    others = _Others(
        (k, loc.at, loc.place.region)
        for k, locs in located.items()
        for loc in locs
        if loc.place is not None and loc.place.region is not None and not loc.official
    )
    if others.regions and sum(len(s.places) for s in facts) > 1:
        located = {
            s.index: _resolved(s, regions, lang, order, others, hints, centres) for s in facts
        }
    # An official's seat ("…, the Belgorod governor said") is where it happened only when
    # the report names no other place.
    if any(
        loc.place is not None and not loc.official and not loc.district
        for locs in located.values()
        for loc in locs
    ) or any(s.regions for s in incident):
        located = {k: [loc for loc in locs if not loc.official] for k, locs in located.items()}
    # The report's own place: the first settlement named in a reporting sentence, else
    # anywhere (a dateline, "Kryvyi Rih."), else the first region named.
    default: _Located | None = None
    # A city's district ("в Киевском районе" of Kharkiv) names Kyiv only when the report
    # names no settlement itself.
    for group, districts in ((incident, False), (facts, False), (incident, True), (facts, True)):
        for s in group:
            found = [
                loc
                for loc in located[s.index]
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
        default = _Located(city, region, None, city.country)
    if default is None:
        for s in facts:
            if s.regions:
                r = s.regions[0]
                default = _Located(None, r.region, None, r.region.country)
                break
            district = [loc for loc in located[s.index] if loc.region is not None]
            if district:
                default = district[0]
                break
    drafts: list[_Draft] = []
    current = default
    for s in incident:
        has_place = current is not None and current.place is not None and not current.district
        # With a place already named, a district of it says nothing new; a district of
        # the same region that is no part of it (a raion) moves the record to the region.
        mentioned = [
            loc if not (has_place and loc.district) or current is None
            else _Located(None, loc.region, None, loc.country, True, loc.at)
            for loc in located[s.index]
            if not (has_place and loc.district)
            or (current is not None and loc.place is None and loc.region == current.region)
        ]  # fmt: skip
        here = [loc for loc in mentioned if loc.place is not None]
        if not here:
            named = [
                _Located(None, r.region, None, r.region.country, at=r.start) for r in s.regions
            ]
            district = [loc for loc in mentioned if loc.place is None]
            if current is not None and current.place is not None:
                # "У Пересипському районі" of Odesa is a city district, whatever village
                # elsewhere shares its name.
                district = [loc for loc in district if loc.region == current.region]
            if district and s.targets:
                # "підстанція в Запорізькому районі": a raion named after the town is not
                # the town; the record is the region's (and other regions named beside).
                here = district + [n for n in named if all(n.region != d.region for d in district)]
            elif (
                current is not None
                and current.place is not None
                and (not named or any(n.region == current.region for n in named))
            ):
                # A district or the region of the place already named: still that place.
                here = [current]
            else:
                here = named or district or ([current] if current else [])
        if s.country is not None and all(h.country != s.country for h in here):
            here = [_Located(None, None, None, s.country)]  # "… in Ukraine", elsewhere
        if not here:
            here = [_Located(None, None, None)]
        current = here[0] if here[0].place is not None else current or here[0]
        targets: list[tuple[str | None, str | None]] = [
            (t.value, t.text)
            for k, t in enumerate(s.targets)
            if not s.casualty_only
            # "an enterprise of the transport infrastructure": the second says what it is
            and not (
                t.value == "civilian.industrial"
                and k + 1 < len(s.targets)
                and s.targets[k + 1].start <= t.end + 1
            )
        ]
        targets = targets or [(None, None)]
        pairs = [(where, target) for where in here for target in targets]
        if len(here) > 1 and len(targets) > 1 and len(s.targets) == len(targets):
            # "a fuel depot in Kavkazskaya … and a fuel store in Azov", "в Белой Церкви
            # повреждено предприятие, в Броварах — дома": each target with the place of
            # its own clause, else of the clause before it, else the nearest after it.
            clause = clauses(s)
            pairs = []
            for k, (code, detail) in enumerate(targets):
                start = s.targets[k].start
                where = min(
                    here,
                    key=lambda w: (
                        clause[w.at] != clause[start] if 0 <= w.at < len(clause) else True,
                        w.at > start,
                        abs(w.at - start),
                    ),
                )
                pairs.append((where, (code, detail)))
        for where, (code, detail) in pairs:
            same = next(
                (d for d in drafts if d.target == code and _same_place(d.where, where)), None
            )
            if same is None:
                if len(drafts) >= MAX_RECORDS:
                    continue
                same = _Draft(where, code, detail, s.index)
                drafts.append(same)
            same.sentences.append(s.index)
    # "У Лимані загинула одна людина" in a round-up of strikes elsewhere: a death in a
    # settlement no record covers is that settlement's own record. Not one an official
    # speaks from, nor one the wounded are taken to ("доставлені до лікарні у Харкові").
    if drafts:
        covered = {i for d in drafts for i in d.sentences}
        for s in facts:
            if (s.killed is None and s.injured is None) or s.index in covered:
                continue
            if any(not _CARE.isdisjoint(t.lemmas) for t in s.tokens):
                continue
            for loc in located[s.index]:
                if loc.place is None or loc.district or loc.official:
                    continue
                if len(drafts) < MAX_RECORDS and not any(_same_place(d.where, loc) for d in drafts):
                    drafts.append(_Draft(loc, None, None, s.index, sentences=[s.index]))
    # A target with a more specific one beside it is the same thing said twice
    # ("energy infrastructure … a generation facility").
    # ("energy infrastructure … a generation facility"), at the same place.
    drafts = [
        d for d in drafts
        if d.target is None
        or not any(
            o.target and o.target != d.target and covers(d.target, o.target)
            and _same_place(o.where, d.where)
            for o in drafts
        )
    ]  # fmt: skip
    # A sentence naming no target adds nothing when others did.
    if any(d.target for d in drafts):
        kept = [d for d in drafts if d.target is not None]
        for d in drafts:
            if d.target is None:
                host = next((k for k in kept if _same_place(k.where, d.where)), None)
                if host is not None:
                    host.sentences.extend(d.sentences)
                else:
                    kept.append(d)
        drafts = kept
    strike_words = pack(lang).triggers
    # Which drafts hold each sentence, and every sentence some draft holds, sorted: asked
    # of every sentence below, going through every draft's sentences each time grew
    # with the square of the report. The loop changes counts, not sentences.
    holding: dict[int, list[_Draft]] = {}
    for d in drafts:
        for i in dict.fromkeys(d.sentences):
            holding.setdefault(i, []).append(d)
    held = sorted(holding)
    for s in facts:
        if s.killed is None and s.injured is None:
            continue
        clause = clauses(s)
        # "Загинули восьмеро: двоє у Дніпрі, шестеро в Синельниковому": each count with
        # the place of its own clause; a count with none (the total) goes nowhere.
        by_place = [
            (loc.at, d)
            for loc in located[s.index]
            if loc.place is not None and 0 <= loc.at < len(clause)
            for d in drafts
            if _same_place(d.where, loc)
        ]
        if len({(d.where.place, d.where.region) for _, d in by_place}) > 1 and s.counts:
            for kind, value, at in s.counts:
                takers = [d for k, d in by_place if clause[k] == clause[at]]
                takers = takers or [d for k, d in sorted(by_place, key=lambda n: -n[0]) if k < at]
                if takers and getattr(takers[0], kind) is None:
                    setattr(takers[0], kind, value)
            continue
        owner = next(iter(holding.get(s.index, ())), None)
        hit = [d for d in drafts if d.target in {t.value for t in s.targets}]
        if s.casualty_only and len(drafts) > 1 and len(hit) == 1:
            owner = hit[0]  # "Загинув член екіпажу судна", "У гуртожитку поранено …"
        if owner is None:
            # "В Броварах ранен один человек": the record of the place it names.
            owner = next((d for _, d in by_place), None)
        if owner is None:
            # The record of the sentence before ("Трое жителей пострадали" after the
            # strike on Lgov); none when that sentence holds several ("The toll now
            # stands at 34" after a trolleybus and a university were hit) or the count
            # is the region's ("three people were wounded in the region").
            at = bisect_left(held, s.index)
            previous = list(holding[held[at - 1]]) if at else []
            if len(drafts) == 1:
                previous = drafts
            if len(previous) != 1 or (s.regions and len(drafts) > 1):
                continue
            owner = previous[0]
        # "пошкоджено газопровід; снаряд влучив у будинок, поранено господаря": the count
        # goes with the target of the nearest clause before it that reports a strike.
        own = [d for d in holding.get(s.index, ()) if _same_place(d.where, owner.where)]
        if len(own) > 1 and s.counts and s.targets:
            first = s.counts[0][2]
            struck = {clause[m.start] for m in strike_words.find(s.tokens, s.text)}
            earlier = [
                t
                for t in s.targets
                if t.start < first
                and clause[t.start] in struck
                and any(d.target == t.value for d in own)
            ]
            if len({clause[t.start] for t in earlier}) > 1:
                owner = next(d for d in own if d.target == earlier[-1].value)
        # "a supermarket in Kharkiv, killing two, and houses in Kupiansk, killing three":
        # each count with the place named nearest before it in the sentence.
        local = [d for d in drafts if d.sentence == s.index and d.where.at >= 0]
        if len({(d.where.place, d.where.region) for d in local}) > 1 and s.counts:
            for kind, value, at in s.counts:
                before = [d for d in local if d.where.at <= at]
                receiver = max(before, key=lambda d: d.where.at) if before else local[0]
                if getattr(receiver, kind) is None:
                    setattr(receiver, kind, value)
            continue
        if s.killed is not None and owner.killed is None:
            owner.killed = s.killed
        if s.injured is not None and owner.injured is None:
            owner.injured = s.injured
    # "Nobody was hurt" said of the whole report holds for every record of it; said in a
    # sentence of one place's record ("У Приморському … обійшлося без постраждалих"), of it.
    for s in facts:
        if s.zero:
            own = [d for d in drafts if s.index in d.sentences and d.sentence == s.index]
            mine = s.places and len({(d.where.place, d.where.region) for d in drafts}) > 1
            for d in own if own and mine else drafts:
                d.killed = 0 if d.killed is None and s.killed == 0 else d.killed
                d.injured = 0 if d.injured is None and s.injured == 0 else d.injured
                if d.killed is None and s.injured == 0 and not any(x.killed for x in facts):
                    d.killed = 0
    return drafts


def _capital(facts: list[SentenceFacts], alignment: str | None) -> _Located | None:
    """ "The capital": Moscow in a Russian source's words, else Kyiv."""
    for s in facts:
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
                return _Located(city, region, token.text, code)
    return None


def _same_place(a: _Located, b: _Located) -> bool:
    if a.place is not None or b.place is not None:
        return a.place == b.place
    return a.region == b.region


# Time expressions that say no day by themselves ("увечері", "at 18:00").
_PARTIAL = frozenset(
    ["part", "part_adj", "clock", "clock_marked", "clock12", "clock_hour", "clock_hm"]
)


def _when(
    s_facts: list[SentenceFacts],
    first: SentenceFacts,
    report: Report,
    lang: str,
    zone: tzinfo,
    times: dict[int, list[TimeMention]],
) -> When:
    """`times` keeps each sentence's time mentions, found once per report: every record
    looks back over the sentences before its own, and finding them again for each
    record grew with the square of the report."""
    if report.published is None:
        return NO_TIME

    def found(s: SentenceFacts) -> list[TimeMention]:
        if s.index not in times:
            times[s.index] = find_times(s.text, lang)
        return times[s.index]

    published = report.published.astimezone(zone)
    own = found(first)
    if any(m.kind not in _PARTIAL for m in own):
        return resolve(own, published, lang)
    # "Уламки влучили в будинок" after "Сьогодні … Уночі ворог запустив…", "того ж
    # вечора" after "вчора близько 18:00": the day comes from the sentences before.
    context = [m for s in s_facts if s.index < first.index for m in found(s)]
    if not own and not context:
        context = next((hits for s in s_facts if (hits := found(s))), [])
    when = resolve(own + context, published, lang)
    if when.day is None and report.published_day:
        # A feed that gives only the day (a dated description, a headline of that day):
        # the report's day is the incident's, to the day.
        return When(published.date(), TimePrecision.DAY)
    return when


def _analyse(report: Report) -> tuple[str, list[SentenceFacts]]:
    text = report.text or ""
    lang = detect_language(text, report.lang)
    language = pack(lang)
    facts = [
        sentence_facts(i, sentence, tokenize(sentence, lang), language)
        for i, (_, sentence) in enumerate(split_sentences(text))
    ]
    return lang, facts


def _incident_sentences(facts: list[SentenceFacts]) -> list[SentenceFacts]:
    # "Влучань не зафіксовано", "No hits or damage were recorded": a sentence must then
    # say what was hit, or who was hurt, to report a strike.
    no_hits = any(s.no_hits for s in facts)
    return [
        s for s in facts
        if s.incident
        and (
            s.targets or s.killed or s.injured
            or (not no_hits and (s.regions or s.weapons or any(p.known for p in s.places)))
        )
        # "a list of civilians killed in Mariupol" reports no strike by itself
        and (not s.casualty_only or s.targets or s.weapons or s.actors)
    ]  # fmt: skip


def rule_says_incident(facts: list[SentenceFacts]) -> bool:
    return bool(_incident_sentences(facts))


def rule_is_sure(facts: list[SentenceFacts]) -> bool:
    """A strike sentence that counts the dead or hurt in a named place ("Унаслідок
    обстрілу Херсона поранено двох людей"). A feature of the trained check."""
    return any(
        (s.killed or s.injured) and (s.regions or any(p.known for p in s.places))
        for s in _incident_sentences(facts)
    )


def extract(report: Report) -> list[ExtractedRecord]:
    """The incidents a report describes; none for a text that reports no strike."""
    return [record for record, _, _ in _extract(report)]


def _extract(report: Report) -> list[tuple[ExtractedRecord, When, tzinfo]]:
    lang, facts = _analyse(report)
    incident = _incident_sentences(facts)
    denial = report.stance == "deny"
    if denial and not incident:
        # A denial is about a strike by definition, though its words ("reports of a
        # strike … a fabrication") may read as no strike: what it names is what it denies.
        incident = [s for s in facts if s.targets and (s.regions or any(p.known for p in s.places))]
    if not incident or (any(s.accident for s in facts) and not denial):
        return []  # "a leak from a household gas stove": the blast was no attack
    # The trained check ranks, it does not veto: on real published text it turned down
    # half the plain reports of a strike the rules had found ("Strike on residential
    # area."), so its probability is the record's confidence, nothing more.
    probability = incident_probability(lang, facts)
    weapon = _weapon(incident) or _weapon([s for s in facts if not _interception(s)])
    side = _side(report, lang, facts)
    perpetrator = _perpetrator(incident, side)
    if perpetrator == UNKNOWN:
        perpetrator = _perpetrator(facts, side)
    fallback_country = _country_mention(incident)
    records = []
    capital = _capital(facts, report.source_alignment)
    source_lang = detect_language(report.source or "", None)
    hints = source_regions(report.source, source_lang)
    # "Гладков сообщил…": an official in office speaks for his region, as a source's
    # name does ("Kharkiv RMA").
    day = report.published.date() if report.published else None
    hints = hints | official_regions([t.text for s in facts for t in s.tokens], day)
    city = source_city(report.source, source_lang)
    times: dict[int, list[TimeMention]] = {}
    for draft in _drafts(facts, incident, capital, lang, hints, city):
        where = draft.where
        place, region = where.place, where.region
        country = (place.country if place else None) or (region.country if region else None)
        country = country or where.country or fallback_country
        zone = _zone(report, country)
        first = next(s for s in facts if s.index == draft.sentences[0])
        members = set(draft.sentences)  # a list: asked of every sentence, it grew squared
        own = [s for s in facts if s.index in members]
        actor = _perpetrator(own, side)
        record_perpetrator = actor if actor != UNKNOWN else perpetrator
        record_weapon = _weapon(own) or weapon
        when = _when(facts, first, report, lang, zone, times)
        if not _current(when, report, zone):
            continue
        if place is not None:
            precision = GeoPrecision.SETTLEMENT
        elif region is not None:
            precision = GeoPrecision.REGION
        elif country is not None:
            precision = GeoPrecision.COUNTRY
        else:
            precision = GeoPrecision.NONE
        if (
            place is None
            and region is None
            and draft.target is None
            and draft.killed is None
            and draft.injured is None
        ):
            # Nowhere, nothing hit, nobody hurt: a strike named only as a cause or as
            # background ("Because of a massive Russian attack, aircraft were scrambled").
            continue
        records.append(
            (
                ExtractedRecord(
                    input=report.id,
                    occurred_at=when.text(zone),
                    time_precision=when.precision.value,
                    place=place.name if place else None,
                    place_mention=where.mention,
                    region=(place.region if place else None) or (region.name if region else None),
                    country=country,
                    lat=place.lat if place else None,
                    lon=place.lon if place else None,
                    geo_precision=precision.value,
                    perpetrator=record_perpetrator,
                    target=draft.target,
                    target_detail=draft.detail,
                    weapon=record_weapon,
                    killed=draft.killed,
                    injured=draft.injured,
                    source=report.source,
                    source_alignment=report.source_alignment,
                    lang=lang,
                    confidence=round(probability if probability is not None else 0.8, 3),
                ),
                when,
                zone,
            )
        )
    return records


# A report tells of what happened in the last days; a strike dated weeks before it is
# background ("the strike on the station in Kramatorsk on 8 April 2022"). Not one of the
# 900 labelled records lies more than five days before its report; a news analysis may
# look back a week or so.
_BACKGROUND_AFTER = timedelta(days=14)


def _current(when: When, report: Report, zone: tzinfo) -> bool:
    """Whether a draft dated `when` is news rather than background."""
    if when.day is None or report.published is None:
        return True
    return report.published.astimezone(zone).date() - when.day <= _BACKGROUND_AFTER


def incidents_from_report(report: Report) -> list[Incident]:
    """`extract`'s records as domain incidents, with ids "{report.id}#1", "#2", … and
    their time as the UTC interval the precision allows."""
    return extract_both(report)[1]


def extract_both(report: Report) -> tuple[list[ExtractedRecord], list[Incident]]:
    """The records and the incidents of one report, from one extraction."""
    found = _extract(report)
    out = []
    for n, (record, resolved, zone) in enumerate(found, start=1):
        when = Occurrence(TimePrecision.NONE)
        bounds = resolved.bounds(zone)
        if bounds is not None and record.occurred_at is not None:
            start, end = bounds
            when = Occurrence(
                resolved.precision, start.astimezone(UTC), end.astimezone(UTC), record.occurred_at
            )
        out.append(
            Incident(
                id=f"{report.id}#{n}",
                when=when,
                place=record.place,
                lat=record.lat,
                lon=record.lon,
                country=record.country,
                region=record.region,
                geo_precision=GeoPrecision(record.geo_precision),
                perpetrator=record.perpetrator,
                target=record.target,
                target_detail=record.target_detail,
                weapon=record.weapon,
                killed=record.killed,
                injured=record.injured,
                source=report.source,
                source_alignment=report.source_alignment,
                reported_at=report.published,
                url=report.url,
                text=report.text,
                report_id=report.id,
            )
        )
    return [record for record, _, _ in found], out
