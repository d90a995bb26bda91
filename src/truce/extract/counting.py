"""Which figure goes with a casualty word: "12 dead", "five people were injured",
"загинула жінка" (one), "a man and a woman were hurt" (two). Used by `casualties`.
"""

from __future__ import annotations

from truce.extract.cues import cues
from truce.extract.figures import (
    BETWEEN_PERSONS,
    PLURAL_PERSONS,
    SINGULAR,
    SUBSET,
    YEARS,
    counts_people_before,
    distance_to,
    is_age,
    number,
    persons_listed,
    subset,
)
from truce.extract.morphology import Token
from truce.extract.packs import Pack

_AND = cues("counting", "and")


def count_near(
    tokens: list[Token], i: int, pack: Pack, text: str, keywords: list[int]
) -> int | None:
    """The figure that goes with the casualty word at `i`: the nearest number within a
    few words that counts people and is not nearer another casualty word."""
    best: tuple[int, int] | None = None
    toll = tokens[i].lemma in ("toll", "death")
    for j in range(max(0, i - 10), min(len(tokens), i + (9 if toll else 6))):
        if j == i:
            continue
        lo, hi = (tokens[i].end, tokens[j].start) if j > i else (tokens[j].end, tokens[i].start)
        between = text[lo:hi]
        if ";" in between or ". " in between or ":" in between:
            continue
        value = number(tokens[j], pack)
        if value is None or ":" in tokens[j].text or is_age(tokens, j, pack):
            continue
        distance = distance_to(tokens, text, j, i)
        if any(
            distance_to(tokens, text, j, k) < distance
            and not any(t.lower in _AND for t in tokens[min(j, k) + 1 : max(j, k)])
            and not any(
                mark in text[tokens[min(j, k)].end : tokens[max(j, k)].start]
                for mark in (";", ". ", ":")
            )
            for k in keywords
            if k != i
        ):
            continue  # nearer another casualty word, unless "… four people and wounding"
        if subset(tokens, j):
            continue
        if j > i and any(t.lower in ("and", "і", "и", "та", "й") for t in tokens[i + 1 : j]):
            continue
        after = tokens[j + 1].lower if j + 1 < len(tokens) else ""
        if YEARS.match(after) or text[tokens[j].end : tokens[j].end + 5].startswith(
            ("-year", "-річ", "-лет")
        ):
            continue
        if after in (
            "km",
            "м",
            "м2",
            "кв",
            "square",
            "metres",
            "meters",
            "hectares",
            "кілометрів",
            "километров",
            "шт",
            "%",
            "per",
            "відсотків",
            "процентов",
            "percent",
            "pct",
            "відсотка",
            "процента",
        ):
            continue
        if j + 1 < len(tokens) and pack.weapons.match_at(tokens, j + 1) is not None:
            continue
        if j > 0 and tokens[j - 1].lower in SUBSET:
            continue  # "16 people, including seven children": seven are among the 16
        if j < i and j + 1 < i and not counts_people_before(tokens[j + 1 : i], pack):
            continue  # "Fifty buses were damaged, a worker was killed"
        if best is None or distance < best[0]:
            best = (distance, value)
    if best is not None:
        return best[1]
    # "Погиб лоцман", "загинула продавчиня": a singular past form counts one.
    word, lemma = tokens[i].lower, tokens[i].lemma
    verb = lemma.endswith(("ти", "ть", "тися", "ться", "ний", "ный", "тий", "тый"))
    if (
        pack.lang != "en"
        and verb
        and word.endswith(SINGULAR)
        and not word.endswith(("ли", "ні", "ны"))
    ):
        return 1
    if word == lemma and lemma in ("загиблий", "погибший", "поранений", "раненый"):
        return 1  # "є загиблий"
    # "a man was killed", "загинула жінка", "поранено медсестру": one person; "a man
    # and a woman were hurt", "поранено фельдшера та водія": two.
    for j in range(max(0, i - 8), min(len(tokens), i + 6)):
        if j == i or pack.persons.isdisjoint(tokens[j].lemmas[:1]):
            continue
        if j == i - 1 and pack.lang == "en" and tokens[i].lower.endswith("s"):
            continue  # "civilian casualties", "child deaths": no one person
        lo, hi = sorted((i, j))
        between = text[tokens[lo].end : tokens[hi].start]
        if (
            any(mark in between for mark in (";", ". ", ":"))
            or any(lo < k < hi for k in keywords)
            or (j < i and i > 0 and tokens[i - 1].lower in ("and", "і", "та", "и", "й"))
        ):
            continue  # another clause ("killing the driver and wounding a medic")
        if j > i + 3 and not all(
            is_age(tokens, k, pack) or tokens[k].lower in BETWEEN_PERSONS or "-" in tokens[k].text
            for k in range(i + 1, j)
        ):
            break  # "killing a 67-year-old woman" reaches past the age; nothing else does
        if (
            tokens[j].lower in PLURAL_PERSONS
            or (
                pack.lang != "en"
                and tokens[j].lower != tokens[j].lemma
                and tokens[j].lower.endswith(
                    ("ям", "ам", "ей", "ов", "ів", "ями", "ами", "ах", "ях")
                )
            )
            or (
                pack.lang == "en"
                and tokens[j].lower != tokens[j].lemma
                and j > 0
                and tokens[j - 1].lower not in ("a", "an", "one")
            )
        ):
            return None
        return persons_listed(tokens, j, pack, text)
    return None
