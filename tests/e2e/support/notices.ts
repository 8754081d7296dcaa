import { expect, type Page } from '@playwright/test';
import { restart, screen } from './app.ts';
import { answer } from './screens.ts';

/**
 * Every notice and line the app can show besides its screens (screens.ts), and the crash screen. The update offer
 * needs a second version (update-offer.ts); the one-time "ready offline" note needs a service worker (a11y.spec).
 */
export const noticeKinds = [
  'lookup-failed',
  'no-match',
  'other-system',
  'private-code',
  'success-code',
  'offline',
  'storage-discarded',
  'history-dropped',
  'support-not-found',
  'storage-not-saved',
  'history-not-kept',
  'storage-unavailable',
  'crash',
] as const;

export type NoticeKind = (typeof noticeKinds)[number];

/** The lookup's code chunks (terminal-input and the message table it imports). */
const lookupChunks = /\/assets\/(terminal-input|screen-messages|lookup-client|lookup-worker)-[^/]+\.js$/;

/**
 * Makes the lookup's chunk fail to load, as a broken cache would. Needs a page without a service worker (it would
 * answer the request itself): `test.use({ serviceWorkers: 'block' })`.
 */
export async function breakLookup(page: Page) {
  await page.route(lookupChunks, (route) => route.abort('failed'));
}

const notice = (page: Page) => page.locator('form[role="search"] [role="status"]');

async function search(page: Page, text: string) {
  await page.getByRole('searchbox').fill(text);
  await page.getByRole('searchbox').press('Enter');
}

/**
 * A full disk and a browser that keeps nothing, switched on per tab (sessionStorage) and taking effect at the next
 * load: IndexedDB refuses writes as it does when the phone has no space left, or IndexedDB and localStorage are
 * both missing as in some private modes. The browser gives no switch for either; tests/e2e/reliability.spec.ts
 * fills the disk the same way.
 */
export async function allowStorageFailures(page: Page) {
  await page.addInitScript(() => {
    const mode = sessionStorage.getItem('tapfix-test.storage');
    if (mode === 'full') {
      const refuse = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      IDBObjectStore.prototype.put = refuse;
      IDBObjectStore.prototype.add = refuse;
    } else if (mode === 'none') {
      // As a private mode that blocks site storage: no IndexedDB, and localStorage refuses to open.
      Object.defineProperty(window, 'indexedDB', { value: undefined });
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('Storage is disabled.', 'SecurityError');
        },
      });
    }
  });
}

async function setStorage(page: Page, mode: 'full' | 'none' | null) {
  await page.evaluate((value) => {
    if (value) sessionStorage.setItem('tapfix-test.storage', value);
    else sessionStorage.removeItem('tapfix-test.storage');
  }, mode);
  await page.reload();
  await expect(screen(page)).toHaveAttribute('data-step', 'home');
}

/** Writes one record into the app's IndexedDB as another version of the app (or a damaged disk) left it. */
async function putRecord(page: Page, key: string, value: string) {
  await page.evaluate(
    ([recordKey, recordValue]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('tapfix');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const write = open.result.transaction('records', 'readwrite');
          write.objectStore('records').put(recordValue, recordKey);
          write.oncomplete = () => {
            open.result.close();
            resolve();
          };
          write.onerror = () => reject(write.error);
        };
      }),
    [key, value] as const,
  );
}

/**
 * Shows each notice in turn on a page prepared with breakLookup and allowStorageFailures, in the language already chosen;
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
  await search(page, 'E1');
  await expect(notice(page)).toBeVisible();
  await onNotice('private-code');
  await search(page, '00');
  await expect(notice(page)).toBeVisible();
  await onNotice('success-code');

  await page.context().setOffline(true);
  await expect(page.locator('[data-pwa="offline"]')).toBeVisible();
  await onNotice('offline');
  await page.context().setOffline(false);
  await expect(page.locator('[data-pwa="offline"]')).toBeHidden();

  // A save from an older version of the app: dropped, and said so once.
  await putRecord(page, 'tapfix.diagnosis.oldversion', '{"schema":2}');
  await page.reload();
  await expect(page.locator('[data-notice="discarded"]')).toBeVisible();
  await onNotice('storage-discarded');

  // A history entry that cannot be read: left out, and said so.
  await putRecord(page, 'tapfix.history.damagedentry', '{"schema":2,');
  await page.reload();
  await page.click('[data-action="menu"]');
  await page.click('[data-menu="history"]');
  await expect(page.locator('[data-page="history"] .notice')).toBeVisible();
  await onNotice('history-dropped');
  await page.goBack();

  await page.click('[data-action="menu"]');
  await page.click('[data-menu="support"]');
  await page.click('[data-action="menu"]');
  await page.click('[data-action="start"]');
  const box = page.locator('[data-support="script"]');
  await box.locator('input').first().fill('Z9');
  await box.locator('button[type="submit"]').first().click();
  await expect(box.locator('[role="status"]').first()).toBeVisible();
  await onNotice('support-not-found');
  await page.click('[data-action="menu"]');
  await page.click('[data-menu="support"]');
  await page.click('[data-action="menu"]');
  await page.click('[data-action="restart"]');

  // The disk is full: the step cannot be saved, then the finished diagnosis cannot go into history.
  await setStorage(page, 'full');
  await page.click('[data-action="start"]');
  await answer(page, 'declined');
  await expect(page.locator('[data-notice="not-saved"]')).toBeVisible();
  await onNotice('storage-not-saved');
  await restart(page);
  await page.click('[data-action="start"]');
  await answer(page, 'paid');
  await expect(page.locator('[data-notice="history-not-kept"]')).toBeVisible();
  await onNotice('history-not-kept');
  await page.click('[data-action="new"]');

  // No IndexedDB at all: said once, at the start.
  await setStorage(page, 'none');
  await expect(page.locator('.storage-note')).toBeVisible();
  await onNotice('storage-unavailable');
  await setStorage(page, null);

  // A page-translation extension moves the app's DOM (the usual way React apps crash in the field): the next step
  // change cannot remove the step React put there, and the screen fails to render.
  await page.click('[data-action="start"]');
  await answer(page, 'declined');
  await page.evaluate(() => {
    const step = document.querySelector('[data-step]');
    if (step) document.body.append(step);
  });
  await page.click('[data-action="back"]');
  await expect(page.locator('[data-crash]')).toBeVisible();
  // What the extension moved is its own leftover, not the app's screen.
  await page.evaluate(() => document.querySelector('body > [data-step]')?.remove());
  await onNotice('crash');
  await page.click('[data-action="crash-restart"]');
  await expect(screen(page)).toHaveAttribute('data-step', 'home');
}
