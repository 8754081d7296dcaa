import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { acceptDialogs, chooseLanguage, type Language } from './support/app.ts';
import { artifactsDir } from './support/paths.ts';
import { visitEveryScreen } from './support/screens.ts';
import { showUpdateOffer } from './support/update-offer.ts';

/** <lang>-<theme>-<screen>.png for every kind of screen: to look at, not to compare (tests/e2e/.artifacts is ignored). */
const gallery = join(artifactsDir, 'gallery');

const languages = ['zh-CN', 'en'] as const satisfies readonly Language[];
const themes = ['light', 'dark'] as const;
type Theme = (typeof themes)[number];

/**
 * The whole page at phone width, after checking it needs no sideways scrolling. The window is stretched to the
 * page's height for the picture: a full-page capture of a 740 px window would paint the sticky nav bar mid-page.
 */
async function shoot(page: Page, language: Language, theme: Theme, screen: string) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${screen} fits 360 px without sideways scrolling`).toBeLessThanOrEqual(360);
  const viewport = page.viewportSize() ?? { width: 360, height: 740 };
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.max(height, viewport.height) });
  const path = join(gallery, `${language}-${theme}-${screen}.png`);
  await page.screenshot({ path, animations: 'disabled' });
  await page.setViewportSize(viewport);
}

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

test.beforeEach(async ({ page }) => {
  acceptDialogs(page);
  await mkdir(gallery, { recursive: true });
  // The one-time "ready offline" notice comes whenever the worker finishes caching: keep it out of the pictures.
  await page.addInitScript(() => localStorage.setItem('tapfix.offlineReadyShown', '1'));
});

for (const language of languages) {
  for (const theme of themes) {
    test(`a picture of every kind of screen (${language}, ${theme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.goto('/');
      await chooseLanguage(page, language);
      await visitEveryScreen(page, (kind) => shoot(page, language, theme, kind));
    });
  }
}

test('a picture of the update offer in every language and theme', async ({ page }) => {
  test.setTimeout(120_000);
  const cleanUp = await showUpdateOffer(page);
  try {
    for (const language of languages) {
      for (const theme of themes) {
        await page.emulateMedia({ colorScheme: theme });
        await chooseLanguage(page, language);
        await expect(page.locator('[data-pwa="update"] [data-action="update"]')).toBeVisible();
        await shoot(page, language, theme, 'update');
      }
    }
  } finally {
    await cleanUp();
  }
});
