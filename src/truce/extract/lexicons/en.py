# ruff: noqa: E501  (word lists and patterns read best one entry a line, however long)
"""English lexicons."""

TARGETS = {
    "infrastructure.energy.grid": [
        "substation", "sub-station", "electrical sub-station", "power sub-station", "electrical substation", "power substation", "electricity substation",
        "energy substation", "transformer", "transformer station", "power line",
        "transmission line", "power lines", "power grid", "electricity grid", "grid",
        "distribution network", "electricity network", "electrical network",
    ],
    "infrastructure.energy.generation": [
        "power plant", "power station", "thermal power plant", "thermal power station",
        "combined heat and power plant", "chp plant", "chp", "tpp", "hydroelectric",
        "hydroelectric power plant", "hydroelectric plant", "hydropower plant", "dam of the",
        "nuclear power plant", "npp", "solar power plant", "solar plant", "wind farm",
        "heating plant", "nuclear plant", "thermal plant", "hydro plant",
        "hydropower station", "coal-fired plant", "gas-fired plant", "power plants",
    ],
    "infrastructure.energy.oil": [
        "refinery", "oil refinery", "oil depot", "fuel depot", "oil storage", "fuel storage",
        "oil terminal", "oil pipeline", "pumping station", "oil pumping station", "tank farm",
        "fuel tank", "oil facility", "fuel facility", "oil and gas facility",
    ],
    "infrastructure.energy.gas": [
        "gas pipeline", "compressor station", "gas compressor station", "gas facility",
        "gas production", "gas production facility", "gas storage", "gas metering station",
        "gas processing plant", "gas infrastructure", "gas distribution",
    ],
    "infrastructure.energy": [
        "energy infrastructure", "energy facility", "energy site", "power facility",
        "energy object", "power infrastructure", "electricity infrastructure",
        "energy system", "power supply facility", "boiler house", "boiler room", "boiler plant", "energy company", "energy enterprise",
        "energy infrastructure facility", "power company", "energy facilities",
    ],
    "infrastructure.transport": [
        "railway", "railway station", "train station", "rail station", "railway line",
        "rail line", "railway infrastructure", "rail infrastructure", "railway bridge",
        "bridge", "road bridge", "airport", "locomotive", "rolling stock", "railway depot",
        "freight train", "transport infrastructure", "highway", "bus depot", "tram depot",
        "metro station", "subway station", "train", "freight car", "railcar", "rail depot", "bus station", "coach station"],
    "infrastructure.port": [
        "port", "seaport", "sea port", "river port", "port infrastructure", "port terminal",
        "grain terminal", "port facility", "port crane", "berth",
    ],
    "infrastructure.water": [
        "water supply", "water pipeline", "water main", "water treatment plant",
        "water treatment", "waterworks", "water utility", "water pumping station", "canal",
        "dam", "reservoir dam", "water tower", "sewage treatment plant",
        "water supply facility", "water facility", "sewage",
    ],
    "infrastructure.telecom": [
        "tv tower", "television tower", "radio tower", "telecom", "telecommunications",
        "mobile tower", "communications tower", "cell tower", "telecom infrastructure",
        "internet provider", "phone mast", "mobile phone mast", "mobile mast", "radio mast",
        "transmitter", "mobile network", "base station",
    ],
    "civilian": ["beach", "civilian object", "civilian infrastructure", "recreation area", "recreational area"],
    "infrastructure": ["critical infrastructure", "infrastructure", "infrastructure facility"],
    "civilian.residential": [
        "house", "home", "apartment", "apartment block", "apartment building",
        "residential building", "residential area", "residential", "high-rise",
        "high-rise building", "multi-storey building", "private house", "dormitory",
        "housing", "residential house", "block of flats", "private sector"
    ],
    "civilian.healthcare": [
        "hospital", "clinic", "ambulance", "maternity ward", "maternity hospital",
        "medical facility", "health facility", "polyclinic", "children's hospital",
        "health center", "health centre", "mental health center", "medical center",
        "medical centre", "oncology center",
    ],
    "civilian.education": [
        "school", "kindergarten", "university", "college", "lyceum", "educational facility",
        "nursery school",
    ],
    "civilian.commercial": [
        "shop", "store", "supermarket", "market", "shopping centre", "shopping center",
        "shopping mall", "mall", "office building", "office", "hotel", "restaurant", "cafe", "café",
        "petrol station", "gas station", "filling station", "business centre",
        "car dealership", "car showroom", "car wash", "car service", "car repair shop",
        "business center", "shopping centre", "pharmacy", "bank", "post office",
        "nova poshta", "warehouse store", "bakery", "pizzeria", "bar", "hypermarket",
        "diy store", "hardware store", "guest house", "guesthouse", "coffee house",
    ],
    "civilian.industrial": [
        "factory", "industrial facility", "industrial enterprise", "enterprise", "warehouse",
        "industrial site", "industrial plant", "manufacturing plant", "plant",
        "printing house", "printing plant", "publishing house", "storage facility",
        "logistics centre", "logistics center", "production facility",
        "workshop", "hangar", "mill", "brewery", "distillery",
    ],
    "civilian.agriculture": [
        "farm", "grain storage", "grain elevator", "elevator", "agricultural enterprise",
        "tractor", "combine harvester", "harvester", "greenhouse", "poultry farm",
        "livestock farm", "silo",
        "agricultural facility", "granary", "grain",
    ],
    "civilian.cultural": [
        "church", "cathedral", "museum", "theatre", "theater", "monument", "monastery",
        "house of culture", "opera house", "concert hall", "cinema",
        "cultural centre", "library", "historic building", "village club", "community club",
        "prayer hall", "mosque", "synagogue", "chapel", "place of worship",
    ],
    "civilian.administrative": [
        "administration building", "administrative building", "city hall", "town hall",
        "city council", "government building", "regional administration building",
        "council building", "regional administration", "administration", "city administration",
        "police station", "court building", "correctional facility", "prison",
        "penal colony", "detention centre", "detention center", "district administration building", "city administration building", "building of the district administration", "building of the regional administration", "military administration building"],
    "civilian.humanitarian": [
        "aid convoy", "humanitarian convoy", "humanitarian hub", "aid hub",
        "evacuation point", "humanitarian", "aid distribution point", "shelter",
        "evacuation vehicle", "evacuation bus", "humanitarian warehouse",
    ],
    "civilian.vehicle": [
        "car", "civilian car", "bus", "minibus", "vehicle", "civilian vehicle", "truck",
        "passenger train", "tram", "trolleybus", "lorry",
    ],
    "maritime.vessel": [
        "ship", "vessel", "tanker", "cargo ship", "bulk carrier", "merchant ship",
        "merchant vessel", "civilian vessel", "container ship",
    ],
    "military.industry": [
        "defence plant", "defense plant", "defence industry", "defense industry",
        "military-industrial", "arms factory", "weapons factory", "military plant",
        "defence enterprise", "defense enterprise", "drone factory", "ammunition factory",
        "military enterprise", "military-industrial enterprise",
    ],
    "military": [
        "military", "position", "troops", "airfield", "air base", "airbase", "military base",
        "command post", "ammunition depot", "ammunition dump", "military equipment",
        "ammo depot", "munitions depot", "ammunition warehouse", "ammunition store",
        "arms depot", "weapons depot", "ammunition storage", "arsenal",
        "barracks", "military unit", "military target", "military facility",
        "air defence system", "warship", "navy ship", "landing ship", "submarine", "radar station", "headquarters", "naval base", "missile ship",
        "military vehicle", "armoured vehicle", "armored vehicle", "howitzer", "self-propelled howitzer"],
}  # fmt: skip

# Phrases that contain a target word but name no target: a description of a town,
# a source of the news.
NOT_TARGETS = [
    "port city", "port town", "industrial city", "industrial town", "home town",
    "southern port", "northern port", "black sea port", "danube port",
    "military administration", "regional military administration", "city military administration",
    "regional administration", "district administration", "city administration",
    "prosecutor's office", "prosecutor general's office", "president's office",
    "presidential office", "office of the president", "office of the prosecutor general",
    "military governor", "military spokesman", "military spokesperson", "military analyst",
    "military expert", "military intelligence", "military aid", "military assistance",
    "military operation", "home guard", "house of representatives",
]  # fmt: skip

WEAPONS = {
    "ballistic missile": ["ballistic missile", "ballistic", "iskander", "iskander-m", "kn-23", "atacms"],
    "cruise missile": ["cruise missile", "kalibr", "kh-101", "kh-555", "storm shadow", "neptune", "tomahawk"],
    "missile": ["missile", "rocket", "missile strike", "missile attack"],
    "glide bomb": ["glide bomb", "guided bomb", "guided aerial bomb", "kab", "aerial bomb", "fab"],
    "drone": [
        "drone", "uav", "unmanned aerial vehicle", "shahed", "geran", "kamikaze drone",
        "attack drone", "fpv drone", "fpv", "loitering munition", "lancet",
    ],
    "MLRS": ["mlrs", "multiple rocket launcher", "multiple launch rocket system", "grad", "uragan", "smerch", "himars"],
    "artillery": ["artillery", "artillery shelling", "artillery fire", "howitzer", "shell", "tank fire"],
    "airstrike": ["airstrike", "air strike", "fighter jet", "warplane", "air-dropped"],
    "mortar": ["mortar", "mortar fire", "mortar shelling"],
}  # fmt: skip

TRIGGERS = [
    "airstrike", "air strike", "attack", "strike", "hit", "shell", "shelling", "bombard", "bombardment", "bomb",
    "bombing", "target", "drone attack", "missile attack", "fire", "explosion", "blast",
    "damage", "destroy", "kill", "injure", "wound", "raid", "assault", "barrage",
    "pound", "struck", "launch", "engulf", "caught fire", "burn", "fall", "debris", "crash", "rock",
    "fire at", "fire on", "fire upon", "open fire", "slam", "slam into", "rain down", "hammer",
    "smash", "smash into", "tear through", "rip through", "batter", "pummel", "raze",
    "flatten", "demolish", "knock out", "set ablaze", "set on fire", "ram", "blow up",
    "explode", "impact", "drop",
]  # fmt: skip

# Words before a trigger that make it no report of a strike.
BLOCKERS = [
    "halt", "pause", "stop", "moratorium", "refrain", "ban", "cease", "end", "no", "not",
    "without", "would", "could", "might", "threaten", "warn", "deny", "plan", "prepare",
    "prevent", "avoid", "suspend", "any", "future", "possible", "potential", "alleged",
    "fake", "staged", "attempt", "response", "retaliation", "planning", "planned", "plans",
    "preparing", "prepared", "plotting", "plotted", "threatening", "threatened", "threatens",
    "warned", "warning", "denied", "denies", "intends", "intended",
    # what someone urges, or has the right to do, has not happened
    "urge", "urged", "urges", "urging", "right", "should", "cyber", "cyberattack", "call",
    "calls", "demand", "demands",
]  # fmt: skip

TALK_WORDS = [
    "talks", "negotiation", "negotiator", "call", "phone call", "summit", "meeting",
    "statement", "agreement", "proposal", "sanction", "aid package", "prisoner exchange",
    "exchange", "diplomat", "diplomatic", "readout", "envoy", "peace",
]  # fmt: skip

# Before a force noun ("Russian drones", "Moscow's forces", "Kyiv's military").
ACTOR_ADJECTIVES = {
    "RU": ["russian", "russia", "moscow", "kremlin", "pro-russian"],
    "UA": ["ukrainian", "ukraine", "kyiv", "kyiv's"],
}
FORCE_NOUNS = [
    "drone", "missile", "force", "troops", "troop", "army", "military", "attack", "strike",
    "shelling", "unit", "artillery", "aviation", "jet", "bomber", "soldier", "air force",
    "armed force", "rocket", "uav", "aircraft", "warplane", "gunner", "defence force",
    "defense force", "occupier", "invader", "fire", "air strike", "airstrike", "regime",
    "saboteur", "navy", "commander", "operator", "barrage", "raid", "offensive",
    "side", "shell", "bomb", "glide bomb", "projectile", "munition", "helicopter",
    "fighter", "battery", "gunfire", "counteroffensive", "incursion", "paratrooper",
    "marine", "sniper", "tank", "mortar", "howitzer", "kamikaze drone", "strike drone",
    "bombardment", "bombing", "assault", "drone attack", "missile attack", "cruise missile",
]  # fmt: skip
ACTOR_NOUNS = {
    "RU": [
        "occupier",
        "occupation force",
        "invader",
        "~russians",
        "rf armed forces",
        "armed forces of the russian federation",
        "russian armed forces",
        "russian federation",
        "russian army",
        "russian military",
    ],
    "UA": [
        "afu",
        "ukrainian armed forces",
        "armed forces of ukraine",
        "kyiv regime",
        "security service of ukraine",
        "ukraine's security service",
        "sbu",
        "~ukrainians",
        "defence forces",
        "defense forces",
        "ukrainian military",
    ],
    "ENEMY": ["enemy", "adversary", "the enemy", "hostile", "aggressor", "the aggressor"],
    "": ["air defence forces", "air defense forces", "air defence", "air defense"],
}
STATE_NOUNS = {"RU": ["russia", "moscow"], "UA": ["ukraine", "kyiv"]}

KILLED = ["kill", "die", "dead", "death", "fatality", "killing", "body", "perish", "toll"]
INJURED = [
    "injure",
    "concussion",
    "wound",
    "hurt",
    "injury",
    "injured",
    "wounded",
    "hospitalise",
    "hospitalize",
    "casualty",
]
NO_CASUALTIES = [
    "no casualties", "no one was hurt", "no one was injured",
    "nobody was hurt", "nobody was injured", "no injuries",
    "without casualties", "no one hurt", "no victims", "no one was harmed", "no injured",
    "there were no casualties",
]  # fmt: skip
NO_KILLED = ["no deaths", "no fatalities", "no one was killed", "nobody was killed"]
NO_INJURED = [
    "no injuries",
    "no one was injured",
    "nobody was injured",
    "no one was hurt",
    "nobody was hurt",
]
PERSON_NOUNS = [
    "adult",
    "worker",
    "man", "woman", "child", "boy", "girl", "person", "civilian", "resident", "teenager",
    "driver", "pensioner", "worker", "employee", "rescuer", "medic", "firefighter",
    "policeman", "guard", "people", "civilians", "passenger", "paramedic", "journalist",
    "nurse", "doctor", "volunteer", "crew member", "pedestrian", "cyclist", "farmer",
    "husband", "wife", "son", "daughter", "mother", "father", "grandmother", "grandfather",
    "brother", "sister", "baby", "infant", "toddler", "neighbour", "neighbor", "teacher",
    "student", "pupil", "priest", "shopkeeper", "seller", "vendor", "owner", "customer",
    "miner", "engineer", "electrician", "lineman", "officer", "police officer", "soldier",
    "security guard", "fisherman", "tractor driver", "operator", "local", "youth", "couple",
]  # fmt: skip

NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "dozen": 12, "single": 1, "another": 1, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "dozens": None, "scores": None, "hundreds": None,
}  # fmt: skip

SETTLEMENT_CUES = [
    "in", "near", "at", "outside", "village", "town", "city", "settlement", "around",
    "over", "of", "on", "hamlet", "suburb", "district", "outskirts", "from", "into",
]  # fmt: skip
REGION_WORDS = ["nuclear", "region", "oblast", "province", "krai", "territory", "republic", "area"]

# A sentence with one of these reports no strike of its own ("denied", "a provocation").
# Causes that are no attack: a report naming one reports none.
# Causes that are no strike: a gas leak, a short circuit, a cyberattack.
ACCIDENTS = [
    "household gas", "domestic gas", "gas leak", "gas stove", "short circuit", "cyberattack",
    "cyber attack", "cyber-attack", "hacker attack", "ddos attack",
]  # fmt: skip

DENIALS = [
    "sanction",
    "detain",
    "arrest",
    "restoration",
    "rebuild",
    "no hits",
    "not true",
    "deny",
    "denied",
    "denial",
    "fake",
    "provocation",
    "staged",
    "false flag",
    "disinformation",
    # Damage the text puts down to weather.
    "bad weather",
    "strong wind",
    "heavy snow",
    "icing",
    "ice storm",
    "snowstorm",
    # Remembrance and drills: about a strike, not a report of one.
    "anniversary",
    "commemorate",
    "commemoration",
    "drill",
    "exercise",
    # A court's verdict on a past strike, not a report of one.
    "sentence",
    "verdict",
    "convict",
    "trial",
]
# Said of a whole attack: nothing was hit, whatever else the report mentions.
NO_HITS = [
    "no hits", "no damage", "no hits or damage", "no damage was reported",
    "no damage was recorded", "no hits were recorded", "without hits", "no impacts",
]  # fmt: skip
# Nouns after which an adjectival place name is no settlement ("Crimean bridge").
NOT_AFTER_PLACE = [
    "hydroelectric",
    "hpp",
    "npp",
    "tpp",
    "nuclear",
    "fleet",
    "bridge",
    "direction",
    "front",
    "axis",
    "peninsula",
    "sea",
    "bay",
    "highway",
    "reservoir",
]
CAPITAL = ["capital"]

# Words that report a strike only beside what was hit ("debris fell on a house"), not
# alone ("a drone fell in a field", "explosions were heard").
WEAK_TRIGGERS = [
    "drop",
    "fall",
    "debris",
    "fire",
    "explosion",
    "blast",
    "crash",
    "burn",
    "caught fire",
    "fragment",
    "rock",
    "explode",
    "impact",
]

# "military" target words that, named before the strike word, are the attacker ("Russian
# troops shelled …", "missiles fired from a submarine hit …"); a depot never is.
ATTACKER_NOUNS = [
    "military", "troops", "forces", "army", "position", "positions", "submarine", "warship",
    "ship", "unit", "system", "air defence system",
]  # fmt: skip

# Words of saying: an actor who says, claims or reports a strike is its claimant, not its
# attacker ("Окупанти заявили про атаку БПЛА", "Минобороны РФ сообщило об атаке ВСУ").
SPEECH_VERBS = [
    "say", "says", "said", "claim", "claims", "claimed", "report", "reports", "reported",
    "state", "stated", "announce", "announced", "accuse", "accused", "allege", "alleged",
    "tell", "told",
]  # fmt: skip

# "Russian-held", "окупований": a party's word joined to these names who holds a target.
HELD_WORDS = ["held", "controlled", "occupied"]
