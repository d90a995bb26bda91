"""Component `records`: the drafts as the records `extract` returns (CONTRACTS §4).

The last component: each draft left becomes an `ExtractedRecord`, with the precision of
where it is (settlement, region, country or none) and when (`time`).
"""

from __future__ import annotations

from truce.domain import GeoPrecision
from truce.extract.doc import Doc, Draft
from truce.extract.records import ExtractedRecord


def records(doc: Doc) -> Doc:
    doc.records = [_record(doc, draft) for draft in doc.drafts]
    return doc


def _record(doc: Doc, draft: Draft) -> ExtractedRecord:
    report, where = doc.report, draft.where
    place, region, country = where.place, where.region, draft.country
    if place is not None:
        precision = GeoPrecision.SETTLEMENT
    elif region is not None:
        precision = GeoPrecision.REGION
    elif country is not None:
        precision = GeoPrecision.COUNTRY
    else:
        precision = GeoPrecision.NONE
    when, zone = draft.when, draft.zone
    return ExtractedRecord(
        input=report.id,
        occurred_at=when.text(zone) if when is not None and zone is not None else None,
        time_precision=when.precision.value if when is not None else "none",
        place=place.name if place else None,
        place_mention=where.mention,
        region=(place.region if place else None) or (region.name if region else None),
        country=country,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        geo_precision=precision.value,
        perpetrator=draft.perpetrator,
        target=draft.target,
        target_detail=draft.detail,
        weapon=draft.weapon,
        killed=draft.killed,
        injured=draft.injured,
        source=report.source,
        source_alignment=report.source_alignment,
        lang=doc.lang,
        confidence=doc.confidence,
    )
