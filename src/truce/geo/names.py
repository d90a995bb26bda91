"""Place names: lookup keys and the romanisation media use today.

GeoNames' primary names are often older or Russian-based forms ("Slovyansk",
"Zaporizhzhya", "Kryvyy Rih"). Ukraine's official transliteration (Cabinet of Ministers
resolution 55 of 2010) of the Ukrainian name gives the forms agencies and newsrooms use
(Sloviansk, Zaporizhzhia, Kryvyi Rih), so Ukrainian places are named by it.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

_APOSTROPHES = re.compile(r"['’ʼ`′ʹ‘\"]")
_SPACES = re.compile(r"\s+")


def name_key(name: str) -> str:
    """The form both the gazetteer and a mention are reduced to before lookup:
    case, apostrophes, ё and spacing do not matter."""
    key = _APOSTROPHES.sub("", name.casefold()).replace("ё", "е")
    return _SPACES.sub(" ", key).strip()


_SKELETON = str.maketrans(
    {"і": "и", "ї": "и", "й": "и", "ы": "и", "є": "е", "э": "е", "ё": "е", "ь": None, "ъ": None}
)


def skeleton_key(key: str) -> str:
    """A looser key on which a Ukrainian and a Russian spelling of one name meet
    ("новоросійськ" and "новороссийск" → "новоросиск"): soft signs dropped, и-like and
    е-like letters merged, doubled letters single."""
    plain = key.translate(_SKELETON)
    return "".join(c for i, c in enumerate(plain) if i == 0 or c != plain[i - 1])


_VOWELS = frozenset("аеєиіїйоуыэюяьъё'’ʼ")


def consonant_key(key: str) -> str:
    """The consonants of a Cyrillic name: where a Russian and a Ukrainian form of a
    village's name differ by their vowels only ("Горняк" / "Гірник", "Новоселовка" /
    "Новоселівка", "Збурьевка" / "Збур'ївка"). Far too loose to use alone: only
    within the region the report names."""
    plain = "".join(c for c in key if c not in _VOWELS)
    return "".join(c for i, c in enumerate(plain) if i == 0 or c != plain[i - 1])


# Russian forms of Ukrainian names that differ by more than their vowels: roots and
# sounds that differ the same way in many names (Николаевка / Миколаївка, Ольховатка /
# Вільхуватка, Угледар / Вугледар, Счастье / Щастя, Волчанск / Вовчанськ).
_RU_UK_SOUNDS = (
    (re.compile(r"^ник"), "мик"),
    (re.compile(r"^алекс"), "олекс"),
    (re.compile(r"^ольх"), "вільх"),
    (re.compile(r"^угл"), "вугл"),  # coal: Угледар, Углегорск
    (re.compile(r"сч"), "щ"),
    (re.compile(r"лч"), "вч"),
)


def ukrainian_forms(key: str) -> list[str]:
    """The key with the Russian sounds above made Ukrainian (none when none apply)."""
    out = key
    for pattern, ukrainian in _RU_UK_SOUNDS:
        out = pattern.sub(ukrainian, out)
    return [out] if out != key else []


_UK_TO_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie",
    "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l",
    "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "",
    "ю": "iu", "я": "ia",
}  # fmt: skip
_UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_UK_LETTERS = re.compile(r"[іїєґ'’ʼ]", re.IGNORECASE)
_RU_LETTERS = re.compile(r"[ыэъё]", re.IGNORECASE)


def transliterate_uk(name: str) -> str:
    """Ukrainian Cyrillic → Latin by the 2010 national system ("Слов'янськ" → "Sloviansk")."""
    out: list[str] = []
    text = _APOSTROPHES.sub("", name)
    for i, char in enumerate(text):
        lower = char.lower()
        initial = i == 0 or not text[i - 1].isalpha()
        if lower == "г" and i > 0 and text[i - 1].lower() == "з":
            latin = "gh"
        elif initial and lower in _UK_INITIAL:
            latin = _UK_INITIAL[lower]
        else:
            latin = _UK_TO_LATIN.get(lower, char)
        out.append(latin.capitalize() if char.isupper() and latin else latin)
    return "".join(out)


_RU_TO_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya",
}  # fmt: skip


def transliterate_ru(name: str) -> str:
    """Russian Cyrillic → Latin as newsrooms write it ("Волна" → "Volna")."""
    out: list[str] = []
    for i, char in enumerate(name):
        lower = char.lower()
        initial = i == 0 or not name[i - 1].isalpha()
        latin = "ye" if lower == "е" and initial else _RU_TO_LATIN.get(lower, char)
        out.append(latin.capitalize() if char.isupper() and latin else latin)
    return "".join(out)


# Where the rule above and GeoNames both fall short of what the media write.
_OVERRIDES = {
    "Rostov-na-Donu": "Rostov-on-Don",
    "Orël": "Oryol",
    "Moskva": "Moscow",
    "Sankt-Peterburg": "Saint Petersburg",
    "Lgovskiy": "Lgov",  # GeoNames gives the town's population to "L'govskiy"
}


# Places whose name in international media is not the national transliteration: the
# larger Crimean towns keep their established English forms.
MEDIA_NAMES = {
    "Yevpatoriia": "Yevpatoria",
    "Feodosiia": "Feodosia",
    "Siverskodonetsk": "Sievierodonetsk",  # the renaming proposed in 2023 is not in use
    # and where the source's name is garbled
    "Kadziiўka": "Kadiivka",
    "Bolšoj Kamen": "Bolshoy Kamen",
}


def canonical_name(geonames: str, country: str, cyrillic: list[str], latin: list[str]) -> str:
    """The name to show for a place, from its GeoNames name and alternate names."""
    plain = _APOSTROPHES.sub("", geonames)
    if plain in _OVERRIDES:
        return _OVERRIDES[plain]
    if country == "UA":
        # Alternate names include nicknames and former names ("Pivdenna Palmira",
        # "Zinovievsk"), so the Ukrainian name chosen is the one closest to GeoNames'.
        latin_keys = {name_key(n) for n in latin}
        best: tuple[float, str] | None = None
        for name in cyrillic:
            if _RU_LETTERS.search(name):
                continue
            latin_form = transliterate_uk(name)
            similar = SequenceMatcher(None, name_key(latin_form), name_key(geonames)).ratio()
            score = similar + 0.2 * (name_key(latin_form) in latin_keys)
            score += 0.05 * bool(_UK_LETTERS.search(name))
            if similar >= 0.6 and (best is None or score > best[0]):
                best = (score, latin_form)
        if best is not None:
            return best[1]
        return _APOSTROPHES.sub("", geonames)
    simple = _APOSTROPHES.sub("", geonames)
    if country == "RU":
        simple = re.sub(r"(?<=[a-z])[iy]y\b", "y", simple).replace("ë", "e")
        # Newsrooms write "Graivoron", "Maikop" where BGN has "Grayvoron", "Maykop".
        simple = re.sub(r"(?<=a)y(?=[bcdfgklmnprstvzh])", "i", simple)
    return simple
