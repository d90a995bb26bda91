"""A trained check on the rules' "does this report a strike?".

Rules find strike words with a target, a weapon or a place; they are fooled by reports
that merely mention strikes (a ban on strikes on energy facilities, a denial, an
incursion with no target). A logistic regression over the report's lemmas and the rules'
own findings, trained by `scripts/train_extract.py` on the labelled train split, gives
the probability that becomes a record's `confidence`. It ranks and flags; it does not
veto: on real published text (evaluation/extract-real) it turned down half the plain
reports of a strike the rules had found. Its weights are plain JSON and inference is a
dot product, so nothing depends on one scikit-learn version's pickle.
"""

from __future__ import annotations

import json
import math
from functools import cache
from importlib import resources

from truce.extract.doc import Sentence

MODEL = "incident_model.json"


def features(lang: str, facts: list[Sentence]) -> set[str]:
    """The report's features: its lemmas, and what the rules found in it."""
    out = {f"{lang}:{token.lemma}" for s in facts for token in s.tokens}
    incident = [s for s in facts if s.incident]
    out.update(
        name
        for name, present in (
            ("rule:incident", bool(incident)),
            ("rule:blocked", any(s.blocked for s in facts)),
            ("rule:talk", any(s.talk for s in facts)),
            ("rule:target", any(s.targets for s in incident)),
            ("rule:weapon", any(s.weapons for s in incident)),
            ("rule:place", any(s.places or s.regions for s in incident)),
            ("rule:casualties", any(s.killed or s.injured for s in facts)),
            ("rule:actor", any(s.actors for s in facts)),
            ("rule:all_talk", all(s.talk for s in incident) if incident else False),
        )
        if present
    )
    return out


@cache
def _model() -> tuple[float, dict[str, float]] | None:
    path = resources.files("truce.extract").joinpath("data", MODEL)
    if not path.is_file():
        return None
    data = json.loads(path.read_text("utf-8"))
    return float(data["bias"]), {k: float(v) for k, v in data["weights"].items()}


def incident_probability(lang: str, facts: list[Sentence]) -> float | None:
    """P(the report describes at least one strike), or None when no model is shipped."""
    model = _model()
    if model is None:
        return None
    bias, weights = model
    score = bias + sum(weights.get(f, 0.0) for f in features(lang, facts))
    return 1.0 / (1.0 + math.exp(-score))
