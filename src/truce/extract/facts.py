# ruff: noqa: SIM905  (word lists read best as one string)
"""What one sentence says: triggers, targets, weapons, actors, casualties and places.

Everything here works on lemmas, through each language's compiled lexicons, so that
one rule serves "struck", "атакували" and "атаковали" alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from truce.extract.lexicon import Match
from truce.extract.morphology import Token
from truce.extract.packs import Pack
from truce.geo import gazetteer, name_key
from truce.geo.regions import Region

_COUNTRY_WORDS = {
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
}
_YEARS = re.compile(r"^(year|рок|рік|річн|літн|летн|лет|год)")
_SUFFIXES = (
    "ові", "еві", "ом", "ем", "ою", "ею", "ах", "ях", "ам", "ям", "ой", "ей", "ого",
    "ому", "у", "ю", "і", "ї", "е", "и", "а", "я",
)  # fmt: skip
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


_NAMES = frozenset(
    [
        "putin",
        "putina",
        "путин",
        "путина",
        "путіна",
        "путін",
        "zelensky",
        "zelenskyy",
        "зеленский",
        "зеленського",
        "зеленский",
        "зеленського",
        "trump",
        "трамп",
        "трампа",
        "klitschko",
        "кличко",
        "lysak",
        "лисак",
        "gladkov",
        "гладков",
        "syniehubov",
        "синєгубов",
        "vilkul",
        "вілкул",
        "fedorov",
        "федоров",
    ]
)


_FIRST_NAMES = frozenset(
    """vladimir volodymyr володимир владимир oleksandr олександр александр alexander
    sergei serhii сергій сергей ivan іван иван dmitry dmytro дмитро дмитрий andriy andrii
    андрій андрей vitali vitaliy віталій виталий mykola микола николай yuri yuriy юрій юрий
    oleg oleh олег олег vyacheslav вячеслав denys denis денис роман pavlo павло павел
    maria марія мария ihor ігор игорь""".split()
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
    lemma: str = ""


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
    killed: int | None = None
    injured: int | None = None
    places: list[PlaceMention] = field(default_factory=list)
    regions: list[RegionMention] = field(default_factory=list)
    zero: bool = False  # says nobody was hurt

    @property
    def incident(self) -> bool:
        return self.trigger and not self.blocked


def _cyrillic_keys(token: Token, lang: str) -> list[str]:
    keys = [name_key(token.text)]
    keys += [name_key(lemma) for lemma in token.lemmas]
    if "-" in token.text:
        keys.append(name_key(token.text.split("-")[0]))  # "Москва-Сити"
    for lemma in token.lemmas:
        # District adjectives: Белгородский → Белгород, Одинцовский → Одинцово.
        for suffix in ("ський", "ский", "цький", "цкий"):
            if lemma.endswith(suffix) and len(lemma) > len(suffix) + 2:
                base = lemma[: -len(suffix)] + ("ц" if suffix.startswith("ц") else "")
                keys += [base, base + "о", base + "а", base + "и", base + "ськ", base + "ск"]
    if lang != "en":
        lower = name_key(token.text)
        for suffix in _SUFFIXES:
            if lower.endswith(suffix) and len(lower) - len(suffix) >= 3:
                stem = lower[: -len(suffix)]
                keys += [stem, stem + "а", stem + "я"]
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
    return out


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


def _keys(token: Token, lang: str) -> list[str]:
    if lang != "en":
        return _cyrillic_keys(token, lang)
    key = name_key(token.text)
    keys = [key]
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
    value = pack.numbers.get(token.lower)
    if value is None:
        for lemma in token.lemmas:
            value = pack.numbers.get(lemma)
            if value is not None:
                break
    return value


_SUBSET = frozenset("including among них серед включая числе зокрема".split())
_SINGULAR = ("ла", "л", "в", "б", "ен", "ена", "ний", "на", "ан", "ана")
_FILLERS = frozenset(
    "other others more were are was have has of people persons including more з із из них "
    "людина людей осіб особи человек человека людей них ще ещё еще".split()
)


def _counts_people(after: Token, pack: Pack) -> bool:
    """Whether the word after a figure makes it a count of people ("12 people", "троє
    людей", "five injured") rather than of buses, drones or shells."""
    if not after.lemmas or after.lower in _FILLERS:
        return True
    lemmas = set(after.lemmas)
    return not lemmas.isdisjoint(pack.persons | pack.killed | pack.injured | _FILLERS)


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
        if value is None or ":" in tokens[j].text:
            continue
        distance = _distance(tokens, text, j, i)
        if any(_distance(tokens, text, j, k) < distance for k in keywords if k != i):
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
        ):
            continue
        if j + 1 < len(tokens) and pack.weapons.match_at(tokens, j + 1) is not None:
            continue
        if j > 0 and tokens[j - 1].lower in _SUBSET:
            continue  # "16 people, including seven children": seven are among the 16
        if (
            j < i
            and j + 1 < i
            and not any(_counts_people(t, pack) for t in tokens[j + 1 : min(i, j + 3)])
        ):
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
    # "a man was killed", "загинула жінка", "поранено медсестру": one person.
    for j in range(max(0, i - 6), min(len(tokens), i + 4)):
        if j != i and not pack.persons.isdisjoint(tokens[j].lemmas[:1]):
            pair = tokens[j + 1 : j + 3]
            if (
                len(pair) == 2
                and pair[0].lower in ("та", "і", "и", "and")
                and not pack.persons.isdisjoint(pair[1].lemmas[:1])
            ):
                return 2  # "поранено фельдшера та водія"
            if tokens[j].lower in (
                "people",
                "люди",
                "людей",
                "мирные",
                "жители",
                "residents",
                "civilians",
                "мешканці",
                "человек",
                "людина",
                "persons",
            ):
                return None
            return 1
    return None


def sentence_facts(index: int, text: str, tokens: list[Token], pack: Pack) -> SentenceFacts:
    facts = SentenceFacts(index, text, tokens)
    facts.targets = pack.targets.find(tokens, text)
    facts.weapons = pack.weapons.find(tokens, text)
    facts.talk = bool(pack.talk.find(tokens, text))
    triggers = pack.triggers.find(tokens, text)
    blocked_at: list[tuple[int, bool]] = []
    for trig in triggers:
        window = tokens[max(0, trig.start - 4) : trig.start]
        blocked = any(not pack.blockers.isdisjoint(t.lemmas[:1]) for t in window)
        weak = not pack.weak_triggers.isdisjoint(tokens[trig.start].lemmas)
        blocked = blocked or (weak and not facts.targets)
        blocked_at.append((trig.start, blocked))
        if not blocked and not facts.trigger:
            facts.trigger = True
            facts.trigger_at = trig.start
    facts.blocked = bool(triggers) and not facts.trigger
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
        before = [blocked for start, blocked in blocked_at if start <= at]
        return bool(before) and before[-1]

    facts.targets = [
        t
        for t in facts.targets
        if not in_blocked_clause(t.end - 1)
        # "Russian troops shelled …", "missiles fired from a submarine hit …": the
        # attacker, not the target.
        and not (t.value.startswith("military") and facts.trigger and t.start < facts.trigger_at)
    ]
    facts.weapons = [w for w in facts.weapons if not in_blocked_clause(w.end - 1)]
    n = len(tokens)
    # Actors
    actor_tokens: set[int] = set()
    for match in pack.actor_nouns.find(tokens, text):
        facts.actors.append((match.start, match.value))
        actor_tokens.update(range(match.start, match.end))
    for i, token in enumerate(tokens):
        party = pack.actor_adjectives.get(token.lemma)
        if party is not None and any(
            not pack.force_nouns.isdisjoint(tokens[k].lemmas) for k in range(i + 1, min(n, i + 4))
        ):
            facts.actors.append((i, party))
    for match in pack.state_nouns.find(tokens, text):
        before = tokens[match.start - 1].lemma if match.start > 0 else ""
        if match.start > 0 and not _BLAME.isdisjoint(tokens[match.start - 1].lemmas):
            before = "by"
        following = {lemma for t in tokens[match.end : match.end + 2] for lemma in t.lemmas}
        if (
            any(pack.triggers.match_at(tokens, k) for k in range(match.end, min(n, match.end + 3)))
            or before in _BLAME
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
        after = [blocked for start, blocked in blocked_at if start >= at]
        return bool(after) and after[0]

    facts.actors = sorted((at, party) for at, party in facts.actors if not next_trigger_blocked(at))
    # Casualties
    zero_spans: set[int] = set()
    for match in pack.no_casualties.find(tokens, text):
        zero_spans.update(range(match.start, match.end))
        if match.value in ("both", "killed") and facts.killed is None:
            facts.killed = 0
        if match.value in ("both", "injured") and facts.injured is None:
            facts.injured = 0
        facts.zero = True
    keywords: list[tuple[int, str]] = []
    for i, token in enumerate(tokens):
        if i in zero_spans:
            continue
        lemmas = token.lemmas
        if not pack.killed.isdisjoint(lemmas):
            keywords.append((i, "killed"))
        elif not pack.injured.isdisjoint(lemmas):
            keywords.append((i, "injured"))
    for i, kind in keywords:
        if i > 0 and tokens[i - 1].lower in ("не", "no", "ні", "not"):
            continue
        count = _count_near(tokens, i, pack, text, [k for k, _ in keywords])
        if count is None:
            continue
        if kind == "killed" and facts.killed is None:
            facts.killed = count
        elif kind == "injured" and facts.injured is None:
            facts.injured = count
    # A country named as the place ("in Ukraine", "в Україні", "по России")
    for i, token in enumerate(tokens[1:], start=1):
        for code, words in _COUNTRY_WORDS.items():
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
        if not token.text[0].isalpha() or token.lower in _NOT_PLACES or len(token.text) < 3:
            i += 1
            continue
        joined = i + 1 < n and text[token.end : tokens[i + 1].start] == " "
        if joined and (
            tokens[i + 1].lower.removesuffix("'s") in _NAMES
            or (token.lower in _FIRST_NAMES and tokens[i + 1].text.istitle())
        ):
            i += 2
            continue
        if token.lower in _FIRST_NAMES and not (i > 0 and tokens[i - 1].lower in _LOCATIVE):
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
                and _SETTLEMENT_NOUNS.isdisjoint(tokens[i - 1].lemmas)
                and not (
                    i + 2 < n and tokens[i + 2].lower.startswith(("район", "district", "област"))
                )
                and a.text.istitle()
                and b.text.istitle()
                and not any(
                    p.population >= 20000 for k in _keys(a, pack.lang) for p in index_geo.lookup(k)
                )
            ):
                i += 2  # a person's first name and surname ("Alexei Smirnov")
                continue
        if span == 1:
            keys = _keys(token, pack.lang)
        prev = tokens[max(0, i - 2) : i]
        if prev and prev[-1].lower in ("between", "між", "между"):
            skip_next = True  # the road between two places is in neither
            i += span + 1
            continue
        nxt = tokens[i + span] if i + span < n else None
        if (
            nxt is not None
            and not nxt.capitalised
            and not pack.not_after_place.isdisjoint(nxt.lemmas[:1])
        ):
            i += span
            continue
        cue = any(not pack.settlement_cues.isdisjoint(t.lemmas[:1]) for t in prev)
        after = nxt.lower if nxt is not None else ""
        district = after in _DISTRICT or after.startswith(("район", "district"))
        named = bool(prev) and not _SETTLEMENT_NOUNS.isdisjoint(prev[-1].lemmas)
        region = None
        if i + span + 1 < n and tokens[i + span + 1].lower.startswith(("район", "district")):
            region = _region_adjective(tokens[i + span])
        facts.places.append(
            PlaceMention(
                tuple(keys),
                " ".join(t.text for t in tokens[i : i + span]),
                i,
                cue,
                district,
                named=named and not district,
                region=region,
                lemma=" ".join(t.lemma for t in tokens[i : i + span]),
            )
        )
        i += span
    return facts
