#!/usr/bin/env bash
# Puts the results history beside the built report (throughput-history/history.jsonl), so
# publishing the report publishes it and the next night can carry it over.
#
#   stage-history.sh REPORT_DIR HISTORY_FILE
set -euo pipefail

report="${1:?usage: stage-history.sh REPORT_DIR HISTORY_FILE}"
history_file="${2:?history file}"

if [[ ! -f "$history_file" ]]; then
  echo "No results history at $history_file: the report is published without one"
  exit 0
fi
mkdir -p "$report/throughput-history"
cp "$history_file" "$report/throughput-history/history.jsonl"
echo "Results history: $(grep -c . "$history_file" || true) records staged beside the report"
