"""Component `casualties`: how many were killed and injured, as each sentence says.

Casualty words come from the lexicons ("killed", "загинули", "ранены"); the figure that
goes with each is found by `counting`. "No one was hurt", "Загиблих і травмованих
немає" give zero; "the death toll rose to seven" the new total; "информации о
пострадавших нет" is not known, not none.
"""

from __future__ import annotations

from itertools import pairwise

from truce.extract.counting import count_near
from truce.extract.cues import cues
from truce.extract.doc import Doc, Sentence
from truce.extract.figures import is_age, number
from truce.extract.packs import Pack

_LIFE = cues("casualties", "life")
_TAKE_LIFE = cues("casualties", "take_life")
_SEEK_HELP = cues("casualties", "seek_help")
_MEDICAL_HELP = cues("casualties", "medical_help")
_RISE = cues("casualties", "rise")
_AND = cues("casualties", "and")
_NONE_WORDS = cues("casualties", "none_words")
# "Інформації про постраждалих немає", "данных о пострадавших нет": not known, not none.
_ABOUT = cues("casualties", "about")
_NO_DATA = cues("casualties", "no_data")


def casualties(doc: Doc) -> Doc:
    for s in doc.sentences:
        _casualties(s, doc.pack)
    return doc


def _casualties(s: Sentence, pack: Pack) -> None:
    tokens, text, n = s.tokens, s.text, len(s.tokens)
    zero_spans: set[int] = set()
    # "Інформації про постраждалих немає", "данных о пострадавших нет": not known, not none.
    zeros = [
        m
        for m in pack.no_casualties.find(tokens, text)
        if not (
            m.start > 1
            and tokens[m.start - 1].lower in _ABOUT
            and not _NO_DATA.isdisjoint(tokens[m.start - 2].lemmas)
        )
    ]
    for match in zeros:
        zero_spans.update(range(match.start, match.end))
    keywords: list[tuple[int, str]] = []
    for i, token in enumerate(tokens):
        if i in zero_spans:
            continue
        lemmas = token.lemmas
        if not pack.killed.isdisjoint(lemmas):
            keywords.append((i, "killed"))
        elif not pack.injured.isdisjoint(lemmas):
            keywords.append((i, "injured"))
        elif (
            i > 0
            and not _LIFE.isdisjoint(lemmas)
            and not _TAKE_LIFE.isdisjoint(tokens[i - 1].lemmas + tokens[max(0, i - 2)].lemmas)
        ):
            keywords.append((i, "killed"))  # "claimed the lives of", "унёс жизни"
        elif not _SEEK_HELP.isdisjoint(lemmas) and any(
            not _MEDICAL_HELP.isdisjoint(t.lemmas) for t in tokens[i + 1 : i + 4]
        ):
            keywords.append((i, "injured"))  # "13 человек обратились за медпомощью"
    # "No one was killed or injured", "nobody had been hurt": none, and "one" no count.
    nobody: dict[int, str] = {}
    for i, kind in keywords:
        lead = [t.lower for t in tokens[max(0, i - 5) : i]]
        if "nobody" in lead or "none" in lead or ("no", "one") in pairwise(lead):
            nobody[i] = kind
    for i, kind in keywords:
        if i in nobody or (i > 0 and tokens[i - 1].lower in ("не", "no", "ні", "not")):
            continue
        count = count_near(tokens, i, pack, text, [k for k, _ in keywords])
        if count is None:
            continue
        s.counts.append((kind, count, i))
        if kind == "killed" and s.killed is None:
            s.killed = count
        elif kind == "injured" and s.injured is None:
            s.injured = count
    counted = s.killed is not None or s.injured is not None
    for match in zeros:
        if counted and tokens[match.start].lower in ("не", "not"):
            continue  # "двоє травмувалися, діти не постраждали": only the children
        if match.value in ("both", "killed") and s.killed is None:
            s.killed = 0
        if match.value in ("both", "injured") and s.injured is None:
            s.injured = 0
        s.zero = True
    for kind in nobody.values():
        if kind == "killed" and s.killed is None:
            s.killed = 0
        if kind == "injured" and s.injured is None:
            s.injured = 0
        s.zero = True
    # "Загиблих і травмованих немає", "раненых нет", "Постраждалих, за його даними,
    # немає": none of either kind.
    for k, (i, kind) in enumerate(keywords):
        ahead = [t.lower for t in tokens[i + 1 : i + 6]]
        stop = next(
            (m for m, t in enumerate(tokens[i + 1 : i + 6]) if t.text[:1].isdigit()),
            len(ahead),
        )
        unknown = any(not _NO_DATA.isdisjoint(t.lemmas) for t in tokens[max(0, i - 3) : i])
        if not _NONE_WORDS.isdisjoint(ahead[:stop]) and not counted and not unknown:
            kinds = {kind}
            if k > 0 and keywords[k - 1][0] == i - 2 and tokens[i - 1].lower in _AND:
                kinds.add(keywords[k - 1][1])
            s.killed = 0 if "killed" in kinds and s.killed is None else s.killed
            s.injured = 0 if "injured" in kinds and s.injured is None else s.injured
            s.zero = True
    # "The death toll rose to seven", "кількість поранених зросла до 30": the new total.
    for r, token in enumerate(tokens):
        if _RISE.isdisjoint(token.lemmas):
            continue
        m = r + 1
        if m < n and tokens[m].lower in ("to", "до"):
            m += 1
        value = number(tokens[m], pack) if m < n else None
        prior = [
            (k, kind)
            for k, kind in keywords
            if r - 12 <= k < r or (k < r and tokens[k].lemma in ("toll", "число", "кількість"))
        ]
        if value is None or not prior or is_age(tokens, m, pack):
            continue
        if prior[-1][1] == "killed":
            s.killed = value
        else:
            s.injured = value
