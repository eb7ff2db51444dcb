#!/usr/bin/env bash
# The instrument is never the bottleneck (issue 9): one command runs every benchmark and writes
# BENCHMARKS.md-ready tables to target/bench/tables.md.
#
#   bash bench/run.sh                 # everything, 5 repetitions (~35 min on 2 cores)
#   BENCH_REPS=1 BENCH_SECONDS=2 BENCH_TASKS=100000 BENCH_WHOLE_TASKS=20000 bash bench/run.sh   # a quick look
#   BENCH_PARTS=dispatch bash bench/run.sh                         # the HTTP client comparison alone (issue 15)
#   BENCH_PARTS=dispatch BENCH_CLIENTS="java wrk apache" bash bench/run.sh                     # some clients only
#
# BENCH_PARTS (default "dispatch collect live whole") chooses the parts below; BENCH_CLIENTS (default
# "java wrk python apache jetty netty") the dispatch clients: java is the suite's own Dispatcher and
# Http1Client, apache/jetty/netty are Apache HttpClient 5 classic, Jetty's HttpClient and Reactor Netty
# driven the same way (LibraryClientBench).
#
# Parts (issue 9):
#   2. dispatch capacity (part "dispatch"): the suite's Dispatcher (closed model), wrk, the seed-style
#      Python client and three Java HTTP client libraries (issue 15), side by side on the same URL of a
#      standalone simulator JVM, at 1, 8, 32 and 128 clients;
#   3. scale ("collect"): wait for and collect BENCH_TASKS (1,000,000) preloaded finished tasks with the client
#      JVM at -Xmx256m (streaming analysis, keyset pages, raw CSV to disk);
#   4. gentle ("live"): requests per 1,000 tasks (pages) and polls per poll interval, from part 3 and from a
#      live run that dispatches BENCH_LIVE_TASKS tasks and waits for them to drain;
#   and once ("whole"): a whole run's client side at -Xmx256m, BENCH_WHOLE_TASKS (1,000,000) distributions
#      created (every dispatch record kept, as a scenario keeps them), waited for, collected, checked for lost tasks.
# Everything goes to 127.0.0.1 only; every loop is bounded in count and time; the simulator JVMs
# this script starts are stopped by their process ids when it ends.
set -euo pipefail
cd "$(dirname "$0")/.."

REPS=${BENCH_REPS:-5}
SECS=${BENCH_SECONDS:-5}            # measured seconds per dispatch point and client
WARMUP=${BENCH_WARMUP:-10}          # unmeasured seconds before each Java measurement (JIT), same JVM: the libraries need ~10 s
CONCURRENCY=${BENCH_CONCURRENCY:-"1 8 32 128"}
TASKS=${BENCH_TASKS:-1000000}
LIVE_TASKS=${BENCH_LIVE_TASKS:-3000}
WHOLE_TASKS=${BENCH_WHOLE_TASKS:-1000000}  # one whole run (dispatch kept in memory + wait + collect) at -Xmx256m; 0 skips it
PORT=${BENCH_PORT:-24931}
PARTS=${BENCH_PARTS:-"dispatch collect live whole"}
CLIENTS=${BENCH_CLIENTS:-"java wrk python apache jetty netty"}
OUT=target/bench
RESULTS=$OUT/results.tsv
mkdir -p "$OUT"

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
has_part() { [[ " $PARTS " == *" $1 "* ]]; }

for part in $PARTS; do
    case $part in dispatch|collect|live|whole) ;; *) echo "BENCH_PARTS: unknown part $part (dispatch collect live whole)" >&2; exit 2 ;; esac
done
for client in $CLIENTS; do
    case $client in java|wrk|python|apache|jetty|netty) ;; *) echo "BENCH_CLIENTS: unknown client $client (java wrk python apache jetty netty)" >&2; exit 2 ;; esac
done

# --- tools -------------------------------------------------------------------------------------
if has_part dispatch && ! command -v wrk >/dev/null; then  # also warms each fresh simulator up
    log "installing wrk (Debian package)"
    if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq wrk >/dev/null
    else sudo apt-get update -qq && sudo apt-get install -y -qq wrk >/dev/null; fi
fi
command -v python3 >/dev/null || { echo "python3 is needed for the seed-style client and the tables" >&2; exit 2; }
TIME=/usr/bin/time
[ -x "$TIME" ] || TIME=""   # GNU time gives each client's CPU seconds; without it that column stays empty

log "building (mvn -q -DskipTests test-compile: the benchmarks are src/bench/java, compiled with the tests)"
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt" >/dev/null
CP="target/classes:target/test-classes:$(cat "$OUT/classpath.txt")"

# --- the machine -------------------------------------------------------------------------------
{
    echo "date	$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "nproc	$(nproc)"
    echo "cpu	$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
    echo "memory	$(free -g | awk '/Mem:/ {print $2 " GiB"}')"
    echo "java	$(java -version 2>&1 | head -1)"
    echo "wrk	$(wrk -v 2>&1 | head -1 | cut -d' ' -f1-3)"
    echo "python	$(python3 --version 2>&1)"
    echo "load_before	$(cut -d' ' -f1-3 /proc/loadavg)"
    echo "commit	$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "settings	reps=$REPS seconds=$SECS warmup=$WARMUP concurrency=$CONCURRENCY tasks=$TASKS live_tasks=$LIVE_TASKS parts=$PARTS clients=$CLIENTS"
} > "$OUT/machine.tsv"
printf 'part\trep\tclient\tconcurrency\tvalue\tcpu_s\textra\n' > "$RESULTS"

# --- the simulator in its own JVM --------------------------------------------------------------
# shellcheck source=bench/simulator.sh
. bench/simulator.sh
trap stop_sim EXIT INT TERM

SIM_CP="$CP"   # the simulator runs from this build

# timed FILE CMD... : runs CMD (bounded by `timeout`), its stdout to FILE, and prints its CPU seconds;
# a client that fails is logged and leaves its figure empty instead of ending the whole run
timed() {
    local file=$1; shift
    if [ -n "$TIME" ]; then
        timeout 600 "$TIME" -f '%U %S' -o "$file.time" "$@" > "$file" || log "failed ($?): $*"
        awk '{printf "%.2f", $1 + $2}' "$file.time" 2>/dev/null || true
    else
        timeout 600 "$@" > "$file" || log "failed ($?): $*"
    fi
}

field() { sed -n "s/.*[[:space:]]$1=\([^[:space:]]*\).*/\1/p" "$2" | head -1; }

# --- part 2: dispatch capacity -----------------------------------------------------------------
URL="http://127.0.0.1:$PORT/pulp/test/tasks/"
SIM_DISPATCH=(-Dsim.workers=2 -Dsim.serviceTime.no_op_task=0ms -Dsim.testEndpointDuration=500ms -Dsim.testDispatchInterval=1s)
read -r -a CLIENT_LIST <<< "$CLIENTS"
for rep in $(seq "$REPS"); do
    has_part dispatch || break
    for c in $CONCURRENCY; do
        # A fresh simulator JVM per point, so no point inherits another's task table or garbage;
        # its JIT warms up on unmeasured load first, so no client meets a cold server.
        log "dispatch capacity, repetition $rep/$REPS, $c clients (fresh simulator JVM)"
        start_sim 2g "${SIM_DISPATCH[@]}"
        wrk -c 8 -t 2 -d 3s -H 'Correlation-ID: bench' -H 'Accept: application/json' "$URL" > /dev/null
        # Rotate the clients' order each repetition, so drifting background load favours none.
        order=""
        for i in "${!CLIENT_LIST[@]}"; do order+="${CLIENT_LIST[$(( (i + rep - 1) % ${#CLIENT_LIST[@]} ))]} "; done
        for client in $order; do
            f="$OUT/dispatch-$rep-$c-$client.txt"
            case $client in
                java)
                    cpu=$(timed "$f" java -cp "$CP" io.pulpperf.throughput.bench.DispatchBench "$URL" "$c" "$SECS" "$WARMUP")
                    rps=$(field rps "$f") ;;
                apache|jetty|netty)
                    cpu=$(timed "$f" java -cp "$CP" io.pulpperf.throughput.bench.LibraryClientBench "$client" "$URL" "$c" "$SECS" "$WARMUP")
                    rps=$(field rps "$f") ;;
                wrk)
                    t=$(( c < 2 ? c : 2 ))
                    cpu=$(timed "$f" wrk -c "$c" -t "$t" -d "${SECS}s" --timeout 30s -H 'Correlation-ID: bench' \
                        -H 'Accept: application/json' "$URL")
                    rps=$(awk '/Requests\/sec/ {print $2}' "$f")
                    if grep -q 'Non-2xx\|Socket errors' "$f"; then log "wrk reported errors: $(grep 'Non-2xx\|Socket errors' "$f")"; fi ;;
                python)
                    cpu=$(timed "$f" python3 bench/seed_client.py --url "$URL" --max_workers "$c" --seconds "$SECS")
                    rps=$(field rps "$f") ;;
            esac
            printf 'dispatch\t%s\t%s\t%s\t%s\t%s\t%s\n' "$rep" "$client" "$c" "$rps" "$cpu" "load=$(cut -d' ' -f1 /proc/loadavg)" >> "$RESULTS"
            log "  $client c=$c: $rps requests/s (client CPU ${cpu:-?} s)"
        done
        stop_sim
    done
done

# --- parts 3 and 4: a million tasks collected at -Xmx256m ---------------------------------------
if has_part collect; then
log "scale: preloading $TASKS finished tasks into a simulator JVM (-Xmx3g)"
start_sim 3g -Dsim.workers=0 "-Dsim.preload=$TASKS"
for rep in $(seq "$REPS"); do
    f="$OUT/collect-$rep.txt"
    cpu=$(timed "$f" java -Xmx256m "-Xlog:gc:file=$OUT/collect-$rep-gc.log" -cp "$CP" \
        io.pulpperf.throughput.bench.CollectBench collect "http://127.0.0.1:$PORT" bench-preload "$TASKS" "$OUT/collect")
    printf 'collect\t%s\tjava\t-\t%s\t%s\t%s\n' "$rep" "$(field seconds "$f")" "$cpu" "$(cat "$f")" >> "$RESULTS"
    log "  collect $rep: $(cat "$f")"
done
rm -f "$OUT/collect/tasks.csv"   # 260 MB; its size is in the figures
stop_sim
fi

if has_part live; then
log "gentle: a live run of $LIVE_TASKS tasks (2 workers, 10 ms each) dispatched, waited for, collected"
start_sim 1g -Dsim.workers=2 -Dsim.serviceTime.no_op_task=10ms -Dsim.testEndpointDuration=500ms -Dsim.testDispatchInterval=1s
for rep in $(seq "$REPS"); do
    f="$OUT/live-$rep.txt"
    cpu=$(timed "$f" java -Xmx256m -cp "$CP" io.pulpperf.throughput.bench.CollectBench live "http://127.0.0.1:$PORT" \
        "$LIVE_TASKS" "$OUT/live")
    printf 'live\t%s\tjava\t-\t%s\t%s\t%s\n' "$rep" "$(field seconds "$f")" "$cpu" "$(cat "$f")" >> "$RESULTS"
    log "  live $rep: $(cat "$f")"
done
stop_sim
fi

if has_part whole && [ "$WHOLE_TASKS" -gt 0 ]; then
    log "whole run: $WHOLE_TASKS distributions created, waited for and collected by one -Xmx256m JVM (once)"
    start_sim 6g -Dsim.workers=2 -Dsim.serviceTime=0ms
    f="$OUT/whole-1.txt"
    cpu=$(timed "$f" java -Xmx256m "-Xlog:gc:file=$OUT/whole-1-gc.log" -cp "$CP" io.pulpperf.throughput.bench.CollectBench whole \
        "http://127.0.0.1:$PORT" "$WHOLE_TASKS" "$OUT/whole")
    printf 'whole\t1\tjava\t-\t%s\t%s\t%s\n' "$(field seconds "$f")" "$cpu" "$(cat "$f")" >> "$RESULTS"
    log "  whole: $(cat "$f")"
    rm -f "$OUT/whole/tasks.csv"
    stop_sim
fi

echo "load_after	$(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.tsv"
python3 bench/tables.py "$RESULTS" "$OUT/machine.tsv" > "$OUT/tables.md"
log "tables: $OUT/tables.md"
cat "$OUT/tables.md"
