import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import {
  acceptDialogs,
  buildIdOf,
  checkForUpdate,
  screen,
  storedRecords,
  takeServiceWorkerControl,
} from './support/app.ts';
import { distDir, repoRoot } from './support/paths.ts';
import { watchForProblems, type PageProblems } from './support/problems.ts';
import { startStaticServer, type StaticServer } from './support/static-server.ts';

// Long enough to find leaks and state that piles up; short enough for every CI run.
const diagnoses = Number(process.env.TAPFIX_SOAK_DIAGNOSES ?? 200);
const quarter = Math.floor(diagnoses / 4);
const updateAfter = 2 * quarter;
/** Heap figures after a quarter, half (then the update reloads the page), three quarters and all diagnoses. */
const checkpoints = [quarter, updateAfter, 3 * quarter, diagnoses];
const ci = process.env.CI === 'true' || process.env.CI === '1';
const seed = Number(process.env.TAPFIX_SOAK_SEED ?? Date.now() % 2 ** 32);
/** Most actions a single diagnosis may take before the walk counts as stuck. */
const maxActions = 80;
const historyLimit = 50;
const versionB = 'soak-version-b';
const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

/** A small seeded generator (mulberry32), so a failing walk can be replayed with TAPFIX_SOAK_SEED. */
function random(start: number) {
  let state = start >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  return {
    chance: (p: number) => next() < p,
    /** 0 … n-1 */
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
  };
}

/** Search-box entries that all open a branch, hostile ones included. */
const searches = [
  '51',
  '应答码 55',
  'A0',
  '请插卡',
  '读卡失败',
  'timeout',
  '<img src=x onerror=alert(1)> 61',
  '卡号 6222 0212 3456 7894 超时',
];

interface Screen {
  step: string | null;
  answers: string[];
  chips: string[];
  canBack: boolean;
  canRestart: boolean;
  canStartNew: boolean;
  languages: string[];
  language: string;
}

/** What to tap; the walk waits until the step changes, or until the page's language is `lang`. */
type Tap = { selector: string; inScreen: boolean; lang?: string } | null;

/**
 * One round trip per move: taps an element the way a finger would (scrolled into view, enabled, and the topmost
 * element at its centre, so an overlay covering it fails the walk), waits for the next screen, and reads it.
 * Playwright's own click costs several round trips; over a thousand taps that is minutes.
 */
async function tapAndRead(page: Page, tap: Tap): Promise<Screen> {
  const result = await page.evaluate(async (tap) => {
    const currentStep = () => document.querySelector('[data-step]')?.getAttribute('data-step') ?? null;
    if (tap) {
      const from = currentStep();
      const root = tap.inScreen ? document.querySelector('[data-step]') : document;
      const target = root?.querySelector<HTMLElement>(tap.selector);
      if (!target) return { error: `nothing matches ${tap.selector}` };
      if (target.matches(':disabled')) return { error: `${tap.selector} is disabled` };
      target.scrollIntoView({ block: 'center' });
      const box = target.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      if (!hit || !target.contains(hit))
        return { error: `${tap.selector} is covered by ${hit?.outerHTML.slice(0, 200)}` };
      target.click();
      const deadline = performance.now() + 10_000;
      const waiting = () => (tap.lang ? document.documentElement.lang !== tap.lang : currentStep() === from);
      while (waiting()) {
        if (performance.now() > deadline) return { error: `nothing changed 10 s after ${tap.selector} on ${from}` };
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
    const current = document.querySelector('[data-step]');
    const values = (selector: string, attribute: string, scope: ParentNode = document) =>
      [...scope.querySelectorAll(selector)].map((element) => element.getAttribute(attribute) ?? '');
    return {
      screen: {
        step: current?.getAttribute('data-step') ?? null,
        answers: current ? values('[data-answer]:not([disabled])', 'data-answer', current) : [],
        chips: values('[data-message]', 'data-message'),
        canBack: document.querySelector('[data-action="back"]:not([disabled])') !== null,
        canRestart: document.querySelector('[data-action="restart"]') !== null,
        canStartNew: document.querySelector('[data-action="new"]') !== null,
        languages: values('[data-lang]', 'data-lang'),
        language: document.documentElement.lang,
      },
    };
  }, tap);
  if ('error' in result) throw new Error(result.error);
  return result.screen;
}

/** Used JS heap after a full garbage collection, in bytes. */
async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  } finally {
    await cdp.detach();
  }
}

function expectNoProblems(problems: PageProblems, where: string) {
  expect(problems, where).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
}

const run = promisify(execFile);
let workdir: string;
let server: StaticServer;

// About 1–2 minutes on an idle two-core machine; the margin is for a busy one.
test.describe.configure({ timeout: 420_000 });

test.beforeAll(async () => {
  if (!ci && !process.env.TAPFIX_SOAK) return;
  // Version A is the build under test; B is the same app with another build id, deployed mid-soak.
  workdir = await mkdtemp(join(tmpdir(), 'tapfix-soak-'));
  const vite = join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  await run(process.execPath, [vite, 'build', '--outDir', join(workdir, 'b'), '--emptyOutDir', '--logLevel', 'error'], {
    cwd: repoRoot,
    env: { ...process.env, TAPFIX_BUILD_ID: versionB },
  });
  server = await startStaticServer(distDir);
});

test.afterAll(async () => {
  await server?.close();
  if (workdir) await rm(workdir, { recursive: true, force: true });
});

test(`soak: ${diagnoses} random diagnoses in one page session, with an update in the middle`, async ({
  page,
  context,
}) => {
  test.skip(!ci && !process.env.TAPFIX_SOAK, 'the soak runs under CI=true, or locally with TAPFIX_SOAK=1');
  const started = Date.now();
  const { chance, int, pick } = random(seed);
  const problems = await watchForProblems(page);
  acceptDialogs(page);

  await page.goto(server.url);
  await takeServiceWorkerControl(page);
  const versionA = await buildIdOf(page);
  expect(versionA).not.toBe(versionB);

  const outcomes: string[] = [];
  const heap: Record<number, number> = {};
  const counts = {
    actions: 0,
    back: 0,
    restarts: 0,
    languageSwitches: 0,
    offlineToggles: 0,
    searches: 0,
    chips: 0,
    updateChecks: 0,
  };
  let offline = false;
  let walk: string[] = [];

  /** A move that leaves the current step; returns the screen it leads to. */
  async function leave(from: string | null, action: string, tap: Tap | (() => Promise<void>)): Promise<Screen> {
    walk.push(`${from} → ${action}`);
    counts.actions += 1;
    try {
      if (typeof tap !== 'function') return await tapAndRead(page, tap);
      await tap();
      await page.waitForFunction(
        (step) => document.querySelector('[data-step]')?.getAttribute('data-step') !== step,
        from,
      );
      return await tapAndRead(page, null);
    } catch (error) {
      const html = await page
        .locator('main, body')
        .first()
        .innerHTML()
        .catch(() => '(page unreadable)');
      throw new Error(`seed ${seed}, diagnosis ${outcomes.length + 1}: ${walk.join(', ')}\n${html.slice(0, 3000)}`, {
        cause: error,
      });
    }
  }

  /** Switches with the app's own buttons, then waits until the page speaks the language. */
  async function switchLanguage(now: Screen): Promise<Screen> {
    const other = now.languages.filter((language) => language !== now.language);
    if (other.length === 0) return now;
    const language = pick(other);
    walk.push(`language ${language}`);
    counts.languageSwitches += 1;
    return tapAndRead(page, { selector: `[data-lang="${language}"]`, inScreen: false, lang: language });
  }

  async function setOffline(next: boolean) {
    walk.push(next ? 'offline' : 'online');
    counts.offlineToggles += 1;
    offline = next;
    await context.setOffline(next);
  }

  /** Deploys version B, lets the app find it, and takes it from home, as a merchant would. */
  async function updateToB(): Promise<Screen> {
    if (offline) await setOffline(false);
    server.setRoot(join(workdir, 'b'));
    counts.updateChecks += await checkForUpdate(page);
    const notice = page.locator('[data-pwa="update"]');
    await notice.locator('[data-action="update"]').click();
    await expect.poll(() => buildIdOf(page), { timeout: 30_000 }).toBe(versionB);
    await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated');
    await expect(screen(page)).toHaveAttribute('data-step', 'home');
    return tapAndRead(page, null);
  }

  let now = await tapAndRead(page, null);
  while (outcomes.length < diagnoses) {
    if (walk.length > maxActions)
      throw new Error(`seed ${seed}: diagnosis ${outcomes.length + 1} is stuck: ${walk.join(', ')}`);

    if (now.step === 'home') {
      if (chance(0.1) && now.chips.length > 0) {
        counts.chips += 1;
        const chip = pick(now.chips);
        now = await leave(now.step, `chip ${chip}`, { selector: `[data-message="${chip}"]`, inScreen: false });
      } else if (chance(0.12)) {
        counts.searches += 1;
        const query = pick(searches);
        now = await leave(now.step, `search ${query}`, async () => {
          await page.getByRole('searchbox').fill(query);
          await page.getByRole('searchbox').press('Enter');
        });
      } else {
        now = await leave(now.step, 'start', { selector: '[data-action="start"]', inScreen: false });
      }
    } else if (now.step?.startsWith('done.')) {
      outcomes.push(now.step);
      expectNoProblems(problems, `seed ${seed}, diagnosis ${outcomes.length}: ${walk.join(', ')}`);
      walk = [];
      if (chance(0.1)) now = await switchLanguage(now);
      const again = now.canStartNew ? '[data-action="new"]' : '[data-action="restart"]';
      now = await leave(now.step, 'new diagnosis', { selector: again, inScreen: false });

      const done = outcomes.length;
      if (checkpoints.includes(done)) heap[done] = await heapAfterGc(page);
      if (done === updateAfter) now = await updateToB();
    } else if (now.answers.length > 0) {
      // One move in twenty each: back, restart, language, network; otherwise an answer.
      const roll = int(20);
      if (roll === 0 && now.canBack) {
        counts.back += 1;
        now = await leave(now.step, 'back', { selector: '[data-action="back"]', inScreen: false });
      } else if (roll === 1 && now.canRestart) {
        // Abandoned half-way: not a finished diagnosis, so not one for the history.
        counts.restarts += 1;
        now = await leave(now.step, 'restart', { selector: '[data-action="restart"]', inScreen: false });
        walk = [];
      } else if (roll === 2) {
        now = await switchLanguage(now);
      } else if (roll === 3) {
        await setOffline(!offline);
      } else {
        const answer = pick(now.answers);
        now = await leave(now.step, answer, { selector: `[data-answer="${answer}"]`, inScreen: true });
      }
    } else {
      throw new Error(`seed ${seed}: screen ${now.step} offers nothing to do: ${walk.join(', ')}`);
    }
  }
  if (offline) await setOffline(false);
  expectNoProblems(problems, `seed ${seed}, at the end`);

  const records = await storedRecords(page);
  type Entry = { endedAt: string; summary?: { outcome?: { step?: string } | null } };
  const entries = Object.entries(records)
    .filter(([key]) => key.startsWith('tapfix.history.'))
    .map(([, value]) => JSON.parse(value) as Entry)
    .sort((a, b) => b.endedAt.localeCompare(a.endedAt));
  let historyNote = 'no history was written (no history yet)';
  if (entries.length > 0) {
    const kept = Math.min(outcomes.length, historyLimit);
    expect(entries, 'the history holds exactly the finished diagnoses, newest first').toHaveLength(kept);
    expect(entries.map((entry) => entry.summary?.outcome?.step)).toEqual(outcomes.slice(-kept).reverse());
    historyNote = `${entries.length} history entries, matching the last ${kept} outcomes`;
  }

  const [first = 0, beforeUpdate = 0, afterUpdate = 0, last = 0] = checkpoints.map((done) => heap[done]);
  console.log(
    [
      `soak: ${outcomes.length} diagnoses walked (seed ${seed}) in ${Math.round((Date.now() - started) / 1000)} s`,
      `  ${counts.actions} actions: ${counts.back} back, ${counts.restarts} abandoned with restart, ` +
        `${counts.languageSwitches} language switches, ${counts.offlineToggles} offline/online toggles, ` +
        `${counts.searches} searches, ${counts.chips} message chips; update ${versionA} → ${versionB} after ${updateAfter} ` +
        `(${counts.updateChecks} update check${counts.updateChecks === 1 ? '' : 's'})`,
      `  JS heap after GC: ${Object.entries(heap)
        .map(([done, bytes]) => `${mb(bytes)} MB after ${done}`)
        .join(', ')} (update and reload after ${updateAfter})`,
      `  outcomes: ${[...new Set(outcomes)].length} different; ${historyNote}`,
    ].join('\n'),
  );

  // Bounded: the heap after all diagnoses stays near the heap after a quarter (each figure after a full GC).
  expect(last, 'heap after the last diagnosis').toBeLessThan(first * 2);
  expect(last - first, `heap growth from diagnosis ${quarter} to the last`).toBeLessThan(10 * 2 ** 20);
  // And within each page lifetime (before and after the update's reload).
  expect(beforeUpdate - first, `heap growth from ${quarter} to ${updateAfter}`).toBeLessThan(10 * 2 ** 20);
  expect(last - afterUpdate, `heap growth from ${3 * quarter} to the last`).toBeLessThan(10 * 2 ** 20);
});
