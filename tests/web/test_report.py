import json
import re
from pathlib import Path

from typer.testing import CliRunner

from truce.cli import app
from truce.web.assets import csp_hash


def test_report_is_self_contained_and_complete(
    db_url: str, seed_case: Path, tmp_path: Path
) -> None:
    runner = CliRunner()
    for args in (
        ["terms", "import", str(seed_case / "terms.yaml")],
        ["incidents", "import", str(seed_case / "incidents.csv")],
        ["report", "-a", "energy-ceasefire-2025", "--out", str(tmp_path / "r.html")],
    ):
        result = runner.invoke(app, [*args, "--db", db_url])
        assert result.exit_code == 0, result.stderr
    html = (tmp_path / "r.html").read_text("utf-8")
    # Nothing to fetch: scripts and styles are inline, no element loads anything, and the
    # CSP admits only those inline scripts and styles (by hash) and no connection at all.
    assert "<link" not in html.replace('<link rel="icon" href="data:,">', "")
    assert not re.search(r"""<script[^>]*\bsrc=""", html)
    markup = re.sub(r"<script[^>]*>.*?</script>", "", html, flags=re.DOTALL)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", markup)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert csp is not None
    policy = csp.group(1).replace("&#39;", "'")
    assert "default-src 'none'" in policy and "connect-src 'none'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    scripts = re.findall(r"<script>(.*?)</script>", html, flags=re.DOTALL)
    assert len(scripts) == 3 and all(
        csp_hash(s) in policy for s in scripts
    )  # leaflet, supercluster, ours
    # The data the panels draw is in the page.
    data = re.search(r'<script type="application/json" id="truce-data">(.*?)</script>', html, re.S)
    assert data is not None
    bundle = json.loads(data.group(1))
    # Columnar (truce.web.dashboard.compact): every incident, a ruling per version each.
    assert bundle["count"] == 5 and all(len(r) == 5 for r in bundle["rulings"])
    assert len(bundle["data"]["id"]) == 5 and bundle["explained"] == 5
    assert [v["id"] for v in bundle["versions"]] == [
        "whitehouse",
        "kremlin",
    ]
    for panel in ("map", "timeline", "compliance", "accounts", "incident"):
        assert f'data-testid="{panel}"' in html
    # Both versions side by side, with the fields that differ marked.
    assert 'data-testid="versions"' in html
    assert "whitehouse" in html and "kremlin" in html
    assert re.search(r'<tr class="differs">\s*<th scope="row">protects</th>', html)
    # Every incident with its rulings and explanations.
    for incident in ("seed-01-moscow-refinery", "seed-03-substation", "seed-05-ukraine-hit-back"):
        assert f'id="incident-{incident}"' in html
    assert html.count('class="explanation"') == 10
    assert "straddles a window boundary" in html
