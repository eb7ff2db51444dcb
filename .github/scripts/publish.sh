#!/usr/bin/env bash
# Publishes the report directory (with the results history staged beside it by stage-history.sh)
# as the one commit of BRANCH: the trend lives in the report's history/ and in
# throughput-history/history.jsonl, which the next night carries over (carry-over.sh).
#
#   publish.sh REPORT_DIR REMOTE BRANCH MESSAGE
set -euo pipefail

report="${1:?usage: publish.sh REPORT_DIR REMOTE BRANCH MESSAGE}"
remote="${2:?remote}"
branch="${3:?branch}"
message="${4:?commit message}"

cd "$report"
rm -rf .git
git init --quiet --initial-branch="$branch"
git add --all
git -c user.name='github-actions[bot]' \
    -c user.email='41898282+github-actions[bot]@users.noreply.github.com' \
    commit --quiet --message "$message"
git push --force --quiet "$remote" "HEAD:$branch"
rm -rf .git
