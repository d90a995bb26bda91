"""Corpora for batch extraction, and what serial extraction makes of them."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path
from typing import Any

from truce.bench.batch import write_corpus
from truce.extract import extract, read_reports


def canonical(records: list[dict[str, Any]]) -> list[str]:
    """Records as sorted canonical JSON: equal lists mean equal multisets of records."""
    return sorted(json.dumps(r, sort_keys=True, ensure_ascii=False) for r in records)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


def plain_twin(path: Path) -> Path:
    """A gzipped file's plain twin under the same stem (serial extraction reads no gzip);
    a plain file itself."""
    if path.suffix != ".gz":
        return path
    twin = path.parent / "plain" / path.stem
    if not twin.exists():
        twin.parent.mkdir(exist_ok=True)
        with gzip.open(path, "rb") as packed, twin.open("wb") as plain:
            shutil.copyfileobj(packed, plain)
    return twin


def serial_records(path: Path) -> list[dict[str, Any]]:
    """What serial `truce extract` gives for a file."""
    path = plain_twin(path)
    return [record.to_json() for report in read_reports(path) for record in extract(report)]


def mixed_corpus(folder: Path, reports: int) -> list[Path]:
    """Two files, the second gzipped; some lines without an id (default ids come from
    the stem and the line number), a blank line, CRLF line ends and a BOM."""
    plain, packed = write_corpus(folder, reports, files=2, gzipped=True)
    lines = plain.read_text(encoding="utf-8").splitlines()
    for i in range(0, len(lines), 7):
        data = json.loads(lines[i])
        del data["id"]
        lines[i] = json.dumps(data, ensure_ascii=False)
    lines.insert(len(lines) // 2, "   ")
    plain.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(lines).encode() + b"\r\n")
    return [plain, packed]
