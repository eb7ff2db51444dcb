// Serves report directories on 127.0.0.1 (ephemeral ports, this process only), opens pages in
// headless Debian Chromium, clicks what the plan says (e.g. attachments, to expand them), checks
// that the page shows the expected texts, and saves full-page PNG screenshots.
// Usage: node screenshot.mjs <plan.json>
// plan: { "out": dir, "sites": { "<site>": dir }, "pages": [ { "name", "site", "path", "height", "clicks": [], "expect": [] } ] }
// Bounded: 30 s per navigation, 10 s per click; the caller wraps the whole run in `timeout`.
import { createServer } from 'node:http';
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';

const plan = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const TYPES = {
  '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.csv': 'text/csv', '.txt': 'text/plain',
  '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.md': 'text/plain',
};

function serve(dir) {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, path);
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

mkdirSync(plan.out, { recursive: true });
const servers = {};
for (const [site, dir] of Object.entries(plan.sites)) servers[site] = await serve(dir);
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--hide-scrollbars'],
});
const failures = [];
try {
  for (const p of plan.pages) {
    const url = `http://127.0.0.1:${servers[p.site].address().port}/${p.path}`;
    const page = await browser.newPage();
    // Allure 3 scrolls inside its own pane, so a tall viewport is what shows the whole page.
    await page.setViewport({ width: 1500, height: p.height || 1000 });
    try {
      await page.goto(url, { waitUntil: 'networkidle0', timeout: 30000 });
      await new Promise((r) => setTimeout(r, 1000));
      for (const text of p.clicks || []) {
        const el = await page.waitForSelector(`::-p-text(${text})`, { timeout: 10000 });
        await el.click();
        await new Promise((r) => setTimeout(r, 800));
      }
      // HTML attachments are shown in frames (Allure 2: iframe; Allure 3: srcdoc frame): read them all.
      const texts = await Promise.all(page.frames().map((f) => f.evaluate(() => (document.body ? document.body.innerText : ''))
        .catch(() => '')));
      const body = texts.join('\n');
      for (const text of p.expect || []) if (!body.includes(text)) failures.push(`${p.name}: page does not show "${text}" (${url})`);
      const file = join(plan.out, `${p.name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(`screenshot ${file}`);
    } catch (e) {
      failures.push(`${p.name}: ${e.message} (${url})`);
    } finally {
      await page.close();
    }
  }
} finally {
  await browser.close();
  Object.values(servers).forEach((s) => s.close());
}
if (failures.length) {
  console.error(`screenshots FAILED (${failures.length}):`);
  failures.forEach((f) => console.error(`  - ${f}`));
  process.exit(1);
}
