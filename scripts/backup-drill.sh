#!/usr/bin/env bash
# Backup and restore drill. Proves that what scripts/backup.sh keeps can be brought back whole:
#  1. physical: a pgBackRest backup of the project cluster, marker rows written before and after a recorded moment
#     T, a point-in-time restore to T into a NEW cluster (scripts/restore.sh --into), then every table's row count
#     and checksum and the schema (triggers, functions, indexes, constraints, views) compared with the source; the
#     restored drill table must hold the rows before T and none after;
#  2. logical: pg_dump -Fc of the database restored with pg_restore into a new database; the same comparison, and
#     pg_restore must report no error (a trigger that cannot be re-created is an error).
# Exit 0 only when both are equal. Run it on a quiet database (stop CivGeo, or accept that live writes differ).
#   scripts/backup-drill.sh [database]      default: civgeo (CIVGEO_DB_NAME)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/common.sh"
DB="${1:-${CIVGEO_DB_NAME:-civgeo}}"
DRILL_PORT="${CIVGEO_DRILL_PORT:-$((PORT_DB + 50))}"
PGBIN="/usr/lib/postgresql/15/bin"
as_owner() { if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }
log() { echo "[drill] $*"; }
export PGPASSWORD="$CIVGEO_DB_PASSWORD" PGOPTIONS="-c client_min_messages=warning"
q() { local port="$1" db="$2"; shift 2; psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U "$CIVGEO_DB_USER" -d "$db" -tA "$@"; }

# One line per table (rows and an order-independent checksum of the rows' text), then the schema objects.
fingerprint() {
  local port="$1" db="$2"
  q "$port" "$db" -F ' ' -c "select format('%I.%I', n.nspname, c.relname) from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r','p') and n.nspname not in ('pg_catalog','information_schema') and n.nspname not like 'pg_toast%'
      order by 1" | while read -r t; do
    q "$port" "$db" -c "select '$t', count(*), coalesce(md5(string_agg(h, '' order by h)), '-') from (select md5(x::text) h from $t x) s"
  done
  q "$port" "$db" -c "
    select 'trigger ' || c.relname || ' ' || pg_get_triggerdef(t.oid) from pg_trigger t join pg_class c on c.oid = t.tgrelid
     join pg_namespace n on n.oid = c.relnamespace where not t.tgisinternal and n.nspname not in ('pg_catalog','information_schema')
    union all
    select 'function ' || n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ') ' || md5(coalesce(p.prosrc, ''))
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname not in ('pg_catalog','information_schema') and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e')
    union all
    select 'index ' || pg_get_indexdef(i.indexrelid) from pg_index i join pg_class c on c.oid = i.indrelid
      join pg_namespace n on n.oid = c.relnamespace where n.nspname not in ('pg_catalog','information_schema') and n.nspname not like 'pg_toast%'
    union all
    select 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) from pg_constraint
     where connamespace not in ('pg_catalog'::regnamespace, 'information_schema'::regnamespace)
    union all
    select 'view ' || schemaname || '.' || viewname || ' ' || md5(definition) from pg_views where schemaname not in ('pg_catalog','information_schema')
    union all
    select 'extension ' || extname || ' ' || extversion from pg_extension
    order by 1"
}

compare() {
  local what="$1" a="$2" b="$3"
  local tables objects
  tables=$(grep -c '^[^ |]*|[0-9]*|' "$a" || true)
  rows=$(awk -F'|' 'NF == 3 && $2 ~ /^[0-9]+$/ {s += $2} END {print s + 0}' "$a")
  objects=$(grep -cE '^(trigger|function|index|constraint|view|extension) ' "$a" || true)
  if diff -u "$a" "$b" > "$a.diff"; then
    log "$what: EQUAL — $tables tables, $rows rows (row counts and checksums), $objects schema objects (triggers $(grep -c '^trigger ' "$a" || true), functions $(grep -c '^function ' "$a" || true), indexes $(grep -c '^index ' "$a" || true))"
    return 0
  fi
  log "$what: DIFFERENT (first lines of the difference):"; head -40 "$a.diff" | sed 's/^/    /'
  return 1
}

"$ROOT/scripts/db.sh" start >/dev/null
work="$(mktemp -d)"; chmod 755 "$work"
restored="$work/restored"
cleanup() {
  [ -f "$restored/postmaster.pid" ] && as_owner "$PGBIN/pg_ctl" -D "$restored" -m immediate -w stop >/dev/null 2>&1 || true
  q "$PORT_DB" postgres -c "drop database if exists civgeo_drill_logical" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

log "database $DB on 127.0.0.1:$PORT_DB; restored copy on port $DRILL_PORT"
q "$PORT_DB" "$DB" -c "drop table if exists backup_drill" >/dev/null
q "$PORT_DB" "$DB" -c "create table backup_drill (id bigint generated always as identity primary key, phase text not null, at timestamptz not null default clock_timestamp())" >/dev/null
"$ROOT/scripts/backup.sh"
q "$PORT_DB" "$DB" -c "insert into backup_drill(phase) select 'before' from generate_series(1, 100)" >/dev/null
sleep 1
T="$(q "$PORT_DB" "$DB" -c "select clock_timestamp()::text")"
sleep 1
q "$PORT_DB" "$DB" -c "insert into backup_drill(phase) select 'after' from generate_series(1, 7)" >/dev/null
q "$PORT_DB" postgres -c "select pg_switch_wal()" >/dev/null
before=$(q "$PORT_DB" "$DB" -c "select count(*) from backup_drill where at <= '$T'")
log "restore point T = $T ($before drill rows before T, 7 after)"

fingerprint "$PORT_DB" "$DB" > "$work/live.txt"
t0=$SECONDS
"$ROOT/scripts/restore.sh" --to "$T" --into "$restored" --port "$DRILL_PORT"
log "point-in-time restore took $((SECONDS - t0)) s"
got_before=$(q "$DRILL_PORT" "$DB" -c "select count(*) from backup_drill where phase = 'before'")
got_after=$(q "$DRILL_PORT" "$DB" -c "select count(*) from backup_drill where phase = 'after'")
ok=0
if [ "$got_before" = "$before" ] && [ "$got_after" = 0 ]; then
  log "drill table at T: $got_before rows before, $got_after after: right"
else
  log "drill table at T: $got_before rows before (want $before), $got_after after (want 0): WRONG"; ok=1
fi
# The live side as it stood at T: the same fingerprint without the rows written after T.
q "$PORT_DB" "$DB" -c "delete from backup_drill where phase = 'after'" >/dev/null
fingerprint "$PORT_DB" "$DB" > "$work/live-at-T.txt"
fingerprint "$DRILL_PORT" "$DB" > "$work/restored.txt"
compare "physical (pgBackRest PITR)" "$work/live-at-T.txt" "$work/restored.txt" || ok=1
as_owner "$PGBIN/pg_ctl" -D "$restored" -m fast -w stop >/dev/null

log "logical: pg_dump -Fc $DB | pg_restore into civgeo_drill_logical"
t0=$SECONDS
pg_dump -h 127.0.0.1 -p "$PORT_DB" -U "$CIVGEO_DB_USER" -Fc -d "$DB" -f "$work/db.dump"
q "$PORT_DB" postgres -c "drop database if exists civgeo_drill_logical" >/dev/null
q "$PORT_DB" postgres -c "create database civgeo_drill_logical owner \"$CIVGEO_DB_USER\" template template0 encoding 'UTF8'" >/dev/null
if ! pg_restore -h 127.0.0.1 -p "$PORT_DB" -U "$CIVGEO_DB_USER" -d civgeo_drill_logical --exit-on-error "$work/db.dump" 2> "$work/restore.err"; then
  log "pg_restore failed:"; sed 's/^/    /' "$work/restore.err" | head -20; ok=1
fi
log "dump and restore took $((SECONDS - t0)) s"
fingerprint "$PORT_DB" civgeo_drill_logical > "$work/logical.txt"
compare "logical (pg_dump/pg_restore)" "$work/live-at-T.txt" "$work/logical.txt" || ok=1
q "$PORT_DB" "$DB" -c "drop table backup_drill" >/dev/null

if [ "$ok" = 0 ]; then log "PASSED: both restores equal the source"; else log "FAILED"; fi
exit "$ok"
