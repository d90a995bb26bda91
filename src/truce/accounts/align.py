"""Which statement of one account says the same thing as which of another.

Similarity combines the wording (TF-IDF cosine over content words, after mapping the
many ways of saying one thing — "POWs", "prisoners of war" — to one token) with the
checkable details the two statements share (what is protected, numbers, dates,
durations, actors). Statements are then paired by an optimal assignment
(Hungarian algorithm), so one vivid sentence cannot claim every partner; a second,
stricter pass lets a sentence that one side split in two match both halves.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from truce.accounts.lexicon import STOPWORDS, SYNONYM_REGEX
from truce.accounts.statements import Statement
from truce.domain import covers

# Tuned on the seed case and checked on the hand-labelled real pairs
# (evaluation/accounts/alignments.yaml).
MATCH_THRESHOLD = 0.22
SECOND_MATCH_THRESHOLD = 0.28
TEXT_WEIGHT = 0.65

_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "s", "ly")


def _stem(word: str) -> str:
    if word.startswith("topic_"):
        return word
    for suffix in _SUFFIXES:
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def tokens(text: str) -> list[str]:
    """Content words of a statement, with synonyms mapped to one topic token each."""
    lowered = text.lower().replace("’", "'")
    for regex, token in SYNONYM_REGEX:
        lowered = regex.sub(token, lowered)
    words = re.findall(r"[a-z_][a-z_'-]+|\d[\d,.]*", lowered)
    return [_stem(w.strip("'")) for w in words if w.strip("'") not in STOPWORDS]


def text_similarity(left: list[Statement], right: list[Statement]) -> npt.NDArray[np.float64]:
    """TF-IDF cosine of every pair, IDF taken over the statements of both accounts."""
    by_id = {s.id: s for s in (*left, *right)}
    docs = []
    for statement in (*left, *right):
        words = tokens(statement.text)
        referred = by_id.get(statement.refers_to or "")
        if referred is not None:  # "this initiative" stands for the words it points to
            words += tokens(referred.text)
        docs.append(Counter(words))
    df: Counter[str] = Counter(term for doc in docs for term in doc)
    n = len(docs)
    vocabulary = {term: i for i, term in enumerate(df)}
    matrix = np.zeros((n, len(vocabulary)))
    for row, doc in enumerate(docs):
        for term, count in doc.items():
            idf = math.log((1 + n) / (1 + df[term])) + 1
            matrix[row, vocabulary[term]] = (1 + math.log(count)) * idf
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    matrix = matrix / np.where(norms == 0, 1, norms)
    result: npt.NDArray[np.float64] = matrix[: len(left)] @ matrix[len(left) :].T
    return result


def _scope_similarity(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    def best(code: str, others: tuple[str, ...]) -> float:
        scores = [
            1.0 if code == o else 0.7 if covers(code, o) or covers(o, code) else 0.0 for o in others
        ]
        return max(scores, default=0.0)

    return (sum(best(c, b) for c in a) + sum(best(c, a) for c in b)) / (len(a) + len(b))


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def detail_similarity(a: Statement, b: Statement) -> float | None:
    """Agreement on the checkable details both statements give; None when they share
    no kind of detail (then the wording alone decides)."""
    parts: list[tuple[float, float]] = []
    if a.scope and b.scope:
        parts.append((3.0, _scope_similarity(a.scope, b.scope)))
    if a.numbers and b.numbers:
        values = ({str(q.value) for q in a.numbers}, {str(q.value) for q in b.numbers})
        parts.append((2.0, _overlap(*values)))
    if a.dates and b.dates:
        parts.append((1.5, _overlap({d.value for d in a.dates}, {d.value for d in b.dates})))
    if a.durations and b.durations:
        spans = ({d.value for d in a.durations}, {d.value for d in b.durations})
        parts.append((1.5, _overlap(*spans)))
    if not parts:
        return None
    return sum(w * s for w, s in parts) / sum(w for w, _ in parts)


def similarity(left: list[Statement], right: list[Statement]) -> npt.NDArray[np.float64]:
    text = text_similarity(left, right)
    scores = np.zeros_like(text)
    for i, a in enumerate(left):
        for j, b in enumerate(right):
            if text[i, j] < 0.03:
                continue  # details alone never make a match: some wording must be shared
            detail = detail_similarity(a, b)
            score = text[i, j]
            if detail is not None:
                score = TEXT_WEIGHT * score + (1 - TEXT_WEIGHT) * detail
            score += 0.05 * (a.type == b.type) + 0.05 * _overlap(set(a.actors), set(b.actors))
            scores[i, j] = min(score, 1.0)
    return scores


@dataclass(frozen=True, slots=True)
class Pair:
    left: int
    right: int
    score: float


def align(left: list[Statement], right: list[Statement]) -> list[Pair]:
    """Matched statement pairs (indexes into `left` and `right`), best assignment first,
    then the extra partners of statements one side split in two."""
    if not left or not right:
        return []
    from scipy.optimize import linear_sum_assignment  # slow to import: only when comparing

    scores = similarity(left, right)
    rows, cols = linear_sum_assignment(scores, maximize=True)
    pairs = [
        Pair(int(i), int(j), float(scores[i, j]))
        for i, j in zip(rows, cols, strict=True)
        if scores[i, j] >= MATCH_THRESHOLD
    ]
    matched_left = {p.left for p in pairs}
    matched_right = {p.right for p in pairs}
    for i in range(len(left)):
        if i in matched_left:
            continue
        j = int(np.argmax(scores[i]))
        if scores[i, j] >= SECOND_MATCH_THRESHOLD and j in matched_right:
            pairs.append(Pair(i, j, float(scores[i, j])))
    for j in range(len(right)):
        if j in matched_right:
            continue
        i = int(np.argmax(scores[:, j]))
        if scores[i, j] >= SECOND_MATCH_THRESHOLD and i in matched_left:
            pairs.append(Pair(i, j, float(scores[i, j])))
    return sorted(pairs, key=lambda p: (p.left, p.right))
