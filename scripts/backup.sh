#!/usr/bin/env bash
# Continuous archiving and backups of the project-local cluster with pgBackRest (Debian package `pgbackrest`).
#   scripts/backup.sh            set up on first use (WAL archiving, stanza), then a backup: full the first time,
#                                differential after that
#   scripts/backup.sh full|diff|incr   a backup of that type
#   scripts/backup.sh init       only the set-up: archive_mode = on, archive_command = pgbackrest archive-push,
#                                stanza-create, check (restarts PostgreSQL once, because archive_mode needs it)
#   scripts/backup.sh info       the backups and the WAL archive range (what scripts/restore.sh --to can reach)
#   scripts/backup.sh expire     apply the retention (CIVGEO_BACKUP_RETAIN_FULL full backups, default 2)
# The repository is <cluster home>/../backup (e.g. .local/backup; see `scripts/db.sh home`), or
# CIVGEO_BACKUP_REPO. In production, point CIVGEO_BACKUP_REPO at another disk or mount (or configure an object
# store repository in the generated pgbackrest.conf): a backup on the same disk does not survive the disk.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/common.sh"
STANZA="${CIVGEO_BACKUP_STANZA:-civgeo}"

as_owner() { if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }
log() { echo "[backup] $*"; }

ensure_package() {
  command -v pgbackrest >/dev/null && return 0
  if [ "$(id -u)" -ne 0 ]; then echo "[backup] pgbackrest is missing (sudo apt-get install -y pgbackrest)" >&2; exit 1; fi
  log "installing pgbackrest"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends pgbackrest >/dev/null
}

PGHOME="$("$ROOT/scripts/db.sh" home)"
REPO="${CIVGEO_BACKUP_REPO:-$(dirname "$PGHOME")/backup}"
CONF="$PGHOME/pgbackrest.conf"
PASSFILE="$PGHOME/.pgpass"
export PGBACKREST_CONFIG="$CONF"

write_conf() {
  mkdir -p "$REPO" "$PGHOME/backrest-log" "$PGHOME/backrest-lock"
  cat > "$CONF" <<CONF
# Written by scripts/backup.sh; rewritten on every run.
[global]
repo1-path=$REPO
repo1-retention-full=${CIVGEO_BACKUP_RETAIN_FULL:-2}
log-path=$PGHOME/backrest-log
lock-path=$PGHOME/backrest-lock
log-level-console=warn
log-level-file=info
compress-type=zst
start-fast=y
archive-async=n

[$STANZA]
pg1-path=$PGHOME/data
pg1-port=$PORT_DB
pg1-socket-path=$PGHOME/run
pg1-user=$CIVGEO_DB_USER
CONF
  # pgBackRest connects through the socket with the cluster's password (scram), read from a .pgpass of its own.
  ( umask 077; echo "*:*:*:$CIVGEO_DB_USER:$CIVGEO_DB_PASSWORD" > "$PASSFILE" )
  if [ "$(id -u)" -eq 0 ]; then chown -R postgres:postgres "$REPO" "$CONF" "$PASSFILE" "$PGHOME/backrest-log" "$PGHOME/backrest-lock"; fi
}

br() { as_owner env PGPASSFILE="$PASSFILE" PGBACKREST_CONFIG="$CONF" pgbackrest --stanza="$STANZA" "$@"; }
sql() { "$ROOT/scripts/db.sh" psql postgres -tAc "$1"; }

init() {
  ensure_package
  "$ROOT/scripts/db.sh" start >/dev/null
  write_conf
  local want="pgbackrest --config=$CONF --stanza=$STANZA archive-push %p"
  if [ "$(sql 'show archive_mode')" != on ] || [ "$(sql 'show archive_command')" != "$want" ]; then
    log "turning on WAL archiving (archive_mode needs a restart of PostgreSQL)"
    sql "alter system set archive_mode = on" >/dev/null
    sql "alter system set archive_command = '$want'" >/dev/null
    sql "alter system set archive_timeout = '60s'" >/dev/null
    "$ROOT/scripts/db.sh" restart >/dev/null
  fi
  if ! br info --output=json 2>/dev/null | grep -q '"status":{"code":0'; then
    log "creating stanza $STANZA in $REPO"
    br stanza-create >/dev/null
  fi
  br check >/dev/null
  log "archiving to $REPO (stanza $STANZA)"
}

backup() {
  local type="$1"
  init
  if [ -z "$type" ]; then
    if br info --output=json | grep -q '"type":"full"'; then type=diff; else type=full; fi
  fi
  log "$type backup of 127.0.0.1:$PORT_DB"
  local t0=$SECONDS
  br backup --type="$type"
  log "done in $((SECONDS - t0)) s"
  br info | sed 's/^/[backup] /'
}

case "${1:-}" in
  "") backup "" ;;
  full|diff|incr) backup "$1" ;;
  init) init ;;
  info) write_conf; br info ;;
  expire) write_conf; br expire ;;
  *) echo "usage: $0 [full|diff|incr|init|info|expire]" >&2; exit 2 ;;
esac
