#!/usr/bin/env bash
# Loads the city-scale address set for benchmarks (≥ 1,000,000 doorplates with building/unit/room, source='bench')
# into the dev database, from the demo doorplates (run scripts/run.sh once first so the demo city is loaded).
#   scripts/bench/load-addresses.sh [N]     N rows (default 1100000, capped by 20 × demo doorplates)
#   scripts/bench/load-addresses.sh --drop  removes the bench rows
# Prints the load time beside a baseline from the same run: the time to load the ~53,600 demo doorplates' worth
# of rows (5 % of the set) the same way, so the figure can be compared across machines.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DB="${CIVGEO_DB_NAME:-civgeo}"
SQL="$ROOT/geo-service/src/main/resources/sql/address/bench-addresses.sql"
psql_() { "$ROOT/scripts/db.sh" psql "$DB" -v ON_ERROR_STOP=1 -q "$@"; }

if [ "${1:-}" = "--drop" ]; then
  psql_ -c "delete from address where source = 'bench'"
  echo "bench addresses removed"; exit 0
fi
N="${1:-1100000}"
demo=$(psql_ -At -c "select count(*) from address where source = 'demo'")
if [ "$demo" -eq 0 ]; then
  echo "no demo doorplates: start the service once with demo data (scripts/run.sh) and try again" >&2; exit 1
fi
psql_ -c "delete from address where source = 'bench'"
base=$((demo))
t0=$(date +%s.%N)
psql_ -v limit="$base" -f "$SQL"
t1=$(date +%s.%N)
psql_ -c "delete from address where source = 'bench'"
t2=$(date +%s.%N)
psql_ -v limit="$N" -f "$SQL"
t3=$(date +%s.%N)
rows=$(psql_ -At -c "select count(*) from address where source = 'bench'")
total=$(psql_ -At -c "select count(*) from address")
awk -v b="$base" -v tb="$(echo "$t1 - $t0" | bc)" -v n="$rows" -v tn="$(echo "$t3 - $t2" | bc)" -v total="$total" 'BEGIN {
  printf "baseline: %d rows in %.1f s (%.0f rows/s)\n", b, tb, b / tb;
  printf "bench:    %d rows in %.1f s (%.0f rows/s); address table now %d rows\n", n, tn, n / tn, total }'
