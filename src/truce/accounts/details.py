"""The checkable details of one statement: what is protected (taxonomy codes), numbers
and what they count, dates and durations (resolved against the account's date), the
parties named, and the modality ("agreed", "proposed", …).

These are the things a monitor checks compliance against, so each keeps the words it
was read from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from truce.accounts.lexicon import (
    ACTOR_PATTERNS,
    JOINT_PATTERN,
    MODALITY_REGEX,
    OWN_LEADER,
    PERSON_PATTERN,
    SCOPE_REGEX,
    country_names,
)
from truce.domain import covers


@dataclass(frozen=True, slots=True)
class Span:
    """Something read from a statement, with the words and where they stand."""

    value: str
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Quantity:
    value: float
    counts: str
    text: str
    start: int

    def label(self) -> str:
        number = f"{int(self.value):,}" if self.value == int(self.value) else f"{self.value:,}"
        return f"{number} {self.counts}".strip()


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor named in a statement, and whether it stands where a subject stands."""

    party: str
    start: int
    end: int
    person: bool
    subject_like: bool


_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "forty-five": 45, "fifty": 50,
    "sixty": 60, "ninety": 90, "hundred": 100,
}  # fmt: skip
_NUMBER = r"(?:\d[\d,]*(?:\.\d+)?|" + "|".join(sorted(_WORDS, key=len, reverse=True)) + ")"
_UNITS = {"day": "D", "week": "W", "month": "M", "year": "Y"}
_DURATION = re.compile(
    rf"\b(?P<n>{_NUMBER})[- ](?P<unit>day|week|month|year)s?\b(?!\s+(?:ago|earlier))",
    re.IGNORECASE,
)
_MONTHS = {
    name: index
    for index, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip
_MONTH = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATE_DM = re.compile(
    rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{_MONTH})(?:,?\s+(?P<y>\d{{4}}))?\b", re.I
)
_DATE_MD = re.compile(
    rf"\b(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{{4}}))?\b", re.I
)
_DATE_ISO = re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_RELATIVE = re.compile(r"\b(?:today|tomorrow|tonight|" + "|".join(_WEEKDAYS) + r")\b", re.I)
_QUANTITY = re.compile(
    rf"(?P<cur>\$|USD\s?|US\$|€|EUR\s?)?\b(?P<n>{_NUMBER})(?P<mult>\s+(?:million|billion|thousand))?"
    r"(?=(?P<rest>(?:\s+(?:for|to|-)\s+\d[\d,]*)?(?:\s+[\w-]+){0,4}))",
    re.IGNORECASE,
)
_COUNTED_STOP = re.compile(
    r"\b(?:on|in|at|by|from|to|for|and|or|that|which|who|will|would|was|were|is|are|the|of)\b",
    re.IGNORECASE,
)
_MULTIPLIERS = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
_PREPOSITIONS = re.compile(
    r"(?:\bwith|\bto|\bof|\bfor|\bagainst|\bfrom|\bby|\bon|\babout|\btowards?|\bbetween"
    r"|\bin|\bover|\bat|\bnear|\bwithin|\binto|\bamong)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


def _number(text: str) -> float | None:
    word = text.lower()
    if word in _WORDS:
        return float(_WORDS[word])
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def scope_of(text: str) -> list[Span]:
    """Protected-object phrases, longest first, each read once."""
    taken: list[tuple[int, int]] = []
    found: list[Span] = []
    for regex, codes in SCOPE_REGEX:
        for match in regex.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            taken.append(match.span())
            for code in codes:
                found.append(Span(code, match.group(), match.start(), match.end()))
    return sorted(found, key=lambda s: s.start)


def minimal_codes(codes: list[str] | set[str] | tuple[str, ...]) -> list[str]:
    """Codes with those already covered by a broader one left out, in taxonomy order."""
    unique = set(codes)
    kept = [c for c in unique if not any(o != c and covers(o, c) for o in unique)]
    return sorted(kept)


def durations_of(text: str) -> list[Span]:
    found = []
    for match in _DURATION.finditer(text):
        amount = _number(match.group("n"))
        if amount is None or amount <= 0 or amount != int(amount):
            continue
        unit = _UNITS[match.group("unit").lower()]
        found.append(Span(f"P{int(amount)}{unit}", match.group(), match.start(), match.end()))
    for match in re.finditer(r"\bfor\s+a\s+(day|week|month|year)\b", text, re.IGNORECASE):
        if any(match.start() < f.end and f.start < match.end() for f in found):
            continue
        unit = _UNITS[match.group(1).lower()]
        found.append(Span(f"P1{unit}", match.group(), match.start(), match.end()))
    return found


def dates_of(text: str, on: date | None) -> list[Span]:
    """Dates named, as ISO dates; a date without a year takes the account's year (or
    the neighbouring one when that is nearer), and "today" or a weekday needs the
    account's date to be resolved at all."""
    found: list[Span] = []
    taken: list[tuple[int, int]] = []
    for regex in (_DATE_ISO, _DATE_DM, _DATE_MD):
        for match in regex.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            month_text = match.group("m").rstrip(".").lower()
            month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text)
            if month is None:
                continue
            day = int(match.group("d"))
            year_text = match.group("y")
            resolved = _resolve(day, month, int(year_text) if year_text else None, on)
            if resolved is None:
                continue
            taken.append(match.span())
            found.append(Span(resolved.isoformat(), match.group(), match.start(), match.end()))
    if on is not None:
        for match in _RELATIVE.finditer(text):
            word = match.group().lower()
            if word in ("today", "tonight"):
                resolved = on
            elif word == "tomorrow":
                resolved = on + timedelta(days=1)
            else:
                ahead = (_WEEKDAYS.index(word) - on.weekday()) % 7
                resolved = on + timedelta(days=ahead)
            found.append(Span(resolved.isoformat(), match.group(), match.start(), match.end()))
    return sorted(found, key=lambda s: s.start)


def _resolve(day: int, month: int, year: int | None, on: date | None) -> date | None:
    try:
        if year is not None:
            return date(year, month, day)
        if on is None:
            return None
        candidates = []
        for offset in (-1, 0, 1):
            try:
                candidates.append(date(on.year + offset, month, day))
            except ValueError:
                continue
        return min(candidates, key=lambda d: abs((d - on).days)) if candidates else None
    except ValueError:
        return None


_APPOSITION = re.compile(r"([A-Za-z][\w-]*(?:\s+of\s+war)?)(?:\s*[,:(]|\s+[–—-])\s*$")


def _counted_before(before: str) -> str:
    """What a number set after its noun counts ("prisoners of war, 175 for 175"): the
    noun the number stands in apposition to, or '' when none stands right before it."""
    found = _APPOSITION.search(before)
    if found is None or _COUNTED_STOP.fullmatch(found.group(1)):
        return ""
    return found.group(1).lower()


def quantities_of(text: str, skip: list[tuple[int, int]]) -> list[Quantity]:
    """Numbers with what they count ("175 prisoners of war", "$500 million"), leaving
    out those that are part of a date (resolved or not) or a duration."""
    found = []
    skip = skip + [m.span() for r in (_DATE_ISO, _DATE_DM, _DATE_MD) for m in r.finditer(text)]
    for match in _QUANTITY.finditer(text):
        start, end = match.start("n"), match.end("n")
        if any(start < e and s < end for s, e in skip):
            continue
        raw = match.group("n")
        value = _number(raw)
        if value is None or (raw.lower() in ("a", "an", "one") and not match.group("cur")):
            continue
        if not raw[0].isdigit() and re.search(
            r"\b(?:the|these|those|both)\s+$", text[:start], re.I
        ):
            continue  # "the two leaders" names people, it counts nothing checkable
        if re.fullmatch(r"\d{4}", raw) and 1900 <= value <= 2100:
            continue  # a year
        mult = (match.group("mult") or "").strip().lower()
        value *= _MULTIPLIERS.get(mult, 1)
        rest = match.group("rest") or ""
        pair = re.match(r"\s+(?:for|to|-)\s+(\d[\d,]*)", rest)
        prefix = ""
        consumed = 0
        if pair:
            prefix = f"for {pair.group(1)} "
            rest = rest[pair.end() :]
            consumed = pair.end()
        words: list[str] = []
        for word in re.sub(r"\bof\s+war\b", "of-war", rest).split():
            if _COUNTED_STOP.fullmatch(word) or not re.match(r"[A-Za-z]", word):
                break
            words.append(word.strip(",.;:").lower().replace("of-war", "of war"))
            if word[-1:] in ",.;:":
                break
        counts = " ".join(words[:4])
        if not counts and not match.group("cur") and raw[0].isdigit():
            # "prisoners of war, 175 for 175.": a number in apposition closes its clause.
            after = text[match.end() + consumed :]
            if re.match(r"\s*(?:[.;,)]|$)", after):
                counts = _counted_before(text[:start])
        if match.group("cur"):
            counts = ("USD " + counts).strip()
        if not counts and not match.group("cur"):
            continue  # a bare number counts nothing we can check
        original_words = len(words) + sum(w.count(" ") for w in words)
        tail = re.match(rf"(?:\s+\S+){{{original_words}}}", rest)
        stop = match.end() + consumed + (tail.end() if tail else 0)
        shown = text[match.start() : stop].strip().rstrip(",.;:")
        found.append(Quantity(value, (prefix + counts).strip(), shown, match.start()))
    return found


def actor_mentions(text: str, own_party: str | None = None) -> list[Mention]:
    """Every actor named, longest names first, each span read once; "the President"
    alone is the account's own side's leader."""
    taken: list[tuple[int, int]] = []
    found: list[Mention] = []
    patterns = [(party, p) for party, ps in ACTOR_PATTERNS.items() for p in ps]
    patterns.sort(key=lambda item: -len(item[1]))
    if own_party:
        patterns.append((own_party, OWN_LEADER.pattern))
    for party, pattern in patterns:
        for match in re.finditer(rf"(?<![\w-])(?:{pattern})(?![\w])", text, re.IGNORECASE):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            taken.append(match.span())
            after = text[match.end() : match.end() + 12]
            before = text[: match.start()]
            possessive = bool(re.match(r"['’]s?\b", after))
            adjective = match.group().lower().endswith(("russian", "ukrainian", "american")) and (
                not re.match(r"\s+(?:side|president|leader|delegation)", after, re.I)
            )
            subject_like = not possessive and not adjective and not _PREPOSITIONS.search(before)
            found.append(
                Mention(
                    party,
                    match.start(),
                    match.end(),
                    bool(PERSON_PATTERN.search(match.group())),
                    subject_like,
                )
            )
    return sorted(found, key=lambda m: m.start)


def parties_of(text: str, mentions: list[Mention]) -> list[str]:
    codes = {m.party for m in mentions}
    for regex, code in country_names():
        if regex.search(text):
            codes.add(code)
    return sorted(codes)


def modality_of(text: str) -> tuple[str | None, int]:
    """The strongest modality cue in the sentence and where it stands."""
    for name, regex in MODALITY_REGEX:
        match = regex.search(text)
        if match:
            return name, match.start()
    return None, len(text)


def is_joint(text: str, before: int) -> bool:
    """Whether the subject before `before` is both principals ("the leaders", "they")."""
    match = JOINT_PATTERN.search(text[:before] if before else text)
    return match is not None
