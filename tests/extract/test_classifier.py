"""The trained incident check: plain weights, a dot product, and a rank (never a veto)
over what the rules find."""

from __future__ import annotations

import pytest

from truce.extract import classifier, extract

from .conftest import report

STRIKE = "Уночі ворог атакував Слов'янськ ударними БпЛА. Пошкоджено підстанцію."


@pytest.fixture
def model(monkeypatch: pytest.MonkeyPatch) -> None:
    """A model that finds every report naming "Слов'янськ" no strike at all."""
    monkeypatch.setattr(classifier, "_model", lambda: (2.0, {"uk:слов'янськ": -10.0}))


def test_without_a_shipped_model_the_rules_decide() -> None:
    if classifier._model() is not None:
        pytest.skip("a model is shipped")
    assert len(extract(report(STRIKE))) == 1


@pytest.mark.usefixtures("model")
def test_a_model_ranks_but_never_vetoes_a_plain_report() -> None:
    """A plain report of a strike gives a record whatever the model thinks; the model's
    doubt shows as a low confidence."""
    [doubted] = extract(report(STRIKE))
    assert doubted.confidence < 0.5
    [record] = extract(report("Уночі ворог атакував Суми ударними БпЛА. Пошкоджено підстанцію."))
    assert record.confidence > 0.5


def test_features_are_lemmas_and_rule_findings() -> None:
    from truce.extract.pipeline import analyse

    doc = analyse(report(STRIKE))
    found = classifier.features(doc.lang, doc.sentences)
    assert {"uk:ворог", "uk:підстанція", "rule:incident", "rule:target"} <= found
