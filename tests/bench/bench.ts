// npm run bench: size and offline-start figures for the production build, one JSON line each, then a table.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../e2e/support/chromium.ts';
import { startStaticServer } from '../e2e/support/static-server.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const distDir = join(repoRoot, 'dist');
const runs = 7;

interface Figure {
  metric: string;
  value: number;
  unit: string;
  [detail: string]: unknown;
}

const figures: Figure[] = [];
function report(figure: Figure) {
  figures.push(figure);
  console.log(JSON.stringify(figure));
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};
const round = (value: number, digits = 1) => Number(value.toFixed(digits));

/** The files index.html loads before anything else: entry script, module preloads, stylesheets. */
async function initialFiles(): Promise<string[]> {
  const html = await readFile(join(distDir, 'index.html'), 'utf8');
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
  const urls = tags.flatMap((tag) => {
    const isEntry = tag.startsWith('<script') && /type="module"/.test(tag);
    const isLoaded = /rel="(modulepreload|stylesheet)"/.test(tag);
    const url = /(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    return (isEntry || isLoaded) && url ? [url] : [];
  });
  return urls.map((url) => url.replace(/^\.?\//, ''));
}

async function measureSizes() {
  const files = await initialFiles();
  const contents = await Promise.all(files.map((file) => readFile(join(distDir, file))));
  const sum = (f: (content: Buffer) => number) => contents.reduce((total, content) => total + f(content), 0);
  const detail = { files };
  report({ metric: 'initial_js_css_raw', value: sum((c) => c.length), unit: 'B', ...detail });
  report({ metric: 'initial_js_css_gzip', value: sum((c) => gzipSync(c, { level: 9 }).length), unit: 'B', level: 9 });
  report({ metric: 'initial_js_css_brotli', value: sum((c) => brotliCompressSync(c).length), unit: 'B', quality: 11 });

  const sw = await readFile(join(distDir, 'sw.js'), 'utf8');
  const list = /precacheAndRoute\(\s*(\[[\s\S]*?\])\s*,/.exec(sw)?.[1] ?? '';
  const urls = [...list.matchAll(/url:\s*"([^"]+)"/g)].map((match) => match[1] ?? '');
  const sizes = await Promise.all(urls.map(async (url) => (await stat(join(distDir, url))).size));
  report({ metric: 'precache_total', value: sizes.reduce((a, b) => a + b, 0), unit: 'B', entries: urls.length });
}

/**
 * Records, inside the page, when the first [data-step] element appears (ms since navigation start).
 * A string, not a function: tsx would wrap named functions in a helper the page does not have.
 */
const firstStepScript = `(() => {
  const record = () => {
    if (!document.querySelector('[data-step]')) return false;
    window.__firstStep ??= performance.now();
    return true;
  };
  if (!record()) {
    const observer = new MutationObserver(() => { if (record()) observer.disconnect(); });
    observer.observe(document, { childList: true, subtree: true });
  }
})();`;

/** Resolves once the service worker is activated ("prompt" leaves the first load uncontrolled). */
const activatedScript = `navigator.serviceWorker.ready.then((registration) => new Promise((resolve) => {
  const worker = registration.active;
  if (!worker || worker.state === 'activated') return resolve(true);
  worker.addEventListener('statechange', () => { if (worker.state === 'activated') resolve(true); });
}))`;

async function watchFirstStep(context: BrowserContext) {
  await context.addInitScript({ content: firstStepScript });
}

async function firstStepAfterNavigation(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction("typeof window.__firstStep === 'number'");
  return page.evaluate<number>('window.__firstStep');
}

async function measureStartup() {
  const executablePath = chromiumPath();
  if (!executablePath) {
    console.log('SKIPPED start-up timings: no Chromium found (set CHROME_PATH)');
    return;
  }
  const staticDir = await mkdtemp(join(tmpdir(), 'tapfix-bench-'));
  await writeFile(
    join(staticDir, 'index.html'),
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">' +
      '<title>static</title></head><body><main data-step="home"><h1>挥卡交易失败了？</h1>' +
      '<button>一步步排查</button></main></body></html>',
  );
  const server = await startStaticServer(distDir);
  const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
  try {
    // The app, offline, started from its service worker; stopped before each run: a cold start, as after hours idle.
    const appContext = await browser.newContext({ locale: 'zh-CN' });
    await watchFirstStep(appContext);
    const page = await appContext.newPage();
    await page.goto(server.url);
    await page.evaluate(activatedScript);
    await page.reload();
    await page.waitForFunction('navigator.serviceWorker.controller !== null');
    await appContext.setOffline(true);
    const cdp = await appContext.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    const app: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      await cdp.send('ServiceWorker.stopAllWorkers');
      app.push(await firstStepAfterNavigation(page, server.url));
    }
    // The same with the worker still running (reopened within seconds).
    const warm: number[] = [];
    for (let run = 0; run < runs; run += 1) warm.push(await firstStepAfterNavigation(page, server.url));
    await appContext.close();

    // A plain static HTML page from the same server, online, no service worker.
    server.setRoot(staticDir);
    const staticContext = await browser.newContext({ locale: 'zh-CN' });
    await watchFirstStep(staticContext);
    const staticPage = await staticContext.newPage();
    const plain: number[] = [];
    for (let run = 0; run < runs; run += 1) plain.push(await firstStepAfterNavigation(staticPage, server.url));
    await staticContext.close();

    const plainMedian = median(plain);
    const runsOf = (values: number[]) => values.map((value) => round(value));
    report({ metric: 'offline_first_step', value: round(median(app)), unit: 'ms', worker: 'cold', runs: runsOf(app) });
    report({
      metric: 'offline_first_step_warm',
      value: round(median(warm)),
      unit: 'ms',
      worker: 'warm',
      runs: runsOf(warm),
    });
    report({ metric: 'static_page_first_step', value: round(plainMedian), unit: 'ms', runs: runsOf(plain) });
    report({
      metric: 'offline_first_step_ratio',
      value: round(median(app) / plainMedian, 2),
      unit: 'x',
      worker: 'cold',
    });
    report({ metric: 'offline_first_step_warm_ratio', value: round(median(warm) / plainMedian, 2), unit: 'x' });
  } finally {
    await browser.close();
    await server.close();
    await rm(staticDir, { recursive: true, force: true });
  }
}

/** The symptom-matching figures of tests/bench/symptoms-bench.ts, when that bench exists: one line per number. */
async function measureSymptoms() {
  const file = join(repoRoot, 'tests', 'bench', 'symptoms-bench.ts');
  if (!existsSync(file)) return;
  const module = (await import(pathToFileURL(file).href)) as { benchSymptoms?: () => unknown };
  if (typeof module.benchSymptoms !== 'function') return;
  const result: unknown = await module.benchSymptoms();
  if (!result || typeof result !== 'object') return;
  for (const [name, value] of Object.entries(result)) {
    if (typeof value !== 'number') continue;
    const unit = name.endsWith('Ms') ? 'ms' : 'count';
    report({ metric: `symptoms_${name.replace(/Ms$/, '')}`, value, unit });
  }
}

function printTable() {
  const show = (f: Figure) =>
    f.unit === 'B' ? `${round(f.value / 1024)} KiB` : f.unit === 'count' ? String(f.value) : `${f.value} ${f.unit}`;
  const rows = figures.map((f) => [f.metric, show(f)]);
  const width = Math.max(...rows.map(([name]) => (name ?? '').length));
  console.log('');
  for (const [name, value] of rows) console.log(`${(name ?? '').padEnd(width)}  ${value}`);
}

if (!existsSync(join(distDir, 'index.html'))) {
  console.log('dist/ is missing: building it first (npm run build)');
  const build = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
await measureSizes();
await measureStartup();
await measureSymptoms();
printTable();
