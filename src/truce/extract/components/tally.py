"""Component `tally`: each sentence's casualty counts to the draft they belong to.

A count goes with the draft of its own sentence; with several places in the sentence,
with the place of its own clause ("двоє у Дніпрі, шестеро в Синельниковому"); with
several targets, with the target of the nearest clause before it that reports a strike;
else with the draft of the sentence before ("Трое жителей пострадали" after the strike on
Lgov). "Nobody was hurt" holds for the drafts of its sentence's place, else for all.
"""

from __future__ import annotations

from bisect import bisect_left

from truce.extract.doc import Doc, Draft, same_place


def tally(doc: Doc) -> Doc:
    drafts, facts = doc.drafts, doc.sentences
    # Which drafts hold each sentence, and every sentence some draft holds, sorted: asked
    # of every sentence below, going through every draft's sentences each time grew
    # with the square of the report. The loop changes counts, not sentences.
    holding: dict[int, list[Draft]] = {}
    for d in drafts:
        for i in dict.fromkeys(d.sentences):
            holding.setdefault(i, []).append(d)
    held = sorted(holding)
    for s in facts:
        if s.killed is None and s.injured is None:
            continue
        clause = s.clauses
        # "Загинули восьмеро: двоє у Дніпрі, шестеро в Синельниковому": each count with
        # the place of its own clause; a count with none (the total) goes nowhere.
        by_place = [
            (loc.at, d)
            for loc in doc.located[s.index]
            if loc.place is not None and 0 <= loc.at < len(clause)
            for d in drafts
            if same_place(d.where, loc)
        ]
        if len({(d.where.place, d.where.region) for _, d in by_place}) > 1 and s.counts:
            for kind, value, at in s.counts:
                takers = [d for k, d in by_place if clause[k] == clause[at]]
                takers = takers or [d for k, d in sorted(by_place, key=lambda n: -n[0]) if k < at]
                if takers and getattr(takers[0], kind) is None:
                    setattr(takers[0], kind, value)
            continue
        owner = next(iter(holding.get(s.index, ())), None)
        hit = [d for d in drafts if d.target in {t.value for t in s.targets}]
        if s.casualty_only and len(drafts) > 1 and len(hit) == 1:
            owner = hit[0]  # "Загинув член екіпажу судна", "У гуртожитку поранено …"
        if owner is None:
            # "В Броварах ранен один человек": the record of the place it names.
            owner = next((d for _, d in by_place), None)
        if owner is None:
            # The record of the sentence before ("Трое жителей пострадали" after the
            # strike on Lgov); none when that sentence holds several ("The toll now
            # stands at 34" after a trolleybus and a university were hit) or the count
            # is the region's ("three people were wounded in the region").
            at = bisect_left(held, s.index)
            previous = list(holding[held[at - 1]]) if at else []
            if len(drafts) == 1:
                previous = drafts
            if len(previous) != 1 or (s.regions and len(drafts) > 1):
                continue
            owner = previous[0]
        # "пошкоджено газопровід; снаряд влучив у будинок, поранено господаря": the count
        # goes with the target of the nearest clause before it that reports a strike.
        own = [d for d in holding.get(s.index, ()) if same_place(d.where, owner.where)]
        if len(own) > 1 and s.counts and s.targets:
            first = s.counts[0][2]
            struck = {clause[m.start] for m in s.strike_words}
            earlier = [
                t
                for t in s.targets
                if t.start < first
                and clause[t.start] in struck
                and any(d.target == t.value for d in own)
            ]
            if len({clause[t.start] for t in earlier}) > 1:
                owner = next(d for d in own if d.target == earlier[-1].value)
        # "a supermarket in Kharkiv, killing two, and houses in Kupiansk, killing three":
        # each count with the place named nearest before it in the sentence.
        local = [d for d in drafts if d.sentence == s.index and d.where.at >= 0]
        if len({(d.where.place, d.where.region) for d in local}) > 1 and s.counts:
            for kind, value, at in s.counts:
                before = [d for d in local if d.where.at <= at]
                receiver = max(before, key=lambda d: d.where.at) if before else local[0]
                if getattr(receiver, kind) is None:
                    setattr(receiver, kind, value)
            continue
        if s.killed is not None and owner.killed is None:
            owner.killed = s.killed
        if s.injured is not None and owner.injured is None:
            owner.injured = s.injured
    # "Nobody was hurt" said of the whole report holds for every record of it; said in a
    # sentence of one place's record ("У Приморському … обійшлося без постраждалих"), of it.
    for s in facts:
        if s.zero:
            own = [d for d in drafts if s.index in d.sentences and d.sentence == s.index]
            mine = s.places and len({(d.where.place, d.where.region) for d in drafts}) > 1
            for d in own if own and mine else drafts:
                d.killed = 0 if d.killed is None and s.killed == 0 else d.killed
                d.injured = 0 if d.injured is None and s.injured == 0 else d.injured
                if d.killed is None and s.injured == 0 and not any(x.killed for x in facts):
                    d.killed = 0
    return doc
