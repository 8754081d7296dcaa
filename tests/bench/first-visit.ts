// A first visit on a slow phone, throttled for real: Lighthouse's slow-4G profile applied through CDP (562.5 ms
// request latency, 1.47 Mbps down, 675 kbps up) and 4× CPU, in a fresh browser context per load (empty cache).
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../e2e/support/chromium.ts';
import { startStaticServer } from '../e2e/support/static-server.ts';

/** One figure, as bench.ts prints it (a JSON line, then a table row). */
export interface BenchFigure {
  metric: string;
  value: number;
  unit: string;
  [detail: string]: unknown;
}

/** Lighthouse 12's "devtools" throttling for mobile slow 4G (its simulated 150 ms RTT × 3.75, 1.6 Mbps × 0.9). */
export const slow4g = {
  latency: 562.5,
  downloadThroughput: (1474.56 * 1024) / 8,
  uploadThroughput: (675 * 1024) / 8,
  cpuSlowdown: 4,
} as const;

/** The phone languages a merchant's phone reports: the three the app ships, as browsers name them. */
export const phoneLanguages = [
  { locale: 'zh-CN', suffix: '' },
  { locale: 'en-US', suffix: '_en' },
  { locale: 'zh-TW', suffix: '_zh_tw' },
] as const;

export interface Load {
  /** First contentful paint. */
  painted: number;
  /** The app's 'tapfix:started' mark (it answers taps from here on); a static page answers once painted. */
  interactive: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};
const round = (value: number, digits = 1) => Number(value.toFixed(digits));

/** Throttles the page's network and CPU through its own CDP session (the throttling lasts as long as the page). */
async function throttle(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: slow4g.latency,
    downloadThroughput: slow4g.downloadThroughput,
    uploadThroughput: slow4g.uploadThroughput,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: slow4g.cpuSlowdown });
}

/** Waits for the first paint and, on the app, for 'tapfix:started'; reads both from the page's own timeline. */
const loadScript = `(() => {
  const painted = performance.getEntriesByName('first-contentful-paint')[0].startTime;
  const started = performance.getEntriesByName('tapfix:started')[0];
  return { painted, interactive: Math.max(painted, started ? started.startTime : 0) };
})()`;
const readyScript =
  "performance.getEntriesByName('first-contentful-paint').length > 0 && " +
  "(!document.getElementById('root') || performance.getEntriesByName('tapfix:started').length > 0)";

/** One cold, throttled load: a fresh context (no cache, no service worker), as a link opened for the first time. */
export async function throttledLoad(browser: Browser, url: string, locale: string): Promise<Load> {
  const context = await browser.newContext({
    locale,
    serviceWorkers: 'block',
    // The polls below are strings, which a strict CSP would refuse to evaluate.
    bypassCSP: true,
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  try {
    const page = await context.newPage();
    await throttle(context, page);
    await page.goto(url, { waitUntil: 'commit', timeout: 60_000 });
    await page.waitForFunction(readyScript, undefined, { timeout: 60_000, polling: 50 });
    return await page.evaluate<Load>(loadScript);
  } finally {
    await context.close();
  }
}

export interface FirstVisitOptions {
  appUrl: string;
  staticUrl: string;
  runs: number;
  report: (figure: BenchFigure) => void;
}

/**
 * Throttled first visits: the static page, then the app on a zh-CN, en-US and zh-TW phone, interleaved run by run
 * so a busy moment on the machine hits every series alike. Reports medians and ratios to the static page's paint.
 */
export async function measureThrottledFirstVisits(browser: Browser, options: FirstVisitOptions) {
  const { appUrl, staticUrl, runs, report } = options;
  const plain: Load[] = [];
  const app = new Map<string, Load[]>(phoneLanguages.map(({ locale }) => [locale, []]));
  for (let run = 0; run < runs; run += 1) {
    plain.push(await throttledLoad(browser, staticUrl, 'zh-CN'));
    for (const { locale } of phoneLanguages) app.get(locale)?.push(await throttledLoad(browser, appUrl, locale));
  }
  const profile = { network: 'slow4g', latencyMs: slow4g.latency, downKbps: 1474.56, cpu: `${slow4g.cpuSlowdown}x` };
  const plainPainted = median(plain.map((load) => load.painted));
  report({
    metric: 'slow4g_static_painted',
    value: round(plainPainted),
    unit: 'ms',
    ...profile,
    runs: plain.map((load) => round(load.painted)),
  });
  for (const { locale, suffix } of phoneLanguages) {
    const loads = app.get(locale) ?? [];
    for (const key of ['painted', 'interactive'] as const) {
      const values = loads.map((load) => round(load[key]));
      const value = median(values);
      report({
        metric: `slow4g_first_visit${suffix}_${key}`,
        value: round(value),
        unit: 'ms',
        locale,
        ...profile,
        runs: values,
      });
      report({
        metric: `slow4g_first_visit${suffix}_${key}_ratio`,
        value: round(value / plainPainted, 2),
        unit: 'x',
        of: 'static page painted',
        locale,
      });
    }
  }
}

/**
 * The throttled first visits of the build in distDir against the static page in staticDir, each on its own gzip
 * server (as a production server would send them). Needs Chromium.
 */
export async function measureFirstVisits(distDir: string, staticDir: string, report: (figure: BenchFigure) => void) {
  const executablePath = chromiumPath();
  if (!executablePath) {
    console.log('SKIPPED slow-4G first visits: no Chromium found (set CHROME_PATH)');
    return;
  }
  const appServer = await startStaticServer(distDir, { gzip: true });
  const staticServer = await startStaticServer(staticDir, { gzip: true });
  const browser = await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
  try {
    const runs = Number(process.env.BENCH_SLOW4G_RUNS ?? 3);
    await measureThrottledFirstVisits(browser, { appUrl: appServer.url, staticUrl: staticServer.url, runs, report });
  } finally {
    await browser.close();
    await appServer.close();
    await staticServer.close();
  }
}
