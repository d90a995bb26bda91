# ruff: noqa: SIM905  (word lists read best as one string)
"""What one sentence says: triggers, targets, weapons, actors, casualties and places.

Everything here works on lemmas, through each language's compiled lexicons, so that
one rule serves "struck", "атакували" and "атаковали" alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from truce.extract.lexicon import Match
from truce.extract.morphology import Token, part_of_speech, tokenize
from truce.extract.morphology import lemmas as word_lemmas
from truce.extract.packs import Pack
from truce.extract.people import first_names, person_named
from truce.geo import Place, find_facilities, gazetteer, name_key, names_water, resolve_place
from truce.geo.regions import Region

# The two states' names: where a strike happened ("in Ukraine"), never a settlement.
COUNTRY_WORDS = {
    "UA": {"ukraine", "україна", "украина"},
    "RU": {"russia", "росія", "россия", "рф"},
}
# Prepositions before a state's or capital's name that make it a place, not an actor.
_LOCATIVE = frozenset(
    "in over on at near into across of у в по на над під под біля возле около до из з із".split()
)
_BLAME = frozenset(
    {
        "by",
        "blame",
        "accuse",
        "обвинить",
        "обвинувачувати",
        "звинуватити",
        "звинувачувати",
        "обвинять",
    }
)
# Nouns of attack after which a state's name in the genitive is the attacker.
_ATTACK_NOUNS = frozenset("удар атака обстріл обстрел напад нападение агресія агрессия".split())
_DISTRICT = {
    "area",
    "district",
    "raion",
    "район",
    "районі",
    "району",
    "округ",
    "громада",
    "community",
    "hromada",
}
# Words after an adjective that make it a raion's or hromada's name ("Рыльского района").
_UNITS = ("район", "district", "громад", "hromada")
_YEARS = re.compile(r"^(year|рок|рік|річн|літн|летн|лет|год)")
_SUFFIXES = (
    "ами", "ями", "ові", "еві", "ом", "ем", "ою", "ею", "ах", "ях", "ам", "ям", "ой", "ей", "ого",
    "ому", "у", "ю", "і", "ї", "е", "и", "а", "я",
)  # fmt: skip
# States, in the three languages: "у Молдові" is no village Moldove.
_STATES = frozenset(
    """молдова румунія польща білорусь латвія литва естонія грузія казахстан туреччина
    угорщина словаччина молдавия румыния польша белоруссия беларусь латвия эстония турция
    венгрия словакия moldova romania poland belarus latvia lithuania estonia kazakhstan
    turkey hungary slovakia""".split()
).union(*COUNTRY_WORDS.values())
# Capitalised words that are names of places somewhere but never in these reports.
_NOT_PLACES = frozenset(
    [
        "armed",
        "forces",
        "ministry",
        "defence",
        "defense",
        "governor",
        "mayor",
        "president",
        "russian",
        "ukrainian",
        "russia",
        "ukraine",
        "moscow's",
        "kyiv's",
        "russia's",
        "ukraine's",
        "kremlin",
        "kremlin's",
        "enemy",
        "general",
        "the",
        "a",
        "an",
        "in",
        "on",
        "at",
        "of",
        "and",
        "but",
        "as",
        "this",
        "that",
        "these",
        "there",
        "after",
        "before",
        "during",
        "overnight",
        "tonight",
        "today",
        "yesterday",
        "earlier",
        "later",
        "debris",
        "rescuers",
        "firefighters",
        "people",
        "air",
        "iskander",
        "kinzhal",
        "kalibr",
        "shahed",
        "geran",
        "grad",
        "uragan",
        "smerch",
        "tochka",
        "storm",
        "shadow",
        "neptune",
        "tu",
        "tu-95ms",
        "su",
        "kh",
        "kab",
        "fab",
        "himars",
        "atacms",
        "north",
        "south",
        "east",
        "west",
        "central",
        "western",
        "eastern",
        "northern",
        "southern",
        "зсу",
        "всу",
        "вс",
        "рф",
        "пво",
        "ппо",
        "ова",
        "ода",
        "мзс",
        "мо",
        "сбу",
        "гур",
        "дснс",
        "мчс",
        "сили",
        "оборони",
        "збройні",
        "збройних",
        "вооруженные",
        "вооружённые",
        "силы",
        "войска",
        "ворог",
        "противник",
        "президент",
        "губернатор",
        "мер",
        "глава",
        "голова",
        "міністерство",
        "министерство",
        "росія",
        "россия",
        "україна",
        "украина",
        "уночі",
        "вночі",
        "ночью",
        "вчера",
        "вчора",
        "сьогодні",
        "сегодня",
        "внаслідок",
        "в",
        "результате",
        "уламки",
        "обломки",
        "увечері",
        "вечером",
        "вранці",
        "утром",
        "близько",
        "около",
        "также",
        "також",
        "ще",
        "еще",
    ]
)


@dataclass
class PlaceMention:
    keys: tuple[str, ...]
    text: str
    start: int  # token index
    cue: bool
    district: bool
    named: bool = False  # right after "село", "village of", "станица": a settlement for sure
    region: Region | None = None  # from "… Харьковского района" after it
    raion: str | None = None  # the adjective of the raion or hromada after it, as its lemma
    lemma: str = ""
    official: bool = False  # "Belgorod governor", "мер Харкова": whose official, not where
    known: bool = False  # the gazetteer has a place of that name


@dataclass
class RegionMention:
    region: Region
    start: int
    text: str


@dataclass
class SentenceFacts:
    index: int
    text: str
    tokens: list[Token]
    trigger: bool = False
    trigger_at: int = 0
    casualty_only: bool = False  # "five injured in hospital": no strike on the hospital
    country: str | None = None  # named as where it happened ("in Ukraine")
    blocked: bool = False
    talk: bool = False
    targets: list[Match[str]] = field(default_factory=list)
    weapons: list[Match[str]] = field(default_factory=list)
    actors: list[tuple[int, str]] = field(default_factory=list)  # token index, party
    # whose the target is ("склади окупантів", "a Russian-held depot"): token index, party
    owners: list[tuple[int, str]] = field(default_factory=list)
    killed: int | None = None
    injured: int | None = None
    places: list[PlaceMention] = field(default_factory=list)
    regions: list[RegionMention] = field(default_factory=list)
    zero: bool = False  # says nobody was hurt
    # every count the sentence gives: ("killed" | "injured", value, token index)
    counts: list[tuple[str, int, int]] = field(default_factory=list)
    no_hits: bool = False  # says nothing was hit ("Влучань не зафіксовано")
    accident: bool = False  # names a cause that is no attack ("витік побутового газу")

    @property
    def incident(self) -> bool:
        return self.trigger and not self.blocked


_ADJECTIVE_CASES = ("ому", "ім", "ого", "ій", "ої", "ою", "ом", "ой", "ым", "ую")


_CLAUSE_WORDS = frozenset("and while but whereas а але но тоді тогда".split())


def clauses(s: SentenceFacts) -> list[int]:
    """The clause number of each token: a comma, semicolon, colon or dash, or a word
    such as "and" or "а", starts a new one. Places and targets of one clause go together."""
    out, number = [], 0
    for k, token in enumerate(s.tokens):
        gap = s.text[s.tokens[k - 1].end : token.start] if k else ""
        if k and (any(c in gap for c in ",;:—–") or " - " in gap or token.lower in _CLAUSE_WORDS):
            number += 1
        out.append(number)
    return out


def _adjective_names(token: Token, lang: str) -> list[str]:
    """Names that are adjectives: у Покровському → Покровське, у Кремінній → Кремінна."""
    keys: list[str] = []
    if not token.lower.endswith(_ADJECTIVE_CASES):
        return keys  # "у Вовчанську" is Vovchansk, whatever the lemmatiser guesses
    for lemma in token.lemmas:
        if lemma.endswith(("ий", "ій", "ый")) and len(lemma) > 5:
            stem = lemma[:-2]
            keys += [stem + "е", stem + "а"] if lang == "uk" else [stem + "ое", stem + "ая"]
    return keys


def _district_towns(lemma: str, *, district: bool = False) -> list[str]:
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


def _cyrillic_keys(token: Token, lang: str) -> list[str]:
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
            rests = _agreeing(tuple(name_key(x) for x in word_lemmas(rest, lang)))
            rests += [x[:-2] + "ий" for x in rests if x.endswith(("ом", "ой"))]
            keys += [f"{f}-{r}" for f in firsts for r in dict.fromkeys(rests) if r != rest]
    for lemma in token.lemmas:
        keys += _district_towns(lemma)
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


_SETTLEMENT_NOUNS = frozenset(
    "village town city settlement hamlet село селище місто смт хутір город посёлок поселок "
    "станица хутор деревня пгт аул".split()
)


def _agreeing(lemmas: tuple[str, ...]) -> list[str]:
    """An adjective's lemma in every gender, for names like "Нова Каховка" / "Новую Каховку"."""
    out = list(lemmas)
    for lemma in lemmas:
        for ending in ("ый", "ий", "ой", "ій"):
            if lemma.endswith(ending):
                stem = lemma[:-2]
                out += [stem + "ая", stem + "а", stem + "яя", stem + "е", stem + "ое", stem + "я"]
                out += [stem + "і", stem + "ие", stem + "ые"]  # Горішні Плавні, Великие Луки
    return out


@lru_cache(maxsize=4096)
def source_regions(source: str | None, lang: str) -> frozenset[str]:
    """Regions the source's own name gives ("Чернігівська обласна військова
    адміністрація", "Kursk Region Governor"): a hint for where its reports happen."""
    if not source:
        return frozenset()
    index = gazetteer()
    found: set[str] = set()
    for token in tokenize(source, lang):
        region = (
            index.regions_by_english.get(token.lower)
            if token.text.isascii()
            else _region_adjective(token) or index.regions_by_noun.get(name_key(token.lemma))
        )
        if region is not None and token.capitalised:
            found.add(region.name)
    return frozenset(found)


_CITY_REGION = re.compile(r"(?i)(?<!\w)(city|місто|город|м\.|г\.)(?!\w)")


def region_named(name: str | None) -> str | None:
    """The region a name as sources write it means ("Харківська область", "Kharkov
    region", "Kharkivska oblast", "Белгородская обл."), as the gazetteer names it, or
    None. Structured reports spell regions every way; merging compares them."""
    if not name or not name.strip():
        return None
    index = gazetteer()
    known = index.regions_by_name.get(name.strip())
    if known is not None:
        return known.name
    city = _CITY_REGION.sub(" ", name)
    if city != name:
        # "Kyiv City", "м. Київ", "г. Севастополь": a city that is a region of its own.
        place = index.place(" ".join(city.split()))
        own = index.regions_by_name.get(place.region or "") if place else None
        if own is not None and own.kind == "city":
            return own.name
    if name.isascii():
        # A romanised adjective ("Kharkivska", "Odeskaya") names the region by its stem.
        plain = re.sub(r"(?i)(s'?k(a|aya|yi|iy)|skaja)\b", "", name.replace("’", "'"))
        candidates = [("en", name), ("en", plain)]
    else:
        candidates = [("uk", name), ("ru", name)]
    for lang, text in candidates:
        found = source_regions(text.title() if text.islower() else text, lang)
        if len(found) == 1:
            return next(iter(found))
    return None


_CITY_WORDS = frozenset(
    """city mayor town municipal міський міська мер голова городской городская мэр города
    міста""".split()
)
# A body that speaks for a city when no region word says otherwise ("Администрация
# Энергодара", but not "Харьковская областная военная администрация").
_BODY_WORDS = frozenset("administration council адміністрація рада администрация совет".split())
_REGION_WORDS = frozenset(
    """regional region oblast governor обласний область губернатор областной ова ода
    республика республіка""".split()
)


@lru_cache(maxsize=4096)
def source_city(source: str | None, lang: str) -> Place | None:
    """The city a city's own source speaks for ("Kharkiv City Military Administration",
    "Администрация города Горловки", "Харьковский городской голова"): where its posts
    happen when they name no place."""
    if not source:
        return None
    tokens = tokenize(source, lang)
    words = {w for t in tokens for w in (t.lower, *t.lemmas[:1])}
    city = not _CITY_WORDS.isdisjoint(words)
    body = not _BODY_WORDS.isdisjoint(words) and _REGION_WORDS.isdisjoint(words)
    if not city and not body:
        return None
    for token in tokens:
        if token.capitalised and token.lower not in _CITY_WORDS | _BODY_WORDS:
            place = resolve_place(_keys(token, lang), cue=False, countries=("UA", "RU"))
            if place is not None and place.population >= 10000:
                return place
    return None


def _district_region(token: Token) -> Region | None:
    """The region of the town a district adjective is named after ("Василівського
    району": Vasylivka, Zaporizhzhia Oblast), when the towns it may mean agree on one."""
    index = gazetteer()
    towns = [
        p
        for lemma in token.lemmas
        for key in _district_towns(lemma, district=True)
        for p in index.lookup(key)
        if p.population >= 5000 and p.region
    ]
    regions = {p.region for p in towns}
    if len(regions) != 1:
        return None  # "Климовского района": Klimovo (Bryansk) or Klimovsk (Moscow)?
    return index.regions_by_name.get(regions.pop() or "")


def _region_adjective(token: Token) -> Region | None:
    """The region an adjective names ("Донецькій" → Donetsk Oblast), by lemma or, when
    the lemmatiser guesses another lemma, by the adjective's stem."""
    table = gazetteer().regions_by_adjective
    for lemma in token.lemmas:
        if lemma in table:
            return table[lemma]
    word = token.lower
    for adjective, region in table.items():
        if len(adjective) > 5 and word.startswith(adjective[:-2]):
            return region
    return None


# Officials named after a place ("the Belgorod governor", "Kharkiv regional
# administration head") or before it ("мер Харкова", "губернатор Курска").
_OFFICIALS = frozenset(
    """governor mayor official authority administration head chief police prosecutor
    spokesperson spokesman spokeswoman council мер голова губернатор глава очільник
    начальник керівник мэр""".split()
)
_CAPITALS = frozenset("moscow kyiv kiev minsk москва київ киев мінськ минск".split())
_SPEECH = frozenset(
    "say said says claim accuse announce report insist deny denied warn blame".split()
)
_OFFICE_WORDS = frozenset("regional city oblast military local acting".split())


def _official(tokens: list[Token], i: int, span: int, text: str) -> bool:
    """Whether the place at `i` names an official's seat, not where something happened."""
    k = i + span
    if k < len(tokens) and text[tokens[k - 1].end : tokens[k].start].strip():
        return i > 0 and tokens[i - 1].lemma in _OFFICIALS  # "Kupiansk, the governor said"
    while k < len(tokens) and tokens[k].lower in _OFFICE_WORDS:
        k += 1
    if k < len(tokens) and not tokens[k].capitalised and tokens[k].lemma in _OFFICIALS:
        return True
    if (
        k < len(tokens)
        and tokens[i].lemma in _CAPITALS
        and not _SPEECH.isdisjoint(tokens[k].lemmas)
    ):
        return True  # "Moscow said …", "Kyiv denied …": a government speaking
    return (
        i > 0
        and tokens[i - 1].lemma in _OFFICIALS
        and tokens[i - 1].lower
        not in (
            "administration",
            "council",
        )
    )


_QUOTES = frozenset("«\"“„'‘")
NEAR = frozenset("near outside під біля поблизу неподалік под около возле близ".split())
# Nouns whose name follows them and is no settlement's: streets, squares, ships.
_NAMED_THINGS = frozenset(
    """street avenue square boulevard lane вулиця вул проспект просп площа бульвар провулок
    узвіз шосе улица ул площадь переулок ship vessel
    frigate corvette submarine tanker корабель корабль судно фрегат корвет танкер""".split()
)
# An airfield is named after the town beside it ("аэродром «Энгельс»", "Аеродром
# Старокостянтинова"): the name places it, within a few kilometres.
_AIRFIELDS = frozenset("airfield airbase аеродром аэродром авіабаза авиабаза".split())
# Nouns an adjective-like name modifies: "на Северной стороне", "на Лівому березі".
_ADMINISTRATIONS = frozenset("ова ода мва вца рва рда гва".split())
_SIDES = frozenset("сторона бік берег side bank".split())

# Parts of speech of a capitalised first word that is no place name.
_NOT_NAMES = frozenset("ADJF ADJS VERB INFN PRTF PRTS GRND ADVB NPRO PRED PREP CONJ PRCL".split())


def _keys(token: Token, lang: str) -> list[str]:
    if lang != "en":
        return _cyrillic_keys(token, lang)
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


def _number(token: Token, pack: Pack) -> int | None:
    if token.text.isdigit():
        return int(token.text)
    if token.lower in pack.numbers:
        return pack.numbers[token.lower]  # "dozens" (of cattle) counts no one
    for lemma in token.lemmas:
        value = pack.numbers.get(lemma)
        if value is not None:
            return value
    tens, _, units = token.lower.partition("-")
    if units and (pack.numbers.get(tens) or 0) >= 20 and 0 < (pack.numbers.get(units) or 0) < 10:
        return (pack.numbers.get(tens) or 0) + (pack.numbers.get(units) or 0)  # "forty-three"
    return None


_LIFE = frozenset("life live життя жизнь".split())
_TAKE_LIFE = frozenset("claim take cost lost lose забрати забирати унести уносить забрать".split())
_SEEK_HELP = frozenset("seek sought звернутися обратиться".split())
_MEDICAL_HELP = frozenset(
    "medical help treatment attention допомога медичний медпомощь помощь медицинский".split()
)
_RISE = frozenset(
    """rise climb reach increase grow зрости зростати збільшитися сягнути досягти
    вирости вырасти возрасти увеличиться достичь достигнуть""".split()
)
_AND = frozenset("and і та и й".split())
_NONE_WORDS = frozenset("немає нема нет відсутні отсутствуют".split())
# "Інформації про постраждалих немає", "данных о пострадавших нет": not known, not none.
_NO_DATA = frozenset("інформація дані відомості информация данные сведения".split())


def _subset(tokens: list[Token], j: int) -> bool:
    """ "Seven people, four of them children", "з них двоє дітей": a part of a count."""
    after = [t.lower for t in tokens[j + 1 : j + 3]]
    before = [t.lower for t in tokens[max(0, j - 2) : j]]
    return after in (["of", "them"], ["of", "whom"]) or (
        bool(before) and before[-1] in ("них", "яких", "которых", "whom")
    )


_SUBSET = frozenset("including among них серед включая числе зокрема".split())
_SINGULAR = ("ла", "л", "в", "б", "ен", "ена", "ний", "на", "ан", "ана")
_FILLERS = frozenset(
    "other others more were are was have has of people persons including more з із из них "
    "людина людей осіб особи человек человека людей них ще ещё еще "
    # "ще троє дістали поранення", "пятеро получили ранения", "two sustained injuries"
    "дістати отримати зазнати получить sustain suffer receive".split()
)
# Words before a figure that make it an age ("aged 45 and 62", "віком 70 років").
_AGE = frozenset("aged age віком вік возрасте возраст".split())
# Determiners and the like between two people joined by "and" ("a man and a woman").
_BETWEEN_PERSONS = frozenset(
    "a an the her his their its another one elderly young local older other її його їхня "
    "його їх ее его их одна один ще ещё еще літня пожилая пожилой молода молодая".split()
)
_PLURAL_PERSONS = frozenset(
    """people люди людей мирные жители residents civilians мешканці человек людина persons
    children women men workers employees passengers діти дітей дети детей жінки женщины
    чоловіки мужчины мешканців жителей цивільні цивільних мирних""".split()
)


def _counts_people(after: Token, pack: Pack) -> bool:
    """Whether the word after a figure makes it a count of people ("12 people", "троє
    людей", "five injured") rather than of buses, drones or shells."""
    if not after.lemmas or after.lower in _FILLERS:
        return True
    lemmas = set(after.lemmas)
    return not lemmas.isdisjoint(pack.persons | pack.killed | pack.injured | _FILLERS)


_PAIRS = frozenset("couple подружжя супруги".split())
_VERB_FILLERS = frozenset("were are was have has been є було были было".split())


def _counts_people_before(between: list[Token], pack: Pack) -> bool:
    """Whether the words between a figure and the casualty word after it make the figure
    a count of people: "12 people were killed", "five were injured", not "Fifty buses
    were damaged, a worker was killed"."""
    if not between or between[0].lower in _VERB_FILLERS:
        return True  # "eight were rescued with injuries"
    words = [t for t in between if t.lower not in _VERB_FILLERS][:2]
    return any(_counts_people(t, pack) for t in words)


def _distance(tokens: list[Token], text: str, number: int, keyword: int) -> int:
    """How far a number is from a casualty word: figures usually come first ("12
    dead"), and a comma between the two usually means another clause."""
    lo, hi = sorted((number, keyword))
    comma = "," in text[tokens[lo].end : tokens[hi].start]
    return hi - lo + (0 if number < keyword else 1) + (2 if comma else 0)


def _count_near(
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
        value = _number(tokens[j], pack)
        if value is None or ":" in tokens[j].text or _is_age(tokens, j, pack):
            continue
        distance = _distance(tokens, text, j, i)
        if any(
            _distance(tokens, text, j, k) < distance
            and not any(t.lower in _AND for t in tokens[min(j, k) + 1 : max(j, k)])
            and not any(
                mark in text[tokens[min(j, k)].end : tokens[max(j, k)].start]
                for mark in (";", ". ", ":")
            )
            for k in keywords
            if k != i
        ):
            continue  # nearer another casualty word, unless "… four people and wounding"
        if _subset(tokens, j):
            continue
        if j > i and any(t.lower in ("and", "і", "и", "та", "й") for t in tokens[i + 1 : j]):
            continue
        after = tokens[j + 1].lower if j + 1 < len(tokens) else ""
        if _YEARS.match(after) or text[tokens[j].end : tokens[j].end + 5].startswith(
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
        if j > 0 and tokens[j - 1].lower in _SUBSET:
            continue  # "16 people, including seven children": seven are among the 16
        if j < i and j + 1 < i and not _counts_people_before(tokens[j + 1 : i], pack):
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
        and word.endswith(_SINGULAR)
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
            _is_age(tokens, k, pack) or tokens[k].lower in _BETWEEN_PERSONS or "-" in tokens[k].text
            for k in range(i + 1, j)
        ):
            break  # "killing a 67-year-old woman" reaches past the age; nothing else does
        if (
            tokens[j].lower in _PLURAL_PERSONS
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
        return _persons_listed(tokens, j, pack, text)
    return None


def _is_age(tokens: list[Token], j: int, pack: Pack) -> bool:
    """Whether the figure at `j` is an age: "aged 45 and 62", "віком 70", "54-year-old"."""
    k = j - 1
    while k >= 0 and (tokens[k].text.isdigit() or tokens[k].lower in ("and", "і", "та", "и")):
        k -= 1
    if k >= 0 and k < j and tokens[k].lower in _AGE:
        return True
    return j + 1 < len(tokens) and bool(_YEARS.match(tokens[j + 1].lower))


def _persons_listed(tokens: list[Token], j: int, pack: Pack, text: str) -> int:
    """How many people a list starting with the person noun at `j` names ("a man, a
    woman and a child": three)."""
    count, listed, k = 1, 0, j + 1
    if tokens[j].lemma in _PAIRS:
        return 2  # "a married couple", "подружжя"
    while k < len(tokens):
        gap = text[tokens[k - 1].end : tokens[k].start]
        joined = tokens[k].lower in ("та", "і", "й", "и", "and")
        if "," not in gap and not joined:
            break
        m = k + 1 if joined else k
        while m < len(tokens) and (
            tokens[m].lower in _BETWEEN_PERSONS
            or _is_age(tokens, m, pack)
            or "-" in tokens[m].text
            or (m > k and tokens[m - 1].text.isdigit() and _YEARS.match(tokens[m].lower))
        ):
            m += 1
        if m >= len(tokens) or pack.persons.isdisjoint(tokens[m].lemmas[:1]):
            break
        listed += 1
        if joined:  # "a man, a woman and a child"; not "the driver, a man, died"
            count, listed = count + listed, 0
        k = m + 1
    return count


# Words that end the phrase an actor adjective heads ("Kyiv with drones" names no actor).
_PHRASE_BREAKS = frozenset(
    """with by at on in of from to into was were is are has have had and or for after the
    that which who overnight said з із с по на у в від от до та і и а для під под за що что
    який который""".split()
)


def _before_force(tokens: list[Token], i: int, pack: Pack, text: str) -> bool:
    """Whether the actor adjective or state at `i` heads a force noun within three words:
    "Russian drones", "Moscow's forces", "Kyiv's military", "російські окупаційні війська"."""
    for k in range(i + 1, min(len(tokens), i + 4)):
        if any(mark in text[tokens[k - 1].end : tokens[k].start] for mark in ",;:.()"):
            return False
        if not pack.force_nouns.isdisjoint(tokens[k].lemmas):
            return True
        if pack.weapons.match_at(tokens, k) is not None:
            return True  # "a Russian Shahed", "російський Іскандер"
        if tokens[k].lower in _PHRASE_BREAKS:
            return False
    return False


# Verbs that, with a drone or missile as their object, say what was done to the weapon
# (shot down, launched), not what it hit.
_INTERCEPT = frozenset(
    """destroy intercept neutralise neutralize down shoot launch знищити знищувати збити
    перехопити знешкодити подавити запустити випустити уничтожить уничтожать сбить
    перехватить подавить нейтрализовать запустить выпустить""".split()
)


def _intercepted(
    tokens: list[Token], start: int, end: int, facts: SentenceFacts, pack: Pack
) -> bool:
    """Whether a "destroyed" says what air defences did to drones or missiles ("destroyed
    25 drones", "12 БпЛА знищено") rather than what a strike did to a target."""
    if _INTERCEPT.isdisjoint(tokens[start].lemmas):
        return False
    targets_after = [t.start for t in facts.targets if t.start >= end]
    for w in facts.weapons:
        if end <= w.start <= end + 6 and not any(t <= w.start for t in targets_after):
            return True
        if start - 4 <= w.start < start and not targets_after:
            return True
    return False


_CLAUSE_START = frozenset(
    "after following since when as because while після після коли бо после когда так".split()
)
# "after", "following" that put a strike in the past of what the sentence reports.
_AFTER = frozenset("after following since після после".split())
_LONG_UNITS = frozenset("year month рік роки місяць год лет месяц".split())
_START = frozenset("start beginning початок начало".split())
_PERIOD_WORDS = frozenset("in since during from у в з із с".split())
_MONTH_NAMES = frozenset(
    """january february march april may june july august september october november
    december січень лютий березень квітень травень червень липень серпень вересень
    жовтень листопад грудень январь февраль март апрель май июнь июль август сентябрь
    октябрь ноябрь декабрь""".split()
)
_TALLY_UNITS = frozenset("week month тиждень місяць неделя месяц".split())
_LAST = frozenset(
    """last past previous минулого минулої минулий минулу прошлой прошлого прошлый прошлую
    прошедшую прошедший минувшую минувший""".split()
)
# Work that follows a past strike: "restored power … after …" reports no new one.
_REPAIRS = frozenset(
    """restore repair reconnect rebuild reopen відновити відновлювати полагодити
    відремонтувати восстановить восстанавливать отремонтировать починить""".split()
)
_TIME_UNITS = frozenset(
    "year month week day years months weeks days рік місяць тиждень день год месяц неделя".split()
)
# What a strike leaves behind, said before "after": the strike is this report's news.
_CONSEQUENCES = frozenset(
    "outage blackout знеструмити знеструмлення знеструмлений обесточить обесточенный "
    "обесточение".split()
)
_SUPPLY = frozenset(
    "power electricity light світло електропостачання електроенергія свет электроснабжение "
    "электроэнергия".split()
)


def _retrospective(
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
            and _number(tokens[a + 1], pack) is not None
        ):
            return -1  # "за три роки війни", "over two years": a tally, not a strike
        if (
            token.lower in ("over", "за", "протягом", "during")
            and any(t.lemma in _TALLY_UNITS for t in tokens[a + 1 : a + 4])
            and any(t.lower in _LAST for t in tokens[a + 1 : a + 3])
        ):
            return -1  # "over the past week", "за минулий тиждень": a tally
        if token.lower in ("since", "з", "с") and any(
            t.lemma in _START for t in tokens[a + 1 : a + 3]
        ):
            return -1  # "since the start of the invasion", "з початку вторгнення"
        if token.lower in _PERIOD_WORDS and a + 1 < len(tokens):
            month = tokens[a + 1]
            named = month.lemma in _MONTH_NAMES and (month.capitalised or pack.lang != "en")
            if named or (token.lower == "since" and month.lower == "then"):
                return -1  # "In September 2024, 208 civilians were killed", "з березня"
    for a, token in enumerate(tokens):
        if token.lower not in _AFTER:
            continue
        if a > 0 and tokens[a - 1].lemma in _TIME_UNITS:
            return a  # "a year after the strike", "через тиждень після"
        if a < 3:
            return None  # "After a drone attack, a fire broke out …"
        before = tokens[:a]
        strikes = [t for t in triggers if t.value]  # "fragments found after …" reports none
        casualty = pack.killed | pack.injured
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


# Words of a clause that says who reported ("…, the head of the regional
# administration said", "повідомили в Офісі генпрокурора"), not what was hit.
_ATTRIBUTION = frozenset(
    """say said tell told report reported according write wrote post posted announce
    announced add added confirm confirmed note noted head spokesman spokesperson
    spokeswoman governor mayor повідомити повідомляти заявити написати зазначити додати
    розповісти інформувати уточнити голова начальник очільник речник сообщить сообщать
    заявить написать отметить добавить рассказать уточнить глава губернатор мэр
    пресс-служба пресслужба""".split()
)


def _attribution(tokens: list[Token], target: Match[str], text: str, struck: set[int]) -> bool:
    """Whether a target word stands in a clause that only attributes the report:
    "…, the head of the regional military administration said"."""
    lo = target.start
    while lo > 0 and not any(m in text[tokens[lo - 1].end : tokens[lo].start] for m in ",;:—("):
        lo -= 1
    hi = target.end
    while hi < len(tokens) and not any(
        m in text[tokens[hi - 1].end : tokens[hi].start] for m in ",;:—)"
    ):
        hi += 1
    if not any(not _ATTRIBUTION.isdisjoint(t.lemmas) for t in tokens[lo:hi]):
        return False
    return not any(lo <= k < hi for k in struck)


# The auxiliaries of a passive: "was accused", "is said", "got blamed".
_PASSIVE = frozenset({"be", "get"})


def _claimants_and_owners(facts: SentenceFacts, pack: Pack) -> None:
    """Who said it and whose target it was are not who struck: "Окупанти заявили про
    атаку" names a claimant, "склади з боєприпасами окупантів", "російський склад",
    "a Russian-held depot" the target's owner (so the attacker is the other side)."""
    tokens, n = facts.tokens, len(facts.tokens)

    def says(at: int) -> bool:
        if facts.trigger and at >= facts.trigger_at:
            return False
        end = min(n, at + 4, facts.trigger_at if facts.trigger else n)
        for k in range(at + 1, end):
            if not pack.speech.isdisjoint(tokens[k].lemmas):
                # "Russia was accused of …", "Ukraine is said to have …": a passive
                # names whom it is said of, not who says it.
                return not any(not _PASSIVE.isdisjoint(tokens[j].lemmas) for j in range(at + 1, k))
        return False

    owned: set[int] = set()
    for t in facts.targets:
        k = t.start - 1
        if k >= 0:
            head, _, tail = tokens[k].lower.partition("-")
            party = pack.actor_adjectives.get(tokens[k].lemma)
            if party is None and tail and not pack.held.isdisjoint((tail,)):
                party = pack.actor_adjectives.get(head) or pack.actor_adjectives.get(
                    tokens[k].lemma.partition("-")[0]
                )
            if party is None and k > 0 and not pack.held.isdisjoint(tokens[k].lemmas):
                party = pack.actor_adjectives.get(tokens[k - 1].lemma)  # "Russian held"
            if party is not None:
                facts.owners.append((k, party))
                owned.add(k)
        for at, party in facts.actors:
            if at == t.end and pack.lang != "en":  # a genitive after the target
                facts.owners.append((at, party))
                owned.add(at)
    facts.actors = [(at, p) for at, p in facts.actors if at not in owned and not says(at)]


def sentence_facts(index: int, text: str, tokens: list[Token], pack: Pack) -> SentenceFacts:
    facts = SentenceFacts(index, text, tokens)
    triggers = pack.triggers.find(tokens, text)
    struck = {trig.start for trig in triggers}
    facts.targets = [
        t
        for t in pack.targets.find(tokens, text)
        if t.value
        and not _attribution(tokens, t, text, struck)
        # "MLRS launch from a residential area": where the fire came from, not its target
        and not (pack.lang == "en" and t.start > 0 and tokens[t.start - 1].lower == "from")
        # "у Білій Церкві", "в Белой Церкви": a town's name, not a church
        and not (
            pack.lang != "en"
            and t.start > 0
            and tokens[t.start].text.istitle()
            and tokens[t.start - 1].text.istitle()
            and t.start - 1 > 0
        )
    ]
    if pack.lang == "en":
        # "a nine-storey building", "a five-story block": a block of flats.
        for k in range(len(tokens) - 1):
            if (
                tokens[k].lower.endswith(("-storey", "-story", "-storied", "-floor"))
                and tokens[k + 1].lemma in ("building", "block", "tower")
                and not any(t.start <= k + 1 < t.end for t in facts.targets)
            ):
                phrase = text[tokens[k].start : tokens[k + 1].end]
                facts.targets.append(Match("civilian.residential", k, k + 2, phrase))
        facts.targets.sort(key=lambda t: t.start)
        # "a university dormitory", "a school bus": the last noun says what was hit.
        facts.targets = [
            t
            for k, t in enumerate(facts.targets)
            if not (
                k + 1 < len(facts.targets)
                and facts.targets[k + 1].start == t.end
                and text[tokens[t.end - 1].end : tokens[t.end].start].strip() == ""
            )
        ]
    facts.weapons = pack.weapons.find(tokens, text)
    facts.talk = bool(pack.talk.find(tokens, text))
    facts.no_hits = bool(pack.no_hits.find(tokens, text))
    facts.accident = bool(pack.accidents.find(tokens, text))
    # "attack drones", "strike UAVs": a strike word that only says what kind of weapon.
    # One that ends with the weapon's words is the strike itself ("air strikes").
    triggers = [
        trig
        for trig in triggers
        if not any(w.start <= trig.start and trig.end < w.end for w in facts.weapons)
    ]
    blocked_at: list[tuple[int, bool]] = []
    negated_at: list[tuple[int, bool]] = []
    strong = False
    past_from = _retrospective(tokens, text, pack, triggers, facts.targets)
    for trig in triggers:
        window = tokens[max(0, trig.start - 4) : trig.start]
        # A negation in the clause before "after" or a comma is not this strike's.
        for k in range(len(window) - 1, -1, -1):
            gap = text[
                window[k].end : tokens[trig.start].start
                if k == len(window) - 1
                else window[k + 1].start
            ]
            if window[k].lower in _CLAUSE_START or "," in gap:
                window = window[k + 1 :]
                break
        negated = any(
            not pack.blockers.isdisjoint(t.lemmas[:1])
            # "School No. 24 shelled": a number sign, not a negation
            and not (text[t.end : t.end + 1] == "." and t.lower in ("no", "nos"))
            for t in window
        )
        # A weak word ("fell", "fire") reports a strike only beside what was hit.
        blocked = negated or (not trig.value and not facts.targets)
        # "Air defences destroyed 25 drones": an interception, no strike.
        blocked = blocked or _intercepted(tokens, trig.start, trig.end, facts, pack)
        # "Power was restored in Kharkiv after last week's strikes": no new strike.
        blocked = blocked or (past_from is not None and trig.start > past_from)
        blocked_at.append((trig.start, blocked))
        negated_at.append((trig.start, negated))
        if not blocked and (not facts.trigger or (trig.value and not strong)):
            # The first word that reports a strike by itself, else the first weak one:
            # "missiles fired from a submarine hit an office building".
            facts.trigger = True
            facts.trigger_at = trig.start
            strong = trig.value
    facts.blocked = bool(triggers) and not facts.trigger
    if triggers and not facts.trigger:
        # Where the strike word stands, blocked or not, still orders the actors:
        # "Ukraine's air force said Russia fired …".
        facts.trigger_at = triggers[0].start
    casualty_words = pack.killed | pack.injured
    facts.casualty_only = all(
        blocked or not casualty_words.isdisjoint(tokens[start].lemmas)
        for start, blocked in blocked_at
    )
    if facts.trigger and pack.denials.find(tokens, text):
        facts.trigger, facts.blocked = False, True

    def in_blocked_clause(at: int) -> bool:
        """True when the nearest strike word before `at` was negated or hypothetical
        ("a pause in Russian air strikes against its power grid")."""
        before = [negated for start, negated in negated_at if start <= at]
        return bool(before) and before[-1]

    facts.targets = [
        t
        for t in facts.targets
        if not in_blocked_clause(t.end - 1)
        # "Russian troops shelled …", "missiles fired from a submarine hit …": the
        # attacker, not the target; a depot or an airfield is never the attacker.
        and not (
            t.value.startswith("military")
            and facts.trigger
            and t.start < facts.trigger_at
            and not pack.attacker_nouns.isdisjoint(tokens[t.end - 1].lemmas)
        )
    ]
    facts.weapons = [w for w in facts.weapons if not in_blocked_clause(w.end - 1)]
    n = len(tokens)
    # Actors
    actor_tokens: set[int] = set()
    for match in pack.actor_nouns.find(tokens, text):
        if match.value:  # not "air defence forces", which are nobody's attackers
            facts.actors.append((match.start, match.value))
        actor_tokens.update(range(match.start, match.end))
    for i, token in enumerate(tokens):
        party = pack.actor_adjectives.get(token.lemma)
        if party is not None and _before_force(tokens, i, pack, text):
            facts.actors.append((i, party))
    for match in pack.state_nouns.find(tokens, text):
        before = tokens[match.start - 1].lemma if match.start > 0 else ""
        if match.start > 0 and not _BLAME.isdisjoint(tokens[match.start - 1].lemmas):
            before = "by"
        following = {lemma for t in tokens[match.end : match.end + 2] for lemma in t.lemmas}
        # "Kyiv attacked …" names an actor; "drones struck Kyiv, damaging …" a place.
        acts = any(
            pack.triggers.match_at(tokens, k)
            and not any(c in text[tokens[match.end - 1].end : tokens[k].start] for c in ",;.:")
            for k in range(match.end, min(n, match.end + 3))
        ) and not (match.start > 0 and pack.triggers.match_at(tokens, match.start - 1))
        if (
            acts
            or before in _BLAME
            or before in _ATTACK_NOUNS  # "удар РФ по Дніпру", "атака России"
            or not following.isdisjoint(_BLAME)
        ) and before not in _LOCATIVE:
            facts.actors.append((match.start, match.value))
            actor_tokens.update(range(match.start, match.end))
    for i, token in enumerate(tokens[:-1]):
        if token.lower in ("its", "their") and tokens[i + 1].lower in (
            "own",
            "forces",
            "troops",
            "military",
            "drones",
        ):
            states = [party for at, party in facts.actors if at < i and party != "ENEMY"]
            states += [m.value for m in pack.state_nouns.find(tokens[:i], text)]
            if states:
                facts.actors.append((i, states[-1]))

    def next_trigger_blocked(at: int) -> bool:
        """ "Russia denied striking …", "Ukraine would never attack …": no actor of a
        strike. A weak strike word with nothing hit ("the enemy fired shells") still
        names who fired."""
        after = [negated for start, negated in negated_at if start >= at]
        return bool(after) and after[0]

    facts.actors = sorted((at, party) for at, party in facts.actors if not next_trigger_blocked(at))
    _claimants_and_owners(facts, pack)
    # Casualties
    zero_spans: set[int] = set()
    zeros = pack.no_casualties.find(tokens, text)
    for match in zeros:
        zero_spans.update(range(match.start, match.end))
    keywords: list[tuple[int, str]] = []
    for i, token in enumerate(tokens):
        if i in zero_spans:
            continue
        lemmas = token.lemmas
        if not pack.killed.isdisjoint(lemmas):
            keywords.append((i, "killed"))
        elif not pack.injured.isdisjoint(lemmas):
            keywords.append((i, "injured"))
        elif (
            i > 0
            and not _LIFE.isdisjoint(lemmas)
            and not _TAKE_LIFE.isdisjoint(tokens[i - 1].lemmas + tokens[max(0, i - 2)].lemmas)
        ):
            keywords.append((i, "killed"))  # "claimed the lives of", "унёс жизни"
        elif not _SEEK_HELP.isdisjoint(lemmas) and any(
            not _MEDICAL_HELP.isdisjoint(t.lemmas) for t in tokens[i + 1 : i + 4]
        ):
            keywords.append((i, "injured"))  # "13 человек обратились за медпомощью"
    # "No one was killed or injured", "nobody had been hurt": none, and "one" no count.
    nobody: dict[int, str] = {}
    for i, kind in keywords:
        lead = [t.lower for t in tokens[max(0, i - 5) : i]]
        if "nobody" in lead or "none" in lead or ("no", "one") in pairwise(lead):
            nobody[i] = kind
    for i, kind in keywords:
        if i in nobody or (i > 0 and tokens[i - 1].lower in ("не", "no", "ні", "not")):
            continue
        count = _count_near(tokens, i, pack, text, [k for k, _ in keywords])
        if count is None:
            continue
        facts.counts.append((kind, count, i))
        if kind == "killed" and facts.killed is None:
            facts.killed = count
        elif kind == "injured" and facts.injured is None:
            facts.injured = count
    counted = facts.killed is not None or facts.injured is not None
    for match in zeros:
        if counted and tokens[match.start].lower in ("не", "not"):
            continue  # "двоє травмувалися, діти не постраждали": only the children
        if match.value in ("both", "killed") and facts.killed is None:
            facts.killed = 0
        if match.value in ("both", "injured") and facts.injured is None:
            facts.injured = 0
        facts.zero = True
    for kind in nobody.values():
        if kind == "killed" and facts.killed is None:
            facts.killed = 0
        if kind == "injured" and facts.injured is None:
            facts.injured = 0
        facts.zero = True
    # "Загиблих і травмованих немає", "раненых нет", "Постраждалих, за його даними,
    # немає": none of either kind.
    for k, (i, kind) in enumerate(keywords):
        ahead = [t.lower for t in tokens[i + 1 : i + 6]]
        stop = next(
            (m for m, t in enumerate(tokens[i + 1 : i + 6]) if t.text[:1].isdigit()),
            len(ahead),
        )
        unknown = any(not _NO_DATA.isdisjoint(t.lemmas) for t in tokens[max(0, i - 3) : i])
        if not _NONE_WORDS.isdisjoint(ahead[:stop]) and not counted and not unknown:
            kinds = {kind}
            if k > 0 and keywords[k - 1][0] == i - 2 and tokens[i - 1].lower in _AND:
                kinds.add(keywords[k - 1][1])
            facts.killed = 0 if "killed" in kinds and facts.killed is None else facts.killed
            facts.injured = 0 if "injured" in kinds and facts.injured is None else facts.injured
            facts.zero = True
    # "The death toll rose to seven", "кількість поранених зросла до 30": the new total.
    for r, token in enumerate(tokens):
        if _RISE.isdisjoint(token.lemmas):
            continue
        m = r + 1
        if m < n and tokens[m].lower in ("to", "до"):
            m += 1
        value = _number(tokens[m], pack) if m < n else None
        prior = [
            (k, kind)
            for k, kind in keywords
            if r - 12 <= k < r or (k < r and tokens[k].lemma in ("toll", "число", "кількість"))
        ]
        if value is None or not prior or _is_age(tokens, m, pack):
            continue
        if prior[-1][1] == "killed":
            facts.killed = value
        else:
            facts.injured = value
    # A country named as the place ("in Ukraine", "в Україні", "по России")
    for i, token in enumerate(tokens[1:], start=1):
        for code, words in COUNTRY_WORDS.items():
            named = token.lower in words or not words.isdisjoint(token.lemmas[:1])
            if named and tokens[i - 1].lower in ("in", "у", "в", "across", "по"):
                facts.country = facts.country or code
            # "по объектам энергетики Украины": the country of the target named before it
            if token.lower in ("україни", "украины", "росії", "россии") and any(
                t.start < i <= t.end + 1 for t in facts.targets
            ):
                facts.country = facts.country or code
    # Regions and places
    index_geo = gazetteer()
    used: set[int] = set()
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
                facts.regions.append(RegionMention(region, i, f"{token.text} {nxt.text}"))
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
                facts.regions.append(RegionMention(region, i, tokens[i + 2].text))
                used.update((i, i + 1, i + 2))
                continue
        for key in {name_key(token.text), *(name_key(lemma) for lemma in token.lemmas)}:
            region = index_geo.regions_by_noun.get(key)
            towards = i > 0 and tokens[i - 1].lower in ("до", "to", "towards", "into")
            if region is not None and token.capitalised and not towards:
                facts.regions.append(RegionMention(region, i, token.text))
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
                region = _region_adjective(tokens[k])
                if region is None:
                    break
                facts.regions.append(RegionMention(region, k, tokens[k].text))
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
                    facts.regions.append(RegionMention(region, k, tokens[k].text))
                    used.add(k)
                    k -= 1
                    if k >= 0 and tokens[k].lower in ("and", "or"):
                        k -= 1
    skip_next = False
    i = 0
    while i < n:
        token = tokens[i]
        if skip_next or i in used or i in actor_tokens or not token.capitalised:
            skip_next = False
            i += 1
            continue
        airfield = i > 0 and not _AIRFIELDS.isdisjoint(tokens[i - 1].lemmas)
        if token.start > 0 and text[token.start - 1] in _QUOTES and not airfield:
            i += 1  # «Азову», "Азовсталь": a unit's, a firm's or a facility's name
            continue
        if (
            not token.text[0].isalpha()
            or token.lower in _NOT_PLACES
            or len(token.text) < 3
            or not _STATES.isdisjoint((token.lower, *token.lemmas[:2]))
        ):
            i += 1
            continue
        joined = i + 1 < n and text[token.end : tokens[i + 1].start] == " "
        if joined and (
            (tokens[i + 1].capitalised and person_named(tokens[i + 1].text) is not None)
            or (token.lower in first_names() and tokens[i + 1].text.istitle())
        ):
            i += 2
            continue
        if token.lower in first_names() and not (i > 0 and tokens[i - 1].lower in _LOCATIVE):
            i += 1  # "Volodymyr" alone is a man, "in Vladimir" a city
            continue
        span = 1
        keys: list[str] = []
        if (
            joined
            and tokens[i + 1].capitalised
            and i + 1 not in used
            and tokens[i + 1].lower not in _NOT_PLACES
        ):
            a, b = tokens[i], tokens[i + 1]
            keys.append(name_key(f"{a.text} {b.text}"))
            keys += [name_key(f"{x} {y}") for x in _agreeing(a.lemmas) for y in b.lemmas]
            if pack.lang != "en":
                keys += [
                    f"{x} {y}"
                    for x in _cyrillic_keys(a, pack.lang)[:6]
                    for y in _cyrillic_keys(b, pack.lang)[:8]
                ]
            if any(index_geo.lookup(k) for k in keys):
                span = 2
            elif (
                i > 0
                and not _SETTLEMENT_NOUNS.isdisjoint(tokens[i - 1].lemmas)
                and not (i + 2 < n and tokens[i + 2].lower.startswith(_UNITS))
            ):
                span = 2  # "деревня Старая Николаевка", not "селом Локоть Рыльского района"
            elif (
                i > 0
                and _SETTLEMENT_NOUNS.isdisjoint(tokens[i - 1].lemmas)
                and not (i + 2 < n and tokens[i + 2].lower.startswith((*_UNITS, "област")))
                and a.text.istitle()
                and b.text.istitle()
                and not any(
                    p.population >= 20000 for k in _keys(a, pack.lang) for p in index_geo.lookup(k)
                )
            ):
                i += 2  # a person's first name and surname ("Alexei Smirnov")
                continue
        dateline = n <= 2 and any(
            p.population >= 20000 for k in _keys(token, pack.lang) for p in index_geo.lookup(k)
        )  # "Кам'янське." opening a post
        if (
            span == 1
            and i == 0
            and not dateline
            and part_of_speech(token.lower, pack.lang) in _NOT_NAMES
        ):
            i += 1  # a sentence opening "Український дрон", "Загинула", "Мирный житель"
            continue
        nxt = tokens[i + span] if i + span < n else None
        # The name modifies the next word: an abbreviation ("Дніпровській ГЕС") or a
        # street's noun ("на Приморском бульваре", no place at all).
        joined_next = nxt is not None and text[tokens[i + span - 1].end : nxt.start] == " "
        abbreviation = joined_next and nxt is not None and nxt.text.isupper()
        if abbreviation and nxt is not None and nxt.lower in _ADMINISTRATIONS:
            i += span  # "Харківської ОВА": an administration, not the city
            continue
        if (
            joined_next
            and nxt is not None
            and not nxt.capitalised
            and not (_NAMED_THINGS | _SIDES).isdisjoint(nxt.lemmas)
        ):
            i += span
            continue
        modifies = abbreviation
        if span == 1:
            keys = _keys(token, pack.lang)
            # A place named by an adjective, unless it names a district ("у Покровському
            # районі" is the district of Pokrovsk) or modifies an abbreviation.
            district_next = nxt is not None and (
                nxt.lower in _DISTRICT or nxt.lower.startswith(("район", "округ", "громад"))
            )
            names = _adjective_names(token, pack.lang) if pack.lang != "en" else []
            if not modifies and not district_next and any(index_geo.lookup(k) for k in names):
                towns = {t for lemma in token.lemmas for t in _district_towns(lemma)}
                keys = keys[:1] + names + [k for k in keys[1:] if k not in towns]
        prev = tokens[max(0, i - 2) : i]
        if prev and prev[-1].lower in ("between", "між", "между"):
            skip_next = True  # the road between two places is in neither
            i += span + 1
            continue
        if names_water(keys, [t.lower for t in prev], nxt.lower if nxt is not None else None):
            i += span  # "човен на Десні", "лівобережжя Дніпра": the river, not the town
            continue
        if prev and not _NAMED_THINGS.isdisjoint(prev[-1].lemmas):
            i += span  # "на улице Гоголя", "аэродром Саки": a street's or airfield's name
            continue
        if (
            nxt is not None
            and not nxt.capitalised
            and not pack.not_after_place.isdisjoint(nxt.lemmas[:1])
        ):
            i += span
            continue
        cue = (
            airfield
            or any(not pack.settlement_cues.isdisjoint(t.lemmas[:1]) for t in prev)
            or any(pack.triggers.match_at(tokens, k) for k in (i - 1, i - 2) if k >= 0)
        )  # "обстріляли Станіслав", "attacked Khomutovka with a drone"
        after = nxt.lower if nxt is not None else ""
        # A hromada is its centre and the villages around it: it places like a town.
        hromada = after.startswith(("громад", "hromada", "community"))
        district = not hromada and (
            after in _DISTRICT or after.startswith(("район", "district", "округ"))
        )
        # "село Дубове", not "символ міста — Спасо-Преображенський собор"
        named = (
            bool(prev)
            and not _SETTLEMENT_NOUNS.isdisjoint(prev[-1].lemmas)
            and not text[prev[-1].end : token.start].strip(" .")
        )
        if (
            len(prev) == 2
            and prev[-1].lower in NEAR
            and not _SETTLEMENT_NOUNS.isdisjoint(prev[0].lemmas)
        ):
            district = True  # "у селі під Сумами", "a village near Mozyr": not Sumy itself
        region, raion = None, None
        unit = tokens[i + span + 1].lower if i + span + 1 < n else ""
        if unit.startswith(("район", "district")):
            # "Кам'янське Василівського району": the district's town is in the region.
            region = _region_adjective(tokens[i + span]) or _district_region(tokens[i + span])
        if unit.startswith(_UNITS):
            raion = tokens[i + span].lemma  # and which of the region's namesakes
        if (
            nxt is not None
            and i + span + 2 < n
            and nxt.lower in ("suburb", "village", "town", "city", "settlement", "outskirts")
            and tokens[i + span + 1].lower == "of"
            and tokens[i + span + 2].capitalised
        ):
            i += span  # "the Kherson suburb of Antonivka": Antonivka
            continue
        if (
            token.lower.endswith("'s")
            and nxt is not None
            and nxt.capitalised
            and i + span + 1 < n
            and tokens[i + span + 1].lower in _DISTRICT
        ):
            # "Kherson's Dniprovskyi district": in Kherson, whatever other city has one.
            used.update((i + span, i + span + 1))
        facts.places.append(
            PlaceMention(
                tuple(keys),
                " ".join(t.text for t in tokens[i : i + span]),
                i,
                cue,
                district,
                named=named and not district,
                region=region,
                raion=raion,
                lemma=" ".join(t.lemma for t in tokens[i : i + span]),
                # "an Izmail-based company": whose seat, like an official's
                official=_official(tokens, i, span, text) or token.lower.endswith("-based"),
                # a village the codifier alone lists needs a cue to be known
                known=named
                or any(p.population >= 500 or cue for k in keys for p in index_geo.lookup(k)),
            )
        )
        i += span
    for found in find_facilities(text):  # "the Zaporizhzhia NPP": the plant, not the city
        inside = [k for k, t in enumerate(tokens) if found.start <= t.start < found.end]
        if not inside:
            continue
        facts.places = [m for m in facts.places if m.start not in inside]
        facts.places.append(PlaceMention((found.key,), found.text, inside[0], True, False))
        facts.places.sort(key=lambda m: m.start)
    return facts
