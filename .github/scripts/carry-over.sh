#!/usr/bin/env bash
# Carries the previous night over from the published branch: Allure's own history/ folder (pass/fail
# trend) into the results directory, and the results history (throughput-history/history.jsonl,
# tonight's judgement depends on it) to the history file. No branch or no file yet: this night
# starts them.
#
#   carry-over.sh REMOTE BRANCH RESULTS_DIR HISTORY_FILE
#
# REMOTE is a remote name or URL (a local bare repository in .ci/nightly-history.sh). Runs inside a
# git work tree (the checkout).
set -euo pipefail

remote="${1:?usage: carry-over.sh REMOTE BRANCH RESULTS_DIR HISTORY_FILE}"
branch="${2:?branch}"
results="${3:?results directory}"
history_file="${4:?history file}"

mkdir -p "$results" "$(dirname "$history_file")"
if ! git ls-remote --exit-code --heads "$remote" "$branch" >/dev/null; then
  echo "No $branch branch yet: this night starts the report's history and the results history"
  exit 0
fi
git fetch --no-tags --depth=1 "$remote" "$branch"
if git cat-file -e FETCH_HEAD:history 2>/dev/null; then
  rm -rf "$results/history"
  git archive --format=tar FETCH_HEAD history | tar -x -C "$results"
  echo "Carried over $(find "$results/history" -type f | wc -l) Allure history files"
else
  echo "The published report has no Allure history folder"
fi
if git cat-file -e FETCH_HEAD:throughput-history/history.jsonl 2>/dev/null; then
  git show FETCH_HEAD:throughput-history/history.jsonl > "$history_file"
  echo "Carried over the results history: $(grep -c . "$history_file" || true) records"
else
  echo "The published branch has no results history yet: this night starts it"
fi
