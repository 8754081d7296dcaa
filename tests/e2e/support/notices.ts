import { expect, type Page } from '@playwright/test';
import { screen } from './app.ts';
import { answer } from './screens.ts';

/**
 * Every notice and line the app can show besides its screens (screens.ts), and the crash screen. The update offer
 * needs a second version (update-offer.ts); the one-time "ready offline" note needs a service worker (a11y.spec).
 */
export const noticeKinds = [
  'lookup-failed',
  'no-match',
  'other-system',
  'success-code',
  'offline',
  'storage-discarded',
  'history-reset',
  'support-not-found',
  'storage-unavailable',
  'crash',
] as const;

export type NoticeKind = (typeof noticeKinds)[number];

/** The lookup's code chunks (terminal-input and the message table it imports). */
const lookupChunks = /\/assets\/(terminal-input|screen-messages)-[^/]+\.js$/;
/** Every language's step content (and the step registry, whose chunk has the same name). */
const stepChunks = /\/assets\/steps-[^/]+\.js$/;

/**
 * Makes the browser's requests break the two things that can break in the field: the lookup's chunk cannot be
 * fetched (a broken cache), and the step content has a remedy's list of steps written as one string (a
 * translation slip), which makes every remedy screen fail to render. Needs a page without a service worker (it
 * would answer the requests itself): `test.use({ serviceWorkers: 'block' })`.
 */
export async function breakLookupAndRemedies(page: Page) {
  await page.route(lookupChunks, (route) => route.abort('failed'));
  await page.route(stepChunks, async (route) => {
    const response = await route.fetch();
    // Only the content chunks hold remedies' lists; the step registry's chunk shares the name and passes through.
    const body = await response.text();
    await route.fulfill({ response, body: body.replaceAll('steps:[', 'steps:"x",unused:[') });
  });
}

const notice = (page: Page) => page.locator('form[role="search"] [role="status"]');

async function search(page: Page, text: string) {
  await page.getByRole('searchbox').fill(text);
  await page.getByRole('searchbox').press('Enter');
}

/** Fills the origin's localStorage to its quota, so the next save fails as on a full phone. */
async function fillStorage(page: Page) {
  const full = await page.evaluate(() => {
    let count = 0;
    // Big pieces first, then smaller ones into what is left, down to a few characters.
    for (let size = 256 * 1024; size >= 4; size = Math.floor(size / 4)) {
      const chunk = 'x'.repeat(size);
      try {
        for (let i = 0; i < 200; i += 1) localStorage.setItem(`filler-${(count += 1)}`, chunk);
        return false;
      } catch {
        // This size no longer fits: try a smaller one.
      }
    }
    return true;
  });
  expect(full, 'localStorage reached its quota').toBe(true);
}

/**
 * Shows each notice in turn on a page prepared with breakLookupAndRemedies, in the language already chosen;
 * onNotice runs while it shows. Ends on the home screen after Restart from the crash screen.
 */
export async function visitEveryNotice(page: Page, onNotice: (kind: NoticeKind) => Promise<void>) {
  await expect(screen(page)).toHaveAttribute('data-step', 'home');
  await search(page, '51');
  await expect(notice(page)).toBeVisible();
  await onNotice('lookup-failed');

  // The chunk can be fetched again: a reload gets a fresh module map.
  await page.unroute(lookupChunks);
  await page.reload();
  await expect(screen(page)).toHaveAttribute('data-step', 'home');
  await search(page, '今天天气不错');
  await expect(notice(page)).toBeVisible();
  await onNotice('no-match');
  await search(page, '错误码 1001');
  await expect(notice(page)).toBeVisible();
  await onNotice('other-system');
  await search(page, '00');
  await expect(notice(page)).toBeVisible();
  await onNotice('success-code');

  await page.context().setOffline(true);
  await expect(page.locator('[data-pwa="offline"]')).toBeVisible();
  await onNotice('offline');
  await page.context().setOffline(false);
  await expect(page.locator('[data-pwa="offline"]')).toBeHidden();

  // A save from an older version of the app: dropped, and said so once.
  await page.evaluate(() =>
    localStorage.setItem(
      'tapfix.diagnosis',
      JSON.stringify({ schema: 1, content: 'old', savedAt: '2026-01-01T00:00:00.000Z', snapshot: {} }),
    ),
  );
  await page.reload();
  await expect(page.locator('[data-notice="discarded"]')).toBeVisible();
  await onNotice('storage-discarded');

  await page.evaluate(() => localStorage.setItem('tapfix.history', '{"schema":1,"entries":['));
  await page.click('[data-action="menu"]');
  await page.click('[data-menu="history"]');
  await expect(page.locator('[data-page="history"] .notice')).toBeVisible();
  await onNotice('history-reset');
  await page.goBack();

  await page.click('[data-action="menu"]');
  await page.click('[data-menu="support"]');
  await page.click('[data-action="menu"]');
  await page.click('[data-action="start"]');
  const box = page.locator('[data-support="script"]');
  await box.locator('input').fill('Z9');
  await box.locator('button[type="submit"]').click();
  await expect(box.locator('[role="status"]')).toBeVisible();
  await onNotice('support-not-found');

  await fillStorage(page);
  await answer(page, 'declined');
  await expect(page.locator('.storage-note')).toBeVisible();
  await onNotice('storage-unavailable');
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('filler-')) localStorage.removeItem(key);
  });

  // Every remedy's content is broken: the first remedy crashes its screen.
  await answer(page, 'all', 'problem');
  await expect(page.locator('[data-crash]')).toBeVisible();
  await onNotice('crash');
  await page.click('[data-action="crash-restart"]');
  await expect(screen(page)).toHaveAttribute('data-step', 'home');
}
