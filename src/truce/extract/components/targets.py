"""Components `targets` and `weapons`: what was hit, and with what.

Targets come from each language's lexicon (`data/<lang>/lexicon.yaml`), matched on
lemmas ("substation", "нафтобаза", "жилой дом"), less those that only stand in the
clause saying who reported ("…, the head of the regional administration said"), where
the fire came from ("launched from a residential area"), or in a town's name ("у Білій
Церкві"). Whether a target was hit or only named beside a negated strike word is for
`negation`.
"""

from __future__ import annotations

from truce.extract.cues import cues
from truce.extract.doc import Doc, Sentence
from truce.extract.lexicon import Match
from truce.extract.morphology import Token
from truce.extract.packs import Pack

# Words of a clause that says who reported ("…, the head of the regional
# administration said", "повідомили в Офісі генпрокурора"), not what was hit.
_ATTRIBUTION = cues("targets", "attribution")


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


# Kinds of target a company's name after it makes precise: "завод «Роснефти»".
_COMPANY_KINDS = cues("targets", "company_kinds")


def _companies(s: Sentence, pack: Pack) -> None:
    """A target of a general kind followed by an energy company's name is of the
    company's kind: "завод «Роснефти»", "термінал компанії «Новатек»", "a Lukoil plant"."""
    found = pack.companies.find(s.tokens, s.text)
    if not found:
        return
    s.targets = [
        next(
            (
                Match(c.value, t.start, t.end, t.text)
                for c in found
                if t.end <= c.start <= t.end + 2 or c.end == t.start
            ),
            t,
        )
        if t.value in _COMPANY_KINDS
        else t
        for t in s.targets
    ]


def targets(doc: Doc) -> Doc:
    for s in doc.sentences:
        _targets(s, doc.pack)
        _companies(s, doc.pack)
    return doc


def weapons(doc: Doc) -> Doc:
    for s in doc.sentences:
        s.weapons = doc.pack.weapons.find(s.tokens, s.text)
        # "an unmanned aerial vehicle", "a multiple launch rocket system": a target word
        # inside a longer weapon's name is part of the weapon, not what was hit.
        s.targets = [
            t
            for t in s.targets
            if not any(
                w.start <= t.start and t.end <= w.end and w.end - w.start > t.end - t.start
                for w in s.weapons
            )
        ]
    return doc


def _targets(s: Sentence, pack: Pack) -> None:
    tokens, text = s.tokens, s.text
    struck = {trig.start for trig in s.strike_words}
    s.targets = [
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
                and not any(t.start <= k + 1 < t.end for t in s.targets)
            ):
                phrase = text[tokens[k].start : tokens[k + 1].end]
                s.targets.append(Match("civilian.residential", k, k + 2, phrase))
        s.targets.sort(key=lambda t: t.start)
        # "a university dormitory", "a school bus": the last noun says what was hit.
        s.targets = [
            t
            for k, t in enumerate(s.targets)
            if not (
                k + 1 < len(s.targets)
                and s.targets[k + 1].start == t.end
                and text[tokens[t.end - 1].end : tokens[t.end].start].strip() == ""
            )
        ]
