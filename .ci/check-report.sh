#!/usr/bin/env bash
# Proves that the HTML reports built from this suite's Allure results hold what a reader needs:
# a page per scenario (summary, timeline chart, latency and dispatch tables, raw data) and the
# results-matrix page (results table, scaling chart, results.json), in Allure 2 (mvn allure:report)
# and Allure 3 (npm allure), and that both render in headless Chromium (screenshots).
#
# Usage, from anywhere:
#   bash .ci/check-report.sh               # uses ./allure-results and target/throughput from the last `mvn test`
#   bash .ci/check-report.sh --run-tests   # runs `mvn -B clean test` against the simulator first
#
# Needs Java 17 and Maven; installs the rest on a fresh Debian machine: Node.js and npm (if absent),
# Debian's chromium, and the npm packages pinned in .ci/report/package-lock.json (allure 3.18.0,
# puppeteer-core). Network: Maven Central, Debian's packages and the npm registry only.
# Every step is bounded by `timeout`; the whole script takes 2-4 minutes on a warm machine.
# Output: target/site/allure-maven-plugin (Allure 2), target/allure3-report (Allure 3),
# target/report-screenshots/*.png.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { echo "== check-report: $*"; }

if [[ "${1:-}" == "--run-tests" ]]; then
  step "mvn -B clean test (the matrix against the embedded simulator)"
  # A breached threshold still makes a report worth checking.
  timeout 900 mvn -B -ntp clean test -Dmaven.test.failure.ignore=true
fi

if ! compgen -G "allure-results/*-result.json" >/dev/null || [[ ! -f target/throughput/results.json ]]; then
  echo "check-report: no Allure results or target/throughput/results.json: run 'mvn test' first, or pass --run-tests" >&2
  exit 1
fi

apt_install() {
  if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null; then
    echo "check-report: $* missing and cannot be installed here (needs root and apt-get)" >&2
    exit 1
  fi
  step "apt-get install $*"
  timeout 300 apt-get update -qq
  DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
command -v node >/dev/null && command -v npm >/dev/null || apt_install nodejs npm
[[ -x /usr/bin/chromium ]] || apt_install chromium fonts-dejavu-core

step "mvn -B allure:report (Allure 2.34.0 commandline from Maven Central)"
timeout 300 mvn -B -ntp -q allure:report

step "npm ci in .ci/report (allure 3.18.0, puppeteer-core)"
timeout 300 npm ci --prefix .ci/report --no-audit --no-fund --loglevel=error

step "Allure 3 report"
rm -rf target/allure3-report
timeout 300 .ci/report/node_modules/.bin/allure generate --config .ci/report/allurerc.mjs allure-results >/dev/null

step "the reports hold every scenario's page and attachments"
mkdir -p target/report-screenshots
timeout 60 node .ci/report/check-report.mjs target/throughput/results.json target/site/allure-maven-plugin target/allure3-report \
  target/report-screenshots/plan.json target/report-screenshots

step "both reports render in headless Chromium"
timeout 300 node .ci/report/screenshot.mjs target/report-screenshots/plan.json

echo "check-report: OK (screenshots in target/report-screenshots/)"
