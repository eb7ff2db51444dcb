#!/usr/bin/env bash
# Installs (once) and starts Debian's Prometheus, process-exporter, postgres-exporter and
# node-exporter on 127.0.0.1 for the resource reader's tests (issue 13): 1 s scrape interval, a
# temporary TSDB, no systemd (the binaries are started directly). Prints `export ...` lines on
# stdout, logs on stderr:
#   eval "$(bash .ci/prometheus.sh)"            # start; needs PULP_TEST_DB_* from .ci/postgres.sh
#   bash .ci/prometheus.sh stop                 # stop what the last start started, by pid
# A second Prometheus on PROM_PORT+1 asks for basic auth (--web.config.file, a bcrypt hash of a
# password made up at each start), so the reader's credentials are tested against the real thing.
# process-exporter groups any process whose command line carries -Dpulp.prom.group=NAME as NAME
# (the tests tag the simulator's JVM that way), and other java and postgres processes by name; -children=false
# keeps a tagged child JVM (the simulator a test starts) out of its parent's group, and
# -gather-smaps=false keeps a scrape well under the 1 s scrape timeout on a busy machine.
set -euo pipefail

STATE=${PULP_PROM_STATE:-/tmp/pulp-prom}
PROM_PORT=${PULP_PROM_PORT:-9090}
GUARDED_PORT=$((PROM_PORT + 1))
GUARDED_USER=pulp-test
PROCESS_PORT=9256
POSTGRES_PORT=9187
NODE_PORT=9100

log() { echo "prometheus.sh: $*" >&2; }

stop() {
  [ -d "$STATE" ] || return 0
  for f in "$STATE"/*.pid; do
    [ -f "$f" ] || continue
    pid=$(cat "$f")
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
      log "stopped $(basename "$f" .pid) (pid $pid)"
    fi
    rm -f "$f"
  done
}

if [ "${1:-start}" = stop ]; then stop; exit 0; fi

if [ "$(id -u)" -ne 0 ]; then log "run as root (it installs packages)"; exit 1; fi
if ! dpkg -s prometheus prometheus-process-exporter prometheus-postgres-exporter prometheus-node-exporter >/dev/null 2>&1; then
  log "installing Debian's prometheus and exporters"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus prometheus-node-exporter \
    prometheus-process-exporter prometheus-postgres-exporter >&2
fi
: "${PULP_TEST_DB_URL:?run eval \"\$(bash .ci/postgres.sh)\" first: postgres-exporter watches that database}"

stop   # a previous start of ours, if any
mkdir -p "$STATE"
rm -rf "$STATE/tsdb" "$STATE/tsdb-guarded" "$STATE/file-sd" "$STATE/marker"
# Targets a test adds for itself (an exporter it starts, stops and pauses): one JSON file each, read within a second.
mkdir -p "$STATE/file-sd"
# The marker (issue 21): a token in Prometheus's own configuration, so the self-tests can tell this
# server from any other that listens on the same port, and use it without PULP_TEST_PROMETHEUS_URL.
MARKER=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')

cat > "$STATE/process-exporter.yml" <<'YML'
process_names:
  - name: "{{.Matches.group}}"
    cmdline: ['-Dpulp\.prom\.group=(?P<group>[A-Za-z0-9_.-]+)']
  - name: "{{.Comm}}"
    comm: [java, postgres]
YML

cat > "$STATE/prometheus.yml" <<YML
global:
  scrape_interval: 1s
  evaluation_interval: 1s
  external_labels: {pulp_selftest_marker: '$MARKER'}
scrape_configs:
  - job_name: selftest
    file_sd_configs: [{files: ['$STATE/file-sd/*.json'], refresh_interval: 1s}]
  - job_name: process
    static_configs: [{targets: ['127.0.0.1:$PROCESS_PORT']}]
  - job_name: postgres
    static_configs: [{targets: ['127.0.0.1:$POSTGRES_PORT']}]
  - job_name: node
    static_configs: [{targets: ['127.0.0.1:$NODE_PORT']}]
YML

start() { # name, then the command
  local name=$1; shift
  nohup "$@" >"$STATE/$name.log" 2>&1 &
  echo $! > "$STATE/$name.pid"
}

# postgres-exporter takes a libpq URL: the JDBC URL's host and port, the monitor role. It connects to the
# `postgres` database, not the test database: it still reports every database's statistics, and its own
# transactions stay out of the test database's (the DB sampler's tests count those).
HOSTPORT=${PULP_TEST_DB_URL#jdbc:postgresql://}
HOSTPORT=${HOSTPORT%%/*}
DATA_SOURCE_NAME="postgresql://$PULP_TEST_DB_USERNAME:$PULP_TEST_DB_PASSWORD@$HOSTPORT/postgres?sslmode=disable" \
  start postgres-exporter prometheus-postgres-exporter --web.listen-address=127.0.0.1:$POSTGRES_PORT
# Raised priority: on a busy CI machine a scrape must still finish within the 1 s scrape timeout, or the
# group's samples go missing exactly while the load runs (seen here with 4 builds on 2 cores).
start process-exporter nice -n -10 prometheus-process-exporter -web.listen-address=127.0.0.1:$PROCESS_PORT \
  -config.path "$STATE/process-exporter.yml" -threads=false -children=false -gather-smaps=false
start node-exporter prometheus-node-exporter --web.listen-address=127.0.0.1:$NODE_PORT
start prometheus nice -n -5 prometheus --config.file="$STATE/prometheus.yml" --storage.tsdb.path="$STATE/tsdb" \
  --web.listen-address=127.0.0.1:$PROM_PORT --storage.tsdb.retention.time=1d

# The guarded one: basic auth with a fresh random password (bcrypt through Python's crypt, which
# Debian's python3 has; the password is only in the tests' environment, its hash in $STATE).
GUARDED_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
HASH=$(GUARDED_PASSWORD=$GUARDED_PASSWORD python3 -W ignore -c \
  'import crypt, os; print(crypt.crypt(os.environ["GUARDED_PASSWORD"], crypt.mksalt(crypt.METHOD_BLOWFISH, rounds=1 << 6)))')
case $HASH in '$2'*) ;; *) log "could not make a bcrypt hash for the guarded Prometheus"; stop; exit 1 ;; esac
( umask 077; printf 'basic_auth_users:\n  %s: %s\n' "$GUARDED_USER" "$HASH" > "$STATE/web-guarded.yml" )
cat > "$STATE/prometheus-guarded.yml" <<YML
global:
  scrape_interval: 1s
scrape_configs:
  - job_name: node
    static_configs: [{targets: ['127.0.0.1:$NODE_PORT']}]
YML
start prometheus-guarded prometheus --config.file="$STATE/prometheus-guarded.yml" --storage.tsdb.path="$STATE/tsdb-guarded" \
  --web.listen-address=127.0.0.1:$GUARDED_PORT --web.config.file="$STATE/web-guarded.yml" --storage.tsdb.retention.time=1d

# Ready when every target has been scraped up (bounded: 60 x 0.5 s).
ready=false
for _ in $(seq 1 60); do
  up=$(curl -sf --max-time 2 "http://127.0.0.1:$PROM_PORT/api/v1/query?query=sum(up)" 2>/dev/null \
       | sed -n 's/.*"value":\[[^,]*,"\([0-9.]*\)"\].*/\1/p' || true)
  gup=$(curl -sf --max-time 2 -u "$GUARDED_USER:$GUARDED_PASSWORD" "http://127.0.0.1:$GUARDED_PORT/api/v1/query?query=sum(up)" 2>/dev/null \
       | sed -n 's/.*"value":\[[^,]*,"\([0-9.]*\)"\].*/\1/p' || true)
  if [ "$up" = 3 ] && [ "$gup" = 1 ]; then ready=true; break; fi
  sleep 0.5
done
if [ "$ready" != true ]; then
  log "not every target is up within 30 s (sum(up)=${up:-none}, guarded ${gup:-none}); logs in $STATE"
  tail -n 5 "$STATE"/*.log >&2 || true
  stop
  exit 1
fi
printf 'url=http://127.0.0.1:%s\ntoken=%s\n' "$PROM_PORT" "$MARKER" > "$STATE/marker"
log "ready: Prometheus on 127.0.0.1:$PROM_PORT scraping process-, postgres- and node-exporter every 1 s (state in $STATE)"
echo "export PULP_TEST_PROMETHEUS_URL=http://127.0.0.1:$PROM_PORT"
echo "export PULP_TEST_PROMETHEUS_SCRAPE_INTERVAL=1s"
echo "export PULP_TEST_PROMETHEUS_STATE=$STATE"
echo "export PULP_TEST_PROMETHEUS_GUARDED_URL=http://127.0.0.1:$GUARDED_PORT"
echo "export PULP_TEST_PROMETHEUS_GUARDED_USERNAME=$GUARDED_USER"
echo "export PULP_TEST_PROMETHEUS_GUARDED_PASSWORD=$GUARDED_PASSWORD"
