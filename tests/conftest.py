"""Shared fixtures: real SQLite files in temporary folders, and the seed case's files."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from truce.domain import Incident, TermsVersion
from truce.incidents import parse_incident
from truce.terms import parse_terms

from .postgres import fresh_database, postgres_bin, postgres_server

ROOT = Path(__file__).resolve().parents[1]
SEED_CASE = ROOT / "examples" / "seed-case"
SHARED = ROOT.parent / "shared"
NOW = datetime(2026, 1, 1, tzinfo=UTC)

# No per-example deadline and no "too slow" health check: on a busy 2-core machine a
# Hypothesis deadline is an assertion on elapsed time. Speed lives in `truce bench`.
settings.register_profile(
    "truce", deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
settings.load_profile("truce")


@pytest.fixture(scope="session")
def postgres() -> Iterator[str]:
    """Base URL of a private PostgreSQL server, started once per test process."""
    bin_dir = postgres_bin()
    if bin_dir is None:
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql)")
    with postgres_server(bin_dir) as url:
        yield url


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'truce.db'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database: an SQLite file, then a PostgreSQL database (same tests, same code)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'truce.db'}"
        return
    with fresh_database(request.getfixturevalue("postgres")) as url:
        yield url


@pytest.fixture
def seed_case() -> Path:
    return SEED_CASE


def make_version(**fields: object) -> TermsVersion:
    """A version from YAML fields, through the real reader, with sensible defaults."""
    data: dict[str, object] = {
        "id": "v",
        "according_to": "RU",
        "bound": "[RU, UA]",
        "protects": "[infrastructure.energy]",
        "starts": "2025-03-18T17:00:00+03:00",
        "duration": "P30D",
    }
    data.update(fields)
    lines = [f"    {key}: {value}" for key, value in data.items() if value is not None]
    text = "agreement: test\nversions:\n  - " + "\n".join(lines).lstrip()
    return parse_terms(textwrap.dedent(text)).versions[0]


def make_incident(**fields: object) -> Incident:
    record: dict[str, object] = {
        "id": "i1",
        "occurred_at": "2025-03-20T10:00:00+02:00",
        "country": "UA",
        "perpetrator": "RU",
        "target": "infrastructure.energy.grid",
    }
    record.update(fields)
    return parse_incident(record, now=NOW)


@pytest.fixture
def write_file(tmp_path: Path) -> Callable[[str, str], Path]:
    def write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text).lstrip("\n"), "utf-8")
        return path

    return write
