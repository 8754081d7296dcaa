import { expect, test } from '@playwright/test';
import {
  acceptDialogs,
  chooseLanguage,
  foreignRequests,
  guidedOutcome,
  recordRequests,
  screen,
  takeServiceWorkerControl,
  walkDiagnosis,
} from './support/app.ts';

test('after one visit online, a whole diagnosis works offline in Chinese and in English', async ({
  page,
  context,
  baseURL,
}) => {
  const origin = new URL(baseURL ?? '').origin;
  const requests = recordRequests(context);
  acceptDialogs(page);

  await page.goto('/');
  await expect(screen(page)).toHaveAttribute('data-step', 'home');
  await expect(page.locator('[data-pwa="offline-ready"]'), 'first install says it is ready offline').toBeVisible({
    timeout: 30_000,
  });
  await takeServiceWorkerControl(page);

  await context.setOffline(true);
  const response = await page.reload();
  expect(response?.fromServiceWorker(), 'the page itself comes from the service worker').toBe(true);
  await expect(screen(page)).toHaveAttribute('data-step', 'home');
  await expect(page.locator('[data-pwa="offline"]')).toBeVisible();

  await chooseLanguage(page, 'zh-CN');
  expect(await walkDiagnosis(page)).toBe(guidedOutcome);

  // Back home, then the other language: its content files must come from the precache too.
  await page.locator('[data-action="restart"]').click();
  await expect(screen(page)).toHaveAttribute('data-step', 'home');
  await chooseLanguage(page, 'en');
  expect(await walkDiagnosis(page)).toBe(guidedOutcome);
  await expect(page.locator('[data-pwa="offline"]')).toBeVisible();

  // Any address inside the app (an old bookmark, a home-screen shortcut) opens the app offline.
  const elsewhere = await page.goto('/bookmarked/path?from=homescreen');
  expect(elsewhere?.fromServiceWorker()).toBe(true);
  await expect(screen(page)).toHaveAttribute('data-step', 'home');

  expect(requests.length).toBeGreaterThan(0);
  expect(foreignRequests(requests, origin), 'requests that left the app origin').toEqual([]);
});
