# ruff: noqa: E501  (word lists and patterns read best one entry a line, however long)
"""`truce bench extract`: reports per second through `truce.extract.extract`.

The reports are written from templates in the three languages, in the shapes regional
administrations, ministries and wire services use, with places, targets, weapons, times
and casualty figures drawn at random (a fifth of them report no strike at all), so the
lemma cache meets a realistic spread of word forms rather than one text repeated.
Loading the dictionaries and the gazetteer is timed apart, as `warmup_seconds`.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from truce.domain import Report

_EN = [
    "Overnight Russian drones struck {en_target} in {en_ua}, the regional governor said. {en_cas}",
    "{en_ua_cap}: a Russian {en_weapon} hit {en_target} at {clock}. {en_cas} Rescuers are working at the site.",
    "Ukrainian drones attacked {en_target} near {en_ru} yesterday evening, the governor said. {en_cas}",
    "The enemy shelled {en_ua} {en_day}, damaging {en_target}. {en_cas}",
    "This morning a Russian {en_weapon} strike on {en_ua} damaged {en_target} and {en_target2}. {en_cas}",
    "Delegations met in {en_city} on {en_weekday} to discuss a ceasefire and a prisoner exchange; no agreement was reached.",
    "The ministry said air defences destroyed 25 drones over the {en_ru} region overnight; debris damaged {en_target} in {en_ru}. {en_cas}",
]
_UK = [
    "Уночі ворог атакував {uk_ua} ударними БпЛА. Пошкоджено {uk_target}. {uk_cas}",
    "{uk_day} російська {uk_weapon} влучила в {uk_target} у {uk_ua_loc}. {uk_cas}",
    "Близько {clock} окупанти обстріляли {uk_ua} з РСЗВ. Пошкоджено {uk_target} та {uk_target2}. {uk_cas}",
    "Сили оборони уразили {uk_target_ru} у {uk_ru_loc} минулої ночі. Там спалахнула пожежа.",
    "Президент провів телефонну розмову з партнерами щодо посилення ППО та нового пакета санкцій.",
    "Вчора ввечері противник атакував {uk_ua} дронами. {uk_cas} Пошкоджено {uk_target}.",
]
_RU = [
    "Ночью ВСУ атаковали {ru_ru_acc} беспилотниками. Повреждена {ru_target}. {ru_cas}",
    "ВСУ обстреляли {ru_ru_acc}: повреждена {ru_target}, {ru_cas_short}",
    "Вчера вечером противник нанёс удар по {ru_ru_dat}. {ru_cas} Повреждены {ru_target2}.",
    "Около {clock} российская ракета попала в {ru_target_acc} в {ru_ua_loc}. {ru_cas}",
    "Министр иностранных дел провёл переговоры с коллегой; стороны обсудили обмен пленными.",
    "{ru_day} в {ru_ru_loc} в результате атаки БПЛА повреждён жилой дом. {ru_cas}",
]
_FILL: dict[str, list[str]] = {
    "en_target": ["an electrical substation", "an apartment block", "a hospital", "a school",
                  "an oil depot", "a railway station", "a grain terminal", "a private house",
                  "a power plant", "a shopping centre", "a warehouse", "a gas pipeline"],
    "en_target2": ["several cars", "a kindergarten", "a power line", "a shop", "a church"],
    "en_ua": ["Kharkiv", "Sloviansk", "Zaporizhzhia", "Odesa", "Dnipro", "Kryvyi Rih", "Sumy",
              "Kherson", "Mykolaiv", "Kramatorsk", "Chernihiv", "Poltava", "Bila Tserkva"],
    "en_ru": ["Belgorod", "Kursk", "Bryansk", "Voronezh", "Kropotkin", "Tuapse", "Novorossiysk",
              "Taganrog", "Shebekino", "Lgov"],
    "en_city": ["Riyadh", "Istanbul", "Geneva", "Jeddah"],
    "en_weapon": ["missile", "ballistic missile", "glide bomb", "drone", "cruise missile"],
    "en_day": ["yesterday", "on Friday", "this afternoon", "on 18 March", "overnight"],
    "en_weekday": ["Monday", "Tuesday", "Friday"],
    "en_cas": ["Two people were killed and eleven injured.", "No one was hurt.",
               "A woman was injured.", "Three civilians were wounded.", "", "One man died."],
    "uk_ua": ["Харків", "Слов'янськ", "Запоріжжя", "Одесу", "Дніпро", "Кривий Ріг", "Суми",
              "Херсон", "Миколаїв", "Краматорськ", "Чернігів", "Полтаву"],
    "uk_ua_loc": ["Харкові", "Слов'янську", "Запоріжжі", "Одесі", "Дніпрі", "Сумах",
                  "Херсоні", "Миколаєві", "Краматорську", "Чернігові", "Полтаві"],
    "uk_ru_loc": ["Бєлгороді", "Курську", "Брянську", "Воронежі", "Туапсе", "Новоросійську"],
    "uk_target": ["підстанцію", "багатоповерхівку", "лікарню", "школу", "приватний будинок",
                  "об'єкт енергетичної інфраструктури", "залізничний вокзал", "склад", "магазин"],
    "uk_target2": ["автомобілі", "лінію електропередачі", "дитячий садок", "АЗС"],
    "uk_target_ru": ["нафтопереробний завод", "нафтобазу", "аеродром", "склад боєприпасів"],
    "uk_weapon": ["ракета", "балістична ракета", "КАБ"],
    "uk_day": ["Сьогодні вранці", "Вчора", "У суботу", "18 березня", "Минулої ночі"],
    "uk_cas": ["Двоє людей дістали поранення.", "Загинула одна людина, ще п'ятеро поранені.",
               "Постраждалих немає.", "Семеро людей поранені.", ""],
    "ru_ru_acc": ["Белгород", "Курск", "Брянск", "Шебекино", "Грайворон", "Кропоткин", "Таганрог"],
    "ru_ru_dat": ["Белгороду", "Курску", "Брянску", "Шебекино", "Таганрогу"],
    "ru_ru_loc": ["Белгороде", "Курске", "Брянске", "Кропоткине", "Краснодарском крае",
                  "Ростове-на-Дону", "Воронеже"],
    "ru_ua_loc": ["Харькове", "Одессе", "Днепре", "Запорожье", "Херсоне", "Николаеве"],
    "ru_target": ["подстанция", "линия электропередачи", "котельная", "школа", "больница"],
    "ru_target2": ["частные дома", "автомобили", "окна многоэтажки"],
    "ru_target_acc": ["многоэтажку", "больницу", "подстанцию", "торговый центр"],
    "ru_cas": ["Ранены два человека.", "Пострадавших нет.", "Погибли пятеро, ранены семеро.",
               "Мужчина получил ранения.", ""],
    "ru_cas_short": ["ранены два человека.", "пострадавших нет.", "погиб мужчина."],
    "ru_day": ["Сегодня утром", "Вчера", "В субботу", "18 марта", "Этой ночью"],
}  # fmt: skip
_SOURCES = [("Regional Military Administration", "UA", 2), ("Governor", "RU", 3),
            ("Reuters", "media", 2)]  # fmt: skip


def _capital(value: str) -> str:
    return value[:1].upper() + value[1:]


def realistic_reports(n: int, *, seed: int = 7) -> list[Report]:
    """`n` reports in English, Ukrainian and Russian, in equal shares."""
    rng = random.Random(seed)
    start = datetime(2025, 3, 1, 6, 0)
    out = []
    for i in range(n):
        lang = ("en", "uk", "ru")[i % 3]
        template = rng.choice({"en": _EN, "uk": _UK, "ru": _RU}[lang])
        values = {key: rng.choice(options) for key, options in _FILL.items()}
        values["en_ua_cap"] = _capital(values["en_ua"])
        values["clock"] = f"{rng.randrange(24):02d}:{rng.randrange(0, 60, 5):02d}"
        source, alignment, offset = rng.choice(_SOURCES)
        if lang == "ru":
            alignment, offset = "RU", 3
        published = (start + timedelta(hours=rng.randrange(24 * 60))).replace(
            tzinfo=timezone(timedelta(hours=offset))
        )
        out.append(
            Report(
                id=f"bench-{i}",
                source=source,
                source_alignment=alignment,
                published=published,
                text=template.format(**values),
            )
        )
    return out


@dataclass(frozen=True)
class ExtractBench:
    reports: int
    records: int
    seconds: float
    warmup_seconds: float

    def as_json(self) -> dict[str, Any]:
        per_s = self.reports / self.seconds
        return {
            "benchmark": "extract",
            "reports": self.reports,
            "records": self.records,
            "seconds": round(self.seconds, 3),
            "warmup_seconds": round(self.warmup_seconds, 3),
            "cores": 1,
            "reports_per_s": round(per_s),
            "reports_per_s_per_core": round(per_s),
        }


def bench_extract(n: int = 20_000, *, seed: int = 7) -> ExtractBench:
    """Extract `n` realistic reports in one process (one core)."""
    from truce.extract import extract

    reports = realistic_reports(n, seed=seed)
    began = time.perf_counter()
    extract(Report(id="warmup", text="Warm-up.", published=reports[0].published))
    for lang_text in ("Уночі дрони атакували Харків.", "Ночью дроны атаковали Белгород."):
        extract(Report(id="warmup", text=lang_text, published=reports[0].published))
    warmup = time.perf_counter() - began
    began = time.perf_counter()
    records = sum(len(extract(report)) for report in reports)
    return ExtractBench(n, records, time.perf_counter() - began, warmup)
