#!/usr/bin/env bash
# Shared edges of REAL county polygons (Aliyun DataV, GCJ-02, each polygon simplified on its own, so neighbours
# show small gaps and overlaps): how many neighbouring pairs and how many km of shared edge the boundary
# derivation finds exactly (baseline) versus with snapping (what POST /api/boundary/lines/derive snapMetres does)
# and with a boundary-within-buffer match. Reads ../shared/data/real (never copied); skips when absent.
#   CIVGEO_DB_PORT=54333 scripts/bench/boundary-real-edges.sh [350200 350100 ...]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PORT="${CIVGEO_DB_PORT:-54329}"
DB="${CIVGEO_BENCH_DB:-civgeo}"
REAL=""
for d in "${CIVGEO_SHARED:-}" "$ROOT/../shared" /work/shared; do
  [ -n "$d" ] && [ -d "$d/data/real/datav-gcj02" ] && REAL="$d/data/real/datav-gcj02" && break
done
[ -z "$REAL" ] && { echo "real data not found (../shared/data/real); skipped"; exit 0; }
export PGPASSWORD="${CIVGEO_DB_PASSWORD:-civgeo}"
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U "${CIVGEO_DB_USER:-civgeo}" -d "$DB")
"${PSQL[@]}" -c "create extension if not exists postgis; create schema if not exists bench"
codes=("$@"); [ ${#codes[@]} -eq 0 ] && codes=(350200 350100)
for code in "${codes[@]}"; do
  f="$REAL/${code}_full.json"
  [ -f "$f" ] || { echo "no $f"; continue; }
  ogr2ogr -f PostgreSQL "PG:host=127.0.0.1 port=$PORT dbname=$DB user=${CIVGEO_DB_USER:-civgeo} password=$PGPASSWORD" \
    "$f" -nln "bench.real_$code" -overwrite -lco GEOMETRY_NAME=geom -nlt MULTIPOLYGON -a_srs EPSG:4490 -q
  echo "== $code ($(basename "$f")): shared edges of neighbouring pairs (edge > 100 m)"
  "${PSQL[@]}" -P pager=off <<SQL
\timing off
with p as (
  select a.adcode::text as a, b.adcode::text as b, ST_MakeValid(a.geom) as ag, ST_MakeValid(b.geom) as bg
    from bench.real_$code a join bench.real_$code b on a.adcode < b.adcode
   where ST_DWithin(a.geom::geography, b.geom::geography, 200)
), m as (
  select 'exact (baseline)' as method, 1 as o, a, b, ST_CollectionExtract(ST_Intersection(ag, bg), 2) as e from p
  union all
  select 'snap 10 m', 2, a, b, ST_CollectionExtract(ST_Intersection(ST_MakeValid(ST_Snap(ag, bg, 10 / 111320.0)), bg), 2) from p
  union all
  select 'snap 100 m', 3, a, b, ST_CollectionExtract(ST_Intersection(ST_MakeValid(ST_Snap(ag, bg, 100 / 111320.0)), bg), 2) from p
  union all
  select 'boundary within 200 m', 4, a, b, ST_Intersection(ST_Boundary(ag), ST_SetSRID(ST_Buffer(bg::geography, 200)::geometry, 4490)) from p
)
select method, (select count(*) from p) as candidate_pairs,
       count(*) filter (where ST_Length(e::geography) > 100) as pairs_found,
       round(sum(ST_Length(e::geography))::numeric / 1000, 1) as shared_km
  from m group by method, o order by o;
SQL
done
