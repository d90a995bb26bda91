"""Component `drafts`: one record in the making per place × target.

Each sentence that reports a strike gives a draft per place it names (else the place
named before it, else the report's own) and per target it names (targets named before
any place, "Drones attacked energy facilities. Damage in Belgorod and Kursk", with the
places named next); two targets and two
places in one sentence pair by clause ("a fuel depot in Kavkazskaya … and a fuel store
in Azov"). A death in a settlement no draft covers is that settlement's own draft. A
target with a more specific one at the same place is the same thing said twice.
"""

from __future__ import annotations

from truce.domain import covers
from truce.extract.cues import cues
from truce.extract.doc import Doc, Draft, Located, Sentence, same_place

_CARE = cues("drafts", "care")


# The most records one report gives: the labelled reports give at most 9 (one per place
# and target), and drafts are compared with one another and each
# record looks back over the report, so a bound here is a bound
# on the work a hostile text can ask for.
MAX_RECORDS = 100


def drafts(doc: Doc) -> Doc:
    found = _from_incident(doc)
    _deaths_elsewhere(doc, found)
    doc.drafts = _merged(found)
    return doc


def _from_incident(doc: Doc) -> list[Draft]:
    default = doc.default
    drafts: list[Draft] = []
    current = default
    pending: tuple[list[tuple[str | None, str | None]], int] | None = None
    placeless: set[int] = set()  # sentences whose targets a later one placed
    placed = False  # whether a sentence before said where
    hit_named = any(s.targets and not s.casualty_only for s in doc.incident)
    for s in doc.incident:
        has_place = current is not None and current.place is not None and not current.district
        # With a place already named, a district of it says nothing new; a district of
        # the same region that is no part of it (a raion) moves the record to the region.
        mentioned = [
            loc if not (has_place and loc.district) or current is None
            else Located(None, loc.region, None, loc.country, True, loc.at)
            for loc in doc.located[s.index]
            if not (has_place and loc.district)
            or (current is not None and loc.place is None and loc.region == current.region)
        ]  # fmt: skip
        here = [loc for loc in mentioned if loc.place is not None]
        own = bool(mentioned or s.regions)  # the sentence says where itself
        if not here:
            named = [Located(None, r.region, None, r.region.country, at=r.start) for r in s.regions]
            district = [loc for loc in mentioned if loc.place is None]
            if current is not None and current.place is not None:
                # "У Пересипському районі" of Odesa is a city district, whatever village
                # elsewhere shares its name.
                district = [loc for loc in district if loc.region == current.region]
            if district and s.targets:
                # "підстанція в Запорізькому районі": a raion named after the town is not
                # the town; the record is the region's (and other regions named beside).
                here = district + [n for n in named if all(n.region != d.region for d in district)]
            elif (
                current is not None
                and current.place is not None
                and (not named or any(n.region == current.region for n in named))
            ):
                # A district or the region of the place already named: still that place.
                here = [current]
            else:
                here = named or district or ([current] if current else [])
        if s.country is not None and all(h.country != s.country for h in here):
            here = [Located(None, None, None, s.country)]  # "… in Ukraine", elsewhere
        if not here:
            here = [Located(None, None, None)]
        current = here[0] if here[0].place is not None else current or here[0]
        targets: list[tuple[str | None, str | None]] = [
            (t.value, t.text)
            for k, t in enumerate(s.targets)
            # A sentence that only counts the hurt names where they were ("killed in a
            # car", "пострадала больница") when no strike sentence names what was hit;
            # else its "wounded shop workers" or "taken to hospital" are no target.
            if not s.casualty_only or not (hit_named or _taken_to_care(s, doc.pack.persons))
            # "an enterprise of the transport infrastructure": the second says what it is;
            # "військових складах", "a military warehouse": the first does
            if not (
                t.value == "civilian.industrial"
                and (
                    (k + 1 < len(s.targets) and s.targets[k + 1].start <= t.end + 1)
                    or (k > 0 and s.targets[k - 1].end == t.start)
                )
            )
        ]
        if targets:
            # "Ukraine attacked Russian energy facilities. The strikes caused damage in
            # the Bryansk, Belgorod and Smolensk regions": targets named nowhere in
            # particular are what was hit at the places the next sentence names.
            pending = (targets, s.index) if not own and not placed else None
        elif own and pending is not None:
            targets, told = pending
            placeless.add(told)
        placed = placed or own
        targets = targets or [(None, None)]
        pairs = [(where, target) for where in here for target in targets]
        if len(here) > 1 and len(targets) > 1 and len(s.targets) == len(targets):
            # "a fuel depot in Kavkazskaya … and a fuel store in Azov", "в Белой Церкви
            # повреждено предприятие, в Броварах — дома": each target with the place of
            # its own clause, else of the clause before it, else the nearest after it.
            clause = s.clauses
            pairs = []
            for k, (code, detail) in enumerate(targets):
                start = s.targets[k].start
                where = min(
                    here,
                    key=lambda w: (
                        clause[w.at] != clause[start] if 0 <= w.at < len(clause) else True,
                        w.at > start,
                        abs(w.at - start),
                    ),
                )
                pairs.append((where, (code, detail)))
        for where, (code, detail) in pairs:
            same = next(
                (d for d in drafts if d.target == code and same_place(d.where, where)), None
            )
            if same is None:
                if len(drafts) >= MAX_RECORDS:
                    continue
                same = Draft(where, code, detail, s.index)
                drafts.append(same)
            same.sentences.append(s.index)
    if placeless:
        # The targets are told at the places named after them, not at the report's own.
        drafts = [
            d for d in drafts if not (d.sentence in placeless and d.sentences == [d.sentence])
        ] or drafts
    return drafts


def _taken_to_care(s: Sentence, persons: frozenset[str]) -> bool:
    """Whether a sentence tells of people brought to a hospital ("A man was taken to the
    city hospital"), not of a hospital hit ("пострадала детская больница")."""
    return any(not _CARE.isdisjoint(t.lemmas) for t in s.tokens) and any(
        not persons.isdisjoint(t.lemmas) for t in s.tokens
    )


def _deaths_elsewhere(doc: Doc, drafts: list[Draft]) -> None:
    # "У Лимані загинула одна людина" in a round-up of strikes elsewhere: a death in a
    # settlement no record covers is that settlement's own record. Not one an official
    # speaks from, nor one the wounded are taken to ("доставлені до лікарні у Харкові").
    if drafts:
        covered = {i for d in drafts for i in d.sentences}
        for s in doc.sentences:
            if (s.killed is None and s.injured is None) or s.index in covered:
                continue
            if any(not _CARE.isdisjoint(t.lemmas) for t in s.tokens):
                continue
            for loc in doc.located[s.index]:
                if loc.place is None or loc.district or loc.official:
                    continue
                if len(drafts) < MAX_RECORDS and not any(same_place(d.where, loc) for d in drafts):
                    drafts.append(Draft(loc, None, None, s.index, sentences=[s.index]))


def _merged(drafts: list[Draft]) -> list[Draft]:
    # A target with a more specific one beside it is the same thing said twice
    # ("energy infrastructure … a generation facility").
    # ("energy infrastructure … a generation facility"), at the same place.
    drafts = [
        d for d in drafts
        if d.target is None
        or not any(
            o.target and o.target != d.target and covers(d.target, o.target)
            and same_place(o.where, d.where)
            for o in drafts
        )
    ]  # fmt: skip
    # A sentence naming no target adds nothing when others did.
    if any(d.target for d in drafts):
        kept = [d for d in drafts if d.target is not None]
        for d in drafts:
            if d.target is None:
                host = next((k for k in kept if same_place(k.where, d.where)), None)
                if host is not None:
                    host.sentences.extend(d.sentences)
                else:
                    kept.append(d)
        drafts = kept
    return drafts
