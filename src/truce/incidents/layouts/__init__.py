"""Other tools' files → incidents: ACLED exports, VIINA event files and TimeMap event
JSON, each mapped to the taxonomy and party codes by tables (docs/importers.md), with a
report of every value that could not be mapped."""

from truce.incidents.layouts.acled import read_acled
from truce.incidents.layouts.importing import (
    LAYOUTS,
    LayoutImport,
    import_layout,
    read_layout,
    store_layout,
)
from truce.incidents.layouts.reading import LayoutRead, Unmapped
from truce.incidents.layouts.timemap import read_timemap
from truce.incidents.layouts.viina import read_viina

__all__ = [
    "LAYOUTS",
    "LayoutImport",
    "LayoutRead",
    "Unmapped",
    "import_layout",
    "read_acled",
    "read_layout",
    "read_timemap",
    "read_viina",
    "store_layout",
]
