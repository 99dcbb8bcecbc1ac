#!/usr/bin/env bash
# Publish every CivGeo public layer to a GeoServer (workspace, PostGIS store on the read-only views, feature types,
# SLD styles, layer group) through CivGeo's ADMIN API, which calls GeoServer's REST API idempotently.
#   scripts/geoserver-publish.sh GEOSERVER_URL GEOSERVER_USER GEOSERVER_PASSWORD [WORKSPACE] [STORE]
# Environment: CIVGEO_URL (http://localhost:${PORT:-8080}), CIVGEO_ADMIN_USERNAME (admin), CIVGEO_ADMIN_PASSWORD.
# Example: CIVGEO_ADMIN_PASSWORD=… scripts/geoserver-publish.sh http://gis:8080/geoserver admin geoserver
set -euo pipefail
[ $# -ge 3 ] || { sed -n '2,7p' "$0" >&2; exit 2; }
url="${CIVGEO_URL:-http://localhost:${PORT:-8080}}"
: "${CIVGEO_ADMIN_PASSWORD:?set CIVGEO_ADMIN_PASSWORD (a CivGeo ADMIN)}"
json() { python3 -c 'import json,sys; print(json.dumps(dict(zip(sys.argv[1::2], sys.argv[2::2]))))' "$@"; }
token=$(curl -sf -H 'Content-Type: application/json' \
  -d "$(json username "${CIVGEO_ADMIN_USERNAME:-admin}" password "$CIVGEO_ADMIN_PASSWORD")" "$url/api/auth/login" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
body=$(json url "$1" user "$2" password "$3" workspace "${4:-civgeo}" store "${5:-civgeo_public}")
out=$(curl -sS -o - -w '\n%{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d "$body" "$url/api/ogc/publish/geoserver")
code="${out##*$'\n'}"
echo "${out%$'\n'*}"
[ "$code" = 200 ] || { echo "[geoserver-publish] HTTP $code" >&2; exit 1; }
