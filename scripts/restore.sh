#!/usr/bin/env bash
# Point-in-time restore from the pgBackRest repository that scripts/backup.sh fills.
#   scripts/restore.sh --to '2026-12-01 21:30:00+00'     restore the project cluster in place to that moment
#                                                        (stops PostgreSQL, restores with --delta, replays WAL to
#                                                        the target, promotes, starts; stop CivGeo first)
#   scripts/restore.sh --latest                          replay everything archived (after losing the data directory)
#   scripts/restore.sh --to TIME --into DIR --port P     restore into a NEW cluster in DIR on port P and start it
#                                                        there (archiving off): the drill, or to look at old data
#                                                        beside the live cluster (stop it with
#                                                        pg_ctl -D DIR stop, as the postgres user when root)
# TIME is anything PostgreSQL reads as a timestamptz; give the zone. `scripts/backup.sh info` shows what is reachable.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/common.sh"
STANZA="${CIVGEO_BACKUP_STANZA:-civgeo}"
PGBIN="/usr/lib/postgresql/15/bin"
as_owner() { if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }
log() { echo "[restore] $*"; }

target="" into="" port="" latest=0
while [ $# -gt 0 ]; do
  case "$1" in
    --to) target="$2"; shift 2 ;;
    --latest) latest=1; shift ;;
    --into) into="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    *) echo "usage: $0 --to TIME | --latest [--into DIR --port PORT]" >&2; exit 2 ;;
  esac
done
[ -n "$target" ] || [ "$latest" = 1 ] || { echo "[restore] give --to TIME or --latest" >&2; exit 2; }
[ -z "$into" ] || [ -n "$port" ] || { echo "[restore] --into needs --port" >&2; exit 2; }

PGHOME="$("$ROOT/scripts/db.sh" home)"
CONF="$PGHOME/pgbackrest.conf"
[ -f "$CONF" ] || { echo "[restore] no pgBackRest configuration in $PGHOME: run scripts/backup.sh first" >&2; exit 1; }
br() { as_owner env PGBACKREST_CONFIG="$CONF" pgbackrest --stanza="$STANZA" "$@"; }

# The server runs restore_command without our environment: name the configuration in it.
rc="pgbackrest --config=$CONF --stanza=$STANZA${into:+ --pg1-path=$into} archive-get %f \"%p\""
opts=("--recovery-option=restore_command=$rc")
if [ -n "$target" ]; then
  opts+=(--type=time "--target=$target" --target-action=promote)
else
  opts+=(--type=default)
fi

if [ -n "$into" ]; then
  [ ! -e "$into" ] || [ -z "$(ls -A "$into" 2>/dev/null)" ] || { echo "[restore] $into is not empty" >&2; exit 1; }
  mkdir -p "$into"; chmod 700 "$into"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$into"
  log "restoring ${target:-the latest state} into $into"
  # The copy must not archive into the live cluster's stanza.
  br restore --pg1-path="$into" "${opts[@]}" --archive-mode=off
  mkdir -p "$into/run"; [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$into/run"
  as_owner "$PGBIN/pg_ctl" -D "$into" -l "$into/server.log" -w -t 600 -o "-p $port -k $into/run -c archive_mode=off" start >/dev/null \
    || { tail -20 "$into/server.log" >&2; exit 1; }
  # Wait for recovery to end (promotion at the target).
  for _ in $(seq 1 600); do
    r=$(PGPASSWORD="$CIVGEO_DB_PASSWORD" psql -X -h 127.0.0.1 -p "$port" -U "$CIVGEO_DB_USER" -d postgres -tAc 'select pg_is_in_recovery()' 2>/dev/null || true)
    [ "$r" = f ] && break; sleep 1
  done
  [ "$r" = f ] || { echo "[restore] the restored cluster did not finish recovery" >&2; tail -20 "$into/server.log" >&2; exit 1; }
  log "restored cluster running on 127.0.0.1:$port (data in $into)"
else
  log "stopping PostgreSQL and restoring ${target:-the latest state} in place"
  "$ROOT/scripts/db.sh" stop
  br restore --delta "${opts[@]}"
  "$ROOT/scripts/db.sh" start
  for _ in $(seq 1 600); do
    r=$("$ROOT/scripts/db.sh" psql postgres -tAc 'select pg_is_in_recovery()' 2>/dev/null || true)
    [ "$r" = f ] && break; sleep 1
  done
  [ "$r" = f ] || { echo "[restore] recovery did not finish; see $(scripts/db.sh home)/server.log" >&2; exit 1; }
  log "done: the cluster stands as at ${target:-the end of the archive}"
fi
