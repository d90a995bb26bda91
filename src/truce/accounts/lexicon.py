"""The words accounts use for actors, protected objects, and what was done with a
proposal, mapped to truce's codes. Kept as data in one place, so a reader can see (and
argue with) every reading the comparison makes."""

from __future__ import annotations

import re
from functools import cache

from truce.domain import countries

# Who acts. Order matters within a party only for readability; every pattern is tried.
ACTOR_PATTERNS: dict[str, tuple[str, ...]] = {
    "RU": (
        r"(?:vladimir\s+)?putin",
        r"the\s+russian\s+(?:president|leader|side|delegation|military|government|army"
        r"|armed\s+forces|federation|foreign\s+ministry)",
        r"(?:the\s+)?president\s+of\s+(?:the\s+)?russia(?:n\s+federation)?",
        r"(?:the\s+)?russian\s+federation",
        r"russia(?!n)",
        r"the\s+kremlin",
        r"moscow",
        r"(?:sergei\s+|sergey\s+)?lavrov",
        r"(?:yury\s+|yuri\s+)?ushakov",
        r"(?:dmitry\s+)?peskov",
        r"(?:kirill\s+)?dmitriev",
        r"(?:nikolai\s+|nikolay\s+)?patrushev",
        r"russian",
    ),
    "US": (
        r"(?:joseph\s+r\.\s+|joseph\s+|joe\s+)?biden(?:,\s+jr\.)?",
        r"(?:donald\s+j\.\s+|donald\s+)?trump",
        r"the\s+(?:american|u\.?s\.?)\s+(?:president|leader|side|delegation|government"
        r"|administration)",
        r"(?:the\s+)?president\s+of\s+the\s+united\s+states(?:\s+of\s+america)?",
        r"(?:the\s+)?united\s+states(?:\s+of\s+america)?",
        r"the\s+white\s+house",
        r"washington",
        r"(?:jake\s+)?sullivan",
        r"(?:antony\s+)?blinken",
        r"(?:marco\s+)?rubio",
        r"(?:mike\s+)?waltz",
        r"(?:steve\s+)?witkoff",
        r"(?:kamala\s+)?harris",
        r"(?-i:U\.S\.(?:A\.)?|USA|US)(?!\w)",
        r"america(?:n)?",
    ),
    "UA": (
        r"(?:volodymyr\s+)?zelensk(?:yy|iy|y|i)",
        r"the\s+ukrainian\s+(?:president|leader|side|delegation|military|government|army"
        r"|armed\s+forces|servicemen)",
        r"(?:the\s+)?president\s+of\s+ukraine",
        r"(?:the\s+)?armed\s+forces\s+of\s+ukraine",
        r"ukraine",
        r"kyiv",
        r"kiev",
        r"(?:andriy\s+|andrii\s+)?yermak",
        r"(?:dmytro\s+)?kuleba",
        r"(?:andrii\s+|andriy\s+)?sybiha",
        r"(?:rustem\s+)?umerov",
        r"ukrainian",
    ),
}
# "The President" with no country: the account's own side speaks of its own leader.
OWN_LEADER = re.compile(
    r"\b(?:the\s+)?(?:president|head\s+of\s+(?:the\s+)?state)\b(?!\s+(?:of|\w+\s+of)\b)"
    r"(?!\s+(?-i:[A-Z]))",
    re.IGNORECASE,
)
# Personal names and titles: these are the people who speak, not the country as a place.
PERSON_PATTERN = re.compile(
    r"putin|biden|trump|zelensk|lavrov|ushakov|peskov|dmitriev|patrushev|sullivan|blinken"
    r"|rubio|waltz|witkoff|harris|yermak|kuleba|sybiha|umerov|president|leader|head of",
    re.IGNORECASE,
)
# Several actors at once: the principals of the call.
JOINT_PATTERN = re.compile(
    r"\b(?:the|both)\s+(?:two\s+)?(?:leaders|presidents|sides|parties|heads\s+of\s+state)\b"
    r"|\bthey\b|\bit\s+was\s+(?:agreed|decided)\b|\bthe\s+interlocutors\b",
    re.IGNORECASE,
)
# The parties bound by a halt both sides make ("mutual", "each other", …).
MUTUAL_PATTERN = re.compile(
    r"\bmutual(?:ly)?\b|\bboth\s+sides\b|\beach\s+other\b|\bparties\s+to\s+the\s+conflict\b"
    r"|\bboth\s+(?:countries|parties)\b|\breciprocal\b",
    re.IGNORECASE,
)
# "strikes against energy facilities of Russia and Ukraine": a halt that protects the
# facilities of two sides binds those two sides (each is to spare the other's), whoever
# signed the statement.
OWNERS_PATTERN = re.compile(
    r"\b(?:facilities|infrastructure|objects|targets|sites|installations|plants)\s+"
    r"(?:of|in|on\s+the\s+territory\s+of)\s+(?:both\s+)?(?P<owners>[^.;,]+?\s+and\s+[^.;,]+?)"
    r"(?=[.;,]|$)",
    re.IGNORECASE,
)
WAR_PATTERN = re.compile(
    r"\b(?:war|conflict|fighting|hostilities|ceasefire|cease-fire|truce|strikes?|attacks?"
    r"|military|armed\s+forces|troops|servicemen|front|invasion|offensive)\b",
    re.IGNORECASE,
)

# Protected objects → taxonomy codes (CONTRACTS §1). Longest phrases are tried first, and
# a phrase's span is consumed so that "energy and infrastructure" is not read again as
# "infrastructure".
SCOPE_PHRASES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"energy\s+and\s+(?:other\s+)?(?:civilian\s+)?infrastructure", ("infrastructure",)),
    (r"infrastructure\s+and\s+energy", ("infrastructure",)),
    (
        r"(?:civilian\s+)?energy(?:[- ]related)?\s+(?:infrastructure|facilities|facility"
        r"|sites?|targets?|objects?|system|sector\s+facilities)",
        ("infrastructure.energy",),
    ),
    (r"energy[- ]infrastructure|energy\s+sector", ("infrastructure.energy",)),
    (
        r"power\s+(?:grid|lines?|network)|substations?|transformers?",
        ("infrastructure.energy.grid",),
    ),
    (
        r"power\s+(?:plants?|stations?)|nuclear\s+power\s+plants?|(?:hydro|thermal)\w*\s+plants?",
        ("infrastructure.energy.generation",),
    ),
    (
        r"(?:oil\s+)?refiner(?:y|ies)|oil\s+(?:depots?|facilities|infrastructure)|fuel\s+depots?",
        ("infrastructure.energy.oil",),
    ),
    (r"gas\s+(?:pipelines?|infrastructure|facilities|storage)", ("infrastructure.energy.gas",)),
    (r"black\s+sea|maritime|navigation|shipping|sea\s+lanes?", ("maritime", "infrastructure.port")),
    (r"(?:sea\s+)?ports?\b|port\s+infrastructure", ("infrastructure.port",)),
    (r"(?:merchant\s+|civilian\s+)?(?:vessels|ships)", ("maritime.vessel",)),
    (r"railways?|bridges?|transport\s+infrastructure|airports?", ("infrastructure.transport",)),
    (r"water\s+(?:supply|infrastructure|facilities)|dams?", ("infrastructure.water",)),
    (r"hospitals?|clinics?|medical\s+facilities", ("civilian.healthcare",)),
    (r"schools?|kindergartens?", ("civilian.education",)),
    (r"residential\s+(?:buildings|areas)|homes", ("civilian.residential",)),
    (r"civilian\s+(?:infrastructure)", ("infrastructure",)),
    (r"civilian\s+(?:objects|targets|facilities|population|areas)|civilians", ("civilian",)),
    (r"(?:critical\s+)?infrastructure(?:\s+facilities)?", ("infrastructure",)),
    (r"energy(?=\s+(?:ceasefire|truce))", ("infrastructure.energy",)),
)
SCOPE_REGEX: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = tuple(
    (re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE), codes) for pattern, codes in SCOPE_PHRASES
)

# What was done with a proposal, strongest first when several appear in one sentence.
MODALITIES: tuple[tuple[str, str], ...] = (
    (
        "agreed",
        r"agreed|agree(?=\s+(?:to|that|on))|reached\s+(?:an\s+)?(?:agreement|understanding)"
        r"|it\s+was\s+(?:agreed|decided)|concurred|consented",
    ),
    (
        "responded positively",
        r"responded\s+positively|reacted\s+positively|supported|endorsed"
        r"|accepted|backed",
    ),
    (
        "ordered",
        r"(?:gave|issued)\s+(?:the\s+)?(?:relevant\s+|appropriate\s+|corresponding\s+)?"
        r"(?:order|command|instruction)s?|ordered|instructed",
    ),
    ("responded constructively", r"responded\s+constructively|reacted\s+constructively"),
    ("committed", r"committed|pledged|promised|undertook|vowed|will\s+provide|announced"),
    (
        "demanded",
        r"demanded|insisted|called\s+(?:for|on)|urged|stressed\s+the\s+need|conditions?"
        r"|must|should\s+(?:be|stop|end|cease)",
    ),
    (
        "proposed",
        r"proposed|proposal|suggested|suggestion|put\s+forward|offered|initiative"
        r"|invited",
    ),
    ("rejected", r"rejected|refused|declined|ruled\s+out"),
    ("informed", r"informed|told|briefed|notified"),
    (
        "discussed",
        r"discussed|talked|spoke|held\s+(?:a|an|their)|talked\s+about|spoke\s+(?:about|of)|exchanged\s+views|touched\s+upon"
        r"|reviewed|considered|exchange\s+of\s+views|conversation|call",
    ),
    ("reaffirmed", r"reaffirmed|reiterated|confirmed|recalled"),
    (
        "expressed",
        r"expressed|voiced|emphasi[sz]ed|stressed|noted|underlined|highlighted"
        r"|welcomed|warned|said|stated|shared|pointed\s+out|believes?|thanked|raised",
    ),
)
MODALITY_REGEX: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE)) for name, pattern in MODALITIES
)

DEMAND_CUES = re.compile(
    r"\b(?:demand(?:s|ed)?|insist(?:s|ed)?|key\s+condition|conditions?\s+for|ultimatum"
    r"|called\s+(?:for|on)|urge[sd]?|must|should\s+(?:be\s+a|stop|end|cease)"
    r"|necessity\s+to|necessary\s+to|requir(?:e|es|ed|ing|ement)|preconditions?"
    r"|conditional\s+on|on\s+condition)\b",
    re.IGNORECASE,
)
COMMITMENT_CUES = re.compile(
    r"\b(?:will\s+(?!be\s+(?:able|ready))\w+|shall|agreed\s+to|committed\s+to|pledged"
    r"|(?:gave|issued)\s+the\s+\w*\s*(?:order|command)|ordered|instructed|is\s+ready\s+to"
    r"|undertook|announced\s+(?:an?\s+)?(?:additional|new)?)\b",
    re.IGNORECASE,
)
# Reported speech: "X said that …", "Putin informed Trump that …". What follows "that"
# is the speaker's clause, and a promise inside it is backshifted ("would exchange" for
# "will exchange"), so the clause, not the reporting verb, says what kind of statement it is.
REPORTED_SPEECH = re.compile(
    r"\b(?:said|says|stated|announced|added|confirmed|reported|informed|told"
    r"|assured)"
    r"\b[^.;:\"“”]{0,60}?\bthat\s+(?P<clause>.+)",
    re.IGNORECASE,
)
BACKSHIFTED_PROMISE = re.compile(
    r"\bwould\s+(?!(?:be|have|like|love|prefer|welcome|consider|need|not|never|hardly)\b)"
    r"[a-z]+|\bwere\s+to\s+[a-z]+",
    re.IGNORECASE,
)
CLAIM_CUES = re.compile(
    r"\b(?:said|stated|noted|stressed|emphasi[sz]ed|underlined|expressed|voiced|believes?"
    r"|warned|concern|assessed|described|reaffirmed|reiterated|recalled|pointed\s+out"
    r"|shared|confirmed|informed|told|welcomed|thanked|is|are|was|were|has|have)\b",
    re.IGNORECASE,
)
HALT_CUES = re.compile(
    r"\b(?:ceasefire|cease-fire|truce|moratorium|halt\w*|stop\w*|cease\w*|pause\w*|suspen\w+"
    r"|refrain\w*|refus\w+\s+to\s+strike|not\s+to\s+strike|no\s+strikes|end\s+(?:to\s+)?strikes"
    r"|ban\w*\s+(?:on\s+)?(?:strikes|attacks)|prohibit\w*\s+(?:strikes|attacks))",
    re.IGNORECASE,
)
NEGOTIATION_CUES = re.compile(
    r"\b(?:negotiations?|talks|consultations|discussions?|expert\s+groups?|work\s+out"
    r"|elaborate)\b[^,;]*$",
    re.IGNORECASE,
)
IMMEDIATE = re.compile(r"\b(?:immediate(?:ly)?|at\s+once|forthwith)\b", re.I)
REFERENCE = re.compile(
    r"\b(?:this|that|the\s+said|such\s+an?|the)\s+(?:initiative|proposal|idea|suggestion|offer"
    r"|request|plan)\b",
    re.IGNORECASE,
)

# Topics: one token for the many ways readouts say the same thing, so that "POWs" and
# "prisoners of war" count as shared wording when statements are aligned.
SYNONYMS: tuple[tuple[str, str], ...] = (
    (r"prisoners?\s+of\s+war|pows?|prisoners?|captives?|detainees?", " topic_prisoners "),
    (r"exchang\w*|swap\w*", " topic_exchange "),
    (
        r"cease-?fire|truce|halt\w*|refrain\w*|stop\w*\s+strik\w*|pause\w*|moratorium",
        " topic_ceasefire ",
    ),
    (r"strik\w*|attack\w*|shelling|bombard\w*", " topic_strikes "),
    (r"energy|power|electricity", " topic_energy "),
    (r"infrastructure|facilities", " topic_infrastructure "),
    (r"black\s+sea|maritime|navigation|shipping|naval", " topic_maritime "),
    (
        r"military\s+(?:aid|assistance|support)|weapons?\s+(?:supplies|deliveries)|arms\s+supplies"
        r"|security\s+(?:assistance|package|support)|defen[cs]e\s+capabilities|defensive\s+weapons",
        " topic_military_aid ",
    ),
    (r"intelligence", " topic_intelligence "),
    (
        r"sanctions?|(?:strong\s+)?economic\s+(?:and\s+other\s+)?measures"
        r"|impose\s+(?:severe\s+)?costs|(?:respond|act)\s+(?:\w+\s+and\s+)?(?:decisively|swiftly)"
        r"|decisive\s+action|severe\s+consequences",
        " topic_sanctions ",
    ),
    (r"teams|representatives|delegations|envoys|negotiators|advisers|advisors", " topic_envoys "),
    (
        r"(?:secure\s+)?(?:video|phone|telephone)\s+(?:call|conversation)|videoconference"
        r"|(?:had|held)\s+an?\s+(?:\w+\s+){0,2}(?:call|conversation)|spoke\s+(?:today\s+)?with",
        " topic_call ",
    ),
    (r"osce|organi[sz]ation\s+for\s+security\s+and\s+co-?operation\s+in\s+europe", " topic_osce "),
    (
        r"negotiat\w*|talks|consultations|dialogue|expert\s+groups?|diploma(?:cy|tic\s+efforts?)"
        r"|follow\s+up|peace\s+process",
        " topic_talks ",
    ),
    (r"humanitarian", " topic_humanitarian "),
    (r"nato|alliance|eastward\s+expansion", " topic_nato "),
    (r"minsk|normandy", " topic_minsk "),
    (r"sovereignty|territorial\s+integrity", " topic_sovereignty "),
    (
        r"budget\s+support|financial\s+(?:aid|assistance|support)|macro-?financial|economic\s+aid",
        " topic_financial_aid ",
    ),
    (r"de-?escalat\w*|escalat\w*", " topic_escalation "),
    (r"iran\w*|jcpoa|nuclear\s+programme|nuclear\s+program", " topic_iran "),
    (r"strategic\s+stability|arms\s+control|proliferation", " topic_strategic_stability "),
    (r"cyber\w*|ransomware", " topic_cyber "),
    (r"diplomat\w*\s+missions?|embass\w+", " topic_missions "),
)
SYNONYM_REGEX: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE), token) for pattern, token in SYNONYMS
)
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "being",
        "both",
        "but",
        "by",
        "did",
        "do",
        "does",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "his",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "our",
        "over",
        "said",
        "she",
        "so",
        "such",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "to",
        "under",
        "up",
        "was",
        "we",
        "were",
        "what",
        "when",
        "which",
        "while",
        "who",
        "will",
        "with",
        "would",
        "also",
        "other",
        "than",
        "about",
        "after",
        "all",
        "any",
        "can",
        "could",
        "during",
        "each",
        "more",
        "most",
        "must",
        "not",
        "only",
        "own",
        "same",
        "should",
        "some",
        "very",
        "s",
        "t",
        "just",
        "between",
        "two",
        "president",
        "presidents",
        "leader",
        "leaders",
        "side",
        "sides",
        "call",
        "conversation",
        "today",
        "noted",
        "stressed",
        "expressed",
        "discussed",
    ]
)


@cache
def country_names() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Other states, by their English names, for the parties a statement mentions."""
    out = []
    for code, name in countries().items():
        if code in ACTOR_PATTERNS:
            continue
        base = re.sub(r"\s*\(.*\)", "", name).strip()
        if len(base) < 4:
            continue
        out.append((re.compile(rf"\b{re.escape(base)}\b"), code))
    extra = {"GB": r"\b(?:United\s+Kingdom|Britain|UK)\b", "DE": r"\bGermany\b"}
    out.extend((re.compile(p), code) for code, p in extra.items())
    return tuple(out)
