# ruff: noqa: E501  (word lists and patterns read best one entry a line, however long)
"""When: relative time expressions resolved against the report's publication time.

"Overnight" in a report published at 08:15 in Kyiv is the night that began on the
previous evening; "yesterday evening" is part of the previous day; "on Friday" is the
last Friday on or before publication; "в ніч на 18 березня" is the night of 17 to 18
March. The expressions are regular enough in wire and official reports that precompiled
patterns per language cover them, at a fraction of what a general date parser costs per
report (dateparser takes milliseconds a text; the throughput target allows one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from truce.domain import TimePrecision

_MONTHS = {
    "en": "january february march april may june july august september october november december",
    "uk": "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня",
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
}
_WEEKDAYS = {
    "en": "monday tuesday wednesday thursday friday saturday sunday",
    "uk": "понеділок вівторок середу четвер п'ятницю суботу неділю",
    "ru": "понедельник вторник среду четверг пятницу субботу воскресенье",
}
_MONTH = {lang: {m: i + 1 for i, m in enumerate(w.split())} for lang, w in _MONTHS.items()}
_MONTH["en"].update({m[:3]: i for m, i in list(_MONTH["en"].items())})
_MONTH["en"]["sept"] = 9
_WEEKDAY = {lang: {d: i for i, d in enumerate(w.split())} for lang, w in _WEEKDAYS.items()}
_WEEKDAY["uk"]["пʼятницю"] = 4

# Parts of the day as local hours [start, end): morning, afternoon/day, evening.
PARTS = {"morning": (5, 12), "day": (10, 18), "afternoon": (12, 18), "evening": (17, 24)}


@dataclass(frozen=True, slots=True)
class _Pattern:
    regex: re.Pattern[str]
    kind: str  # night | yesterday | today | daybefore | weekday | date | clock | part | nightof
    value: str = ""


def _p(regex: str, kind: str, value: str = "") -> _Pattern:
    return _Pattern(re.compile(regex, re.IGNORECASE), kind, value)


def _patterns(lang: str) -> list[_Pattern]:
    months = "|".join(sorted(_MONTH[lang], key=len, reverse=True))
    days = "|".join(_WEEKDAY[lang])
    if lang == "en":
        return [
            _p(
                rf"\bnight (?:of|from|to|into) (?:\w+day,? )?(\d{{1,2}})(?:\s*(?:-|–|to|into)\s*(\d{{1,2}}))? ?({months})\b",
                "nightof",
            ),
            _p(rf"\bnight (?:of|from|to|into) ({months}) (\d{{1,2}})", "nightof_md"),
            _p(
                r"\b(overnight|last night|during the night|tonight|at night|night-time|nighttime|in the night|new year['’]?s night)\b",
                "night",
            ),
            _p(rf"\bon ({days}) night\b|\b({days}) night\b", "weekday_night"),
            _p(r"\bday before yesterday\b", "daybefore"),
            _p(r"\b(?:the day before|on the eve)\b", "yesterday"),
            # "Over the past day", like "за минулу добу" and "за сутки": the day before.
            _p(
                r"\byesterday\b|\blast (?:evening|morning|afternoon)\b|\b(?:over|in|during) the (?:past|last) (?:day|24 hours)\b",
                "yesterday",
            ),
            _p(
                r"\b(?:earlier )?today\b|\bthis (?:morning|afternoon|evening)\b|\b(?:over|during) the day\b",
                "today",
            ),
            _p(r"\b(early|late) (?=on\b|in\b|this\b|today\b|yesterday\b|\w+day\b)", "part"),
            _p(rf"\b(?:on |last )?({days})\b", "weekday"),
            _p(
                rf"\b(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?({months})\b(?:,? (\d{{4}})\b)?", "date_dm"
            ),
            _p(rf"\b({months})\.? (\d{{1,2}})(?:st|nd|rd|th)?\b(?:,? (\d{{4}})\b)?", "date_md"),
            _p(
                r"\b(?:at|around|about|shortly after|shortly before|before|after|until)\s+(\d{1,2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?)",
                "clock12",
            ),
            _p(r"\b(\d{1,2}):(\d{2})\b", "clock"),
            _p(
                r"\bat (?:about |around )?(\d{1,2})(?: o'clock)?(?= this morning| in the morning| this evening| in the evening| tonight| last night| o'clock)",
                "clock_hour",
            ),
            _p(r"\b(?:before|at) (dawn|daybreak)\b", "part"),
            _p(
                r"\b(?:at |around |shortly before |shortly after )?(noon|midday|lunchtime)\b",
                "part",
            ),
            _p(r"\bin the (?:early|small|pre-dawn) hours\b", "night"),
            _p(r"\b(an|one|two|three|\d+) hours? ago\b", "ago"),
            _p(
                r"\b(?:over|during) the (?:past|last) night\b|\bpast night\b|\ball night\b", "night"
            ),
            _p(
                r"\b(?:in the |this |yesterday |last )(morning|afternoon|evening)\b|\b(morning|afternoon|evening)\b",
                "part",
            ),
        ]
    if lang == "uk":
        return [
            _p(rf"(?<![\w'])(?:у|в) (?:ніч|ночі) на ({days})(?![\w'])", "nightof_weekday"),
            _p(r"(?<![\w'])напередодні(?![\w'])", "yesterday"),
            _p(r"(?<![\w'])(?:сьогоднішн\w*)(?![\w'])", "today"),
            _p(r"(?<![\w'])(ранков\w*|вечірн\w*|денн\w*)(?![\w'])", "part_adj"),
            _p(r"(?<![\w'])(?:минулий день|за минулий день|минулого дня)(?![\w'])", "yesterday"),
            _p(
                r"(?<![\w'])(?:минула ніч|минулу ніч|цю ніч|новорічну ніч|новорічна ніч|всю ніч|усю ніч)(?![\w'])",
                "night",
            ),
            _p(
                rf"\bу?в? ?ніч (?:на|проти|з) (?:\d{{1,2}} (?:на|проти) )?(\d{{1,2}})[ -]?({months})?",
                "nightof_to",
            ),
            _p(
                r"(?<![\w'])(уночі|вночі|у ночі|минулої ночі|цієї ночі|протягом ночі|серед ночі|нічн\w+|упродовж ночі|цієї ночі|вчора вночі|сьогодні вночі)(?![\w'])",
                "night",
            ),
            _p(r"(?<![\w'])позавчора(?![\w'])", "daybefore"),
            _p(r"(?<![\w'])(?:вчора|учора)(?![\w'])", "yesterday"),
            _p(r"(?<![\w'])(?:сьогодні|протягом дня|упродовж дня|за день)(?![\w'])", "today"),
            _p(r"(?<![\w'])(?:минулої доби|за минулу добу|за добу)(?![\w'])", "yesterday"),
            _p(rf"(?<![\w'])(?:у|в) ({days})(?![\w'])", "weekday"),
            _p(rf"(?<![\w'])(\d{{1,2}}) ({months})(?![\w'])(?: (\d{{4}})(?!\d))?", "date_dm"),
            _p(r"(?<![\d:])(\d{1,2})[:.](\d{2})(?![\d:])", "clock_marked"),
            _p(r"(?<![\w'])(\d{1,2}) годин\w* (\d{1,2}) хвилин", "clock_hm"),
            _p(
                r"(?<![\w'])(?:о|близько|приблизно|після|до) (\d{1,2})(?:-й|-ї)? годин\w*",
                "clock_hour",
            ),
            _p(r"(?<![\w'])(на світанку|світанку)(?![\w'])", "part"),
            _p(
                r"(?<![\w'])(вранці|зранку|ранком|уранці|вдень|удень|опівдні|ввечері|увечері|увечері|пополудні|по обіді|вечором|ранку|вечора)(?![\w'])",
                "part",
            ),
        ]
    return [
        _p(rf"(?<!\w)в ночь на ({days})(?!\w)", "nightof_weekday"),
        _p(r"(?<!\w)(?:сегодняшн\w*)(?!\w)", "today"),
        _p(r"(?<!\w)(утренн\w*|вечерн\w*|дневн\w*)(?!\w)", "part_adj"),
        _p(r"(?<!\w)(?:минувшие сутки|прошедший день|минувший день)(?!\w)", "yesterday"),
        _p(
            r"(?<!\w)(?:минувшая ночь|прошлая ночь|эту ночь|новогоднюю ночь|всю ночь)(?!\w)",
            "night",
        ),
        _p(rf"\bв ночь (?:на|с \d{{1,2}} на) (\d{{1,2}})[ -]?({months})?", "nightof_to"),
        _p(
            r"(?<!\w)(ночью|этой ночью|прошлой ночью|минувшей ночью|в течение ночи|ночн\w+|среди ночи|вчера ночью|сегодня ночью)(?!\w)",
            "night",
        ),
        _p(r"(?<!\w)позавчера(?!\w)", "daybefore"),
        _p(r"(?<!\w)накануне(?!\w)", "yesterday"),
        _p(r"(?<!\w)вчера(?!\w)", "yesterday"),
        _p(r"(?<!\w)(?:сегодня|в течение дня|за день)(?!\w)", "today"),
        _p(r"(?<!\w)(?:за прошедшие сутки|за минувшие сутки|за сутки)(?!\w)", "yesterday"),
        _p(rf"(?<!\w)(?:в|во) ({days})(?!\w)", "weekday"),
        _p(rf"(?<!\w)(\d{{1,2}}) ({months})(?!\w)(?: (\d{{4}})(?!\d))?", "date_dm"),
        _p(r"(?<![\d:])(\d{1,2})[:.](\d{2})(?![\d:])", "clock_marked"),
        _p(r"(?<!\w)(\d{1,2}) час\w* (\d{1,2}) минут", "clock_hm"),
        _p(r"(?<!\w)(?:в|около|примерно|после|до) (\d{1,2}) час\w*", "clock_hour"),
        _p(r"(?<!\w)(на рассвете|рассвете)(?!\w)", "part"),
        _p(
            r"(?<!\w)(утром|днём|днем|вечером|с утра|в обед|после обеда|пополудни|утра|вечера)(?!\w)",
            "part",
        ),
    ]


_COMPILED = {lang: _patterns(lang) for lang in ("en", "uk", "ru")}
_PART_WORDS = {
    "morning": "dawn,daybreak,early,morning,світанку,рассвете,вранці,зранку,ранком,уранці,утром,ранку,утра,с утра",
    "afternoon": "afternoon,noon,midday,lunchtime,пополудні,по обіді,после обеда,пополудни,в обед,опівдні",
    "day": "вдень,удень,днём,днем",
    "evening": "late,evening,ввечері,увечері,вечором,вечером,вечора",
}
_PART_OF = {w: part for part, words in _PART_WORDS.items() for w in words.split(",")}
_PART_RE = {w: re.compile(rf"(?<!\w){w}(?!\w)") for w in _PART_OF}


@dataclass(frozen=True, slots=True)
class When:
    """A resolved time: the local date, the precision and, for minute or hour, the
    local clock time; `part` names the part of the day."""

    day: date | None
    precision: TimePrecision
    clock: time | None = None
    part: str | None = None

    def text(self, zone: tzinfo) -> str | None:
        if self.day is None:
            return None
        if self.clock is not None:
            return datetime.combine(self.day, self.clock, zone).isoformat()
        return self.day.isoformat()

    def bounds(self, zone: tzinfo) -> tuple[datetime, datetime] | None:
        """Local start and end (inclusive) of the interval the time covers."""
        if self.day is None:
            return None
        second = timedelta(seconds=1)
        if self.precision is TimePrecision.MINUTE and self.clock is not None:
            at = datetime.combine(self.day, self.clock, zone)
            return at, at
        if self.precision is TimePrecision.HOUR and self.clock is not None:
            at = datetime.combine(self.day, self.clock.replace(minute=0), zone)
            return at, at + timedelta(hours=1) - second
        if self.precision is TimePrecision.NIGHT:
            start = datetime.combine(self.day, time(18), zone)
            return start, datetime.combine(self.day + timedelta(days=1), time(6), zone) - second
        if self.precision is TimePrecision.PART_OF_DAY and self.part in PARTS:
            first, last = PARTS[self.part]
            start = datetime.combine(self.day, time(first), zone)
            return start, datetime.combine(self.day, time(0), zone) + timedelta(hours=last) - second
        start = datetime.combine(self.day, time(0), zone)
        return start, datetime.combine(self.day + timedelta(days=1), time(0), zone) - second


NO_TIME = When(None, TimePrecision.NONE)


@dataclass(frozen=True, slots=True)
class TimeMention:
    kind: str
    start: int
    groups: tuple[str | None, ...]
    text: str


def find_times(text: str, lang: str) -> list[TimeMention]:
    """Every time expression in `text`, in order, without overlaps."""
    found: list[TimeMention] = []
    taken: list[tuple[int, int]] = []
    for pattern in _COMPILED[lang]:
        for m in pattern.regex.finditer(text):
            if any(m.start() < end and start < m.end() for start, end in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append(TimeMention(pattern.kind, m.start(), m.groups(), m.group().lower()))
    found.sort(key=lambda t: t.start)
    return found


def _dated(day: int, month: int, published: date, year: str | None = None) -> date | None:
    """The date a day and month name, in the year given, else the latest one not after
    publication."""
    try:
        candidate = date(int(year) if year else published.year, month, day)
    except ValueError:
        return None
    if year:
        return candidate if candidate <= published + timedelta(days=1) else None
    if candidate > published + timedelta(days=1):
        candidate = candidate.replace(year=published.year - 1)
    return candidate


def resolve(mentions: list[TimeMention], published: datetime, lang: str) -> When:
    """Combine the expressions of one incident into a date and a precision."""
    if not mentions:
        return NO_TIME
    today = published.date()
    anchor: date | None = None
    night = False
    night_anchor: date | None = None
    clock: time | None = None
    clock_precision = TimePrecision.MINUTE
    part: str | None = None
    for mention in mentions:
        kind, g = mention.kind, mention.groups
        if kind == "night":
            night = True
        elif kind == "yesterday":
            anchor = anchor or today - timedelta(days=1)
            for word, name in _PART_OF.items():
                if _PART_RE[word].search(mention.text):
                    part = part or name
        elif kind == "daybefore":
            anchor = anchor or today - timedelta(days=2)
        elif kind == "today":
            anchor = anchor or today
            for word, name in _PART_OF.items():
                if _PART_RE[word].search(mention.text):
                    part = part or name
        elif kind in ("weekday", "weekday_night"):
            name = next(x for x in g if x)
            weekday = _WEEKDAY[lang].get(name.lower().replace("’", "'"))
            if weekday is not None and anchor is None:
                anchor = today - timedelta(days=(today.weekday() - weekday) % 7)
                night = night or kind == "weekday_night"
        elif kind in ("date_dm", "date_md"):
            day_text, month_text = (g[0], g[1]) if kind == "date_dm" else (g[1], g[0])
            month = _MONTH[lang].get((month_text or "").lower().rstrip("."))
            if month and day_text and anchor is None:
                anchor = _dated(int(day_text), month, today, g[2])
        elif kind in ("nightof", "nightof_md", "nightof_to"):
            night = True
            if kind == "nightof":
                day_text, _to, month_text = g
                month = _MONTH[lang].get((month_text or "").lower())
                if month and day_text:
                    night_anchor = _dated(int(day_text), month, today)
            elif kind == "nightof_md":
                month = _MONTH[lang].get((g[0] or "").lower())
                if month and g[1]:
                    night_anchor = _dated(int(g[1]), month, today)
            else:
                month = _MONTH[lang].get((g[1] or "").lower()) or today.month
                morning = _dated(int(g[0] or 0), month, today)
                night_anchor = morning - timedelta(days=1) if morning else None
        elif (
            kind in ("clock", "clock_marked", "clock12", "clock_hour", "clock_hm") and clock is None
        ):
            hour, minute = int(g[0] or 0), int((g[1] if len(g) > 1 else None) or 0)
            if kind == "clock12":
                suffix = (g[2] or "").replace(".", "").lower()
                hour = hour % 12 + (12 if suffix == "pm" else 0)
                clock_precision = TimePrecision.MINUTE if g[1] else TimePrecision.HOUR
            if kind == "clock_hour":
                after = mention.text
                if hour < 12 and any(w in after for w in ("evening", "вечор", "night")):
                    hour += 12
                clock_precision = TimePrecision.HOUR
            elif kind == "clock_hm":
                clock_precision = TimePrecision.MINUTE
            elif minute == 0 and kind != "clock12":
                clock_precision = TimePrecision.HOUR
            if 0 <= hour < 24 and 0 <= minute < 60:
                clock = time(hour, minute)
        elif kind == "ago" and clock is None:
            # The patterns match in any case: "An hour ago" opening a sentence.
            hours = {"an": 1, "one": 1, "two": 2, "three": 3}.get((g[0] or "").lower())
            back = published - timedelta(hours=hours if hours is not None else int(g[0] or 0))
            anchor, clock, clock_precision = (
                back.date(),
                back.time().replace(minute=0, second=0),
                TimePrecision.HOUR,
            )
        elif kind == "nightof_weekday":
            night = True
            weekday = _WEEKDAY[lang].get((g[0] or "").lower().replace("’", "'"))
            if weekday is not None:
                morning = today - timedelta(days=(today.weekday() - weekday) % 7)
                night_anchor = morning - timedelta(days=1)
        elif kind == "part_adj":
            stem = (g[0] or "").lower()
            part = part or (
                "morning" if stem.startswith(("ранков", "утренн"))
                else "evening" if stem.startswith(("вечірн", "вечерн"))
                else "day"
            )  # fmt: skip
        elif kind == "part":
            name = next(x for x in g if x) if any(g) else mention.text
            part = part or _PART_OF.get(name.lower().strip())
    if night_anchor is not None:
        return When(night_anchor, TimePrecision.NIGHT)
    if clock is not None:
        day = anchor or today
        if anchor is None and clock > published.time():
            day = today - timedelta(days=1)  # "at 23:40" in a morning report: last night
        return When(day, clock_precision, clock=clock)
    if night:
        if anchor is not None and anchor != today:
            return When(anchor, TimePrecision.NIGHT)
        evening = published.hour >= 18 and anchor == today
        return When(today if evening else today - timedelta(days=1), TimePrecision.NIGHT)
    if part is not None:
        return When(anchor or today, TimePrecision.PART_OF_DAY, part=part)
    if anchor is not None:
        return When(anchor, TimePrecision.DAY)
    return NO_TIME
