#!/usr/bin/env bash
# Project-local PostgreSQL 15 + PostGIS + pgRouting cluster: no system service, no Docker.
#   scripts/db.sh install   install missing Debian packages (root) or say what is missing
#   scripts/db.sh start     initdb on first use, start on $CIVGEO_DB_PORT, create databases
#   scripts/db.sh stop | restart | status | psql [db] [args...] | env | home
# Durability: the cluster is crash-safe (fsync, full_page_writes, synchronous_commit on). Only scripts/test.sh
# starts it with CIVGEO_DB_FAST=1, which trades crash safety for speed (fsync, full_page_writes and
# synchronous_commit off, given on the command line, never written to postgresql.conf) and says so. A durable start
# (scripts/run.sh) restarts a cluster that is running in fast mode.
# Where: <clone>/.local/pg. When root runs the scripts, PostgreSQL runs as the 'postgres' user, who may not be able
# to enter the clone (root's home, mktemp -d): then the cluster lives in /var/lib/civgeo/<id>/pg, <id> derived from
# the clone's path, and <clone>/.local/pg is a symbolic link to it.
# Settings (environment): CIVGEO_DB_PORT (54329), CIVGEO_DB_USER (civgeo), CIVGEO_DB_PASSWORD (civgeo),
# CIVGEO_DB_NAME (civgeo), CIVGEO_TEST_DB_NAME (civgeo_test), CIVGEO_LOCAL (<repo>/.local).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOCAL="${CIVGEO_LOCAL:-$ROOT/.local}"
FAST="${CIVGEO_DB_FAST:-0}"

# initdb and postgres refuse to run as root: run them as the 'postgres' system user in that case.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

# The cluster's home: <clone>/.local/pg, unless the 'postgres' user cannot reach it (root's private directories).
pg_home() {
  local link="$LOCAL/pg"
  if [ -L "$link" ]; then readlink -f "$link"; return; fi
  if [ "$(id -u)" -ne 0 ] || ! id postgres >/dev/null 2>&1; then echo "$link"; return; fi
  if [ -d "$link/data" ] || { mkdir -p "$link" && chown postgres:postgres "$link" && runuser -u postgres -- test -w "$link"; }; then
    echo "$link"; return
  fi
  local id; id="$(printf '%s' "$ROOT" | sha1sum | cut -c1-12)"
  local home="/var/lib/civgeo/$id/pg"
  # No link in the clone means a fresh clone (or a removed .local): a cluster left there by an earlier clone at the
  # same path is not this clone's, so it goes.
  if [ -d "$home/data" ]; then
    [ -f "$home/data/postmaster.pid" ] && (cd / && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$home/data" -m immediate -w stop >/dev/null 2>&1) || true
    rm -rf "$home"
    echo "[db] removed the cluster that an earlier clone at $ROOT left in $home" >&2
  fi
  mkdir -p "$home"; chown -R postgres:postgres "/var/lib/civgeo/$id"; chmod 755 /var/lib/civgeo
  rmdir "$link" 2>/dev/null || true
  ln -sfn "$home" "$link"
  echo "[db] $ROOT is not readable by the postgres user: the cluster lives in $home (linked from $link)" >&2
  echo "$home"
}
PGBIN="/usr/lib/postgresql/15/bin"
PORT="${CIVGEO_DB_PORT:-54329}"
DBUSER="${CIVGEO_DB_USER:-civgeo}"
DBPASS="${CIVGEO_DB_PASSWORD:-civgeo}"
DBNAME="${CIVGEO_DB_NAME:-civgeo}"
TESTDB="${CIVGEO_TEST_DB_NAME:-civgeo_test}"

PACKAGES=(postgresql-15 postgresql-contrib postgresql-15-postgis-3 postgresql-15-pgrouting gdal-bin osm2pgrouting nodejs npm
          # OGC clients and server for the open-standards tests: OWSLib (OGC API client), MapServer (WMS from the mapfile)
          python3-owslib mapserver-bin cgi-mapserver
          fonts-wqy-microhei)  # fonts-wqy-microhei: the CJK font embedded in plan report PDFs

log() { echo "[db] $*"; }

PGHOME=""
PGDATA_DIR=""
PGSOCK=""
PGLOG=""
locate() {
  [ -n "$PGHOME" ] && return
  PGHOME="$(pg_home)"
  PGDATA_DIR="$PGHOME/data"
  PGSOCK="$PGHOME/run"
  PGLOG="$PGHOME/server.log"
}

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

is_running() { [ -f "$PGDATA_DIR/postmaster.pid" ] && as_owner "$PGBIN/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1; }

psql_as() { local db="$1"; shift; PGPASSWORD="$DBPASS" psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U "$DBUSER" -d "$db" "$@"; }

create_db() {
  local db="$1"
  if ! psql_as postgres -tAc "select 1 from pg_database where datname='$db'" | grep -q 1; then
    log "creating database $db"
    psql_as postgres -c "create database \"$db\" owner \"$DBUSER\" encoding 'UTF8' template template0"
  fi
  # Least privilege (idempotent): the service's own login role, no superuser; extensions exist before Flyway runs.
  local app="${CIVGEO_APP_DB_USER:-civgeo_app}" apppw="${CIVGEO_APP_DB_PASSWORD:-civgeo_app}"
  psql_as postgres -c "do \$\$ begin if not exists (select 1 from pg_roles where rolname = '$app') then
    create role \"$app\" login password '$apppw' nosuperuser nocreatedb nocreaterole; end if; end \$\$" >/dev/null
  PGOPTIONS="-c client_min_messages=warning" psql_as "$db" -c "create extension if not exists postgis; create extension if not exists pgrouting; create extension if not exists pg_trgm" >/dev/null
}

# Settings that trade crash safety for speed: only for the test cluster, only on the command line.
FAST_OPTS="-c fsync=off -c full_page_writes=off -c synchronous_commit=off"

running_mode() { cat "$PGHOME/mode" 2>/dev/null || echo durable; }

pg_start() {
  local mode="$1" opts="-p $PORT -k $PGSOCK"
  [ "$mode" = fast ] && opts="$opts $FAST_OPTS"
  log "starting PostgreSQL on 127.0.0.1:$PORT ($mode$([ "$mode" = fast ] && echo ': fsync, full_page_writes and synchronous_commit off, for tests only; not crash-safe'))"
  # Port and socket directory come from the command line so CIVGEO_DB_PORT always wins over an older cluster's.
  as_owner "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -l "$PGLOG" -w -t 120 -o "$opts" start >/dev/null || { tail -20 "$PGLOG" >&2; exit 1; }
  echo "$mode" > "$PGHOME/mode"; [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PGHOME/mode"
  return 0
}

start() {
  install
  locate
  mkdir -p "$PGHOME" "$PGSOCK"
  if [ "$(id -u)" -eq 0 ]; then chown -R postgres:postgres "$PGHOME"; fi
  if [ ! -f "$PGDATA_DIR/PG_VERSION" ]; then
    log "initdb in $PGDATA_DIR"
    local pwfile="$PGHOME/.pw"
    ( umask 077; echo "$DBPASS" > "$pwfile" ); [ "$(id -u)" -eq 0 ] && chown postgres "$pwfile"
    as_owner "$PGBIN/initdb" -D "$PGDATA_DIR" -U "$DBUSER" --pwfile="$pwfile" --auth-local=scram-sha-256 \
      --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 --data-checksums >/dev/null
    rm -f "$pwfile"
    cat >> "$PGDATA_DIR/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
shared_buffers = 512MB
work_mem = 32MB
maintenance_work_mem = 512MB
max_connections = 100
max_wal_size = 4GB
jit = off
wal_level = replica
CONF
  fi
  # Clusters made by older versions of this script had the unsafe settings in postgresql.conf: take them out.
  if grep -qE '^(fsync|synchronous_commit|full_page_writes) = off' "$PGDATA_DIR/postgresql.conf"; then
    log "removing fsync/synchronous_commit/full_page_writes = off from postgresql.conf (crash-safe by default)"
    sed -i -E '/^(fsync|synchronous_commit|full_page_writes) = off/d' "$PGDATA_DIR/postgresql.conf"
    if is_running; then echo fast > "$PGHOME/mode"; fi
  fi
  local want=durable; [ "$FAST" = 1 ] && want=fast
  if is_running; then
    if [ "$want" = durable ] && [ "$(running_mode)" = fast ]; then
      log "the cluster runs in fast (test) mode: restarting it crash-safe"
      as_owner "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m fast -w stop >/dev/null
      pg_start durable
    elif [ "$want" = fast ] && [ "$(running_mode)" = durable ]; then
      log "the cluster already runs crash-safe (durable); tests use it as it is"
    fi
  else
    pg_start "$want"
  fi
  create_db "$DBNAME"
  create_db "$TESTDB"
}

stop() { locate; if is_running; then as_owner "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m fast -w stop >/dev/null; log "stopped"; fi; }

case "${1:-start}" in
  install) install ;;
  start) start ;;
  stop) stop ;;
  restart) locate; stop; start ;;
  home) locate; echo "$PGHOME" ;;
  status) locate; if is_running; then log "running on port $PORT"; else log "not running"; exit 1; fi ;;
  psql) shift; db="${1:-$DBNAME}"; shift || true; psql_as "$db" "$@" ;;
  env)
    echo "export CIVGEO_DB_URL=jdbc:postgresql://127.0.0.1:$PORT/$DBNAME"
    echo "export CIVGEO_DB_USER=$DBUSER CIVGEO_DB_PASSWORD=$DBPASS" ;;
  *) echo "usage: $0 install|start|stop|status|psql [db]|env" >&2; exit 2 ;;
esac
