"""A store holding the seed case and the awkward incidents an export must carry whole:
no coordinates, a date only, a night and a morning, quotes, commas, newlines, Cyrillic."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from truce.domain import Incident, Report
from truce.extract.pipeline import incidents_from_report
from truce.incidents import import_incidents
from truce.store import Store
from truce.terms import import_terms

from ..conftest import SEED_CASE

AGREEMENT = "energy-ceasefire-2025"
KYIV = (30.523333, 50.450001)  # lon, lat

EDGE_CSV = '''\
id,occurred_at,place,lat,lon,country,region,perpetrator,target,target_detail,weapon,killed,injured,source,source_alignment,reported_at,url,text
edge-kyiv,2025-03-20T21:30:00+02:00,Kyiv,50.450001,30.523333,UA,Kyiv,RU,infrastructure.energy.generation,"CHP-5, ""Kyivteploenergo""",missile,0,12,"Governor, Kyiv",UA,2025-03-21T07:15:00+02:00,https://example.org/a?b=1&c=2,"Line one, with a comma
line two with ""quotes""
line three"
edge-cyrillic,2025-03-19,Харків,,,UA,Харківська область,RU,infrastructure.energy.grid,підстанція,дрон,,,Харківська ОВА,UA,,,"Вночі дрони атакували підстанцію; «світла немає»."
edge-nothing,,,,,,,unknown,,,,,,,,,,
edge-moscow,2025-03-22T03:00:00+03:00,Moscow,55.755826,37.6173,RU,Moscow,UA,infrastructure.energy.oil,depot,drone,,1,TASS,RU,,,Drone attack on an oil depot.
'''


def _extracted() -> list[tuple[Report, list[Incident]]]:
    """Reports with their incidents as the API stores them from free text: night,
    part-of-day and hour times."""
    published = datetime(2025, 3, 21, 12, 0, tzinfo=timezone(timedelta(hours=2)))
    texts = {
        "night": "Overnight Russian drones struck a substation in Kharkiv, the governor said.",
        "morning": "In the morning Russian shelling hit a school in Kherson, injuring 3 people.",
        "hour": "At about 14:00 a Russian missile hit a thermal power plant near Kyiv.",
    }
    reports = [
        Report(id=name, published=published, text=text, source="x", source_alignment="UA")
        for name, text in texts.items()
    ]
    return [(report, incidents_from_report(report)) for report in reports]


@pytest.fixture
def filled(db_url: str, tmp_path: Path) -> str:
    """`db_url` holding the seed terms, the seed incidents, the edge cases and extracted ones."""
    edge = tmp_path / "edge.csv"
    edge.write_text(EDGE_CSV, "utf-8")
    with Store(db_url, actor="test") as store:
        import_terms(store, SEED_CASE / "terms.yaml")
        import_incidents(store, SEED_CASE / "incidents.csv")
        import_incidents(store, edge)
        store.add_reports(_extracted())
    return db_url
