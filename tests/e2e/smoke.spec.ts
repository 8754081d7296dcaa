import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { acceptDialogs, chooseLanguage, guidedOutcome, walkDiagnosis, type Language } from './support/app.ts';
import { artifactsDir } from './support/paths.ts';

const screenshots = join(artifactsDir, 'screenshots');

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

for (const language of ['zh-CN', 'en'] as const satisfies readonly Language[]) {
  test(`a merchant on a small phone walks a diagnosis to its outcome (${language})`, async ({ page }) => {
    acceptDialogs(page);
    await mkdir(screenshots, { recursive: true });
    await page.goto('/');
    await chooseLanguage(page, language);

    let shown = 0;
    const outcome = await walkDiagnosis(page, async (step) => {
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `${step} fits 360 px without sideways scrolling`).toBeLessThanOrEqual(360);
      shown += 1;
      const name = `${language}-${String(shown).padStart(2, '0')}-${step}.png`;
      await page.screenshot({ path: join(screenshots, name), fullPage: true });
    });

    expect(outcome).toBe(guidedOutcome);
  });
}
