"""Classes of phrasing the extractor reads, one realistic sentence per case: who struck,
where, what was hit, how many were hurt, and texts that mention strikes without
reporting one."""

from __future__ import annotations

import pytest

from truce.extract import extract

from .conftest import report


def one(text: str, alignment: str | None = "media") -> dict[str, object]:
    [record] = extract(report(text, alignment=alignment))
    return record.to_json()


# Who struck


@pytest.mark.parametrize(
    ("text", "perpetrator"),
    [
        ("Moscow's forces launched a drone attack on the city of Odesa overnight.", "RU"),
        ("Kyiv's military struck an oil depot in the Belgorod region, officials said.", "UA"),
        ("The Kremlin's troops pounded Kharkiv overnight, damaging houses and wounding two.", "RU"),
        ("Russia launched 90 drones at Ukraine, hitting energy facilities in Odesa.", "RU"),
        ("A Russian Shahed hit a private house in Kharkiv.", "RU"),
        # "Russian" describing the town, not the attacker
        ("A drone struck an apartment block in the Russian border town of Shebekino.", "unknown"),
        # the air force reports; Russia fires
        (
            "Ukraine's air force said Russia fired missiles at the Kyiv region. "
            "Debris fell on a warehouse in the town of Boryspil.",
            "RU",
        ),
    ],
)
def test_actor_phrases(text: str, perpetrator: str) -> None:
    assert one(text)["perpetrator"] == perpetrator


def test_enemy_adjective_is_the_other_side_in_russian_too() -> None:
    record = one("Вражеский беспилотник атаковал жилой дом в Харькове.", alignment="UA")
    assert (record["perpetrator"], record["place"]) == ("RU", "Kharkiv")


# Where


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Russian missiles struck the port city of Mykolaiv overnight.", "Mykolaiv"),
        ("A drone hit an apartment building in the southern port of Odesa.", "Odesa"),
        ("A shell hit a house near the front-line town of Huliaipole.", "Huliaipole"),
        ("Russian forces struck a substation of a Kharkiv-based energy company.", "Kharkiv"),
        ("Russian artillery shelled Kherson's Dniprovskyi district, damaging a school.", "Kherson"),
        ("Russian shelling hit the Kherson suburb of Antonivka, killing a man.", "Antonivka"),
        ("A missile hit a residential building in the Ukrainian capital overnight.", "Kyiv"),
        ("Kherson's regional governor said Russian troops shelled the city.", "Kherson"),
        ("Ukrainian drones struck a Russian ammunition depot near Yevpatoria.", "Yevpatoria"),
    ],
)
def test_place_phrases(text: str, place: str) -> None:
    assert one(text)["place"] == place


def test_an_officials_seat_is_not_a_second_place() -> None:
    [record] = extract(
        report(
            "A drone struck an apartment block in Shebekino, injuring a woman, "
            "Belgorod governor Vyacheslav Gladkov said."
        )
    )
    assert (record.place, record.injured) == ("Shebekino", 1)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a street or an airfield named after a person or a town is no settlement
        ("Утром ВСУ атаковали Севастополь. Повреждён дом на улице Гоголя.", "Sevastopol"),
        ("Ночью ВСУ атаковали Славянск-на-Кубани, повреждён частный дом.", "Slavyansk-na-Kubani"),
        (
            "В Славянске-на-Кубани обломки БПЛА повредили кровлю частного дома.",
            "Slavyansk-na-Kubani",
        ),
        # a sentence opening with an adjective is no town ("Украинский" is not Ukrainsk)
        ("Украинский дрон атаковал автомобиль в Грайвороне.", "Graivoron"),
        # a district of the city already named, not of Kyiv
        (
            "Харьков. Ночью враг атаковал город. Повреждён супермаркет в Киевском районе.",
            "Kharkiv",
        ),
    ],
)
def test_russian_place_phrases(text: str, place: str) -> None:
    assert one(text, alignment="RU")["place"] == place


def test_a_named_airfield_is_placed_at_its_town() -> None:
    """Airfields bear the name of the town beside them (Saky's lies 6 km from it, as
    Engels' does from Engels): the town places it, within a few kilometres."""
    record = one(
        "Генштаб ВСУ заявил, что украинские военные нанесли удар по аэродрому Саки в Крыму.",
    )
    assert (record["place"], record["region"], record["target"]) == ("Saky", "Crimea", "military")


# What was hit


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("A Russian drone hit a university dormitory in Uman.", "civilian.residential"),
        ("A glide bomb hit a nine-storey building in Kharkiv.", "civilian.residential"),
        ("Russian drones hit a car dealership in Dnipro.", "civilian.commercial"),
        ("Ворог влучив у п'ятиповерхівку в Кривому Розі.", "civilian.residential"),
        ("Ворог атакував енергетичне підприємство на Київщині.", "infrastructure.energy"),
        ("Ворожий дрон влучив у приватне домогосподарство в Херсоні.", "civilian.residential"),
        # the source of the news is not what was hit
        (
            "Russian drones attacked Kharkiv, the head of the regional military administration said.",
            None,
        ),
        ("Russian shelling hit Kherson, the regional prosecutor's office said.", None),
        (
            "Ворог атакував Харків, поранено двох людей, повідомив голова обласної військової адміністрації.",
            None,
        ),
        ("Russian missiles rained down on the port city of Mykolaiv.", None),
    ],
)
def test_target_phrases(text: str, target: str | None) -> None:
    assert one(text, alignment="UA")["target"] == target


# How many


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("A Russian drone hit a car in Nikopol, injuring five.", None, 5),
        ("A 54-year-old man was wounded in a Russian strike on Kherson.", None, 1),
        ("A man and a woman were hurt when a Russian drone struck a house in Sumy.", None, 2),
        ("A Russian drone attack on Odesa injured a woman and her son.", None, 2),
        ("Russian forces shelled Kherson, killing a 67-year-old woman.", 1, None),
        ("The death toll from the Russian missile strike on Dnipro has risen to seven.", 7, None),
        ("Russian forces shelled Kherson. Two men, aged 45 and 62, were injured.", None, 2),
        ("Russian missiles hit Lviv, killing at least four people and wounding nine.", 4, 9),
        ("One person was killed and another injured when a drone hit a car in Beryslav.", 1, 1),
        ("Four people, two of them children, were killed in Russian shelling of Kherson.", 4, None),
        ("Fifty buses were damaged in Dnipro, and a worker was killed.", 1, None),
        ("Russian shells hit Zaporizhzhia. Four died and eight were rescued with injuries.", 4, 8),
        ("Уночі росіяни обстріляли Херсон з артилерії. Поранено двох людей.", None, 2),
        ("Внаслідок атаки дронів на Харків травмувалася жінка.", None, 1),
        ("Ворог вдарив по Кременчуку. Загинула одна людина, ще троє дістали поранення.", 1, 3),
        ("Кількість загиблих внаслідок удару по Дніпру зросла до семи.", 7, None),
        ("Ворог атакував Білопілля. Травмувалися двоє вихователів, діти не постраждали.", None, 2),
        ("Ворог атакував склад у Харкові. Загиблих і травмованих немає.", 0, 0),
        ("ВСУ обстреляли Горловку, ранены трое мирных жителей.", None, 3),
        (
            "Украинские боевики нанесли удар по Донецку. Погибли двое, ещё пятеро получили ранения.",
            2,
            5,
        ),
        ("Российский удар по Харькову унёс жизни трёх человек.", 3, None),
        ("Обломки БПЛА упали на склад в Торопце, 13 человек обратились за медпомощью.", None, 13),
        ("ВСУ обстреляли Белгород из РСЗО. Погибли 25 человек, ещё более сто ранены.", 25, 100),
    ],
)
def test_casualty_phrases(text: str, killed: int | None, injured: int | None) -> None:
    record = one(text, alignment="UA")
    assert (record["killed"], record["injured"]) == (killed, injured)


def test_casualties_go_to_the_target_they_name() -> None:
    records = extract(
        report(
            "Ворог атакував Одесу. Пошкоджено портову інфраструктуру та цивільне судно. "
            "Загинув член екіпажу судна."
        )
    )
    killed = {r.target: r.killed for r in records}
    assert killed == {"infrastructure.port": None, "maritime.vessel": 1}


# Texts that mention strikes without reporting one


@pytest.mark.parametrize(
    "text",
    [
        "Air defence systems destroyed 25 Ukrainian drones over the Kursk region overnight.",
        "Air defence forces shot down 40 of 52 Shahed drones launched by Russia overnight.",
        "Дежурными средствами ПВО уничтожены 12 украинских беспилотников над Брянской областью.",
        "Уночі ворог атакував 45 ударними БпЛА. Збито 40 дронів над Полтавською областю. "
        "Влучань і руйнувань не зафіксовано.",
        "Power was restored to most of Kharkiv after last week's Russian strikes on substations.",
        "A year after the missile strike on the Kramatorsk railway station, relatives gathered.",
        "A court in Kyiv sentenced a Russian soldier for shelling a residential area of Chernihiv.",
        "У Краматорську вшанували пам'ять людей, які загинули рік тому на вокзалі.",
        "За три роки війни пошкоджено понад 1300 пам'яток культурної спадщини на Харківщині.",
        "На Київщині рятувальники провели навчання з ліквідації наслідків ракетного удару.",
        "Russia launched more than 1,300 Shahed-type attack drones at Ukraine in September.",
    ],
)
def test_no_strike_reported(text: str) -> None:
    assert extract(report(text)) == []


def test_a_strike_with_its_aftermath_is_still_reported() -> None:
    [record] = extract(
        report("Kharkiv was left without power after Russian strikes on the city's substations.")
    )
    assert (record.place, record.target) == ("Kharkiv", "infrastructure.energy.grid")


def test_a_raion_named_after_a_town_is_the_region() -> None:
    records = extract(
        report("Уночі ворог атакував Вінниччину. Пошкоджено підстанцію в Тульчинському районі.")
    )
    assert [(r.place, r.region, r.target) for r in records] == [
        (None, "Vinnytsia Oblast", "infrastructure.energy.grid")
    ]


def test_a_village_near_a_town_is_not_the_town() -> None:
    record = one("Уночі російський дрон влучив у приватний будинок у селі під Сумами.", "UA")
    assert (record["place"], record["region"]) == (None, "Sumy Oblast")


@pytest.mark.parametrize(
    ("text", "target", "killed", "injured"),
    [
        (
            "A married couple died when a Russian drone struck their car near Kupiansk.",
            "civilian.vehicle",
            2,
            None,
        ),
        (
            "Russian shells hit a farm in Kozacha Lopan, killing dozens of cattle and "
            "injuring a tractor driver.",
            "civilian.agriculture",
            None,
            1,
        ),
        (
            "Росіяни скинули вибухівку з дрона на трактор поблизу Семенівки.",
            "civilian.agriculture",
            None,
            None,
        ),
        (
            "Российская армия нанесла удар по гипермаркету строительных товаров в Харькове.",
            "civilian.commercial",
            None,
            None,
        ),
        (
            "Дрон ВСУ атаковал машину скорой помощи в Грайвороне.",
            "civilian.healthcare",
            None,
            None,
        ),
    ],
)
def test_more_targets_and_counts(
    text: str, target: str, killed: int | None, injured: int | None
) -> None:
    record = one(text)
    assert (record["target"], record["killed"], record["injured"]) == (target, killed, injured)


def test_damage_put_down_to_weather_is_no_strike() -> None:
    text = (
        "Відключення світла в частині Києва спричинені пошкодженням ліній електропередачі "
        "через налипання мокрого снігу й штормовий вітер."
    )
    assert extract(report(text)) == []


def test_new_years_night_is_the_night_before_new_year() -> None:
    [record] = extract(
        report(
            "Russia attacked Kyiv with drones during the New Year's night. "
            "Debris damaged a residential building.",
            published="2025-01-01T09:00:00+02:00",
        )
    )
    assert (record.occurred_at, record.time_precision) == ("2024-12-31", "night")


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Ворог влучив у міську котельню в Сумах, постраждалих немає.", "infrastructure.energy"),
        ("Беспилотник попал в здание городской котельной в Льгове.", "infrastructure.energy"),
        ("A Russian drone hit a boiler house in Sumy.", "infrastructure.energy"),
        ("A Russian drone hit a train near the town of Balakliia.", "infrastructure.transport"),
    ],
)
def test_boiler_houses_and_trains(text: str, target: str) -> None:
    assert one(text, alignment="UA")["target"] == target


def test_noon_is_part_of_the_day() -> None:
    record = one("A Russian drone hit a car in Kherson shortly before noon, injuring the driver.")
    assert (record["occurred_at"], record["time_precision"]) == ("2025-03-19", "part_of_day")


def test_a_government_speaking_is_not_where_it_happened() -> None:
    record = one(
        "Moscow said on Monday that Ukraine had attacked a power substation in the Belgorod "
        "region, cutting electricity to several villages."
    )
    assert (record["place"], record["region"], record["perpetrator"]) == (
        None,
        "Belgorod Oblast",
        "UA",
    )


def test_a_village_is_looked_for_in_the_district_the_report_names() -> None:
    record = one(
        "В Белгородском районе ВСУ атаковали дроном автомобиль в селе Отрадное. Пострадал водитель.",
        alignment="RU",
    )
    assert (record["region"], record["country"], record["injured"]) == ("Belgorod Oblast", "RU", 1)


def test_a_printing_house_is_no_home() -> None:
    record = one(
        "Russian missiles struck Kharkiv, hitting a printing house and killing seven workers."
    )
    assert (record["target"], record["killed"]) == ("civilian.industrial", 7)


def test_each_count_goes_with_the_place_named_before_it() -> None:
    records = extract(
        report(
            "A glide bomb hit a supermarket in Kharkiv, killing two, and artillery shells "
            "landed on private houses in the town of Kupiansk, killing three."
        )
    )
    assert {r.place: r.killed for r in records} == {"Kharkiv": 2, "Kupiansk": 3}


def test_nobody_hurt_in_one_place_says_nothing_of_the_other() -> None:
    records = extract(
        report(
            "Вчора окупанти атакували дронами Степногірськ і Приморське. У Степногірську "
            "пошкоджено приватні будинки, поранено 62-річного чоловіка. У Приморському дрон "
            "влучив в автомобіль, обійшлося без постраждалих."
        )
    )
    counts = {r.place == "Stepnohirsk": (r.killed, r.injured) for r in records}
    assert counts == {True: (None, 1), False: (0, 0)}


def test_places_named_together_are_looked_for_near_each_other() -> None:
    records = extract(report("Russian shelling damaged houses in Kupiansk and in Petropavlivka."))
    assert {(r.place, r.region) for r in records} == {
        ("Kupiansk", "Kharkiv Oblast"),
        ("Petropavlivka", "Kharkiv Oblast"),
    }


def test_a_russian_town_in_a_ukrainian_text() -> None:
    record = one(
        "Уночі у Новоросійську лунали вибухи: морські дрони атакували порт, пошкоджено два причали.",
        alignment="media",
    )
    assert (record["place"], record["region"], record["target"]) == (
        "Novorossiysk",
        "Krasnodar Krai",
        "infrastructure.port",
    )
