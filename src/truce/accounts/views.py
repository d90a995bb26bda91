"""The comparison for people: rows of aligned statements side by side, differences
marked, what only one account says marked too. One row model feeds the terminal (Rich)
and HTML (a fragment for the report, or a whole offline page)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape
from rich.table import Table
from rich.text import Text

from truce.accounts.compare import Comparison, Difference
from truce.accounts.details import Span
from truce.accounts.statements import Statement

_env = Environment(
    loader=PackageLoader("truce.accounts", "templates"),
    autoescape=select_autoescape(["html", "j2"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


@dataclass(frozen=True, slots=True)
class Cell:
    statement: Statement
    differences: tuple[Difference, ...] = ()
    marks: tuple[Span, ...] = field(default=())

    @property
    def html(self) -> Markup:
        """The statement with the words behind each differing detail marked."""
        text = self.statement.text
        out, last = [], 0
        for span in sorted(self.marks, key=lambda s: s.start):
            if span.start < last:
                continue
            out.append(escape(text[last : span.start]))
            out.append(Markup("<mark>") + escape(text[span.start : span.end]) + Markup("</mark>"))
            last = span.end
        out.append(escape(text[last:]))
        return Markup("").join(out)


@dataclass(frozen=True, slots=True)
class Row:
    kind: str  # "match" or "only"
    cells: tuple[Cell | None, ...]
    score: float = 0.0


def _marks(statement: Statement, differences: tuple[Difference, ...]) -> tuple[Span, ...]:
    kinds = {d.kind for d in differences}
    spans: list[Span] = []
    if "scope" in kinds:
        spans += [s for s in statement.scope_spans if s.end <= len(statement.text)]
    if "duration" in kinds:
        spans += list(statement.durations)
    if "date" in kinds:
        spans += list(statement.dates)
    if "number" in kinds:
        spans += [
            Span(q.label(), q.text, q.start, q.start + len(q.text)) for q in statement.numbers
        ]
    # An inherited scope's spans belong to another sentence's text: keep only those that fit.
    return tuple(s for s in spans if statement.text[s.start : s.end] == s.text or s.text == "")


def rows(comparison: Comparison) -> list[Row]:
    """Matches in the order of the first account, then what only one account says in
    each account's order."""
    index = {a.account.id: n for n, a in enumerate(comparison.accounts)}
    width = len(comparison.accounts)
    out: list[Row] = []
    for match in comparison.matches:
        cells: list[Cell | None] = [None] * width
        for position, statement_id in enumerate(match.statements):
            statement = comparison.statement(statement_id)
            shown = match.differences if position == len(match.statements) - 1 else ()
            cells[index[statement.account]] = Cell(
                statement, shown, _marks(statement, match.differences)
            )
        out.append(Row("match", tuple(cells), match.score))
    for statement_id in comparison.unmatched:
        statement = comparison.statement(statement_id)
        cells = [None] * width
        cells[index[statement.account]] = Cell(statement)
        out.append(Row("only", tuple(cells)))
    order = {s.id: n for a in comparison.accounts for n, s in enumerate(a.statements)}

    def key(row: Row) -> tuple[int, int]:
        first = next(c for c in row.cells if c is not None)
        return (
            0 if row.kind == "match" else 1 + index[first.statement.account],
            order[first.statement.id],
        )

    return sorted(out, key=key)


def side_by_side_html(comparison: Comparison, *, style: bool = True) -> Markup:
    """The side-by-side table as an HTML fragment (for the report's `accounts` section).
    `style=False` leaves out its `<style>` block, for pages whose Content-Security-Policy
    admits only their own stylesheet (the dashboard carries the same rules)."""
    template = _env.get_template("side_by_side.html.j2")
    return Markup(template.render(accounts=comparison.accounts, rows=rows(comparison), style=style))


def comparison_page(comparison: Comparison) -> str:
    """A whole self-contained page: no scripts, no fetches, a CSP that forbids them."""
    title = " vs ".join(a.account.title or a.account.id for a in comparison.accounts)
    generated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">\n"
        f"<title>{escape(title)} · truce compare</title>\n"
        "<style>body { font: 15px/1.5 system-ui, sans-serif; color: #1d2430; margin: 0 auto;"
        " max-width: 1400px; padding: 1rem 1.25rem; background: #f7f8fa; }</style>\n"
        "</head>\n<body>\n"
        f"<h1>Accounts side by side</h1>\n<p>{len(comparison.matches)} matched statements, "
        f"{len(comparison.unmatched)} said by one account only. Generated {generated}.</p>\n"
        f'<section data-testid="accounts">\n{side_by_side_html(comparison)}\n</section>\n'
        "</body>\n</html>\n"
    )


_STYLE = {"commitment": "green", "demand": "red", "proposal": "blue", "claim": "", "other": "dim"}


def _rich_cell(cell: Cell | None) -> Text:
    if cell is None:
        return Text("")
    s = cell.statement
    text = Text()
    text.append(f"{s.id} ", style="dim")
    text.append(s.type, style=f"bold {_STYLE[s.type]}".strip())
    text.append(f" {', '.join(s.actors)}\n", style="dim")
    body = Text(s.text)
    for span in cell.marks:
        body.stylize("bold black on yellow", span.start, span.end)
    text.append_text(body)
    for d in cell.differences:
        text.append(f"\n≠ {d.kind}: {d.a or '—'} | {d.b or '—'}", style="bold red")
    return text


def side_by_side_table(comparison: Comparison) -> Table:
    """The terminal view: one column per account, matched statements on one row."""
    table = Table(show_lines=True, expand=True, title="Accounts side by side", title_justify="left")
    for account in comparison.accounts:
        table.add_column(
            f"{account.account.id} · {account.account.party or ''}\n{account.account.source}"
        )
    for row in rows(comparison):
        cells = [_rich_cell(c) for c in row.cells]
        if row.kind == "only":
            cells = [
                Text.assemble(("only here  ", "bold yellow"), c) if c.plain else c for c in cells
            ]
        table.add_row(*cells)
    return table
