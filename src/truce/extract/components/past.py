"""When a strike word tells of a past strike, not this report's: "after last week's
strikes", "a year ago", "since the start of the invasion", "over the past week". A part
of the `negation` component.
"""

from __future__ import annotations

from truce.extract.cues import cues
from truce.extract.figures import number
from truce.extract.lexicon import Match
from truce.extract.morphology import Token
from truce.extract.packs import Pack

# "after", "following" that put a strike in the past of what the sentence reports.
_AFTER = cues("past", "after")
_LONG_UNITS = cues("past", "long_units")
_START = cues("past", "start")
_SINCE = cues("past", "since")
_PERIOD_WORDS = cues("past", "period_words")
_MONTH_NAMES = cues("past", "month_names")
_TALLY_UNITS = cues("past", "tally_units")
_LAST = cues("past", "last")
# Work that follows a past strike: "restored power … after …" reports no new one.
_REPAIRS = cues("past", "repairs")
_MEASURES = cues("past", "measures")
_BECAUSE = cues("past", "because")
_TIME_UNITS = cues("past", "time_units")
# What a strike leaves behind, said before "after": the strike is this report's news.
_CONSEQUENCES = cues("past", "consequences")
_SUPPLY = cues("past", "supply")


def retrospective(
    tokens: list[Token],
    text: str,
    pack: Pack,
    triggers: list[Match[bool]],
    targets: list[Match[str]],
) -> int | None:
    """The token index of an "after" that begins a past strike's clause: "Power was
    restored in Kharkiv after last week's strikes", "A year after the strike on …".
    None when the sentence reports a strike or its casualties before that word ("Three
    people were injured after a missile hit …", "Kharkiv was left without power after …")."""
    for a, token in enumerate(tokens[:-1]):
        if token.lemma in _LONG_UNITS and tokens[a + 1].lower in ("ago", "тому", "назад"):
            return -1  # "a year ago", "рік тому", "два года назад": a past strike
        if (
            token.lower in ("за", "over")
            and a + 2 < len(tokens)
            and tokens[a + 2].lemma in _LONG_UNITS
            and number(tokens[a + 1], pack) is not None
        ):
            return -1  # "за три роки війни", "over two years": a tally, not a strike
        if (
            token.lower in ("over", "за", "протягом", "during")
            and any(t.lemma in _TALLY_UNITS for t in tokens[a + 1 : a + 4])
            and any(t.lower in _LAST for t in tokens[a + 1 : a + 3])
        ):
            return -1  # "over the past week", "за минулий тиждень": a tally
        if token.lower in _SINCE and any(t.lemma in _START for t in tokens[a + 1 : a + 3]):
            return -1  # "since the start of the invasion", "з початку вторгнення"
        if token.lower in _PERIOD_WORDS and a + 1 < len(tokens):
            month = tokens[a + 1]
            named = month.lemma in _MONTH_NAMES and (month.capitalised or pack.lang != "en")
            if named or (token.lower == "since" and month.lower == "then"):
                return -1  # "In September 2024, 208 civilians were killed", "з березня"
    casualty = pack.killed | pack.injured
    for a, token in enumerate(tokens):
        if token.lower in _BECAUSE and a > 0:
            # "restored power to villages cut off by shelling", "outage schedules apply
            # because of the attacks": the work or the measure is the news, not a strike.
            before = tokens[:a]
            if (
                not any(t.start < a for t in triggers)
                and not any(not casualty.isdisjoint(t.lemmas) for t in before)
                and any(not (_REPAIRS | _MEASURES).isdisjoint(t.lemmas) for t in before)
            ):
                return a
        if token.lower not in _AFTER:
            continue
        if a > 0 and tokens[a - 1].lemma in _TIME_UNITS:
            return a  # "a year after the strike", "через тиждень після"
        if a < 3:
            return None  # "After a drone attack, a fire broke out …"
        before = tokens[:a]
        strikes = [t for t in triggers if t.value]  # "fragments found after …" reports none
        hurt = any(not casualty.isdisjoint(t.lemmas) for t in before)
        later = tokens[a + 1 : a + 4]
        if not hurt and (
            any(not _REPAIRS.isdisjoint(t.lemmas) for t in before)
            or (any(t.lower in _LAST for t in later) and any(t.lemma in _TIME_UNITS for t in later))
        ):
            return a  # "Crews restored power … after last week's attack"
        if any(t.start < a for t in strikes) or any(t.start < a for t in targets):
            return None
        if hurt:
            return None
        if any(not _CONSEQUENCES.isdisjoint(t.lemmas) for t in before) or any(
            not _SUPPLY.isdisjoint(t.lemmas) and k > 0 and before[k - 1].lower in ("without", "без")
            for k, t in enumerate(before)
        ):
            return None  # "Kharkiv was left without power after …"
        return a
    return None
