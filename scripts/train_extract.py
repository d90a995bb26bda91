"""Train the incident-or-not check of `truce.extract` on the labelled train split.

    pip install -e '.[build]'                      # scikit-learn
    python scripts/train_extract.py evaluation/extract/train.jsonl \
        --heldout evaluation/extract/test.jsonl

Fits a logistic regression over lemmas and the rules' findings on the train split and
writes it as plain weights (`src/truce/extract/data/incident_model.json`); the extractor
lets it veto the rules' "this reports a strike". Prints the rules alone against rules +
model by 5-fold cross-validation on the train split and, with `--heldout`, on the test
split: the model is shipped because it does better there (see README).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from truce.domain import Report  # noqa: E402
from truce.extract import classifier, pipeline  # noqa: E402
from truce.extract.components import incident  # noqa: E402

OUT = ROOT / "src" / "truce" / "extract" / "data" / classifier.MODEL


def _rows(path: Path) -> tuple[list[dict[str, float]], np.ndarray, np.ndarray, np.ndarray]:
    """Features, labels (does the report describe a strike?), the rules' answers and
    whether the rules are sure (a count of casualties in a named place: no veto)."""
    feats, labels, rules, sure = [], [], [], []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        report = Report(
            id=row["id"],
            source_alignment=row.get("source_alignment"),
            published=datetime.fromisoformat(row["published"]),
            text=row["text"],
        )
        doc = pipeline.analyse(report)
        lang, facts = doc.lang, doc.sentences
        feats.append(dict.fromkeys(classifier.features(lang, facts), 1.0))
        labels.append(int(bool(row["expected"])))
        rules.append(int(incident.rule_says_incident(facts)))
        sure.append(int(incident.rule_is_sure(facts)))
    return feats, np.array(labels), np.array(rules), np.array(sure)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", type=Path, help="the train split")
    parser.add_argument("--c", type=float, default=1.0, help="inverse regularisation")
    parser.add_argument(
        "--heldout", type=Path, help="also compare rules and rules + model on this split"
    )
    args = parser.parse_args()
    feats, y, r, s = _rows(args.split)
    vectoriser = DictVectorizer()
    x = vectoriser.fit_transform(feats)
    combined = np.zeros(len(y), dtype=int)
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=7)
    for train, held in folds.split(x, y):
        fold = LogisticRegression(C=args.c, max_iter=3000).fit(x[train], y[train])
        combined[held] = r[held] & ((fold.predict_proba(x[held])[:, 1] >= 0.5) | s[held])
    cv = {"rules": float((r == y).mean()), "rules_and_model": float((combined == y).mean())}
    print(f"5-fold CV on {len(y)} train reports: rules {cv['rules']:.3f}, "
          f"rules + model {cv['rules_and_model']:.3f}")  # fmt: skip
    model = LogisticRegression(C=args.c, max_iter=3000).fit(x, y)
    heldout: dict[str, float] = {}
    if args.heldout is not None:
        hf, hy, hr, hs = _rows(args.heldout)
        p = model.predict_proba(vectoriser.transform(hf))[:, 1]
        heldout = {
            "rules": float((hr == hy).mean()),
            "rules_and_model": float(((hr & ((p >= 0.5) | hs)) == hy).mean()),
        }
        print(f"{args.heldout} ({len(hy)} reports): rules {heldout['rules']:.3f}, "
              f"rules + model {heldout['rules_and_model']:.3f}")  # fmt: skip
    names = vectoriser.get_feature_names_out()
    weights = {
        str(name): round(float(w), 5)
        for name, w in zip(names, model.coef_[0], strict=True)
        if abs(w) >= 1e-3
    }
    data = {
        "trained_on": str(args.split),
        "reports": len(y),
        "c": args.c,
        "incident_accuracy": {
            "cv_train": {k: round(v, 4) for k, v in cv.items()},
            "heldout": {k: round(v, 4) for k, v in heldout.items()},
        },
        "bias": round(float(model.intercept_[0]), 5),
        "weights": dict(sorted(weights.items())),
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", "utf-8")
    print(f"wrote {OUT.relative_to(ROOT)} ({len(weights)} weights)")


if __name__ == "__main__":
    main()
