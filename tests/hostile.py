"""A generated corpus of hostile input: every class of malformed value seen in the wild
(dates at the calendar's edges, numbers too big for a database column, nesting that
exhausts a recursive parser, lone surrogates, ids with line breaks, YAML alias bombs and
duplicate keys, texts far over any report) in every file form each command reads.

Each case is a command line and the files it reads; every one must fail with exit code
1 and one line that names the file, and store nothing.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

MB = 1024 * 1024

# A valid incident row (CONTRACTS §2), which each hostile case spoils in one field.
ROW: dict[str, object] = {
    "id": "h-1",
    "occurred_at": "2025-03-20T10:00:00+02:00",
    "place": "Kharkiv",
    "country": "UA",
    "perpetrator": "RU",
    "target": "infrastructure.energy.grid",
    "killed": 1,
    "source": "Regional governor",
    "source_alignment": "UA",
    "text": "Drones hit a substation.",
}
# A valid free-text report (CONTRACTS §2 reports).
REPORT: dict[str, object] = {
    "id": "r-1",
    "published": "2025-03-20T10:00:00+02:00",
    "source": "Regional governor",
    "source_alignment": "UA",
    "text": "Overnight Russian drones hit a substation in Kharkiv, the governor said.",
}
LAYOUTS = Path(__file__).resolve().parents[1] / "examples" / "layouts"
# Another tool's layout (CONTRACTS §3 `--format`): its sample's first row, one column spoilt.
LAYOUT_CLASSES: dict[str, tuple[str, str, str]] = {
    "acled-year-1": ("acled", "event_date", "0001-01-01"),
    "acled-count-29-digits": ("acled", "fatalities", "1" + "0" * 28),
    "viina-year-1": ("viina", "date", "00010101"),
}
# A stored incident's id (the seed case), for collisions.
STORED_ID = "seed-01-moscow-refinery"


@dataclass(frozen=True)
class Case:
    """`args` name files as `{name}`; `files` holds their bytes; `named` is the file
    the error line must name."""

    id: str
    args: tuple[str, ...]
    files: dict[str, bytes] = field(default_factory=dict)
    named: str = ""
    needs_db: bool = True


def _deep(levels: int) -> str:
    return "[" * levels + "]" * levels


def _json_row(row: dict[str, object], **raw: str) -> str:
    """One JSON object; `raw` values are written as they are (JSON text, not strings)."""
    text = json.dumps({k: v for k, v in row.items() if k not in raw})
    extra = ", ".join(f'"{k}": {v}' for k, v in raw.items())
    return text[:-1] + (", " + extra if extra else "") + "}"


def _csv(row: dict[str, object]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(row))
    writer.writeheader()
    writer.writerow(row)
    return out.getvalue().encode()


# Spoiled incident rows: (class, JSON fields written raw, or values for CSV).
ROW_CLASSES: dict[str, dict[str, str]] = {
    "year-1-date": {"occurred_at": '"0001-01-01"'},
    "year-1-with-offset": {"occurred_at": '"0001-01-01T00:00:00+14:00"'},
    "year-9999-west": {"occurred_at": '"9999-12-31T23:59:59-12:00"'},
    "reported-year-1": {"reported_at": '"0001-01-01T00:00:00+14:00"'},
    "count-1e28": {"killed": "10000000000000000000000000000"},
    "count-5001-digits": {"killed": "9" * 5001},
    "nested-1000": {"place": _deep(1000)},
    "lone-surrogate": {"place": '"a \\ud800 b"'},
    "id-newline": {"id": '"h-\\n1"'},
    "id-escape": {"id": '"h-\\u001b[31m"'},
    "text-1mb": {"text": json.dumps("Drones hit a substation. " * (MB // 25))},
    "id-of-stored-incident": {"id": json.dumps(STORED_ID)},
}
CSV_CLASSES: dict[str, dict[str, str]] = {
    "year-1-date": {"occurred_at": "0001-01-01"},
    "year-1-with-offset": {"occurred_at": "0001-01-01T00:00:00+14:00"},
    "year-9999-west": {"occurred_at": "9999-12-31T23:59:59-12:00"},
    "count-1e28": {"killed": "1e28"},
    "count-29-digits": {"killed": "1" + "0" * 28},
    "id-newline": {"id": "h-\n1"},
    "text-1mb": {"text": "Drones hit a substation. " * (MB // 25)},
    "id-of-stored-incident": {"id": STORED_ID},
}
REPORT_CLASSES: dict[str, dict[str, str]] = {
    "published-year-1": {"published": '"0001-01-01T00:00:00+14:00"'},
    "published-year-9999": {"published": '"9999-12-31T23:59:59-12:00"'},
    "lone-surrogate": {"text": '"a \\ud800 b"'},
    "nested-1000": {"source": _deep(1000)},
    "id-newline": {"id": '"r-\\n1"'},
    "text-1mb": {"text": json.dumps("Drones hit a substation in Kharkiv. " * (MB // 36))},
}


def _terms(**version: str) -> str:
    fields = {
        "id": "v1",
        "according_to": "RU",
        "bound": "[RU, UA]",
        "protects": "[infrastructure.energy]",
        "starts": "2025-03-18T17:00:00+03:00",
        "duration": "P30D",
    }
    fields.update(version)
    body = "".join(f"    {k}: {v}\n" for k, v in fields.items() if v != "")
    return f"agreement: hostile-terms\nversions:\n  - {body[4:]}"


def _alias_bomb() -> str:
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    lines += [f"a{i}: &a{i} [{', '.join(['*a' + str(i - 1)] * 9)}]" for i in range(1, 10)]
    return "\n".join(lines) + "\n" + _terms(protects="*a9")


TERMS_CLASSES: dict[str, str] = {
    "alias-bomb": _alias_bomb(),
    "duplicate-key": _terms() + "    protects: [infrastructure]\n",
    "duration-P99999Y": _terms(duration="P99999Y"),
    "window-past-9999": _terms(starts="9999-06-01T00:00:00+00:00", duration="P1Y"),
    "start-year-1-plus-14": _terms(starts="0001-01-01T00:00:00+14:00"),
    "nested-1000": _terms(notes=_deep(1000)),
    "lone-surrogate": _terms(notes='"a \\ud800 b"'),
    "id-newline": _terms(id='"v\\n1"'),
}

ACCOUNT = (
    "Russia and Ukraine agreed to halt strikes on energy infrastructure for 30 days."
    " Both sides will exchange 175 prisoners on 19 March.\n"
)
ACCOUNT_CLASSES: dict[str, tuple[str, bytes]] = {
    "front-matter-alias-bomb": (
        "a.md",
        ("---\n" + _alias_bomb().split("agreement:")[0] + "title: x\n---\n" + ACCOUNT).encode(),
    ),
    "front-matter-duplicate-key": ("a.md", f"---\ntitle: x\ntitle: y\n---\n{ACCOUNT}".encode()),
    "front-matter-nested-1000": ("a.md", f"---\ntitle: {_deep(1000)}\n---\n{ACCOUNT}".encode()),
    "text-10mb": ("a.txt", (ACCOUNT * (10 * MB // len(ACCOUNT))).encode()),
}

COMMITMENT = {
    "id": "c1",
    "text": "exchange 175 prisoners",
    "actors": ["RU", "UA"],
    "action": "prisoner_exchange",
    "quantity": 175,
    "due": "2025-03-19",
    "due_rule": "on_date",
    "account": "a1",
}
COMMITMENT_CLASSES: dict[str, dict[str, str]] = {
    "due-year-9999": {"due": '"9999-12-31"'},
    "due-year-1": {"due": '"0001-01-01"'},
    "quantity-1e28": {"quantity": "1" + "0" * 28},
    "quantity-5001-digits": {"quantity": "9" * 5001},
    "nested-1000": {"actors": _deep(1000)},
    "lone-surrogate": {"text": '"a \\ud800 b"'},
    "id-newline": {"id": '"c\\n1"'},
}


def cases() -> Iterator[Case]:
    """Every command that reads a file × every class that applies to its form."""
    for name, raw in ROW_CLASSES.items():
        row = _json_row(ROW, **raw)
        yield Case(f"incidents-jsonl-{name}", ("incidents", "import", "{x.jsonl}"),
                   {"x.jsonl": row.encode()}, "x.jsonl")  # fmt: skip
        yield Case(f"incidents-json-{name}", ("incidents", "import", "{x.json}"),
                   {"x.json": f"[{row}]".encode()}, "x.json")  # fmt: skip
        if name != "id-of-stored-incident":  # a report of a stored incident's id is a report
            yield Case(f"reports-jsonl-{name}", ("reports", "import", "{x.jsonl}"),
                       {"x.jsonl": row.encode()}, "x.jsonl")  # fmt: skip
            yield Case(f"merge-jsonl-{name}", ("merge", "{x.jsonl}"),
                       {"x.jsonl": row.encode()}, "x.jsonl", needs_db=False)  # fmt: skip
    for name, values in CSV_CLASSES.items():
        data = _csv({**ROW, **values})
        yield Case(f"incidents-csv-{name}", ("incidents", "import", "{x.csv}"),
                   {"x.csv": data}, "x.csv")  # fmt: skip
        if name == "id-of-stored-incident":  # a report may not take a coded incident's id
            yield Case(f"reports-csv-{name}", ("reports", "import", "{x.csv}"),
                       {"x.csv": data}, "x.csv")  # fmt: skip
        else:
            yield Case(f"merge-csv-{name}", ("merge", "{x.csv}"), {"x.csv": data}, "x.csv",
                       needs_db=False)  # fmt: skip
    for name, raw in REPORT_CLASSES.items():
        line = _json_row(REPORT, **raw).encode()
        yield Case(f"reports-text-{name}", ("reports", "import", "{x.jsonl}"),
                   {"x.jsonl": line}, "x.jsonl")  # fmt: skip
        yield Case(f"extract-{name}", ("extract", "{x.jsonl}", "--store"),
                   {"x.jsonl": line}, "x.jsonl")  # fmt: skip
    no_published = json.dumps({"id": "r-1", "text": str(REPORT["text"])}).encode()
    yield Case("reports-text-without-published", ("reports", "import", "{x.jsonl}"),
               {"x.jsonl": no_published}, "x.jsonl")  # fmt: skip
    big = ("Drones hit a substation in Kharkiv. " * (10 * MB // 36)).encode()
    for command in (("extract", "{x.txt}", "--store"), ("reports", "import", "{x.txt}")):
        yield Case(f"{command[0]}-txt-10mb", command, {"x.txt": big}, "x.txt")
    surrogate_txt = "Drones hit Kharkiv. \udc80".encode("utf-8", "surrogateescape")
    yield Case("extract-txt-not-utf8", ("extract", "{x.txt}"), {"x.txt": surrogate_txt},
               "x.txt", needs_db=False)  # fmt: skip
    for name, (layout, column, value) in LAYOUT_CLASSES.items():
        header, first = list(csv.reader(io.StringIO(
            (LAYOUTS / f"{layout}-sample.csv").read_text("utf-8")
        )))[:2]  # fmt: skip
        data = _csv({**dict(zip(header, first, strict=True)), column: value})
        yield Case(f"layout-{name}", ("incidents", "import", "--format", layout, "{x.csv}"),
                   {"x.csv": data}, "x.csv")  # fmt: skip
    huge = '[{"id": 1, "latitude": ' + "9" * 5001 + "}]"
    yield Case("timemap-number-5001-digits",
               ("incidents", "import", "--format", "timemap", "{x.json}"),
               {"x.json": huge.encode()}, "x.json")  # fmt: skip
    timemap_deep = f'{{"events": {_deep(1000)}}}'.encode()
    yield Case("timemap-nested-1000", ("incidents", "import", "--format", "timemap", "{x.json}"),
               {"x.json": timemap_deep}, "x.json")  # fmt: skip
    for name, text in TERMS_CLASSES.items():
        yield Case(f"terms-{name}", ("terms", "import", "{x.yaml}"),
                   {"x.yaml": text.encode()}, "x.yaml")  # fmt: skip
    good = ("good.txt", ACCOUNT.encode())
    for name, (file, data) in ACCOUNT_CLASSES.items():
        yield Case(f"compare-{name}", ("compare", "{" + file + "}", "{good.txt}"),
                   {file: data, good[0]: good[1]}, file, needs_db=False)  # fmt: skip
        yield Case(f"commitments-extract-{name}", ("commitments", "extract", "{" + file + "}"),
                   {file: data}, file, needs_db=False)  # fmt: skip
    evidence = _json_row(REPORT).encode()
    for name, raw in COMMITMENT_CLASSES.items():
        data = f"[{_json_row(COMMITMENT, **raw)}]".encode()
        yield Case(f"commitments-check-{name}",
                   ("commitments", "check", "{c.json}", "--evidence", "{e.jsonl}",
                    "--as-of", "2025-04-30"),
                   {"c.json": data, "e.jsonl": evidence}, "c.json", needs_db=False)  # fmt: skip
    for name, raw in REPORT_CLASSES.items():
        data = f"[{_json_row(COMMITMENT)}]".encode()
        yield Case(f"commitments-evidence-{name}",
                   ("commitments", "check", "{c.json}", "--evidence", "{e.jsonl}",
                    "--as-of", "2025-04-30"),
                   {"c.json": data, "e.jsonl": _json_row(REPORT, **raw).encode()}, "e.jsonl",
                   needs_db=False)  # fmt: skip
