#!/usr/bin/env bash
# Project-local PostgreSQL 15 + PostGIS + pgRouting cluster: no system service, no Docker.
#   scripts/db.sh install   install missing Debian packages (root) or say what is missing
#   scripts/db.sh start     initdb on first use, start on $CIVGEO_DB_PORT, create databases
#   scripts/db.sh stop | status | psql [db] [args...] | env
# Settings (environment): CIVGEO_DB_PORT (54329), CIVGEO_DB_USER (civgeo), CIVGEO_DB_PASSWORD (civgeo),
# CIVGEO_DB_NAME (civgeo), CIVGEO_TEST_DB_NAME (civgeo_test), CIVGEO_LOCAL (<repo>/.local).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOCAL="${CIVGEO_LOCAL:-$ROOT/.local}"
PGHOME="$LOCAL/pg"
PGDATA_DIR="$PGHOME/data"
PGSOCK="$PGHOME/run"
PGLOG="$PGHOME/server.log"
PGBIN="/usr/lib/postgresql/15/bin"
PORT="${CIVGEO_DB_PORT:-54329}"
DBUSER="${CIVGEO_DB_USER:-civgeo}"
DBPASS="${CIVGEO_DB_PASSWORD:-civgeo}"
DBNAME="${CIVGEO_DB_NAME:-civgeo}"
TESTDB="${CIVGEO_TEST_DB_NAME:-civgeo_test}"

PACKAGES=(postgresql-15 postgresql-contrib postgresql-15-postgis-3 postgresql-15-pgrouting gdal-bin osm2pgrouting nodejs npm
          fonts-wqy-microhei)  # fonts-wqy-microhei: the CJK font embedded in plan report PDFs

log() { echo "[db] $*"; }

missing_packages() {
  local p out=()
  for p in "${PACKAGES[@]}"; do
    # node and npm may come from elsewhere than Debian; a working binary is enough.
    case "$p" in nodejs) command -v node >/dev/null && continue ;; npm) command -v npm >/dev/null && continue ;; esac
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || out+=("$p")
  done
  echo "${out[@]:-}"
}

install() {
  local missing; missing="$(missing_packages)"
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "[db] missing Debian packages: $missing" >&2
    echo "[db] run as root, or: sudo apt-get install -y $missing" >&2
    exit 1
  fi
  log "installing: $missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
  # Debian's postgresql-common may start a system cluster on 5432; we never use it.
  if command -v pg_lsclusters >/dev/null; then
    pg_lsclusters -h 2>/dev/null | awk '$4=="online"{print $1, $2}' | while read -r v c; do pg_ctlcluster "$v" "$c" stop || true; done
  fi
}

# initdb and postgres refuse to run as root: run them as the 'postgres' system user in that case.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

is_running() { [ -f "$PGDATA_DIR/postmaster.pid" ] && as_owner "$PGBIN/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1; }

psql_as() { local db="$1"; shift; PGPASSWORD="$DBPASS" psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U "$DBUSER" -d "$db" "$@"; }

create_db() {
  local db="$1"
  if ! psql_as postgres -tAc "select 1 from pg_database where datname='$db'" | grep -q 1; then
    log "creating database $db"
    psql_as postgres -c "create database \"$db\" owner \"$DBUSER\" encoding 'UTF8' template template0"
  fi
}

start() {
  install
  mkdir -p "$PGHOME" "$PGSOCK"
  if [ "$(id -u)" -eq 0 ]; then chown -R postgres:postgres "$PGHOME"; fi
  if [ ! -f "$PGDATA_DIR/PG_VERSION" ]; then
    log "initdb in $PGDATA_DIR"
    local pwfile="$PGHOME/.pw"
    echo "$DBPASS" > "$pwfile"; [ "$(id -u)" -eq 0 ] && chown postgres "$pwfile"
    as_owner "$PGBIN/initdb" -D "$PGDATA_DIR" -U "$DBUSER" --pwfile="$pwfile" --auth-local=scram-sha-256 \
      --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
    rm -f "$pwfile"
    cat >> "$PGDATA_DIR/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
shared_buffers = 512MB
work_mem = 32MB
maintenance_work_mem = 512MB
max_connections = 100
fsync = off
synchronous_commit = off
full_page_writes = off
max_wal_size = 4GB
jit = off
CONF
  fi
  if ! is_running; then
    log "starting PostgreSQL on 127.0.0.1:$PORT"
    # Port and socket directory come from the command line so CIVGEO_DB_PORT always wins over an older cluster's.
    as_owner "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -l "$PGLOG" -w -t 60 -o "-p $PORT -k $PGSOCK" start >/dev/null || { tail -20 "$PGLOG" >&2; exit 1; }
  fi
  create_db "$DBNAME"
  create_db "$TESTDB"
}

stop() { if is_running; then as_owner "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m fast -w stop >/dev/null; log "stopped"; fi; }

case "${1:-start}" in
  install) install ;;
  start) start ;;
  stop) stop ;;
  status) if is_running; then log "running on port $PORT"; else log "not running"; exit 1; fi ;;
  psql) shift; db="${1:-$DBNAME}"; shift || true; psql_as "$db" "$@" ;;
  env)
    echo "export CIVGEO_DB_URL=jdbc:postgresql://127.0.0.1:$PORT/$DBNAME"
    echo "export CIVGEO_DB_USER=$DBUSER CIVGEO_DB_PASSWORD=$DBPASS" ;;
  *) echo "usage: $0 install|start|stop|status|psql [db]|env" >&2; exit 2 ;;
esac
