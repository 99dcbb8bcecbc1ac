#!/usr/bin/env bash
# Imports the four seed plan templates (data/plans/*.json) into a running CivGeo (default http://localhost:${PORT:-8080}).
# CIVGEO_AUTH=user:password (default planner:planner-demo-2026). A plan whose code exists answers 409 and is skipped.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
BASE="${CIVGEO_URL:-http://localhost:${PORT:-8080}}"
for f in data/plans/*.json; do
  code=$(curl -s -o /tmp/civgeo-plan-import.json -w '%{http_code}' -u "${CIVGEO_AUTH:-planner:planner-demo-2026}" \
         -H 'Content-Type: application/json' --data-binary @"$f" "$BASE/api/plans/import")
  echo "$f: HTTP $code"
done
