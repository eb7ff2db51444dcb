#!/usr/bin/env bash
# Six small nights in a row through the nightly workflow's own scripts (.github/scripts/), against
# the embedded simulator, with a local bare git repository standing in for the published gh-pages
# branch (issue 19):
#
#   nights 1-3  .ci/nightly/night.yaml (one short scenario, exponential service times): each carries
#               the history over, runs, stages the history beside its report and publishes; night 2's
#               trend series holds night 1;
#   night 4     .ci/nightly/slower-night.yaml (the same scenario on a simulator with 60% longer
#               service times): must fail as a regression against nights 1-3;
#   night 5     slower again, unaccepted: must fail again (a lasting regression fails every night);
#   night 6     slower again, with an accepted-changes file naming night 4's run (issue 25): must
#               pass, judged against the slower level, and name the accepted change;
#   afterwards  the published branch holds the history of all six nights.
# A lasting regression that no single night flags needs night-to-night noise the simulator does
# not have yet; RealNightsReplayTest and NightlyVerdictTest cover it.
#
# The "report" published here is the night's Allure results (the workflow publishes the HTML built
# from them; .ci/check-report.sh covers building it). Extra arguments go to every mvn, e.g. -o.
# Needs git and Maven; exits non-zero on any failed expectation.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
echo "== six nights in a row through the nightly workflow's scripts, a local bare repository as gh-pages (issues 19, 25)"
mvn_extra=("$@")

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
published="$work/published.git"
git init --quiet --bare "$published"
# carry-over.sh fetches into the work tree it runs in: a scratch one, not this repository.
git init --quiet "$work/checkout"
history_file="$work/throughput-history/history.jsonl"

fail() {
  echo "nightly-history: FAILED: $*" >&2
  exit 1
}

# night NUMBER CONFIG [MVN ARG...]: one night as the workflow runs it; sets night_rc and night_dir.
night() {
  local n="$1" config="$2"
  shift 2
  local extra=("$@")
  night_dir="$work/night-$n"
  mkdir -p "$night_dir"
  echo "-- night $n ($config)"
  (cd "$work/checkout" && bash "$repo/.github/scripts/carry-over.sh" "$published" gh-pages "$night_dir/allure-results" "$history_file")
  HISTORY_FILE="$history_file" INPUT_CONFIG="$config" NIGHTLY_ALLOW_SIMULATOR=true \
    bash .github/scripts/nightly-args.sh "$night_dir/mvn-args" >/dev/null
  local args=()
  mapfile -d '' -t args < "$night_dir/mvn-args"
  set +e
  mvn "${args[@]}" "${mvn_extra[@]}" ${extra[@]+"${extra[@]}"} "-Dallure.results=$night_dir/allure-results" "-Dpulp.output=$night_dir/throughput" \
    > "$night_dir/mvn.log" 2>&1
  night_rc=$?
  set -e
  grep -E '^History ' "$night_dir/mvn.log" | sed 's/^/   /' || true
  mkdir -p "$night_dir/report"
  cp -r "$night_dir/allure-results/." "$night_dir/report/"
  bash .github/scripts/stage-history.sh "$night_dir/report" "$history_file"
  bash .github/scripts/publish.sh "$night_dir/report" "$published" gh-pages "night $n"
}

run_id() {
  grep -o -m1 '"runId" : "[^"]*"' "$1/throughput/results.json" | sed 's/.*: "//; s/"$//'
}

night 1 .ci/nightly/night.yaml
(( night_rc == 0 )) || { tail -40 "$work/night-1/mvn.log"; fail "night 1 failed (exit $night_rc)"; }
grep -q '"verdict" : "not judged"' "$night_dir/throughput/results.json" || fail "night 1 is not 'not judged' in results.json"
night1_run="$(run_id "$night_dir")"

night 2 .ci/nightly/night.yaml
(( night_rc == 0 )) || { tail -40 "$night_dir/mvn.log"; fail "night 2 failed (exit $night_rc)"; }
trend_csv="$(grep -l '^run,when,runId,tonight' "$night_dir"/allure-results/*-attachment.csv | head -1)"
[[ -n "$trend_csv" ]] || fail "night 2 has no trend series attachment"
grep -q "$night1_run" "$trend_csv" || fail "night 2's trend series does not hold night 1 ($night1_run)"
echo "   night 2's trend series holds night 1 ($night1_run):"
sed 's/^/     /' "$trend_csv"

night 3 .ci/nightly/night.yaml
(( night_rc == 0 )) || { tail -40 "$night_dir/mvn.log"; fail "night 3 failed (exit $night_rc)"; }

night 4 .ci/nightly/slower-night.yaml
(( night_rc != 0 )) || fail "night 4 (slower simulator) passed; it must fail as a regression"
grep -q 'regression: [a-zA-Z0-9]* vs history: ' "$night_dir/mvn.log" || { tail -40 "$night_dir/mvn.log"; fail "night 4 failed, but not as a regression against the history"; }
grep -q '"verdict" : "regression"' "$night_dir/throughput/results.json" || fail "night 4's results.json has no regression verdict"
echo "   night 4 failed as a regression; its verdict table:"
sed 's/^/     /' "$night_dir/throughput/vs-history.md"

night4_run="$(run_id "$night_dir")"
series="$(grep -o -m1 '"series" : "[^"]*"' "$night_dir/throughput/results.json" | sed 's/.*: "//; s/"$//')"
[[ -n "$series" ]] || fail "night 4's results.json names no series"

night 5 .ci/nightly/slower-night.yaml
(( night_rc != 0 )) || fail "night 5 (slower again, not accepted) passed; an unaccepted regression must fail every night"
grep -q '"verdict" : "regression"' "$night_dir/throughput/results.json" || fail "night 5's results.json has no regression verdict"
echo "   night 5 failed again: the slower level is not accepted"

accepted="$work/accepted-changes.yaml"
cat > "$accepted" <<YAML
accepted:
  - series: $series
    figure: throughput
    since: $night4_run
    reason: "the slower simulator of .ci/nightly/slower-night.yaml (nightly-history.sh)"
YAML
night 6 .ci/nightly/slower-night.yaml "-Dpulp.history.accepted=$accepted"
(( night_rc == 0 )) || { tail -40 "$night_dir/mvn.log"; fail "night 6 failed although its slower level is accepted (exit $night_rc)"; }
grep -q 'accepted change since '"$night4_run" "$night_dir/throughput/results.md" || fail "night 6's results.md does not name the accepted change"
grep -q '"accepted"' "$night_dir/throughput/results.json" || fail "night 6's results.json has no accepted change"
echo "   night 6 passed against the accepted level, and says so:"
grep -o 'vs history: [^|]*' "$night_dir/throughput/results.md" | head -1 | sed 's/^/     /'

git clone --quiet --branch gh-pages "$published" "$work/published"
records="$(grep -c . "$work/published/throughput-history/history.jsonl")"
(( records == 6 )) || fail "the published branch holds $records records, not 6"
echo "The published branch holds the results history of six nights ($records records)"
