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
import { tapsToRemedy } from './taps.ts';
import { measureTransitions, type Transition } from './transitions.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const distDir = join(repoRoot, 'dist');
const runs = 7;
/** Step changes timed at each CPU speed; the figure is their median. */
const transitions = 20;

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

/** A plain static HTML page with the same first words, the yardstick for the app's load figures. */
async function writeStaticPage(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tapfix-bench-'));
  await writeFile(
    join(dir, 'index.html'),
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">' +
      '<title>static</title></head><body><main data-step="home"><h1>挥卡交易失败了？</h1>' +
      '<button>一步步排查</button></main></body></html>',
  );
  return dir;
}

async function measureStartup() {
  const executablePath = chromiumPath();
  if (!executablePath) {
    console.log('SKIPPED start-up timings: no Chromium found (set CHROME_PATH)');
    return;
  }
  const staticDir = await writeStaticPage();
  const server = await startStaticServer(distDir);
  const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
  try {
    // The app, offline, started from its service worker; stopped before each run: a cold start, as after hours idle.
    const appContext = await browser.newContext({ locale: 'zh-CN', bypassCSP: true });
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
    const staticContext = await browser.newContext({ locale: 'zh-CN', bypassCSP: true });
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

/** Online first visit (no cache, no worker) to first step, app vs the static page; then step-to-step time. */
async function measureOnline() {
  const executablePath = chromiumPath();
  if (!executablePath) return;
  const staticDir = await writeStaticPage();
  const server = await startStaticServer(distDir);
  const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
  const coldLoads = async (count: number) => {
    const times: number[] = [];
    for (let run = 0; run < count; run += 1) {
      const context = await browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block', bypassCSP: true });
      await watchFirstStep(context);
      times.push(await firstStepAfterNavigation(await context.newPage(), server.url));
      await context.close();
    }
    return times;
  };
  try {
    const app = await coldLoads(5);
    server.setRoot(staticDir);
    const plain = await coldLoads(5);
    server.setRoot(distDir);
    report({ metric: 'online_cold_first_step', value: round(median(app)), unit: 'ms', runs: app.map((v) => round(v)) });
    report({
      metric: 'static_online_first_step',
      value: round(median(plain)),
      unit: 'ms',
      runs: plain.map((v) => round(v)),
    });
    report({ metric: 'online_cold_first_step_ratio', value: round(median(app) / median(plain), 2), unit: 'x' });

    const context = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 360, height: 740 },
      bypassCSP: true,
    });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.click('[data-action="start"]');
    await page.waitForSelector('[data-answer]');
    const normal = await measureTransitions(page, transitions);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const slowed = await measureTransitions(page, transitions);
    await context.close();
    reportTransitions(normal, '1x', '');
    reportTransitions(slowed, '4x', '_cpu4x');
  } finally {
    await browser.close();
    await server.close();
    await rm(staticDir, { recursive: true, force: true });
  }
}

/** Click → next step: time to the next painted frame, and the main-thread work of the click alone. */
function reportTransitions(times: Transition[], cpu: string, suffix: string) {
  const paint = times.map((t) => t.paint);
  const work = times.map((t) => t.work);
  const detail = { cpu, runs: times.length };
  // Includes the wait for the frame boundary: half a frame on average however little the click costs.
  report({ metric: `step_transition${suffix}`, value: round(median(paint)), unit: 'ms', ...detail, to: 'painted' });
  report({ metric: `step_transition_work${suffix}`, value: round(median(work)), unit: 'ms', ...detail, to: 'layout' });
}

/** Lighthouse 12.2.3 (the last that runs on Node 20), mobile preset, against the build; median of 3 runs. */
async function measureLighthouse() {
  const executablePath = chromiumPath();
  if (!executablePath || process.env.BENCH_SKIP_LIGHTHOUSE) {
    console.log('SKIPPED Lighthouse (no Chromium, or BENCH_SKIP_LIGHTHOUSE set)');
    return;
  }
  const server = await startStaticServer(distDir);
  const outDir = await mkdtemp(join(tmpdir(), 'tapfix-lh-'));
  try {
    const runsOut: Array<Record<string, number>> = [];
    for (let run = 0; run < 3; run += 1) {
      const out = join(outDir, `run-${run}.json`);
      const result = spawnSync(
        'npx',
        [
          '--yes',
          'lighthouse@12.2.3',
          server.url,
          `--chrome-flags=--headless=new ${chromiumArgs.join(' ')}`,
          '--only-categories=performance,accessibility,best-practices,seo',
          '--output=json',
          `--output-path=${out}`,
          '--quiet',
        ],
        // A hung Lighthouse (it happens under load) must not hang the bench: give each run three minutes.
        { cwd: repoRoot, env: { ...process.env, CHROME_PATH: executablePath }, encoding: 'utf8', timeout: 180_000 },
      );
      if (result.status !== 0) {
        console.log(
          `SKIPPED Lighthouse run ${run}: ${(result.stderr || result.stdout || '').trim().split('\n').at(-1)}`,
        );
        continue;
      }
      const lhr = JSON.parse(await readFile(out, 'utf8')) as {
        categories: Record<string, { score: number }>;
        audits: Record<string, { numericValue?: number }>;
      };
      runsOut.push({
        performance: (lhr.categories.performance?.score ?? 0) * 100,
        accessibility: (lhr.categories.accessibility?.score ?? 0) * 100,
        bestPractices: (lhr.categories['best-practices']?.score ?? 0) * 100,
        seo: (lhr.categories.seo?.score ?? 0) * 100,
        lcp: lhr.audits['largest-contentful-paint']?.numericValue ?? 0,
        tbt: lhr.audits['total-blocking-time']?.numericValue ?? 0,
        cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? 0,
      });
    }
    if (!runsOut.length) return;
    const mid = (key: string) => median(runsOut.map((r) => r[key] ?? 0));
    for (const key of ['performance', 'accessibility', 'bestPractices', 'seo']) {
      report({ metric: `lighthouse_${key}`, value: round(mid(key), 0), unit: 'score', runs: runsOut.length });
    }
    report({ metric: 'lighthouse_lcp', value: round(mid('lcp'), 0), unit: 'ms', preset: 'mobile' });
    report({ metric: 'lighthouse_tbt', value: round(mid('tbt'), 0), unit: 'ms', preset: 'mobile' });
    report({ metric: 'lighthouse_cls', value: round(mid('cls'), 3), unit: 'score', preset: 'mobile' });
  } finally {
    await server.close();
    await rm(outDir, { recursive: true, force: true });
  }
}

/** Taps from home to advice for the ten most common messages (chip tap + answers), from the machine. */
function measureTaps() {
  const figures = tapsToRemedy();
  for (const figure of figures)
    report({ metric: `taps_${figure.message}`, value: figure.taps, unit: 'count', lands: figure.lands });
  report({ metric: 'taps_max_top10', value: Math.max(...figures.map((f) => f.taps)), unit: 'count' });
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
await measureOnline();
await measureLighthouse();
await measureSymptoms();
measureTaps();
printTable();
