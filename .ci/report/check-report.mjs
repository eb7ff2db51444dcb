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

/**
 * One report: a page per scenario and the matrix page, each with its attachments.
 * @param cases        the report's test pages (parsed JSON)
 * @param attachmentsOf a page's attachments as {name, type, file}, steps included
 * @returns the pages found, by scenario name and "matrix"
 */
function checkReport(report, cases, attachmentsOf) {
  const found = {};
  for (const name of scenarios) {
    const page = cases.find((c) => c.name.includes(`${name}:`));
    if (need(page, `${report}: no page for scenario ${name}`)) checkPage(report, name, attachmentsOf(page), SCENARIO_ATTACHMENTS, (a) => a.file);
    found[name] = page;
  }
  const matrix = cases.find((c) => c.name.startsWith(MATRIX_TEST));
  if (need(matrix, `${report}: no "${MATRIX_TEST}" page`)) checkPage(report, MATRIX_TEST, attachmentsOf(matrix), MATRIX_ATTACHMENTS, (a) => a.file);
  found.matrix = matrix;
  return found;
}

const readDir = (dir) => (need(existsSync(dir), `${dir} missing: is this a multi-file report?`)
  ? readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => readJson(join(dir, f))) : []);

// ---- Allure 2 (mvn allure:report): data/test-cases/<uid>.json, data/attachments/<source> ------
const pages2 = checkReport('Allure 2', readDir(join(allure2, 'data/test-cases')), (tc) => {
  const out = [];
  const walk = (stage) => {
    if (!stage) return;
    (stage.attachments || []).forEach((a) => out.push({ name: a.name, type: a.type, file: join(allure2, 'data/attachments', a.source) }));
    (stage.steps || []).forEach(walk);
  };
  walk(tc.testStage);
  return out;
});
need(existsSync(join(allure2, 'data/categories.json')), 'Allure 2: data/categories.json missing');
const env2 = existsSync(join(allure2, 'widgets/environment.json')) ? readJson(join(allure2, 'widgets/environment.json')) : [];
for (const key of ['target', 'simulator', 'java', 'suiteVersion']) {
  need(env2.some((e) => e.name === key), `Allure 2: environment has no "${key}"`);
}

// ---- Allure 3 (npm allure): data/test-results/<id>.json, data/attachments/<id><ext> ------------
const pages3 = checkReport('Allure 3', readDir(join(allure3, 'data/test-results')), (tr) => {
  const out = [];
  const walk = (steps) => (steps || []).forEach((s) => {
    if (s.type === 'attachment' && s.link) {
      out.push({ name: s.link.name, type: s.link.contentType, file: join(allure3, 'data/attachments', `${s.link.id}${s.link.ext}`) });
    }
    walk(s.steps);
  });
  walk(tr.steps);
  return out;
});

if (problems.length) {
  console.error(`report check FAILED (${problems.length}):`);
  problems.forEach((p) => console.error(`  - ${p}`));
  process.exit(1);
}
console.log(`report check: ${scenarios.length} scenario pages and the matrix page, with charts and tables, in Allure 2 and Allure 3`);

// The screenshot plan (for screenshot.mjs): overview, the first scenario with its summary and
// timeline chart open, and the matrix with its table and scaling chart open, in both reports.
const planFile = process.argv[5];
if (planFile && pages2[scenarios[0]] && pages3[scenarios[0]]) {
  const first = scenarios[0];
  const s2 = pages2[first].uid;
  const s3 = pages3[first].id;
  const plan = {
    out: process.argv[6] || 'target/report-screenshots',
    sites: { allure2, allure3 },
    pages: [
      { name: 'allure2-overview', site: 'allure2', path: 'index.html', expect: ['Pulp task throughput', 'ENVIRONMENT'] },
      { name: 'allure2-scenario', site: 'allure2', path: `index.html#testresult/${s2}`, height: 3400,
        clicks: ['Summary (CSV)', 'Timeline chart', 'Latency table (CSV)', 'Dispatch (CSV)'], expect: [first, 'tasks per second', 'at least', 'worker wait', 'request_rate_per_s'] },
      { name: 'allure2-matrix', site: 'allure2', path: `index.html#testresult/${pages2.matrix.uid}`, height: 2600,
        clicks: ['Results table (CSV)', 'Throughput against workers, scaling efficiency'], expect: ['Results matrix', 'Tasks / Sec Processed'] },
      { name: 'allure3-scenario', site: 'allure3', path: `index.html#${s3}`, height: 3200,
        clicks: ['Summary: checks and figures', 'Timeline chart', 'Latency table'], expect: [first, 'tasks per second', 'worker wait'] },
      { name: 'allure3-matrix', site: 'allure3', path: `index.html#${pages3.matrix.id}`, height: 2000,
        clicks: ['Results table', 'Throughput against workers, scaling efficiency'], expect: ['Pulp-Workers', 'Tasks / Sec Processed'] },
    ],
  };
  writeFileSync(planFile, JSON.stringify(plan, null, 2));
}
