"""JSON export, for scripts: the agreements ruled and every incident with its rulings.

```
{"audit_head": {"seq", "hash"},
 "agreements": [{"id", "title", "versions": [{"id", "according_to"}]}],
 "incidents": [{<incident record and precision fields>,
                "rulings": [{"agreement", "version", "verdict", "reason", "explanation"}]}]}
```
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from truce.exports.rulings import Progress, RuledIncidents
from truce.incidents import incident_to_precise_record
from truce.rules import explain


def write_json(ruled: RuledIncidents, out: TextIO, *, progress: Progress | None = None) -> int:
    """Write the document, one incident per line; returns the number of incidents."""
    agreements = [
        {
            "id": a.id,
            "title": a.title,
            "versions": [{"id": v.id, "according_to": v.according_to} for v in a.versions],
        }
        for a in ruled.agreements
    ]
    out.write('{"audit_head": ' + json.dumps(ruled.audit_head))
    out.write(', "agreements": ' + json.dumps(agreements, ensure_ascii=False))
    out.write(', "incidents": [')
    total = len(ruled.incidents)
    for index, incident in enumerate(ruled.incidents):
        item: dict[str, Any] = {
            **incident_to_precise_record(incident),
            "corroboration": incident.corroboration,
            "denied_by": list(incident.denied_by),
            "rulings": [
                {
                    "agreement": agreement.id,
                    "version": version.id,
                    "verdict": reason.verdict.value,
                    "reason": reason.value,
                    "explanation": explain(incident, version, reason),
                }
                for agreement, version, reason in ruled.rulings(index)
            ],
        }
        out.write(("\n" if index == 0 else ",\n") + json.dumps(item, ensure_ascii=False))
        if progress is not None and index % 1000 == 0:
            progress(index, total)
    out.write("\n]}\n")
    return total
