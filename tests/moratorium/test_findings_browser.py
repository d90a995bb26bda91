"""The moratorium report in real headless Chromium: the findings are on the page, read
without scripts' help, and the page asks for nothing outside itself."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from truce.cli import app

CHROMIUM = Path("/usr/bin/chromium")
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "moratorium-2025"

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing (apt-get install chromium)"
)


def _truce(*args: str) -> None:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output


def test_the_findings_show_in_the_offline_report(tmp_path: Path) -> None:
    playwright_api = pytest.importorskip("playwright.sync_api")
    db = f"sqlite:///{tmp_path / 'truce.db'}"
    _truce("terms", "import", str(EXAMPLE / "terms.yaml"), "--db", db)
    _truce("reports", "import", str(EXAMPLE / "incidents.csv"), "--db", db, "--quiet")
    out = tmp_path / "report.html"
    _truce("report", "--agreement", "energy-moratorium-2025", "--db", db, "--out", str(out),
           "--totals", str(EXAMPLE / "totals.yaml"), "-q")  # fmt: skip
    requests: list[str] = []
    errors: list[str] = []
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.on("request", lambda request: requests.append(request.url))
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(out.as_uri())
        page.wait_for_selector("body[data-ready=true]", state="attached", timeout=60000)
        findings = page.get_by_test_id("findings")
        findings.scroll_into_view_if_needed()
        assert findings.is_visible()
        headline = page.get_by_test_id("findings-headline").inner_text()
        totals = page.get_by_test_id("findings-totals").inner_text()
        patterns = page.get_by_test_id("findings-disputed-patterns").inner_text()
        browser.close()
    assert "kremlin" in headline and "violations by UA" in headline
    assert "eight confirmed hits" in totals
    assert "before_start" in patterns
    assert errors == []
    assert [r for r in requests if not r.startswith(("file:", "data:", "blob:"))] == []
