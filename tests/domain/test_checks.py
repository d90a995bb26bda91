"""One rule per check, at every door: http(s) URLs only, and a bound on one report's text."""

from __future__ import annotations

import pytest

from truce.domain import MAX_REPORT_TEXT, check_report_text, check_url
from truce.errors import BadInput

REFUSED = (
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "ftp://example.org/a",
    "//evil.example/x",
    "www.example.org/news",
    "http://",
    "https://exa mple.org/",
    "https://example.org/\x00",
)


@pytest.mark.parametrize("value", REFUSED)
def test_anything_but_an_http_url_is_refused_naming_the_field(value: str) -> None:
    with pytest.raises(BadInput) as caught:
        check_url(value, field="source_url")
    assert caught.value.field == "source_url"
    assert "is not an http(s) URL" in str(caught.value)


@pytest.mark.parametrize(
    "value",
    [
        "https://www.ukrinform.net/rubric-ato/3966.html",
        "http://kremlin.ru/events/76477",
        "HTTPS://x.org",
    ],
)
def test_http_urls_pass(value: str) -> None:
    assert check_url(value) == value


def test_empty_is_no_url() -> None:
    assert check_url(None) is None
    assert check_url("  ") is None


def test_report_text_is_bounded_and_the_error_says_the_bound() -> None:
    assert check_report_text("x" * MAX_REPORT_TEXT) == "x" * MAX_REPORT_TEXT
    with pytest.raises(BadInput) as caught:
        check_report_text("x" * (MAX_REPORT_TEXT + 1))
    assert caught.value.field == "text"
    assert f"{MAX_REPORT_TEXT:,}" in str(caught.value)
