#!/usr/bin/env bash
# Geocoding accuracy benchmark: a gold set drawn from the registry and the demo city with perturbations (dropped
# levels, short forms, typos, numerals, noise, reordering, unknown places), answered by the running service's
# batch API, beside a pg_trgm-similarity-only baseline over the same database.
# Needs: a running service (scripts/run.sh) with the registry loaded; python3.
#   CIVGEO_URL (http://localhost:8080)  CIVGEO_AUTH (viewer:viewer-demo-2026)  GOLD_PER_LEVEL (100)  GOLD_SEED
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export CIVGEO_URL="${CIVGEO_URL:-http://localhost:${PORT:-8080}}"
out="${TMPDIR:-/tmp}/civgeo-gold-$$.tsv"
python3 geocode_gold.py > "$out"
echo "gold set: $(wc -l < "$out") rows (seed ${GOLD_SEED:-20261129}) in $out"
python3 geocode_accuracy.py "$out"
