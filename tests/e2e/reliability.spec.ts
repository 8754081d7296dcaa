// Issue 17's findings, each replayed in real Chromium with real storage and the real service worker: it keeps
// working and loses nothing across two tabs, reloads, crashes, killed browsers, full storage, a first visit that
// goes offline, an update taken in another tab, links inside a diagnosis, and English at 200 % text on 320 px.
import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { stepIds, stepInfo } from '../../src/domain/diagnosis/steps.ts';
import {
  acceptDialogs,
  checkForUpdate,
  restart,
  screen,
  storedRecords,
  takeServiceWorkerControl,
} from './support/app.ts';
import { launchKillable } from './support/killable-browser.ts';
import { distDir } from './support/paths.ts';
import { startStaticServer } from './support/static-server.ts';

/** Six answers that stay mid-diagnosis, and the step each one leads to. */
const sixAnswers = [
  ['gate.charged', 'declined'],
  ['scope.cards', 'one'],
  ['wallet.device', 'card'],
  ['reading.placement', 'notFixed'],
  ['reading.chip', 'notFixed'],
  ['limit.check', 'none'],
] as const;
const afterSix = 'operator.check';

const step = (page: Page) => screen(page);

async function start(page: Page) {
  await expect(step(page)).toHaveAttribute('data-step', 'home');
  await page.locator('[data-action="start"]').click();
  await expect(step(page)).toHaveAttribute('data-step', 'gate.charged');
}

/** Answers on the steps given, checking each step as it comes. */
async function give(page: Page, answers: ReadonlyArray<readonly [string, string]>, pause = 0) {
  for (const [id, answer] of answers) {
    await expect(step(page)).toHaveAttribute('data-step', id);
    await step(page).locator(`[data-answer="${answer}"]`).click();
    await expect(step(page)).not.toHaveAttribute('data-step', id);
    if (pause) await page.waitForTimeout(pause);
  }
}

/** The step the home screen offers to continue, or null when it offers none. */
async function offered(page: Page): Promise<string | null> {
  // The offer is there once the app has started (the prerendered home never has one), or never.
  await page.waitForFunction(() => performance.getEntriesByName('tapfix:started').length > 0);
  await expect(step(page)).toHaveAttribute('data-step', 'home');
  const offer = page.locator('[data-resume]');
  return (await offer.count()) ? offer.getAttribute('data-resume') : null;
}

/** How many finished diagnoses the history page lists. */
async function historyCount(page: Page): Promise<number> {
  await page.locator('[data-action="menu"]').click();
  await page.locator('[data-menu="history"]').click();
  await expect(page.locator('[data-page="history"] h1')).toBeVisible();
  const count = await page.locator('.history-entry').count();
  await page.locator('[data-action="close-page"]').click();
  return count;
}

/** Answers kept by the save the home screen offers: the position of its step on the six-answer path. */
async function answersKept(page: Page): Promise<number> {
  const at = await offered(page);
  if (at === afterSix) return 6;
  const index = sixAnswers.findIndex(([id]) => id === at);
  return index < 0 ? 0 : index;
}

test.describe.configure({ timeout: 120_000 });
test.beforeEach(({ page }) => acceptDialogs(page));

test('1. two tabs keep their own diagnoses: no overwrite, the other hears a take-over, one history entry', async ({
  context,
  page,
}) => {
  const a = page;
  await a.goto('/');
  await start(a);
  await give(a, sixAnswers.slice(0, 2));
  await expect(step(a)).toHaveAttribute('data-step', 'wallet.device');

  // Tab B starts a diagnosis of its own and finishes it. (A's save lands just after its step has painted.)
  await a.waitForTimeout(500);
  const b = await context.newPage();
  acceptDialogs(b);
  await b.goto('/');
  expect(await offered(b)).toBe('wallet.device');
  await b.locator('[data-action="start-over"]').click();
  await start(b);
  await give(b, [
    ['gate.charged', 'declined'],
    ['scope.cards', 'all'],
  ]);
  await expect(step(b)).toHaveAttribute('data-step', 'network.signal');

  // A reload of A brings back A's diagnosis, not the one B saved last.
  await a.reload();
  expect(await offered(a), 'A is offered its own save after B saved another').toBe('wallet.device');
  await a.locator('[data-action="resume"]').click();
  await expect(step(a)).toHaveAttribute('data-step', 'wallet.device');

  // B finishing its diagnosis leaves A's save alone.
  await give(b, [
    ['network.signal', 'problem'],
    ['network.fix', 'fixed'],
  ]);
  await expect(step(b)).toHaveAttribute('data-step', 'done.resolved');
  await a.reload();
  expect(await offered(a), "finishing in B keeps A's save").toBe('wallet.device');

  // B takes A's diagnosis over: A says so and stops instead of overwriting.
  await b.locator('[data-action="new"]').click();
  await a.locator('[data-action="resume"]').click();
  await expect(step(a)).toHaveAttribute('data-step', 'wallet.device');
  await b.reload();
  expect(await offered(b)).toBe('wallet.device');
  await b.locator('[data-action="resume"]').click();
  await expect(a.locator('[data-notice="elsewhere"]')).toBeVisible();
  await expect(a.locator('[data-answer]')).toHaveCount(0);

  // B finishes it: one entry for it, whichever tab asks.
  await give(b, [
    ['wallet.device', 'phone'],
    ['wallet.unlock', 'fixed'],
  ]);
  await expect(step(b)).toHaveAttribute('data-step', 'done.resolved');
  await b.locator('[data-action="new"]').click();
  expect(await historyCount(b), "B's first diagnosis and A's, once each").toBe(2);
  await a.locator('[data-action="new"]').click();
  expect(await historyCount(a)).toBe(2);
});

test('2. reloading an outcome or following a link to one adds nothing to history', async ({ page }) => {
  await page.goto('/');
  await start(page);
  await give(page, [
    ['gate.charged', 'declined'],
    ['scope.cards', 'all'],
    ['network.signal', 'problem'],
    ['network.fix', 'fixed'],
  ]);
  await expect(step(page)).toHaveAttribute('data-step', 'done.resolved');
  await page.reload();
  await expect(step(page)).toHaveAttribute('data-step', 'done.resolved');
  await page.reload();
  await page.goto('about:blank');
  await page.goto(`/#/code/${stepInfo('done.acquirer').code}`);
  await expect(step(page)).toHaveAttribute('data-step', 'done.acquirer');
  await page.locator('[data-action="new"]').click();
  expect(await historyCount(page)).toBe(1);
  await page.locator('[data-action="menu"]').click();
  await page.locator('[data-menu="history"]').click();
  await page.locator('.history-entry .secondary-button').first().click();
  await expect(page.locator('.summary-text'), 'the one entry holds the answers given').toContainText(
    stepInfo('network.fix').code,
  );
});

test('3a. a crashed tab keeps the answer given just before the crash', async ({ context, page }) => {
  await page.goto('/');
  await start(page);
  await give(page, sixAnswers.slice(0, 2));
  const cdp = await context.newCDPSession(page);
  const crashed = page.waitForEvent('crash');
  await step(page).locator('[data-answer="card"]').click();
  await expect(step(page)).toHaveAttribute('data-step', 'reading.placement');
  // The save is issued in the first idle moment after the paint (at most 200 ms); the renderer dies just after,
  // with no pagehide, its IndexedDB transaction possibly still open: the localStorage journal carries it.
  await page.waitForTimeout(250);
  cdp.send('Page.crash').catch(() => undefined);
  await crashed;

  const again = await context.newPage();
  await again.goto('/');
  expect(await offered(again)).toBe('reading.placement');
});

test('3b. a killed browser keeps every answer given over 12 s', async () => {
  const profile = await mkdtemp(join(tmpdir(), 'tapfix-kill-'));
  const server = await startStaticServer(distDir);
  try {
    const first = await launchKillable(profile);
    const page = await first.context.newPage();
    await page.goto(server.url);
    await start(page);
    // Six answers two seconds apart, then the browser is killed as a phone kills a backgrounded one.
    await give(page, sixAnswers, 2_000);
    await expect(step(page)).toHaveAttribute('data-step', afterSix);
    await page.waitForTimeout(1_000);
    await first.kill();

    const second = await launchKillable(profile);
    const again = await second.context.newPage();
    await again.goto(server.url);
    const kept = await answersKept(again);
    console.log(`answers kept after a browser kill: ${kept} of 6`);
    expect(kept).toBe(6);
    await second.browser.close();
    await second.kill().catch(() => undefined);
  } finally {
    await server.close();
    await rm(profile, { recursive: true, force: true });
  }
});

test('4. with storage full, saved work is still shown, and what cannot be kept is said', async ({ page }) => {
  // While localStorage is filled to the brim, IndexedDB refuses new data too, as on a phone with no space left.
  await page.addInitScript(() => {
    if (localStorage.getItem('filler.0') === null) return;
    const refuse = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    IDBObjectStore.prototype.put = refuse;
    IDBObjectStore.prototype.add = refuse;
  });
  await page.goto('/');
  await start(page);
  await give(page, [
    ['gate.charged', 'declined'],
    ['scope.cards', 'all'],
    ['network.signal', 'problem'],
    ['network.fix', 'fixed'],
  ]);
  await page.locator('[data-action="new"]').click();
  await start(page);
  await give(page, sixAnswers.slice(0, 1));
  await expect(step(page)).toHaveAttribute('data-step', 'scope.cards');
  // The save is written in an idle moment after the paint; the disk fills only once it is there (a busy machine
  // filled it first, and a save that can be neither journaled nor committed is rightly gone).
  await expect
    .poll(async () =>
      Object.entries(await storedRecords(page))
        .filter(([key]) => key.startsWith('tapfix.diagnosis.'))
        .map(([, text]) => JSON.stringify((JSON.parse(text) as { snapshot: { value: unknown } }).snapshot.value)),
    )
    .toEqual([JSON.stringify({ scope: 'cards' })]);

  await page.evaluate(() => {
    for (let size = 1 << 20, n = 0; size >= 1; size = Math.floor(size / 2)) {
      try {
        for (;;) localStorage.setItem(`filler.${n++}`, 'x'.repeat(size));
      } catch {
        // Full at this size: smaller pieces may still fit.
      }
    }
  });

  await page.reload();
  expect(await offered(page), 'the save is offered although nothing more fits').toBe('scope.cards');
  expect(await historyCount(page), 'the history is listed although nothing more fits').toBe(1);

  await page.locator('[data-action="resume"]').click();
  await give(page, [['scope.cards', 'all']]);
  await expect(page.locator('[data-notice="not-saved"]')).toBeVisible();
  await give(page, [
    ['network.signal', 'problem'],
    ['network.fix', 'fixed'],
  ]);
  await expect(page.locator('[data-notice="history-not-kept"]')).toBeVisible();

  // Space again; an entry written by a newer version is left alone by a finish, and the page says so.
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('filler.')) localStorage.removeItem(key);
  });
  await page.reload();
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('tapfix');
        open.onsuccess = () => {
          const tx = open.result.transaction('records', 'readwrite');
          tx.objectStore('records').put('{"schema":99,"id":"fromthefuture"}', 'tapfix.history.fromthefuture');
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );
  // A fresh visit (a reload would show the outcome the last diagnosis ended on).
  await page.goto('about:blank');
  await page.goto('/');
  await start(page);
  await give(page, [['gate.charged', 'paid']]);
  await page.locator('[data-action="new"]').click();
  await page.locator('[data-action="menu"]').click();
  await page.locator('[data-menu="history"]').click();
  await expect(page.locator('[data-notice="history-newer"]')).toBeVisible();
  await expect(page.locator('.history-entry')).toHaveCount(2);
});

test('5. a first visit that goes offline: pages say they need a connection once, never crash, lose nothing', async ({
  context,
  page,
}) => {
  // The worker cannot install on this first visit (its script does not arrive): the app is not cached.
  await context.route('**/sw.js', (route) => route.abort());
  await page.goto('/');
  await start(page);
  await give(page, sixAnswers.slice(0, 1));
  await expect(page.locator('[data-pwa="preparing"]'), 'not offline-ready yet, and it says so').toBeVisible();

  await context.setOffline(true);
  await expect(page.locator('[data-pwa="offline"]')).toBeVisible();
  for (const open of ['summary', 'map']) {
    if (open === 'summary') await page.locator('[data-action="summary"]').click();
    else {
      await page.locator('[data-action="menu"]').click();
      await page.locator('[data-menu="map"]').click();
    }
    await expect(page.locator('[data-notice="needs-connection"]')).toBeVisible();
    await expect(page.locator('[data-crash]')).toHaveCount(0);
    await page.locator('[data-action="close-page"]').click();
  }
  await expect(step(page)).toHaveAttribute('data-step', 'scope.cards');

  // Back online, the page loads at once (no reload needed).
  await page.locator('[data-action="menu"]').click();
  await page.locator('[data-menu="about"]').click();
  await expect(page.locator('[data-notice="needs-connection"]')).toBeVisible();
  await context.setOffline(false);
  await expect(page.locator('[data-page="about"] [data-version="build"]')).toBeVisible();
  await page.locator('[data-action="close-page"]').click();

  // After a reload online the worker installs and takes the page: only then is it "ready offline".
  await context.unroute('**/sw.js');
  await page.reload();
  await expect(page.locator('[data-pwa="offline-ready"]')).toBeVisible({ timeout: 30_000 });
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await context.setOffline(true);
  await page.locator('[data-action="resume"]').click();
  await page.locator('[data-action="menu"]').click();
  await page.locator('[data-menu="history"]').click();
  await expect(page.locator('[data-page="history"] h1')).toBeVisible();
  await page.locator('[data-action="close-page"]').click();
  await page.locator('[data-action="summary"]').click();
  await expect(page.locator('[data-summary="text"]')).toBeVisible();
  await context.setOffline(false);
});

test('6. an update taken in one tab reloads only that tab; the other keeps its diagnosis and is offered it at home', async ({
  context,
  page,
}) => {
  const workdir = await mkdtemp(join(tmpdir(), 'tapfix-two-tab-update-'));
  const [current, next] = [join(workdir, 'current'), join(workdir, 'next')];
  await cp(distDir, current, { recursive: true });
  await cp(distDir, next, { recursive: true });
  await appendFile(join(next, 'sw.js'), '\n// another version\n');
  const server = await startStaticServer(current);
  try {
    await page.goto(server.url);
    await takeServiceWorkerControl(page);
    const other = await context.newPage();
    acceptDialogs(other);
    await other.goto(server.url);
    await start(other);
    await give(other, sixAnswers.slice(0, 2));
    await other.evaluate(() => Object.assign(window, { tapfixNotReloaded: true }));
    await page.evaluate(() => Object.assign(window, { tapfixNotReloaded: true }));

    server.setRoot(next);
    await checkForUpdate(page);
    const reloaded = page.waitForEvent('load', { timeout: 30_000 });
    await page.locator('[data-pwa="update"] [data-action="update"]').click();
    await reloaded;
    expect(await page.evaluate(() => 'tapfixNotReloaded' in window), 'the tab that asked reloaded').toBe(false);

    await other.waitForTimeout(1_000);
    expect(await other.evaluate(() => 'tapfixNotReloaded' in window), 'the other tab was not reloaded').toBe(true);
    await expect(step(other)).toHaveAttribute('data-step', 'wallet.device');
    await expect(other.locator('[data-pwa="update"] [data-action="update"]')).toHaveCount(0);
    await restart(other);
    const otherReloaded = other.waitForEvent('load', { timeout: 30_000 });
    await other.locator('[data-pwa="update"] [data-action="update"]').click();
    await otherReloaded;
    expect(await other.evaluate(() => 'tapfixNotReloaded' in window)).toBe(false);
  } finally {
    await server.close();
    await rm(workdir, { recursive: true, force: true });
  }
});

test('7. a link or typed address inside a diagnosis opens it; a long jump back steps back as far', async ({ page }) => {
  await page.goto('/');
  await start(page);
  await give(page, sixAnswers.slice(0, 4));
  await expect(step(page)).toHaveAttribute('data-step', 'reading.chip');

  // The history list's long jump: three entries back is three answers back, answers kept.
  await page.evaluate(() => history.go(-3));
  await expect(step(page)).toHaveAttribute('data-step', 'scope.cards');
  await expect(step(page).locator('[data-answer="one"]'), 'the answer given is offered again').toHaveClass(/previous/);

  await page.evaluate(() => {
    location.hash = '#/code/N2';
  });
  await expect(step(page)).toHaveAttribute('data-step', 'network.fix');
  await page.locator('[data-action="restart"]').click();
  await page.reload();
  expect(await offered(page), 'the diagnosis left for the link is still saved').toBe('scope.cards');
});

test('8. English at 200 % text on a 320 px screen: nothing runs past the edge, no badge covers its heading', async ({
  page,
}) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/');
  await page.locator('[data-lang="en"]').first().click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.evaluate(() => {
    document.documentElement.style.fontSize = '200%';
  });
  const problems: string[] = [];
  for (const id of stepIds) {
    await page.evaluate((hash) => {
      location.hash = hash;
    }, `#/step/${id}`);
    await expect(step(page)).toHaveAttribute('data-step', id);
    const found = await page.evaluate(() => {
      const issues: string[] = [];
      const width = document.documentElement.clientWidth;
      if (document.documentElement.scrollWidth > width)
        issues.push(`page ${document.documentElement.scrollWidth}px wide`);
      for (const element of document.querySelectorAll<HTMLElement>('main *')) {
        const box = element.getBoundingClientRect();
        if (box.width > 0 && box.right > width + 1)
          issues.push(`${element.tagName}.${element.className} ends at ${box.right}`);
      }
      const badge = document.querySelector('.step-badge')?.getBoundingClientRect();
      const heading = document.querySelector('.step-heading h1')?.getBoundingClientRect();
      const overlap =
        badge &&
        heading &&
        badge.left < heading.right &&
        heading.left < badge.right &&
        badge.top < heading.bottom &&
        heading.top < badge.bottom;
      if (overlap) issues.push('badge overlaps heading');
      return issues;
    });
    problems.push(...found.slice(0, 3).map((issue) => `${id}: ${issue}`));
  }
  expect(problems).toEqual([]);
});
