"""Two accounts of one imagined call, written like the seed's readouts but in other
words, so the tests check the rules rather than the seed's sentences."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

US_ACCOUNT = """\
---
title: Readout of the President's call with President Putin
date: '2025-03-18'
source_url: https://www.whitehouse.gov/briefings-statements/2025/03/example/
---

Today, President Trump spoke with President Putin about ending the war in Ukraine.
The two leaders agreed on an immediate energy and infrastructure ceasefire as the first
step towards peace. Technical talks on a maritime ceasefire in the Black Sea will start
immediately in the Middle East. The leaders also discussed Iran.

\\###
"""

RU_ACCOUNT = """\
Telephone conversation with the President of the United States

Vladimir Putin held a telephone conversation with US President Donald Trump.

President Trump suggested that Russia and Ukraine mutually stop strikes on energy
infrastructure for 30 days. The Russian President supported this proposal and
immediately ordered the Russian armed forces to stop such strikes.

Putin told Trump that Russia and Ukraine would swap 175 prisoners for 175 on 19 March.
Moscow insisted that a complete end to Western military aid and intelligence sharing with
Kiev is the main condition for a settlement. The presidents also discussed Iran.
"""


@pytest.fixture
def accounts(tmp_path: Path) -> tuple[Path, Path]:
    us = tmp_path / "us.md"
    us.write_text(US_ACCOUNT, "utf-8")
    ru = tmp_path / "ru.txt"
    ru.write_text(RU_ACCOUNT, "utf-8")
    return us, ru


@pytest.fixture
def write_bytes(tmp_path: Path) -> Callable[[str, bytes], Path]:
    def write(name: str, data: bytes) -> Path:
        path = tmp_path / name
        path.write_bytes(data)
        return path

    return write
