import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test, type Page } from '@playwright/test';
import { acceptDialogs, chooseLanguage } from './support/app.ts';
import { allowStorageFailures, breakLookup, visitEveryNotice } from './support/notices.ts';
import { answer, visitEveryScreen } from './support/screens.ts';
import { showUpdateOffer } from './support/update-offer.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core in the page (evaluated over DevTools, which the app's CSP does not govern): WCAG A/AA and best practice. */
async function violations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }>(
    "axe.run({ runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'] })",
  );
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** No violations, and nothing wider than the screen (320 px: the narrowest phones in use). */
async function expectAccessible(page: Page, screen: string) {
  expect(await violations(page), `${screen}: axe violations`).toEqual([]);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${screen}: fits without sideways scrolling`).toBeLessThanOrEqual(320);
}

test.use({ viewport: { width: 320, height: 740 }, isMobile: true, hasTouch: true });

for (const colorScheme of ['light', 'dark'] as const) {
  for (const language of ['zh-CN', 'en', 'zh-Hant'] as const) {
    test(`every kind of screen passes axe at 320 px (${language}, ${colorScheme})`, async ({ page }) => {
      acceptDialogs(page);
      await page.emulateMedia({ colorScheme });
      await page.goto('/');
      await chooseLanguage(page, language);
      await visitEveryScreen(page, (kind) => expectAccessible(page, kind));
    });
  }
}

test('with text at 200 % every kind of screen still fits 320 px without sideways scrolling', async ({ page }) => {
  acceptDialogs(page);
  await page.goto('/');
  await page.waitForSelector('[data-step="home"]');
  // As a phone's "largest text" setting does: everything sized in rem doubles.
  await page.evaluate(() => {
    document.documentElement.style.fontSize = '200%';
  });
  const fits = async (screen: string) => {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `${screen} at 200 % text`).toBeLessThanOrEqual(320);
  };
  await fits('home');
  await page.click('[data-action="start"]');
  await fits('question');
  await answer(page, 'declined', 'all', 'problem');
  await fits('remedy');
  await answer(page, 'notFixed', 'yes');
  await fits('outcome');
  await page.click('[data-action="summary"]');
  await fits('case summary');
  await page.goBack();
  await page.click('[data-action="menu"]');
  await fits('menu');
});

test('the update offer passes axe at 320 px in every language, light and dark', async ({ page }) => {
  test.setTimeout(120_000);
  const cleanUp = await showUpdateOffer(page);
  try {
    for (const language of ['zh-CN', 'en', 'zh-Hant'] as const) {
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        await chooseLanguage(page, language);
        await expect(page.locator('[data-pwa="update"] [data-action="update"]')).toBeVisible();
        await expectAccessible(page, `update offer (${language}, ${colorScheme})`);
      }
    }
  } finally {
    await cleanUp();
  }
});

test.describe('notices', () => {
  // The broken lookup is made by intercepting its request, which a service worker would answer itself.
  test.use({ serviceWorkers: 'block' });

  for (const language of ['zh-CN', 'en', 'zh-Hant'] as const) {
    test(`every notice and the crash screen pass axe at 320 px, light and dark (${language})`, async ({ page }) => {
      test.setTimeout(120_000);
      acceptDialogs(page);
      await breakLookup(page);
      await allowStorageFailures(page);
      await page.goto('/');
      await chooseLanguage(page, language);
      await visitEveryNotice(page, async (kind) => {
        for (const colorScheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme });
          await expectAccessible(page, `${kind} (${language}, ${colorScheme})`);
        }
      });
    });
  }
});

test('the one-time "ready offline" note passes axe at 320 px, light and dark', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('[data-pwa="offline-ready"]')).toBeVisible({ timeout: 30_000 });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectAccessible(page, `ready offline (${colorScheme})`);
  }
});
