#!/usr/bin/env bash
# Geocoding speed: forward/reverse single requests at fixed concurrency (p50/p95/p99), batch rows/s, each beside
# raw SQL in the same run. Needs a running service (scripts/run.sh) with the registry and demo city loaded.
#   CIVGEO_URL (http://localhost:8080)  CIVGEO_AUTH (viewer:viewer-demo-2026)  CONCURRENCY (4)  REQUESTS (2000)  TRGM_REQUESTS (200; 0 skips)
#   CIVGEO_DB_PORT / CIVGEO_DB_URL for the raw-SQL baseline.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export CIVGEO_URL="${CIVGEO_URL:-http://localhost:${PORT:-8080}}"
export CIVGEO_DB_URL="${CIVGEO_DB_URL:-jdbc:postgresql://127.0.0.1:${CIVGEO_DB_PORT:-54329}/${CIVGEO_DB_NAME:-civgeo}}"
jar=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | sort -V | tail -1)
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
exec java -cp "$jar" "$ROOT/scripts/bench/GeocodeSpeed.java"
