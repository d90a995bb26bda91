"""Reading one account of one event from a file: its paragraphs of prose and what is
known about it (title, date, URL, whose account it is).

Every format ends up as HTML parsed by a real parser (Markdown is rendered first), so
lists, headings and navigation are told apart by their tags rather than by guesses on
lines. Boilerplate (navigation, headings, "###" end marks, bylines) never reaches the
statements.
"""

from __future__ import annotations

import csv
import gzip
import io
import re
import sys
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt
from selectolax.lexbor import LexborHTMLParser, LexborNode

from truce.domain import check_url
from truce.domain.limits import FIRST_YEAR, LAST_YEAR, MAX_DOCUMENT, MAX_TEXT, check_text
from truce.domain.safe_yaml import load_yaml
from truce.errors import BadInput

# Elements whose text is never part of the account.
_DROP = {
    "nav",
    "header",
    "footer",
    "aside",
    "script",
    "style",
    "noscript",
    "form",
    "button",
    "menu",
    "svg",
    "figure",
    "template",
    "iframe",
    "select",
}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BLOCKS = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "br",
    "hr",
    "dd",
    "dt",
    "dl",
    "body",
    *_HEADINGS,
}
_BOILERPLATE = re.compile(
    r"""^(?:
        \\?\#{2,}\s*                                   # end marks: ### or \###
      | (?:by|posted\s+by|written\s+by)\s+[\w .,'-]{1,60}   # bylines
      | (?:share|print|email|tweet|home|menu|search|skip\s+to\s+(?:main\s+)?content)
      | (?:source|photo|image)\s*:.*
      | [\d\s:./,-]+                                   # a bare date or time
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# Whose account: known official sites → party code.
_SITE_PARTY = {
    "whitehouse.gov": "US",
    "bidenwhitehouse.archives.gov": "US",
    "trumpwhitehouse.archives.gov": "US",
    "state.gov": "US",
    "kremlin.ru": "RU",
    "mid.ru": "RU",
    "government.ru": "RU",
    "president.gov.ua": "UA",
    "mfa.gov.ua": "UA",
}


@dataclass(frozen=True, slots=True)
class Account:
    """One account of one event: prose paragraphs and what is known about it."""

    id: str
    path: str
    paragraphs: tuple[str, ...]
    title: str | None = None
    url: str | None = None
    date: date | None = None
    published: datetime | None = None
    party: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def source(self) -> str:
        """How a reader would cite it."""
        parts = [p for p in (self.title, self.url) if p]
        return " · ".join(parts) if parts else self.path


def read_account(
    spec: str | Path,
    *,
    account_id: str = "a1",
    on_date: date | datetime | None = None,
) -> Account:
    """Read an account from `.txt`, `.md`, `.html`, or one row of a readouts CSV named
    as `FILE.csv[.gz]#LINK_ID`. `on_date` overrides the account's own date."""
    text_spec = str(spec)
    if "#" in text_spec and re.search(r"\.csv(?:\.gz)?#", text_spec):
        file, _, link_id = text_spec.rpartition("#")
        account = _read_csv_row(Path(file), link_id, account_id)
    else:
        path = Path(text_spec)
        account = _parse(_decode(_read_bytes(path), path), path, account_id)
    return _finish(account, on_date)


def read_account_text(
    text: str, name: str, *, account_id: str = "a1", on_date: date | datetime | None = None
) -> Account:
    """Read an account kept as text (a stored account): `name` is the file name it came
    from, whose suffix says how to read it, exactly as `read_account` would have."""
    path = Path(name)
    if not text.strip():
        raise BadInput("empty file", file=name)
    return _finish(
        _parse(text.replace("\r\n", "\n").replace("\r", "\n"), path, account_id), on_date
    )


def _parse(text: str, path: Path, account_id: str) -> Account:
    try:  # a page with its markup may be larger than its prose, within reason
        check_text(text, "text", limit=MAX_DOCUMENT)
    except BadInput as exc:
        raise exc.located(file=str(path)) from None
    suffix = "".join(path.suffixes[-1:]).lower()
    if suffix in (".html", ".htm"):
        return _from_html(text, path, account_id)
    if suffix in (".md", ".markdown"):
        return _from_markdown(text, path, account_id)
    return _from_text(text, path, account_id)


def _finish(account: Account, on_date: date | datetime | None) -> Account:
    """What every account goes through after its format is read: its date, and a check
    that there is prose in it."""
    if account.date is None and on_date is None:
        account = _date_from_opening(account)
    if on_date is not None:
        if isinstance(on_date, datetime):
            account = replace(account, date=on_date.date(), published=on_date)
        else:
            account = replace(account, date=on_date, published=None)
    size = sum(len(p) for p in account.paragraphs)
    if size > MAX_TEXT:
        raise BadInput(
            f"its prose is {size:,} characters long, over the limit of {MAX_TEXT:,} for one"
            " account",
            file=account.path,
            field="text",
        )
    if not any(re.search(r"[^\W\d_]{2,}", p) for p in account.paragraphs):
        raise BadInput(
            "no sentences found in this account",
            file=account.path,
            hint="an account needs prose: readout text, a statement or an article",
        )
    return account


_OPENING_DATE = re.compile(
    r"\b(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October"
    r"|November|December),?\s+(\d{4})\b|\b(January|February|March|April|May|June|July|August"
    r"|September|October|November|December)\s+(\d{1,2}),?\s+(\d{4})\b"
)


def _date_from_opening(account: Account) -> Account:
    """A readout with no date of its own usually dates the event in its first lines
    ("On 18 March 2025, …"); a full date there, year included, is the account's date."""
    opening = " ".join(p for p in (account.title or "", *account.paragraphs[:1]))
    match = _OPENING_DATE.search(opening)
    if not match:
        return account
    day, month, year = (
        (match.group(1), match.group(2), match.group(3))
        if match.group(1)
        else (match.group(5), match.group(4), match.group(6))
    )
    try:
        found = datetime.strptime(f"{day} {month} {year}", "%d %B %Y").date()
    except ValueError:
        return account
    return replace(account, date=found, meta={**account.meta, "date_from": "opening text"})


def _read_bytes(path: Path) -> bytes:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise BadInput("no such file", file=str(path)) from None
    except OSError as exc:
        raise BadInput(f"cannot read: {exc.strerror}", file=str(path)) from exc
    if path.suffix == ".gz":
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError) as exc:
            raise BadInput(f"not a readable gzip file ({exc})", file=str(path)) from exc
    if not raw.strip():
        raise BadInput("empty file", file=str(path))
    if b"\x00" in raw[:8192]:
        raise BadInput("binary file, not text", file=str(path), hint="give .txt, .md or .html")
    return raw


def _decode(raw: bytes, path: Path) -> str:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadInput(
            f"not UTF-8 text (byte {exc.start}: {exc.reason})", file=str(path), field="encoding"
        ) from exc
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _party_of(url: str | None) -> str | None:
    if not url:
        return None
    host = re.sub(r"^[a-z]+://", "", url.lower()).split("/", 1)[0]
    for site, party in _SITE_PARTY.items():
        if host == site or host.endswith("." + site):
            return party
    return None


def _date_of(value: Any) -> tuple[date | None, datetime | None]:
    """A date and, where the source gives one, the instant with its offset."""
    if isinstance(value, datetime):
        return value.date(), value if value.tzinfo else None
    if isinstance(value, date):
        return value, None
    if not value:
        return None, None
    text = str(value).strip()
    try:
        instant = datetime.fromisoformat(text)
    except ValueError:
        match = re.match(r"\d{4}-\d{2}-\d{2}", text)
        try:
            day = date.fromisoformat(match.group()) if match else None
        except ValueError:
            return None, None
        return (day if day and FIRST_YEAR <= day.year <= LAST_YEAR else None), None
    if not FIRST_YEAR + 1 <= instant.year <= LAST_YEAR - 1:
        return None, None  # beyond the calendar truce works in: no date rather than a crash
    return instant.date(), instant if (instant.tzinfo and len(text) > 10) else None


# --- plain text ---------------------------------------------------------------------------


def _paragraphs_of_text(text: str) -> list[str]:
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line.strip() for line in block.split("\n")]
        current: list[str] = []
        for line in lines:
            if not line or _BOILERPLATE.match(line):
                continue
            if re.match(r"^(?:[-*•]|\d{1,2}[.)])\s+", line) and current:
                paragraphs.append(" ".join(current))
                current = []
            current.append(line)
        if current:
            paragraphs.append(" ".join(current))
    return [_clean(p) for p in paragraphs if _clean(p)]


def _from_text(text: str, path: Path, account_id: str) -> Account:
    paragraphs = _paragraphs_of_text(text)
    title = None
    # A short first line without a full stop, standing alone, is the headline.
    first = text.lstrip().split("\n", 1)
    if (
        paragraphs
        and len(first) == 2
        and first[1].startswith("\n")
        and _clean(first[0]) == paragraphs[0]
        and not re.search(r"[.!?\"”]$", paragraphs[0])
        and len(paragraphs[0].split()) <= 16
    ):
        title = paragraphs.pop(0)
    return Account(id=account_id, path=str(path), paragraphs=tuple(paragraphs), title=title)


# --- Markdown -----------------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---[ \t]*\n?", re.DOTALL)
_markdown = MarkdownIt("commonmark")


def _from_markdown(text: str, path: Path, account_id: str) -> Account:
    meta: dict[str, Any] = {}
    match = _FRONT_MATTER.match(text)
    if match:
        try:
            loaded = load_yaml(match.group(1), file=str(path), first_line=2)
        except BadInput as exc:
            raise BadInput(
                f"front matter: {exc.message}",
                file=str(path),
                line=exc.line or 1,
                field="front matter",
            ) from None
        if isinstance(loaded, dict):
            meta = loaded
        text = text[match.end() :]
    html = _markdown.render(text)
    paragraphs, heading = _html_paragraphs(LexborHTMLParser(html).body)
    key = "source_url" if meta.get("source_url") else "url"
    try:
        url = check_url(_str(meta.get(key)), field=key)
    except BadInput as exc:
        raise exc.located(file=str(path)) from None
    day, published = _date_of(meta.get("published_time") or meta.get("date"))
    if meta.get("date"):
        day = _date_of(meta["date"])[0] or day
    return Account(
        id=account_id,
        path=str(path),
        paragraphs=tuple(paragraphs),
        title=_str(meta.get("title")) or heading,
        url=url,
        date=day,
        published=published,
        party=_str(meta.get("party")) or _party_of(url),
        meta={k: v for k, v in meta.items() if isinstance(v, (str, int, float))},
    )


def _str(value: Any) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).replace("\xa0", " ").split())
    return text or None


# --- HTML ---------------------------------------------------------------------------------


def _html_paragraphs(root: LexborNode | None) -> tuple[list[str], str | None]:
    """Block-level text of `root`, without boilerplate elements, and the first heading."""
    paragraphs: list[str] = []
    heading: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = _clean("".join(current))
        current.clear()
        if text and not _BOILERPLATE.match(text):
            paragraphs.append(text)

    def walk(node: LexborNode) -> None:
        for child in node.iter(include_text=True):
            tag = child.tag or ""
            if tag == "-text":
                current.append(child.text_content or "")
            elif tag in _DROP or tag.startswith("-"):
                continue
            elif tag in _HEADINGS:
                flush()
                if not heading:
                    heading.append(_clean(child.text(separator=" ")))
            elif tag in _BLOCKS:
                flush()
                walk(child)
                flush()
            else:
                walk(child)

    if root is not None:
        walk(root)
        flush()
    return paragraphs, (heading[0] or None) if heading else None


def _meta_content(tree: LexborHTMLParser, *selectors: str) -> str | None:
    for selector in selectors:
        node = tree.css_first(selector)
        if node is not None:
            value = node.attributes.get("content") or node.attributes.get("datetime")
            if value:
                return value
    return None


def _from_html(text: str, path: Path, account_id: str) -> Account:
    tree = LexborHTMLParser(text)
    root = tree.css_first("article") or tree.css_first("main") or tree.body
    paragraphs, heading = _html_paragraphs(root)
    title_node = tree.css_first("title")
    title = _meta_content(tree, 'meta[property="og:title"]') or heading
    if not title and title_node is not None:
        title = title_node.text(strip=True)
    url = _meta_content(tree, 'link[rel="canonical"]', 'meta[property="og:url"]')
    if url is None:
        canonical = tree.css_first('link[rel="canonical"]')
        url = canonical.attributes.get("href") if canonical is not None else None
    try:  # a page's own link, not the user's word: a relative or odd one is left out
        url = check_url(url)
    except BadInput:
        url = None
    day, published = _date_of(
        _meta_content(
            tree,
            'meta[property="article:published_time"]',
            'meta[name="date"]',
            "time[datetime]",
        )
    )
    return Account(
        id=account_id,
        path=str(path),
        paragraphs=tuple(paragraphs),
        title=_str(title),
        url=url,
        date=day,
        published=published,
        party=_party_of(url),
    )


# --- one row of a readouts CSV ------------------------------------------------------------


def _read_csv_row(path: Path, link_id: str, account_id: str) -> Account:
    label = f"{path}#{link_id}"
    text = _decode(_read_bytes(path), path)
    csv.field_size_limit(sys.maxsize)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    columns = reader.fieldnames or []
    if "link" not in columns or not ({"body", "text"} & set(columns)):
        raise BadInput(
            "expected a readouts CSV with 'link' and 'body' columns", file=str(path), line=1
        )
    wanted = link_id.strip()
    for row in reader:
        link = (row.get("link") or "").strip()
        if link == wanted or re.search(rf"[/-]{re.escape(wanted)}/?$", link):
            return _from_row(row, label, account_id)
    raise BadInput(
        f"no row whose link ends in '{wanted}'",
        file=str(path),
        field="link",
        hint="name a row as FILE.csv.gz#ID, the number at the end of its link",
    )


def _from_row(row: dict[str, str], label: str, account_id: str) -> Account:
    body = row.get("body") or row.get("text") or ""
    paragraphs = [p for p in (_clean(row.get("summary") or ""), *_paragraphs_of_text(body)) if p]
    link = (row.get("link") or "").strip() or None
    day, _ = _date_of(row.get("date"))  # local time stamped with Z: only the day is true
    return Account(
        id=account_id,
        path=label,
        paragraphs=tuple(paragraphs),
        title=_str(row.get("headline") or row.get("title")),
        url=link,
        date=day,
        published=None,
        party=_party_of(link),
    )


def _clean(text: str) -> str:
    text = text.replace("\xa0", " ").replace("\u200b", "")
    return " ".join(text.split())
