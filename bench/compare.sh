#!/usr/bin/env bash
# Before/after in one run (issue 15): the million-task collection (CollectBench collect, client
# at -Xmx256m) from BASE_REV's build and from the working tree's build, alternately, against ONE
# simulator JVM preloaded with finished tasks, so both sides meet the same server and the same
# background load. Prints a Markdown table to stdout and target/compare/compare.md.
#
#   bash bench/compare.sh 721b77b                         # 1,000,000 tasks, 5 repetitions a side
#   COMPARE_TASKS=100000 COMPARE_REPS=2 bash bench/compare.sh HEAD~1   # a quick look
#   COMPARE_DISPATCH=1 bash bench/compare.sh 721b77b      # also DispatchBench at 32 clients
#
# Order alternates per repetition (base,new then new,base), so drifting load favours neither.
# The first repetition's two tasks.csv files are compared byte for byte. Only 127.0.0.1; every
# java call runs under `timeout`; the base worktree and the simulator (by pid) go at exit.
set -euo pipefail
cd "$(dirname "$0")/.."

BASE_REV=${1:?usage: bench/compare.sh BASE_REV}
TASKS=${COMPARE_TASKS:-1000000}
REPS=${COMPARE_REPS:-5}
PORT=${COMPARE_PORT:-24941}          # bench/run.sh uses 24931, so both can run
DISPATCH=${COMPARE_DISPATCH:-0}
DISPATCH_SECS=${COMPARE_DISPATCH_SECONDS:-5}
DISPATCH_CONCURRENCY=${COMPARE_DISPATCH_CONCURRENCY:-32}
OUT=target/compare
RESULTS=$OUT/results.tsv
rm -rf "$OUT"
mkdir -p "$OUT"
OUT_ABS=$(pwd)/$OUT

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
TIME=/usr/bin/time
[ -x "$TIME" ] || TIME=""   # GNU time gives each client's CPU seconds; without it that column stays empty

# --- cleanup: simulator by pid, base worktree --------------------------------------------------
TMP=$(mktemp -d)
BASE_DIR=$TMP/base
# shellcheck source=bench/simulator.sh
. bench/simulator.sh
cleanup() {
    stop_sim
    if [ -d "$BASE_DIR" ]; then git worktree remove --force "$BASE_DIR" 2>/dev/null || true; fi
    git worktree prune 2>/dev/null || true
    rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- builds ------------------------------------------------------------------------------------
BASE_SHA=$(git rev-parse --short "$BASE_REV^{commit}")
log "base $BASE_SHA: temporary worktree $BASE_DIR"
git worktree add --detach -q "$BASE_DIR" "$BASE_SHA"
[ -d "$BASE_DIR/src/bench/java" ] || { echo "$BASE_SHA has no src/bench/java (CollectBench): pick a later base" >&2; exit 2; }

# build DIR NAME : compiles DIR (main, tests, benchmarks) offline and prints its classpath
build() {
    local dir=$1 name=$2
    log "building $name (mvn test-compile)"
    if ! (cd "$dir" && mvn -B -q -DskipTests test-compile dependency:build-classpath \
            -Dmdep.outputFile="$OUT_ABS/$name-cp.txt" > "$OUT_ABS/$name-build.log" 2>&1); then
        cat "$OUT_ABS/$name-build.log" >&2; exit 1
    fi
    echo "$dir/target/classes:$dir/target/test-classes:$(cat "$OUT_ABS/$name-cp.txt")"
}
CP_BASE=$(build "$BASE_DIR" base)
CP_NEW=$(build "$(pwd)" new)
cp_of() { if [ "$1" = base ]; then echo "$CP_BASE"; else echo "$CP_NEW"; fi; }

{
    echo "date	$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "nproc	$(nproc)"
    echo "cpu	$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
    echo "java	$(java -version 2>&1 | head -1)"
    echo "base	$BASE_SHA"
    echo "new	$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml || echo '+uncommitted')"
    echo "settings	tasks=$TASKS reps=$REPS dispatch=$DISPATCH"
    echo "load_before	$(cut -d' ' -f1-3 /proc/loadavg)"
} > "$OUT/machine.tsv"
printf 'bench\trep\tside\tvalue\tcpu_s\tpeak_heap_mb\tcsv_mb\tload1\n' > "$RESULTS"

SIM_CP="$CP_BASE"   # the simulator runs from the base build

# timed FILE CMD... : runs CMD under `timeout`, stdout to FILE; prints its CPU seconds (user + system)
timed() {
    local file=$1; shift
    local rc=0
    if [ -n "$TIME" ]; then
        timeout 600 "$TIME" -f '%U %S' -o "$file.time" "$@" > "$file" 2> "$file.err" || rc=$?
        awk '{printf "%.2f", $1 + $2}' "$file.time"
    else
        timeout 600 "$@" > "$file" 2> "$file.err" || rc=$?
    fi
    if [ "$rc" != 0 ]; then log "failed ($rc): $*"; cat "$file.err" >&2; exit 1; fi
}

field() { sed -n "s/.*[[:space:]]$1=\([^[:space:]]*\).*/\1/p" "$2" | head -1; }
order() { if [ $(( $1 % 2 )) = 1 ]; then echo "base new"; else echo "new base"; fi; }

# --- the million-task collection ---------------------------------------------------------------
log "preloading $TASKS finished tasks into a simulator JVM (-Xmx3g, port $PORT)"
start_sim 3g -Dsim.workers=0 "-Dsim.preload=$TASKS"
for rep in $(seq "$REPS"); do
    for side in $(order "$rep"); do
        f="$OUT/collect-$rep-$side.txt"
        cpu=$(timed "$f" java -Xmx256m -cp "$(cp_of "$side")" io.pulpperf.throughput.bench.CollectBench collect \
            "http://127.0.0.1:$PORT" bench-preload "$TASKS" "$OUT/collect-$side")
        printf 'collect\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$rep" "$side" "$(field seconds "$f")" "$cpu" \
            "$(field peak_heap_mb "$f")" "$(field csv_mb "$f")" "$(cut -d' ' -f1 /proc/loadavg)" >> "$RESULTS"
        log "  collect $rep $side: $(field seconds "$f") s, CPU $cpu s, peak heap $(field peak_heap_mb "$f") MB"
        if [ "$rep" = 1 ]; then
            mv "$OUT/collect-$side/tasks.csv" "$OUT/first-$side.csv"
        else
            rm -f "$OUT/collect-$side/tasks.csv"
        fi
    done
    if [ "$rep" = 1 ]; then
        if cmp -s "$OUT/first-base.csv" "$OUT/first-new.csv"; then same="identical"
        else same="DIFFERENT: $(cmp "$OUT/first-base.csv" "$OUT/first-new.csv" 2>&1 | head -1)"; fi
        echo "tasks_csv	$same" >> "$OUT/machine.tsv"
        log "  tasks.csv base vs new: $same"
        rm -f "$OUT/first-base.csv" "$OUT/first-new.csv"   # ~260 MB each
    fi
done
stop_sim

# --- optional: dispatch at 32 clients (the Dispatcher; a control, since CSV is not on its path) -
if [ "$DISPATCH" = 1 ]; then
    log "dispatch: DispatchBench at $DISPATCH_CONCURRENCY clients, one fresh simulator for all repetitions"
    start_sim 2g -Dsim.workers=2 -Dsim.serviceTime.no_op_task=0ms -Dsim.testEndpointDuration=500ms -Dsim.testDispatchInterval=1s
    URL="http://127.0.0.1:$PORT/pulp/test/tasks/"
    # The server's JIT warms up on unmeasured load first, so neither side meets a cold server.
    timed "$OUT/dispatch-warmup.txt" java -cp "$CP_BASE" io.pulpperf.throughput.bench.DispatchBench "$URL" "$DISPATCH_CONCURRENCY" 3 0 \
        > /dev/null
    for rep in $(seq "$REPS"); do
        for side in $(order "$rep"); do
            f="$OUT/dispatch-$rep-$side.txt"
            cpu=$(timed "$f" java -cp "$(cp_of "$side")" io.pulpperf.throughput.bench.DispatchBench "$URL" \
                "$DISPATCH_CONCURRENCY" "$DISPATCH_SECS" 2)
            printf 'dispatch\t%s\t%s\t%s\t%s\t\t\t%s\n' "$rep" "$side" "$(field rps "$f")" "$cpu" \
                "$(cut -d' ' -f1 /proc/loadavg)" >> "$RESULTS"
            log "  dispatch $rep $side: $(field rps "$f") requests/s, CPU $cpu s"
        done
    done
    stop_sim
fi
echo "load_after	$(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.tsv"

# --- the table ---------------------------------------------------------------------------------
python3 - "$RESULTS" "$OUT/machine.tsv" > "$OUT/compare.md" <<'EOF'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
machine = dict(l.rstrip("\n").split("\t", 1) for l in open(sys.argv[2]))
def nums(bench, side, key):
    return [float(r[key]) for r in rows if r["bench"] == bench and r["side"] == side and r[key] not in ("", None)]
def fmt(v, d=2):
    return "-" if v is None else f"{v:.{d}f}"
def med(v):
    return statistics.median(v) if v else None
print(f"base {machine['base']} vs new {machine['new']}; {machine['settings']}; {machine['nproc']} CPUs ({machine['cpu']}); "
      f"{machine['java']}; load average before {machine['load_before']}, after {machine['load_after']}")
if "tasks_csv" in machine:
    print(f"\ntasks.csv of repetition 1, base vs new: {machine['tasks_csv']}")
print("\n| bench | side | runs | median | min | max | spread (max-min)/median | client CPU s (median) | peak heap MB (median) | CSV MB | load1 (median) |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
for bench, unit in (("collect", "s"), ("dispatch", "req/s")):
    meds = {}
    for side in ("base", "new"):
        v = nums(bench, side, "value")
        if not v: continue
        meds[side] = med(v)
        print(f"| {bench} ({unit}) | {side} | {len(v)} | {fmt(med(v))} | {fmt(min(v))} | {fmt(max(v))} | "
              f"{fmt((max(v) - min(v)) / med(v) * 100, 1)}% | {fmt(med(nums(bench, side, 'cpu_s')))} | "
              f"{fmt(med(nums(bench, side, 'peak_heap_mb')), 0)} | {fmt(med(nums(bench, side, 'csv_mb')), 1)} | "
              f"{fmt(med(nums(bench, side, 'load1')))} |")
    if len(meds) == 2:
        cpu = {s: med(nums(bench, s, "cpu_s")) for s in meds}
        cpu_ratio = f"{cpu['new'] / cpu['base']:.3f}" if cpu["base"] and cpu["new"] else "-"
        print(f"| {bench} | new/base | | {meds['new'] / meds['base']:.3f} | | | | {cpu_ratio} | | | |")
print("\nPer run (order alternates: odd repetitions base first, even ones new first):\n")
print("| bench | rep | side | value | CPU s | peak heap MB | load1 |")
print("|---|---|---|---|---|---|---|")
for r in rows:
    print(f"| {r['bench']} | {r['rep']} | {r['side']} | {r['value']} | {r['cpu_s']} | {r['peak_heap_mb'] or '-'} | {r['load1']} |")
EOF
cat "$OUT/compare.md"
