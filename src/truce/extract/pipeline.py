"""`extract(report)`: free text → incident records (CONTRACTS §4), by a pipeline of
components over one `Doc`.

As in spaCy, a report is made into a `Doc` once (`language`: its sentences, tokens and
lemmas), and each component, in the order of `COMPONENTS`, reads what those before it
found and adds what it finds: first each sentence's own facts (strike words and their
negation, targets, weapons, actors, casualties, regions and places), then the report's
(which sentences report a strike, where they are, the drafts of records, their counts,
attacker, time), and last the records. Each component is a plain function `Doc -> Doc`,
so it can be run, tested and timed alone (`Pipeline.run(report, until=name)`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC

from truce.domain import GeoPrecision, Incident, Occurrence, Report, TimePrecision
from truce.errors import BadInput, TruceError
from truce.extract.components.actors import actors
from truce.extract.components.attribution import attribution
from truce.extract.components.casualties import casualties
from truce.extract.components.drafts import drafts
from truce.extract.components.geocode import geocode
from truce.extract.components.incident import incident
from truce.extract.components.language import language
from truce.extract.components.negation import negation
from truce.extract.components.places import places
from truce.extract.components.records import records
from truce.extract.components.regions import regions
from truce.extract.components.tally import tally
from truce.extract.components.targets import targets, weapons
from truce.extract.components.time import time
from truce.extract.components.triggers import triggers
from truce.extract.doc import Doc
from truce.extract.records import ExtractedRecord

Component = Callable[[Doc], Doc]


@dataclass(frozen=True)
class Pipeline:
    """Named components run in order over a `Doc`."""

    components: tuple[tuple[str, Component], ...]

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self.components]

    def run(self, report: Report, until: str | None = None) -> Doc:
        """The report's `Doc` after every component, or after the one named `until`
        (to test or time the components before it alone). A component that closes the
        doc (nothing in it to record) ends the run early."""
        if until is not None and until not in self.names:
            raise ValueError(f"no component {until!r}; the components are {self.names}")
        doc = Doc(report)
        for name, component in self.components:
            try:
                doc = component(doc)
            except TruceError:
                raise
            except Exception as error:
                # A bug, but one text must not end a batch in a traceback: say which
                # report and component, so it can be reported and the rest read.
                raise BadInput(
                    f"report '{report.id}': the extractor's '{name}' component failed"
                    f" on this text ({type(error).__name__}: {error}); this is a bug"
                    " in truce, please report it with the text",
                    field="text",
                ) from error
            if name == until or doc.closed:
                break
        return doc


# Each sentence's own facts first, then the report's; the order is the dependencies'.
COMPONENTS: tuple[tuple[str, Component], ...] = (
    ("language", language),  # language, sentences, tokens, lemmas, clauses
    ("triggers", triggers),  # strike words; talk of strikes, "no hits", accidents
    ("targets", targets),  # what was hit
    ("weapons", weapons),  # with what
    ("negation", negation),  # which strike word reports the sentence's strike, if any
    ("actors", actors),  # who struck; claimants and owners set aside
    ("casualties", casualties),  # killed and injured, as each sentence counts them
    ("regions", regions),  # regions and a country named as where
    ("places", places),  # settlement mentions
    ("incident", incident),  # the sentences that report a strike; the confidence
    ("geocode", geocode),  # each mention's place; the report's own place
    ("drafts", drafts),  # one draft per place × target
    ("tally", tally),  # counts to drafts
    ("attribution", attribution),  # perpetrator and weapon, of the report and each draft
    ("time", time),  # when; background and empty drafts dropped
    ("records", records),  # the records
)
PIPELINE = Pipeline(COMPONENTS)


def pipeline_components() -> list[str]:
    """The names of the extractor's components, in the order they run."""
    return PIPELINE.names


def analyse(report: Report) -> Doc:
    """The report's `Doc` with each sentence's facts, before any report-wide decision
    (what the incident classifier and its training read)."""
    return PIPELINE.run(report, until="places")


def extract(report: Report) -> list[ExtractedRecord]:
    """The incidents a report describes; none for a text that reports no strike."""
    return PIPELINE.run(report).records


def incidents_from_report(report: Report) -> list[Incident]:
    """`extract`'s records as domain incidents, with ids "{report.id}#1", "#2", … and
    their time as the UTC interval the precision allows."""
    return extract_both(report)[1]


def extract_both(report: Report) -> tuple[list[ExtractedRecord], list[Incident]]:
    """The records and the incidents of one report, from one extraction."""
    doc = PIPELINE.run(report)
    out = []
    for n, (record, draft) in enumerate(zip(doc.records, doc.drafts, strict=True), start=1):
        when = Occurrence(TimePrecision.NONE)
        resolved, zone = draft.when, draft.zone
        bounds = resolved.bounds(zone) if resolved is not None and zone is not None else None
        if bounds is not None and resolved is not None and record.occurred_at is not None:
            start, end = bounds
            when = Occurrence(
                resolved.precision, start.astimezone(UTC), end.astimezone(UTC), record.occurred_at
            )
        out.append(
            Incident(
                id=f"{report.id}#{n}",
                when=when,
                place=record.place,
                lat=record.lat,
                lon=record.lon,
                country=record.country,
                region=record.region,
                geo_precision=GeoPrecision(record.geo_precision),
                perpetrator=record.perpetrator,
                target=record.target,
                target_detail=record.target_detail,
                weapon=record.weapon,
                killed=record.killed,
                injured=record.injured,
                source=report.source,
                source_alignment=report.source_alignment,
                reported_at=report.published,
                url=report.url,
                text=report.text,
                report_id=report.id,
            )
        )
    return doc.records, out
