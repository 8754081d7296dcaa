// npm run bench: size and offline-start figures for the production build, one JSON line each, then a table.
import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../e2e/support/chromium.ts';
import { initialFiles } from '../e2e/support/initial-files.ts';
import { startStaticServer } from '../e2e/support/static-server.ts';
import { benchCorpus } from './corpus-bench.ts';
import { tapsToRemedy } from './taps.ts';
import { measureTransitions, type Transition } from './transitions.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const distDir = join(repoRoot, 'dist');
const runs = 7;
const runFile = promisify(execFile);
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

async function measureSizes() {
  const files = await initialFiles(distDir);
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

/** Resolves once the service worker is activated ("prompt" leaves the first load uncontrolled). */
const activatedScript = `navigator.serviceWorker.ready.then((registration) => new Promise((resolve) => {
  const worker = registration.active;
  if (!worker || worker.state === 'activated') return resolve(true);
  worker.addEventListener('statechange', () => { if (worker.state === 'activated') resolve(true); });
}))`;

interface FirstStep {
  /** First contentful paint: the first step on screen (the prerendered home, or the app's first render). */
  painted: number;
  /** main.tsx's 'tapfix:started' mark: the app answers taps. A static page answers once painted. */
  interactive: number;
}

/** Navigates and reads, from the page's own timeline, when the first step was painted and could be used. */
async function firstStepAfterNavigation(page: Page, url: string): Promise<FirstStep> {
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(
    "performance.getEntriesByName('first-contentful-paint').length > 0 && (!document.getElementById('root') || performance.getEntriesByName('tapfix:started').length > 0)",
  );
  return page.evaluate<FirstStep>(`(() => {
    const painted = performance.getEntriesByName('first-contentful-paint')[0].startTime;
    const started = performance.getEntriesByName('tapfix:started')[0];
    return { painted, interactive: Math.max(painted, started ? started.startTime : 0) };
  })()`);
}

/**
 * What a first visit downloads (gzip, as sent) before the app answers taps: index.html's files plus the active
 * language's content, read from the page's resource timings.
 */
async function reportBytesBeforeStart(browser: Browser, url: string) {
  const context = await browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block', bypassCSP: true });
  const page = await context.newPage();
  await firstStepAfterNavigation(page, url);
  const bytes = await page.evaluate<{ js: number; css: number; files: number }>(`(() => {
    const started = performance.getEntriesByName('tapfix:started')[0].startTime;
    const before = performance.getEntriesByType('resource').filter((entry) => entry.responseEnd <= started);
    const sum = (suffix) => before.filter((entry) => new URL(entry.name).pathname.endsWith(suffix))
      .reduce((total, entry) => total + entry.encodedBodySize, 0);
    return { js: sum('.js'), css: sum('.css'), files: before.length };
  })()`);
  await context.close();
  report({ metric: 'bytes_before_start_js', value: bytes.js, unit: 'B', encoding: 'gzip', files: bytes.files });
  report({ metric: 'bytes_before_start_css', value: bytes.css, unit: 'B', encoding: 'gzip' });
}

/** One JSON line per figure of a series of loads: painted and interactive, with the runs. */
function reportLoads(metric: string, loads: FirstStep[], detail: Record<string, unknown> = {}) {
  for (const key of ['painted', 'interactive'] as const) {
    const values = loads.map((load) => round(load[key]));
    report({ metric: `${metric}_${key}`, value: round(median(values)), unit: 'ms', ...detail, runs: values });
  }
}

function reportRatio(metric: string, app: FirstStep[], plain: FirstStep[], detail: Record<string, unknown> = {}) {
  const plainPainted = median(plain.map((load) => load.painted));
  for (const key of ['painted', 'interactive'] as const) {
    const value = round(median(app.map((load) => load[key])) / plainPainted, 2);
    report({ metric: `${metric}_${key}_ratio`, value, unit: 'x', of: 'static page painted', ...detail });
  }
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
  const server = await startStaticServer(distDir, { gzip: true });
  const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
  try {
    // The app, offline, started from its service worker; stopped before each run: a cold start, as after hours idle.
    const appContext = await browser.newContext({ locale: 'zh-CN', bypassCSP: true });
    const page = await appContext.newPage();
    await page.goto(server.url);
    await page.evaluate(activatedScript);
    await page.reload();
    await page.waitForFunction('navigator.serviceWorker.controller !== null');
    await appContext.setOffline(true);
    const cdp = await appContext.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    const app: FirstStep[] = [];
    for (let run = 0; run < runs; run += 1) {
      await cdp.send('ServiceWorker.stopAllWorkers');
      app.push(await firstStepAfterNavigation(page, server.url));
    }
    // The same with the worker still running (reopened within seconds).
    const warm: FirstStep[] = [];
    for (let run = 0; run < runs; run += 1) warm.push(await firstStepAfterNavigation(page, server.url));
    await appContext.close();

    // A plain static HTML page from the same server, online, no service worker.
    server.setRoot(staticDir);
    const staticContext = await browser.newContext({ locale: 'zh-CN', bypassCSP: true });
    const staticPage = await staticContext.newPage();
    const plain: FirstStep[] = [];
    for (let run = 0; run < runs; run += 1) plain.push(await firstStepAfterNavigation(staticPage, server.url));
    await staticContext.close();

    reportLoads('offline_first_step', app, { worker: 'cold' });
    reportLoads('offline_first_step_warm', warm, { worker: 'warm' });
    reportLoads('static_page_first_step', plain);
    reportRatio('offline_first_step', app, plain, { worker: 'cold' });
    reportRatio('offline_first_step_warm', warm, plain, { worker: 'warm' });
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
  const server = await startStaticServer(distDir, { gzip: true });
  const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
  const coldLoads = async (count: number, locale = 'zh-CN') => {
    const times: FirstStep[] = [];
    for (let run = 0; run < count; run += 1) {
      const context = await browser.newContext({ locale, serviceWorkers: 'block', bypassCSP: true });
      times.push(await firstStepAfterNavigation(await context.newPage(), server.url));
      await context.close();
    }
    return times;
  };
  try {
    const app = await coldLoads(5);
    // An English phone: the prerendered (Chinese) home stays hidden and the app renders its own.
    const english = await coldLoads(5, 'en-US');
    server.setRoot(staticDir);
    const plain = await coldLoads(5);
    server.setRoot(distDir);
    await reportBytesBeforeStart(browser, server.url);
    reportLoads('online_cold_first_step', app, { locale: 'zh-CN' });
    reportLoads('online_cold_first_step_en', english, { locale: 'en-US' });
    reportLoads('static_online_first_step', plain);
    reportRatio('online_cold_first_step', app, plain, { locale: 'zh-CN' });
    reportRatio('online_cold_first_step_en', english, plain, { locale: 'en-US' });

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

interface LighthouseRun {
  [figure: string]: number;
}

/**
 * One Lighthouse 12.2.3 run (the last that runs on Node 20), mobile preset, in the given browser language. Async:
 * the server answering Lighthouse runs in this process, so a blocking spawn would leave every request unanswered.
 */
async function lighthouseRun(url: string, language: string, out: string): Promise<LighthouseRun | string> {
  const chromeFlags = ['--headless=new', ...chromiumArgs, `--lang=${language}`, `--accept-lang=${language}`];
  const result = await runFile(
    'npx',
    [
      '--yes',
      'lighthouse@12.2.3',
      url,
      `--chrome-flags=${chromeFlags.join(' ')}`,
      '--only-categories=performance,accessibility,best-practices,seo',
      '--output=json',
      `--output-path=${out}`,
      '--quiet',
    ],
    // A hung Lighthouse must not hang the bench: three minutes a run.
    { cwd: repoRoot, env: { ...process.env, CHROME_PATH: chromiumPath() }, timeout: 180_000 },
  ).catch(
    (error: Error & { stderr?: string }) => (error.stderr || error.message).trim().split('\n').at(-1) ?? 'failed',
  );
  if (typeof result === 'string') return result;
  const lhr = JSON.parse(await readFile(out, 'utf8')) as {
    categories: Record<string, { score: number }>;
    audits: Record<string, { numericValue?: number }>;
  };
  return {
    performance: (lhr.categories.performance?.score ?? 0) * 100,
    accessibility: (lhr.categories.accessibility?.score ?? 0) * 100,
    bestPractices: (lhr.categories['best-practices']?.score ?? 0) * 100,
    seo: (lhr.categories.seo?.score ?? 0) * 100,
    fcp: lhr.audits['first-contentful-paint']?.numericValue ?? 0,
    lcp: lhr.audits['largest-contentful-paint']?.numericValue ?? 0,
    tbt: lhr.audits['total-blocking-time']?.numericValue ?? 0,
    cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? 0,
  };
}

/**
 * Lighthouse against the build, gzip-served like production: median of 3 runs on a zh-CN phone (the merchant's:
 * the prerendered home paints at once), and 1 run on an en-US phone (the app renders its own home first).
 */
async function measureLighthouse() {
  if (!chromiumPath() || process.env.BENCH_SKIP_LIGHTHOUSE) {
    console.log('SKIPPED Lighthouse (no Chromium, or BENCH_SKIP_LIGHTHOUSE set)');
    return;
  }
  const server = await startStaticServer(distDir, { gzip: true });
  const outDir = await mkdtemp(join(tmpdir(), 'tapfix-lh-'));
  try {
    for (const [language, count, suffix] of [
      ['zh-CN', 3, ''],
      ['en-US', 1, '_en'],
    ] as const) {
      const done: LighthouseRun[] = [];
      for (let run = 0; run < count; run += 1) {
        const result = await lighthouseRun(server.url, language, join(outDir, `${language}-${run}.json`));
        if (typeof result === 'string') console.log(`SKIPPED Lighthouse run ${run} (${language}): ${result}`);
        else done.push(result);
      }
      if (!done.length) continue;
      const mid = (key: string) => median(done.map((r) => r[key] ?? 0));
      const detail = { preset: 'mobile', language, runs: done.length };
      for (const key of ['performance', 'accessibility', 'bestPractices', 'seo']) {
        report({ metric: `lighthouse${suffix}_${key}`, value: round(mid(key), 0), unit: 'score', ...detail });
      }
      for (const key of ['fcp', 'lcp', 'tbt']) {
        report({ metric: `lighthouse${suffix}_${key}`, value: round(mid(key), 0), unit: 'ms', ...detail });
      }
      report({ metric: `lighthouse${suffix}_cls`, value: round(mid('cls'), 3), unit: 'score', ...detail });
    }
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
for (const figure of benchCorpus()) report(figure);
measureTaps();
printTable();
