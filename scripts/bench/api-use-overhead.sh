#!/usr/bin/env bash
# Request overhead of the API-use counting (cn.civgeo.apiuse, issue #19): the same GET /api/divisions/{code} requests
# (keep-alive, one client, codes of the demo city) against the service started three times on the same database:
#   plain   civgeo.api-use.enabled=false (no counting: the baseline)
#   before  counted, flushed every 30 s (the old bound)
#   after   counted, flushed every 1 s (the durability bound now)
# Prints requests/s and p50/p99 latency per configuration and the counts stored by the counted runs.
#   N (requests per configuration, default 3000), PORT (8090), CIVGEO_DB_PORT, BENCH_DB (civgeo_bench).
BENCH_DB="${BENCH_DB:-civgeo_bench}"
source "$(dirname "${BASH_SOURCE[0]}")/division-harness.sh"
N="${N:-3000}"
# fair use would answer 429 to one client this fast; the baseline and the counted runs both run without it
export CIVGEO_FAIR_USE_ENABLED=false
results=()
for cfg in plain:false:1000 before:true:30000 after:true:1000; do
  IFS=: read -r label enabled flush <<< "$cfg"
  export CIVGEO_API_USE_ENABLED="$enabled" CIVGEO_API_USE_FLUSH_MS="$flush"
  start_service
  line=$(python3 - "$BASE" "$N" "$label" <<'PY'
import http.client, sys, time, urllib.parse, statistics
base, n, label = sys.argv[1], int(sys.argv[2]), sys.argv[3]
u = urllib.parse.urlparse(base)
c = http.client.HTTPConnection(u.hostname, u.port)
codes = ["350203", "350205", "350206", "350211", "350212", "350213"]
def get(p):
    t0 = time.perf_counter(); c.request("GET", p); r = c.getresponse(); r.read()
    if r.status != 200: raise SystemExit(f"GET {p}: {r.status}")
    return time.perf_counter() - t0
for i in range(300): get(f"/api/divisions/{codes[i % len(codes)]}")  # warm-up
lat = []; t0 = time.perf_counter()
for i in range(n): lat.append(get(f"/api/divisions/{codes[i % len(codes)]}"))
el = time.perf_counter() - t0; lat.sort()
print(f"{label} {n / el:.0f} {statistics.median(lat) * 1000:.2f} {lat[int(len(lat) * 0.99)] * 1000:.2f}")
PY
)
  sleep 2
  stored=$(psql_bench -tAc "select coalesce(sum(requests), 0) from api_code_use where client = 'anonymous' and day = current_date and code in ('350203','350205','350206','350211','350212','350213')")
  stop_service
  stored_after=$(psql_bench -tAc "select coalesce(sum(requests), 0) from api_code_use where client = 'anonymous' and day = current_date and code in ('350203','350205','350206','350211','350212','350213')")
  results+=("$line $stored $stored_after")
done
echo
echo "API-use counting overhead, GET /api/divisions/{code}, $N requests per configuration after 300 warm-up (one keep-alive client)"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '  %-8s %10s %10s %10s %16s\n' config req/s p50_ms p99_ms stored_total
prev=""
for r in "${results[@]}"; do
  read -r label rps p50 p99 stored stored_after <<< "$r"
  printf '  %-8s %10s %10s %10s %16s\n' "$label" "$rps" "$p50" "$p99" "$stored -> $stored_after"
done
echo "  (plain = baseline without counting; stored_total: anonymous counts of these codes today, 2 s after the run -> after the graceful stop)"
