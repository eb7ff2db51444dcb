#!/usr/bin/env bash
# Builds the nightly run's Maven arguments from the workflow's inputs and variables (environment,
# never spliced into script text) and writes them NUL separated to the file given as $1, so each
# -D flag stays one argument whatever spaces or quotes it holds.
#
# Environment: INPUT_API_ROOT, SECRET_API_ROOT, VAR_API_ROOT (first non-empty wins), INPUT_SCENARIOS,
# INPUT_WORKERS, INPUT_CONFIG, INPUT_TASKS, VAR_API_PATH, VAR_DOMAIN, VAR_SCALE_COMMAND,
# VAR_WORKERS_MISMATCH, VAR_DB_URL, VAR_PROMETHEUS_URL, VAR_RESOURCES, VAR_GRAFANA_URL;
# HISTORY_FILE (the results history, README "Nightly history and regressions"; empty: none),
# INPUT_APPEND_HISTORY (false: judge against the history without appending tonight);
# NIGHTLY_ALLOW_SIMULATOR=true lets an empty API root mean the embedded simulator (.ci only).
set -euo pipefail

out="${1:?usage: nightly-args.sh OUTPUT_FILE}"

error() {
  if [[ -n "${GITHUB_ACTIONS:-}" ]]; then echo "::error::$*"; else echo "nightly-args: $*" >&2; fi
  exit 1
}

api_root="${INPUT_API_ROOT:-${SECRET_API_ROOT:-${VAR_API_ROOT:-}}}"
if [[ -z "$api_root" && "${NIGHTLY_ALLOW_SIMULATOR:-false}" != true ]]; then
  error "No Pulp API root: set the secret or variable PULP_API_ROOT, or the api_root input"
fi
config="${INPUT_CONFIG:-config/nightly.yaml}"
if [[ ! -f "$config" ]]; then
  error "Matrix file $config does not exist"
fi
scenarios="${INPUT_SCENARIOS:-}"
scenarios="${scenarios//[[:space:]]/}"
workers="${INPUT_WORKERS:-}"
workers="${workers//[[:space:]]/}"
tasks="${INPUT_TASKS:-}"
tasks="${tasks//[[:space:]]/}"

# Worker counts select scenarios of the config by their (or the defaults') workers.
# yq (mikefarah) and jq are on GitHub's Ubuntu runners.
if [[ -n "$workers" ]]; then
  if [[ ! "$workers" =~ ^[0-9]+(,[0-9]+)*$ ]]; then
    error "workers must be a comma separated list of numbers, got '$workers'"
  fi
  selected="$(yq --output-format=json '.' "$config" | jq --raw-output \
    --arg workers "$workers" --arg names "$scenarios" '
      ($workers | split(",") | map(tonumber)) as $counts
      | ($names | split(",") | map(select(length > 0))) as $wanted
      | (.defaults.workers // null) as $defaultWorkers
      | [.scenarios[]
         | select((.workers // $defaultWorkers) as $w | $counts | index([$w]))
         | select(($wanted | length) == 0 or (.name as $n | $wanted | index([$n])))
         | .name]
      | join(",")')"
  if [[ -z "$selected" ]]; then
    error "No scenario in $config has workers in [$workers]${scenarios:+ among [$scenarios]}"
  fi
  echo "Worker counts [$workers] select scenarios: $selected"
  scenarios="$selected"
fi

args=(-B -ntp test "-Dpulp.config=$config")
if [[ -n "$api_root" ]]; then
  args+=("-Dpulp.apiRoot=$api_root")
fi
if [[ -n "$scenarios" ]]; then
  args+=("-Dpulp.scenarios=$scenarios")
fi
if [[ -n "$tasks" ]]; then
  if [[ ! "$tasks" =~ ^[1-9][0-9]*$ ]]; then
    error "tasks must be a positive whole number, got '$tasks'"
  fi
  args+=("-Dpulp.tasks=$tasks")
fi
if [[ -n "${VAR_API_PATH:-}" ]]; then
  args+=("-Dpulp.apiPath=$VAR_API_PATH")
fi
if [[ -n "${VAR_DOMAIN:-}" ]]; then
  args+=("-Dpulp.domain=$VAR_DOMAIN")
fi
if [[ -n "${VAR_SCALE_COMMAND:-}" ]]; then
  args+=("-Dpulp.workers.scaleCommand=$VAR_SCALE_COMMAND")
fi
if [[ -n "${VAR_WORKERS_MISMATCH:-}" ]]; then
  args+=("-Dpulp.workers.mismatch=$VAR_WORKERS_MISMATCH")
fi
# Optional observers beside the tasks: PostgreSQL's pg_stat_* views, Prometheus, a Grafana link.
if [[ -n "${VAR_DB_URL:-}" ]]; then
  args+=("-Dpulp.db.url=$VAR_DB_URL")
fi
if [[ -n "${VAR_PROMETHEUS_URL:-}" ]]; then
  args+=("-Dpulp.prometheus.url=$VAR_PROMETHEUS_URL")
fi
if [[ -n "${VAR_RESOURCES:-}" ]]; then
  args+=("-Dpulp.resources=$VAR_RESOURCES")
fi
if [[ -n "${VAR_GRAFANA_URL:-}" ]]; then
  args+=("-Dpulp.grafana.url=$VAR_GRAFANA_URL")
fi
# The results history carried over from the published branch: tonight is judged against it.
if [[ -n "${HISTORY_FILE:-}" ]]; then
  args+=("-Dpulp.history=$HISTORY_FILE")
  if [[ "${INPUT_APPEND_HISTORY:-true}" == false ]]; then
    args+=("-Dpulp.history.append=false")
  fi
fi
printf '%s\0' "${args[@]}" > "$out"
echo "Maven arguments (an API root from a secret shows as ***):"
printf '  %s\n' "${args[@]}"
