#!/bin/sh
# The moratorium case end to end, with nothing but the files beside this script.
# Usage: examples/moratorium-2025/run.sh TRUCE OUT   (e.g. .venv/bin/truce demo-out/moratorium)
# Writes OUT/truce.db, OUT/report.html, OUT/rulings.json, OUT/compare.html,
# OUT/drafts.yaml, OUT/commitments.json and OUT/incidents.{csv,json,geojson}.
set -eu
TRUCE=$1
OUT=$2
HERE=$(dirname "$0")
DB="sqlite:///$OUT/truce.db"
AGREEMENT=energy-moratorium-2025
ACCOUNTS="$HERE/accounts/whitehouse-us-russia-2025-03-25.md $HERE/accounts/whitehouse-us-ukraine-2025-03-25.md"
mkdir -p "$OUT"
rm -f "$OUT/truce.db" "$OUT/truce.db-wal" "$OUT/truce.db-shm"

"$TRUCE" terms import "$HERE/terms.yaml" --db "$DB"
"$TRUCE" reports import "$HERE/incidents.csv" --db "$DB" --quiet
grep -v '^#' "$HERE/corrections.txt" | while read -r action incident rest; do
    case "$action" in
        split) "$TRUCE" incidents split "$incident" --reports "$(echo "$rest" | tr ' ' ',')" --db "$DB" --json > /dev/null ;;
        join) "$TRUCE" incidents join "$incident" "$rest" --db "$DB" --json > /dev/null ;;
    esac
done
"$TRUCE" rule --agreement "$AGREEMENT" --db "$DB" --json > "$OUT/rulings.json"
# shellcheck disable=SC2086
"$TRUCE" compare $ACCOUNTS --html "$OUT/compare.html" > /dev/null
for account in $ACCOUNTS "$HERE/accounts/kremlin-2025-03-18.md"; do
    case "$account" in *kremlin*) party=RU ;; *) party=US ;; esac
    "$TRUCE" terms draft "$account" --according-to "$party" --agreement "$AGREEMENT"
done > "$OUT/drafts.yaml"
# shellcheck disable=SC2086
"$TRUCE" commitments extract $ACCOUNTS "$HERE/accounts/kremlin-2025-03-18.md" --json > "$OUT/commitments.json"
for format in csv json geojson; do
    "$TRUCE" export --format "$format" --agreement "$AGREEMENT" --out "$OUT/incidents.$format" --db "$DB"
done
# shellcheck disable=SC2086
"$TRUCE" report --agreement "$AGREEMENT" --db "$DB" --out "$OUT/report.html" \
    --totals "$HERE/totals.yaml" $(for a in $ACCOUNTS; do printf -- '--accounts %s ' "$a"; done)
