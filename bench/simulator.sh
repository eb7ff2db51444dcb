# shellcheck shell=bash
# Sourced by bench/run.sh and bench/compare.sh: the simulator in a JVM of its own on 127.0.0.1.
# Needs SIM_CP (its class path), PORT and OUT (where simulator.log goes); callers trap stop_sim.
SIM_PID=""

# stop_sim : stops the simulator this script started, by its process id (SIGTERM, then SIGKILL after 10 s)
stop_sim() {
    if [ -n "$SIM_PID" ]; then
        kill "$SIM_PID" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$SIM_PID" 2>/dev/null || break; sleep 0.2; done
        kill -9 "$SIM_PID" 2>/dev/null || true
        wait "$SIM_PID" 2>/dev/null || true
        SIM_PID=""
    fi
}

# start_sim XMX PROPS... : starts SimulatorMain on $PORT (bounded to 2 h) and waits at most 300 s until it answers
start_sim() {
    local xmx=$1; shift
    timeout 7200 java "-Xmx$xmx" -cp "$SIM_CP" "-Dsim.port=$PORT" "$@" io.pulpperf.throughput.sim.SimulatorMain \
        > "$OUT/simulator.log" 2>&1 &
    SIM_PID=$!
    for _ in $(seq 600); do
        grep -q "API root" "$OUT/simulator.log" && return 0
        kill -0 "$SIM_PID" 2>/dev/null || { cat "$OUT/simulator.log" >&2; exit 1; }
        sleep 0.5
    done
    echo "the simulator did not start in 300 s" >&2; exit 1
}
