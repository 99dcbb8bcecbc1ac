# Shared by run.sh and test.sh: where things are and how to build.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOCAL="${CIVGEO_LOCAL:-$ROOT/.local}"
PORT_DB="${CIVGEO_DB_PORT:-54329}"
export CIVGEO_DB_USER="${CIVGEO_DB_USER:-civgeo}"
export CIVGEO_DB_PASSWORD="${CIVGEO_DB_PASSWORD:-civgeo}"
# The service's own, unprivileged database role (scripts/db.sh creates it; migrations run as CIVGEO_DB_USER).
export CIVGEO_APP_DB_USER="${CIVGEO_APP_DB_USER:-civgeo_app}"
export CIVGEO_APP_DB_PASSWORD="${CIVGEO_APP_DB_PASSWORD:-civgeo_app}"

need_tools() {
  local missing=()
  command -v java >/dev/null || missing+=(openjdk-17-jdk-headless)
  command -v mvn >/dev/null || missing+=(maven)
  command -v node >/dev/null || missing+=(nodejs)
  command -v npm >/dev/null || missing+=(npm)
  if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ]; then
      echo "[setup] installing ${missing[*]}"
      DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    else
      echo "[setup] missing: ${missing[*]} (install them, e.g. sudo apt-get install ${missing[*]})" >&2; exit 1
    fi
  fi
}
