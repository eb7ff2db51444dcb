#!/usr/bin/env bash
# Runs README's standalone-simulator command exactly as README writes it, in a fresh clone of this
# repository where nothing was built yet, checks that status/ answers, then stops the simulator by
# its process group id (Maven and any child). Exits non-zero on any failure. The clone holds the
# committed HEAD: uncommitted changes are not part of the check.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
start_timeout=300   # a cold compile on a busy 2-core machine takes minutes
stop_timeout=30

# The command is read from README, so the check and the documentation cannot drift apart.
command="$(sed -n '/^## The simulator on its own/,/^## /p' "$repo/README.md" | grep -m1 '^mvn ')"
port="$(sed -nE 's/.*-Dsim\.port=([0-9]+).*/\1/p' <<<"$command")"
[[ -n "$command" && -n "$port" ]] || { echo "README's simulator section has no 'mvn ... -Dsim.port=N' line" >&2; exit 1; }
status="http://127.0.0.1:$port/pulp/api/v3/status/"

if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "port $port is already in use on 127.0.0.1; cannot check README's simulator command" >&2
  exit 1
fi

tmp="$(mktemp -d)"
pgid=""
pid=""
# True while the process runs (a process that ended stays a zombie until waited for).
alive() { ps -o stat= -p "$1" 2>/dev/null | grep -qv '^Z'; }
stop() {
  if [[ -z "$pgid" && -n "$pid" ]] && alive "$pid"; then kill -TERM "$pid" 2>/dev/null || true; fi
  if [[ -n "$pgid" ]]; then
    local i
    kill -TERM -- "-$pgid" 2>/dev/null || true
    for ((i = 0; i < stop_timeout; i++)); do
      pgrep -g "$pgid" >/dev/null || break
      sleep 1
    done
    if pgrep -g "$pgid" >/dev/null; then
      echo "simulator (process group $pgid) still running ${stop_timeout}s after SIGTERM; killing it" >&2
      kill -KILL -- "-$pgid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
    pgid=""
  fi
  rm -rf "$tmp"
}
trap stop EXIT

git clone -q "$repo" "$tmp/fresh"
[[ ! -e "$tmp/fresh/target" ]] || { echo "the fresh clone has a target/ folder" >&2; exit 1; }
echo "in a fresh clone: $command"
# Its own session and process group, so the stop reaches Maven's JVM and anything it started.
(cd "$tmp/fresh" && exec setsid bash -c "exec $command") >"$tmp/sim.log" 2>&1 &
pid=$!
# setsid makes the process the leader of a new group whose id is its pid; wait until it has, so the
# stop can never signal this script's own group.
for ((i = 0; i < 50; i++)); do
  [[ "$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ')" == "$pid" ]] && { pgid="$pid"; break; }
  sleep 0.1
done
[[ -n "$pgid" ]] || { echo "the simulator's process $pid did not become a process group leader" >&2; exit 1; }

deadline=$((SECONDS + start_timeout))
for ((i = 0; i < start_timeout && SECONDS < deadline; i++)); do
  if body="$(curl -fsS --max-time 2 "$status" 2>/dev/null)" && grep -q '"online_workers"' <<<"$body"; then
    echo "status/ answered after ~$((SECONDS + start_timeout - deadline))s at $status; stopping the simulator (process group $pgid)"
    grep -q 'API root: ' "$tmp/sim.log" || { echo "the simulator did not print its API root" >&2; cat "$tmp/sim.log" >&2; exit 1; }
    group="$pgid"
    stop
    if pgrep -g "$group" >/dev/null; then echo "processes of group $group survived the stop" >&2; exit 1; fi
    echo "README's simulator command works in a fresh clone"
    exit 0
  fi
  if ! alive "$pid"; then
    echo "README's simulator command ended before status/ answered:" >&2
    cat "$tmp/sim.log" >&2
    exit 1
  fi
  sleep 1
done
echo "status/ did not answer within ${start_timeout}s; output so far:" >&2
cat "$tmp/sim.log" >&2
exit 1
