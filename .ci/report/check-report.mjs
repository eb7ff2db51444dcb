// Proves that the generated Allure reports (2 and 3) hold a page per scenario with its charts and
// tables, and the results-matrix page. Reads target/throughput/results.json for the scenario names.
// Usage: node check-report.mjs <results.json> <allure2-report-dir> <allure3-report-dir> [<plan.json> <screenshot-dir>]
// With a plan file, also writes the screenshot plan for screenshot.mjs.
// Exits 1 with one line per missing piece; prints what it checked otherwise.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [resultsJson, allure2, allure3] = process.argv.slice(2);
if (!resultsJson || !allure2 || !allure3) {
  console.error('usage: node check-report.mjs <results.json> <allure2-report-dir> <allure3-report-dir>');
  process.exit(2);
}
const problems = [];
const need = (ok, what) => { if (!ok) problems.push(what); return ok; };
const readJson = (f) => JSON.parse(readFileSync(f, 'utf8'));

// What every scenario page must show, and what the matrix page must show.
const SCENARIO_ATTACHMENTS = [
  ['Summary: checks and figures', 'text/html'],
  ['Summary (CSV)', 'text/csv'],
  ['Timeline chart', 'image/svg+xml'],
  ['Latency table', 'text/html'],
  ['Latency table (CSV)', 'text/csv'],
  ['Dispatch: request rate, HTTP latency, answers by status', 'text/html'],
  ['Dispatch (CSV)', 'text/csv'],
  ['Timeline (CSV)', 'text/csv'],
  ['Raw tasks (CSV)', 'text/csv'],
  ['Dispatch log (CSV)', 'text/csv'],
];
const MATRIX_ATTACHMENTS = [
  ['Results table', 'text/html'],
  ['Results table (CSV)', 'text/csv'],
  ['Throughput against workers, scaling efficiency', 'image/svg+xml'],
  ['Results table (results.md)', 'text/plain'],
  ['Scaling (CSV)', 'text/csv'],
  ['results.json: every figure of every scenario', 'application/json'],
];
const MATRIX_TEST = 'Results matrix';

const results = readJson(resultsJson);
const scenarios = results.scenarios.map((s) => s.name);
need(scenarios.length > 0, `${resultsJson} lists no scenario`);

/** Checks one attachment's file: present, not empty, static (no script), SVG well-formed enough. */
function checkFile(report, page, name, type, file) {
  if (!need(existsSync(file) && statSync(file).size > 0, `${report}: ${page}: attachment "${name}" has no file (${file})`)) return;
  const text = readFileSync(file, 'utf8');
  if (type === 'text/html') need(!/<script/i.test(text), `${report}: ${page}: "${name}" contains a script`);
  if (type === 'image/svg+xml') {
    need(/^<\?xml[^>]*\?>\s*<svg[\s>]/.test(text) && text.trimEnd().endsWith('</svg>'), `${report}: ${page}: "${name}" is not an SVG document`);
    need(!/<script/i.test(text), `${report}: ${page}: "${name}" contains a script`);
  }
}

function checkPage(report, page, attachments, wanted, fileOf) {
  for (const [name, type] of wanted) {
    const a = attachments.find((x) => x.name === name);
    if (!need(a, `${report}: ${page}: attachment "${name}" missing`)) continue;
    need(a.type === type, `${report}: ${page}: "${name}" is ${a.type}, expected ${type}`);
    checkFile(report, page, name, type, fileOf(a));
  }
}

// ---- Allure 2 (mvn allure:report) --------------------------------------------------------------
const cases2 = readdirSync(join(allure2, 'data/test-cases')).map((f) => readJson(join(allure2, 'data/test-cases', f)));
const attachments2 = (tc) => {
  const out = [];
  const walk = (stage) => {
    if (!stage) return;
    (stage.attachments || []).forEach((a) => out.push(a));
    (stage.steps || []).forEach(walk);
  };
  walk(tc.testStage);
  return out;
};
const file2 = (a) => join(allure2, 'data/attachments', a.source);
for (const name of scenarios) {
  const tc = cases2.find((c) => c.name.includes(`${name}:`));
  if (!need(tc, `Allure 2: no test case for scenario ${name}`)) continue;
  checkPage('Allure 2', name, attachments2(tc), SCENARIO_ATTACHMENTS, file2);
}
const matrix2 = cases2.find((c) => c.name.startsWith(MATRIX_TEST));
if (need(matrix2, `Allure 2: no "${MATRIX_TEST}" test case`)) checkPage('Allure 2', MATRIX_TEST, attachments2(matrix2), MATRIX_ATTACHMENTS, file2);
need(existsSync(join(allure2, 'data/categories.json')), 'Allure 2: data/categories.json missing');
const env2 = existsSync(join(allure2, 'widgets/environment.json')) ? readJson(join(allure2, 'widgets/environment.json')) : [];
for (const key of ['target', 'simulator', 'java', 'suiteVersion']) {
  need(env2.some((e) => e.name === key), `Allure 2: environment has no "${key}"`);
}

// ---- Allure 3 (npx allure generate) ------------------------------------------------------------
const dir3 = join(allure3, 'data/test-results');
const cases3 = readdirSync(dir3).map((f) => readJson(join(dir3, f)));
const attachments3 = (tr) => {
  const out = [];
  const walk = (steps) => (steps || []).forEach((s) => {
    if (s.type === 'attachment' && s.link) out.push({ name: s.link.name, type: s.link.contentType, file: `${s.link.id}${s.link.ext}` });
    walk(s.steps);
  });
  walk(tr.steps);
  return out;
};
const file3 = (a) => join(allure3, 'data/attachments', a.file);
for (const name of scenarios) {
  const tr = cases3.find((c) => c.name.includes(`${name}:`));
  if (!need(tr, `Allure 3: no test result for scenario ${name}`)) continue;
  checkPage('Allure 3', name, attachments3(tr), SCENARIO_ATTACHMENTS, file3);
}
const matrix3 = cases3.find((c) => c.name.startsWith(MATRIX_TEST));
if (need(matrix3, `Allure 3: no "${MATRIX_TEST}" test result`)) checkPage('Allure 3', MATRIX_TEST, attachments3(matrix3), MATRIX_ATTACHMENTS, file3);

if (problems.length) {
  console.error(`report check FAILED (${problems.length}):`);
  problems.forEach((p) => console.error(`  - ${p}`));
  process.exit(1);
}
console.log(`report check: ${scenarios.length} scenario pages and the matrix page, with charts and tables, in Allure 2 and Allure 3`);

// The screenshot plan (for screenshot.mjs): overview, the first scenario with its summary and
// timeline chart open, and the matrix with its table and scaling chart open, in both reports.
const planFile = process.argv[5];
if (planFile) {
  const first = scenarios[0];
  const s2 = cases2.find((c) => c.name.includes(`${first}:`)).uid;
  const s3 = cases3.find((c) => c.name.includes(`${first}:`)).id;
  const plan = {
    out: process.argv[6] || 'target/report-screenshots',
    sites: { allure2, allure3 },
    pages: [
      { name: 'allure2-overview', site: 'allure2', path: 'index.html', expect: ['Pulp task throughput', 'ENVIRONMENT'] },
      { name: 'allure2-scenario', site: 'allure2', path: `index.html#testresult/${s2}`, height: 3400,
        clicks: ['Summary (CSV)', 'Timeline chart', 'Latency table (CSV)', 'Dispatch (CSV)'], expect: [first, 'tasks per second', 'at least', 'worker wait', 'request_rate_per_s'] },
      { name: 'allure2-matrix', site: 'allure2', path: `index.html#testresult/${matrix2.uid}`, height: 2600,
        clicks: ['Results table (CSV)', 'Throughput against workers, scaling efficiency'], expect: ['Results matrix', 'Tasks / Sec Processed'] },
      { name: 'allure3-scenario', site: 'allure3', path: `index.html#${s3}`, height: 3200,
        clicks: ['Summary: checks and figures', 'Timeline chart', 'Latency table'], expect: [first, 'tasks per second', 'worker wait'] },
      { name: 'allure3-matrix', site: 'allure3', path: `index.html#${matrix3.id}`, height: 2000,
        clicks: ['Results table', 'Throughput against workers, scaling efficiency'], expect: ['Pulp-Workers', 'Tasks / Sec Processed'] },
    ],
  };
  writeFileSync(planFile, JSON.stringify(plan, null, 2));
}
