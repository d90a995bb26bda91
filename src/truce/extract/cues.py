"""The short word lists the components read in all three languages (`data/cues.yaml`):
"after", "ago", "including", "claimed the lives of", "shot down"… Data, like each
language's lexicon, so a word is added without touching the rules that read it."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def _data() -> dict[str, dict[str, list[str]]]:
    text = resources.files("truce.extract").joinpath("data", "cues.yaml").read_text("utf-8")
    data: Any = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return dict(data)


def cues(section: str, name: str) -> frozenset[str]:
    """The words listed as `name` under `section` (a module's name)."""
    return frozenset(_data()[section][name])
