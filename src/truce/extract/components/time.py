"""Component `time`: when each draft happened, in the zone of where it happened.

A sentence's own time expression ("вчора близько 18:00", "on Monday night") resolves
against the report's publication (`when`); one that says no day by itself takes the
day from the sentences before it. A feed that gives only the day gives the day. A
draft dated weeks before its report is background, and dropped, as is one that says
nothing of where, what or whom.
"""

from __future__ import annotations

from datetime import UTC, timedelta, tzinfo
from zoneinfo import ZoneInfo

from truce.domain import Report, TimePrecision, country_zones
from truce.extract.doc import Doc, Sentence
from truce.extract.regionnames import COUNTRY_WORDS
from truce.extract.when import NO_TIME, TimeMention, When, find_times, resolve


def time(doc: Doc) -> Doc:
    fallback_country = _country_mention(doc.incident)
    kept = []
    for draft in doc.drafts:
        where = draft.where
        place, region = where.place, where.region
        country = (place.country if place else None) or (region.country if region else None)
        draft.country = country = country or where.country or fallback_country
        draft.zone = zone = _zone(doc.report, country)
        first = doc.sentences[draft.sentences[0]]
        draft.when = when = _when(doc.sentences, first, doc.report, doc.lang, zone, doc.times)
        if not _current(when, doc.report, zone):
            continue
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
        kept.append(draft)
    doc.drafts = kept
    return doc


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


def _country_mention(facts: list[Sentence]) -> str | None:
    for s in facts:
        for i, token in enumerate(s.tokens):
            for code, words in COUNTRY_WORDS.items():
                named = token.lower in words or not words.isdisjoint(token.lemmas[:1])
                if named and i > 0 and s.tokens[i - 1].lower in ("in", "у", "в", "across", "по"):
                    return code
    return None


# Time expressions that say no day by themselves ("увечері", "at 18:00").
_PARTIAL = frozenset(
    ["part", "part_adj", "clock", "clock_marked", "clock12", "clock_hour", "clock_hm"]
)


def _when(
    s_facts: list[Sentence],
    first: Sentence,
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

    def found(s: Sentence) -> list[TimeMention]:
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
