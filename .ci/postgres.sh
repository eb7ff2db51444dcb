#!/usr/bin/env bash
# Installs (once) and starts Debian's PostgreSQL on 127.0.0.1 for the DB sampler's tests (issue 8):
# pg_stat_statements preloaded, a test database owned by a load role, and a read-only monitoring
# role with pg_monitor (what the sampler needs on a real Pulp database). Idempotent and quick when
# the cluster already runs. Prints `export PULP_TEST_DB_*=...` lines on stdout, logs on stderr:
#   eval "$(bash .ci/postgres.sh)"
# The passwords below are for a throwaway test cluster that listens on loopback only.
set -euo pipefail

DB=pulp_perf_test
MONITOR_ROLE=pulp_perf_monitor
MONITOR_PASSWORD=monitor-test-only
LOAD_ROLE=pulp_perf_load
LOAD_PASSWORD=load-test-only
CLUSTER=main
# Only DbSamplerPostgresTest.leavesItsOwnTransactionsOut uses it: transactions are counted per database (issue 21).
QUIET_DB=pulp_perf_quiet
STATE=${PULP_PG_STATE:-/tmp/pulp-pg}

log() { echo "postgres.sh: $*" >&2; }

if [ "$(id -u)" -ne 0 ]; then
  log "run as root (it installs packages and starts the cluster as the postgres user)"
  exit 1
fi

if ! dpkg -s postgresql postgresql-contrib >/dev/null 2>&1; then
  log "installing Debian's postgresql and postgresql-contrib"
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-contrib >&2
fi

VERSION=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1 == v && $2 == c { found = 1 } END { exit !found }'; then
  log "creating cluster $VERSION/$CLUSTER"
  pg_createcluster "$VERSION" "$CLUSTER" >&2
fi

# Settings live in their own conf.d file, rewritten only when they differ, so a running cluster
# with the right settings is left alone (no restart).
CONF=/etc/postgresql/$VERSION/$CLUSTER/conf.d/pulp-perf-test.conf
WANT="# Written by .ci/postgres.sh (pulp task-throughput suite, issue 8)
listen_addresses = '127.0.0.1'
shared_preload_libraries = 'pg_stat_statements'
pg_stat_statements.track = top
track_activity_query_size = 2048"
CHANGED=false
if [ ! -f "$CONF" ] || [ "$(cat "$CONF")" != "$WANT" ]; then
  printf '%s\n' "$WANT" > "$CONF"
  chown postgres:postgres "$CONF"
  CHANGED=true
fi

STATUS=$(pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1 == v && $2 == c { print $4 }')
PORT=$(pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1 == v && $2 == c { print $3 }')
if [ "$STATUS" != "online" ]; then
  log "starting PostgreSQL $VERSION/$CLUSTER on 127.0.0.1:$PORT"
  pg_ctlcluster "$VERSION" "$CLUSTER" start >&2
elif [ "$CHANGED" = true ]; then
  log "restarting PostgreSQL $VERSION/$CLUSTER to load pg_stat_statements"
  pg_ctlcluster "$VERSION" "$CLUSTER" restart >&2
else
  log "PostgreSQL $VERSION/$CLUSTER already running on 127.0.0.1:$PORT"
fi

for _ in $(seq 1 60); do
  if pg_isready -q -h 127.0.0.1 -p "$PORT"; then break; fi
  sleep 0.5
done
pg_isready -h 127.0.0.1 -p "$PORT" >&2 || { log "PostgreSQL did not accept connections within 30 s; see /var/log/postgresql/"; exit 1; }

psql_as_postgres() {
  PGOPTIONS="-c client_min_messages=warning" runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$PORT" "$@" >&2
}

psql_as_postgres -d postgres <<SQL
DO \$\$BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$MONITOR_ROLE') THEN CREATE ROLE $MONITOR_ROLE; END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$LOAD_ROLE') THEN CREATE ROLE $LOAD_ROLE; END IF;
END\$\$;
-- The sampler's role: may log in and read statistics, nothing else.
ALTER ROLE $MONITOR_ROLE LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '$MONITOR_PASSWORD';
GRANT pg_monitor TO $MONITOR_ROLE;
-- The tests' load role: owns the test database so it can create the tables it locks.
ALTER ROLE $LOAD_ROLE LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '$LOAD_PASSWORD';
SELECT 'CREATE DATABASE $DB OWNER $LOAD_ROLE' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$DB') \gexec
SELECT 'CREATE DATABASE $QUIET_DB OWNER $LOAD_ROLE' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$QUIET_DB') \gexec
SQL
psql_as_postgres -d "$DB" -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"
psql_as_postgres -d "$QUIET_DB" -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"

# The marker (issue 21): the self-tests use this server without PULP_TEST_DB_URL only when the test
# database's comment carries the token written beside its URL here.
MARKER=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
psql_as_postgres -d postgres -c "COMMENT ON DATABASE $DB IS 'pulp-perf-test marker $MARKER'"
mkdir -p "$STATE"
printf 'url=jdbc:postgresql://127.0.0.1:%s/%s\ntoken=%s\n' "$PORT" "$DB" "$MARKER" > "$STATE/marker"

log "ready: PostgreSQL $VERSION on 127.0.0.1:$PORT, database $DB, pg_stat_statements on"
echo "export PULP_TEST_DB_URL=jdbc:postgresql://127.0.0.1:$PORT/$DB"
echo "export PULP_TEST_DB_USERNAME=$MONITOR_ROLE"
echo "export PULP_TEST_DB_PASSWORD=$MONITOR_PASSWORD"
echo "export PULP_TEST_DB_LOAD_USERNAME=$LOAD_ROLE"
echo "export PULP_TEST_DB_LOAD_PASSWORD=$LOAD_PASSWORD"
