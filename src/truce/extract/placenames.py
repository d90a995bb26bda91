"""The keys a word may be looked up by in the gazetteer: the name forms its case
endings hide ("у Харкові" → харків, "в Одинцове" → одинцово, "Каменске-Шахтинском" →
каменск-шахтинский), and the towns district adjectives are named after ("Белгородский"
→ белгород). Used by the `places` and `regions` components.
"""

from __future__ import annotations

from truce.extract.morphology import Token
from truce.extract.morphology import lemmas as word_lemmas
from truce.geo import name_key

_SUFFIXES = (
    "ами", "ями", "ові", "еві", "ом", "ем", "ою", "ею", "ах", "ях", "ам", "ям", "ой", "ей", "ого",
    "ому", "у", "ю", "і", "ї", "е", "и", "а", "я",
)  # fmt: skip
_ADJECTIVE_CASES = ("ому", "ім", "ого", "ій", "ої", "ою", "ом", "ой", "ым", "ую")


def adjective_names(token: Token, lang: str) -> list[str]:
    """Names that are adjectives: у Покровському → Покровське, у Кремінній → Кремінна."""
    keys: list[str] = []
    if not token.lower.endswith(_ADJECTIVE_CASES):
        return keys  # "у Вовчанську" is Vovchansk, whatever the lemmatiser guesses
    for lemma in token.lemmas:
        if lemma.endswith(("ий", "ій", "ый")) and len(lemma) > 5:
            stem = lemma[:-2]
            keys += [stem + "е", stem + "а"] if lang == "uk" else [stem + "ое", stem + "ая"]
    return keys


def district_towns(lemma: str, *, district: bool = False) -> list[str]:
    """District adjectives name their towns: Белгородский → Белгород, Одинцовский → Одинцово."""
    keys = []
    for suffix in ("ський", "ский", "цький", "цкий"):
        if lemma.endswith(suffix) and len(lemma) > len(suffix) + 2:
            base = lemma[: -len(suffix)] + ("ц" if suffix.startswith("ц") else "")
            keys += [base, base + "о", base + "а", base + "и", base + "ськ", base + "ск"]
            keys += [base + "са", base + "си", base + "сса"]  # Одеський, Черкаський
            if district:
                keys.append(base + "ка")  # "Василівського району": of Vasylivka
            if base.endswith("ь") and len(base) > 3:
                keys.append(base[:-1] + base[-2] + "я")  # Білопільський → Білопілля
    return keys


def cyrillic_keys(token: Token, lang: str) -> list[str]:
    """Lookup keys for a Cyrillic word: as written, its lemmas, and the name forms its
    case endings hide."""
    keys = [name_key(token.text)]
    keys += [name_key(lemma) for lemma in token.lemmas]
    if "-" in token.text:
        first, _, rest = name_key(token.text).partition("-")
        keys.append(first)  # "Москва-Сити"
        # "Славянске-на-Кубани", "Ростове-на-Дону": the first part inflects.
        firsts = [first] + [
            first[: -len(suffix)] + ending
            for suffix in _SUFFIXES
            if first.endswith(suffix) and len(first) - len(suffix) >= 3
            for ending in ("", "а", "ь")
        ]
        keys += [f"{f}-{rest}" for f in firsts[1:]]
        if "-" not in rest:
            # "Каменке-Днепровской", "Каменске-Шахтинском": the second part agrees.
            rests = agreeing(tuple(name_key(x) for x in word_lemmas(rest, lang)))
            rests += [x[:-2] + "ий" for x in rests if x.endswith(("ом", "ой"))]
            keys += [f"{f}-{r}" for f in firsts for r in dict.fromkeys(rests) if r != rest]
    for lemma in token.lemmas:
        keys += district_towns(lemma)
    if lang != "en":
        lower = name_key(token.text)
        for suffix in _SUFFIXES:
            if lower.endswith(suffix) and len(lower) - len(suffix) >= 3:
                stem = lower[: -len(suffix)]
                keys += [stem, stem + "а", stem + "я"]
                if suffix in ("ах", "ях", "ами", "ями", "ам", "ям"):
                    keys += [stem + "и", stem + "і", stem + "ы"]  # над Лисками, у Сумах
                if stem.endswith("ц"):
                    keys.append(stem[:-1] + "ка")
                if lang == "uk" and len(stem) > 3 and stem[-2] == "о":
                    keys.append(stem[:-2] + "і" + stem[-1])
                if lang == "uk" and stem.endswith("ов"):
                    keys.append(stem[:-2] + "ів")
                if lang == "uk" and stem.endswith("ев"):
                    keys.append(stem[:-2] + "ів")
                if lang == "uk" and stem.endswith("єв"):
                    keys.append(stem[:-2] + "їв")  # Києва → Київ
                if suffix in ("ові", "еві") or (suffix == "і" and stem.endswith("єв")):
                    keys.append(stem + suffix[:-1] + "е")  # у Синельникові → Синельникове
                if lang == "uk" and suffix == "і":
                    keys.append(stem + "о")  # у Дубні → Дубно
                if suffix in ("е", "ом") and stem.endswith(("ов", "ев", "ин", "ын")):
                    keys.append(stem + "о")  # в Одинцове → Одинцово
    return list(dict.fromkeys(k for k in keys if len(k) >= 3))


def agreeing(lemmas: tuple[str, ...]) -> list[str]:
    """An adjective's lemma in every gender, for names like "Нова Каховка" / "Новую Каховку"."""
    out = list(lemmas)
    for lemma in lemmas:
        for ending in ("ый", "ий", "ой", "ій"):
            if lemma.endswith(ending):
                stem = lemma[:-2]
                out += [stem + "ая", stem + "а", stem + "яя", stem + "е", stem + "ое", stem + "я"]
                out += [stem + "і", stem + "ие", stem + "ые"]  # Горішні Плавні, Великие Луки
    return out


def place_keys(token: Token, lang: str) -> list[str]:
    if lang != "en":
        return cyrillic_keys(token, lang)
    key = name_key(token.text)
    keys = [key]
    if token.lower.endswith("'s"):
        key = name_key(token.lower[:-2])  # "Kherson's", "Belgorod's"
        keys.insert(0, key)
    head, _, tail = key.rpartition("-")
    if head and tail in ("based", "area", "region", "bound"):
        key = head  # "a Kharkiv-based company"
        keys.insert(0, key)
    # District names are adjectives of their towns: Tikhoretsky → Tikhoretsk, Lgovsky → Lgov.
    for suffix, repl in (
        ("skyi", "sk"),
        ("skiy", "sk"),
        ("sky", "sk"),
        ("ovsky", "ov"),
        ("ivskyi", "iv"),
        ("ivsky", "iv"),
    ):
        if key.endswith(suffix):
            keys.append(key[: -len(suffix)] + repl)
    for a, b in (("ai", "ay"), ("yi", "i"), ("iy", "y"), ("ii", "iy"), ("ia", "ya"), ("iu", "yu")):
        if a in key:
            keys.append(key.replace(a, b))
    return keys
