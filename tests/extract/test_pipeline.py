"""The extractor is a list of named components a caller can inspect and run in part."""

from __future__ import annotations

import pytest

from truce.errors import BadInput
from truce.extract import PIPELINE, extract, pipeline_components
from truce.extract.doc import Doc
from truce.extract.pipeline import Pipeline

from .conftest import report

TEXT = "Russian drones struck a substation in Kharkiv overnight, injuring two people."


def test_the_components_are_listed_in_the_order_they_run() -> None:
    names = pipeline_components()
    assert names[0] == "language" and names[-1] == "records"
    for earlier, later in [
        ("triggers", "negation"),
        ("targets", "negation"),
        ("negation", "actors"),
        ("places", "geocode"),
        ("drafts", "tally"),
        ("time", "records"),
    ]:
        assert names.index(earlier) < names.index(later)


def test_a_run_can_stop_after_any_component() -> None:
    doc = PIPELINE.run(report(TEXT), until="targets")
    [sentence] = doc.sentences
    assert [t.value for t in sentence.targets] == ["infrastructure.energy.grid"]
    assert sentence.actors == [] and sentence.places == []  # not run yet
    assert doc.records == []


def test_an_unknown_component_is_named_in_the_error() -> None:
    with pytest.raises(ValueError, match="'parser'"):
        PIPELINE.run(report(TEXT), until="parser")


def test_the_whole_run_gives_what_extract_gives() -> None:
    assert PIPELINE.run(report(TEXT)).records == extract(report(TEXT))
    [record] = extract(report(TEXT))
    assert (record.place, record.perpetrator, record.injured) == ("Kharkiv", "RU", 2)


def test_a_component_that_fails_names_the_report_and_itself() -> None:
    def broken(doc: Doc) -> Doc:
        raise ValueError("invalid literal for int()")

    pipeline = Pipeline((*PIPELINE.components[:1], ("broken", broken)))
    with pytest.raises(BadInput, match=r"report 'r1': the extractor's 'broken' component"):
        pipeline.run(report("Drones hit a substation in Sumy."))
