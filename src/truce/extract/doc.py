"""The document every component reads and annotates: one report, analysed once.

`Doc` holds the report, its language and its sentences; a `Sentence` holds its tokens
(each with its lemmas) and its clauses, and the facts the components find in it. Like a
spaCy `Doc`, it is made once per report and passed through the components in order
(`truce.extract.pipeline`), each adding what it finds and reading what those before it
found, so each can be run and measured alone on a doc the ones before it annotated.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import tzinfo
from functools import cached_property

from truce.domain import UNKNOWN, Report
from truce.extract.cues import cues
from truce.extract.lexicon import Match
from truce.extract.morphology import Token
from truce.extract.packs import Pack, pack
from truce.extract.records import ExtractedRecord
from truce.extract.when import TimeMention, When
from truce.geo import Place
from truce.geo.regions import Region

_CLAUSE_WORDS = cues("doc", "clause_words")


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
class Sentence:
    """One sentence: its tokens, and what the components found in it."""

    index: int
    text: str
    tokens: list[Token]
    # triggers: the strike words ("struck", "обстріляли"), value True for a strong one
    strike_words: list[Match[bool]] = field(default_factory=list)
    talk: bool = False  # talk of strikes ("a ban on strikes"): a feature of the classifier
    no_hits: bool = False  # says nothing was hit ("Влучань не зафіксовано")
    accident: bool = False  # names a cause that is no attack ("витік побутового газу")
    # targets, weapons
    targets: list[Match[str]] = field(default_factory=list)
    weapons: list[Match[str]] = field(default_factory=list)
    # negation: which strike word reports this sentence's strike, and which were negated
    trigger: bool = False
    trigger_at: int = 0
    blocked: bool = False
    explosion: int | None = None  # an explosion word, blocked only for naming no target
    casualty_only: bool = False  # "five injured in hospital": no strike on the hospital
    negated_at: list[tuple[int, bool]] = field(default_factory=list)  # token index, negated
    # actors: token index, party; whose the target is ("склади окупантів"): the owners
    actors: list[tuple[int, str]] = field(default_factory=list)
    owners: list[tuple[int, str]] = field(default_factory=list)
    claimants: list[tuple[int, str]] = field(default_factory=list)  # who says it: not who struck
    actor_tokens: set[int] = field(default_factory=set)  # no place names stand here
    # casualties
    killed: int | None = None
    injured: int | None = None
    zero: bool = False  # says nobody was hurt
    counts: list[tuple[str, int, int]] = field(default_factory=list)  # kind, value, token
    # places
    country: str | None = None  # named as where it happened ("in Ukraine")
    regions: list[RegionMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    region_tokens: set[int] = field(default_factory=set)  # taken by a region's name

    @property
    def incident(self) -> bool:
        return self.trigger and not self.blocked

    @cached_property
    def clauses(self) -> list[int]:
        """The clause number of each token: a comma, semicolon, colon or dash, or a word
        such as "and" or "а", starts a new one. Places and targets of one clause go
        together."""
        out, number = [], 0
        for k, token in enumerate(self.tokens):
            gap = self.text[self.tokens[k - 1].end : token.start] if k else ""
            if k and (
                any(c in gap for c in ",;:—–") or " - " in gap or token.lower in _CLAUSE_WORDS
            ):
                number += 1
            out.append(number)
        return out


@dataclass
class Located:
    """Where a mention puts a strike: a settlement, else a region, else a country."""

    place: Place | None
    region: Region | None
    mention: str | None
    country: str | None = None
    district: bool = False  # from "… district": says where only when nothing else does
    at: int = -1  # token index of the mention in its sentence
    official: bool = False  # "the Belgorod governor said": where only when nothing else is


def same_place(a: Located, b: Located) -> bool:
    if a.place is not None or b.place is not None:
        return a.place == b.place
    return a.region == b.region


@dataclass
class Draft:
    """A record in the making: one place × one target, and the sentences that tell it."""

    where: Located
    target: str | None
    detail: str | None
    sentence: int
    killed: int | None = None
    injured: int | None = None
    sentences: list[int] = field(default_factory=list)
    perpetrator: str = UNKNOWN
    weapon: str | None = None
    when: When | None = None
    zone: tzinfo | None = None
    country: str | None = None


@dataclass
class Doc:
    """One report as the components see it."""

    report: Report
    lang: str = "en"
    sentences: list[Sentence] = field(default_factory=list)
    # Set by the components after the sentences' own: which sentences report a strike,
    # the classifier's confidence, the source's side and the report's perpetrator.
    incident: list[Sentence] = field(default_factory=list)
    closed: bool = False  # a component found nothing to record: the rest need not run
    confidence: float = 0.8
    side: str | None = None
    perpetrator: str = UNKNOWN
    weapon: str | None = None
    # geocode: what each sentence's places resolve to, and the report's own place
    located: dict[int, list[Located]] = field(default_factory=dict)
    default: Located | None = None
    drafts: list[Draft] = field(default_factory=list)
    times: dict[int, list[TimeMention]] = field(default_factory=dict)  # found once a report
    records: list[ExtractedRecord] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.report.text or ""

    @property
    def pack(self) -> Pack:
        """The report language's compiled lexicons."""
        return pack(self.lang)

    def sentence(self, index: int) -> Sentence:
        return self.sentences[index]
