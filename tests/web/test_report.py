import re
from pathlib import Path

from typer.testing import CliRunner

from truce.cli import app


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
    # Nothing to fetch: no scripts, links or remote URLs in attributes, and a CSP forbidding them.
    assert "<script" not in html and "<link" not in html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "default-src 'none'" in html
    # Both versions side by side, with the fields that differ marked.
    assert 'data-testid="versions"' in html
    assert "whitehouse" in html and "kremlin" in html
    assert re.search(r'<tr class="differs">\s*<th scope="row">protects</th>', html)
    # Every incident with its rulings and explanations.
    for incident in ("seed-01-moscow-refinery", "seed-03-substation", "seed-05-ukraine-hit-back"):
        assert f'id="incident-{incident}"' in html
    assert html.count('class="explanation"') == 10
    assert "straddles a window boundary" in html
