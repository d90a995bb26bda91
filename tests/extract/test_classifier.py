"""The trained incident check: plain weights, a dot product, and a veto over the rules."""

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
def test_a_model_vetoes_what_it_finds_unlikely() -> None:
    assert extract(report(STRIKE)) == []
    [record] = extract(report("Уночі ворог атакував Суми ударними БпЛА. Пошкоджено підстанцію."))
    assert record.confidence > 0.5


def test_features_are_lemmas_and_rule_findings() -> None:
    from truce.extract.pipeline import _analyse

    lang, facts = _analyse(report(STRIKE))
    found = classifier.features(lang, facts)
    assert {"uk:ворог", "uk:підстанція", "rule:incident", "rule:target"} <= found
