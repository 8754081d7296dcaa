import { expect, test, type Page } from '@playwright/test';
import { acceptDialogs, chooseLanguage, screen, walkDiagnosis } from './support/app.ts';
import { cumulativeLayoutShift, layoutShifts, now, recordLayoutShifts } from './support/layout-shift.ts';

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

test.beforeEach(async ({ page }) => {
  acceptDialogs(page);
  await recordLayoutShifts(page);
});

/** Past the 500 ms after a tap in which the browser forgives a shift: a late one then counts. */
const pastInputWindow = (page: Page) => page.waitForTimeout(600);

test('the home screen loads without a layout shift, the "ready offline" notice included', async ({ page }) => {
  await page.goto('/');
  await expect(screen(page)).toHaveAttribute('data-step', 'home');
  // A first visit: the notice comes once the worker has cached the app, seconds after the first paint.
  await expect(page.locator('[data-pwa="offline-ready"]')).toBeVisible({ timeout: 30_000 });
  await pastInputWindow(page);
  const shifts = await layoutShifts(page);
  console.log(`home load: CLS ${cumulativeLayoutShift(shifts)}; ${JSON.stringify(shifts)}`);
  expect(shifts, 'layout shifts while home loads').toEqual([]);
});

for (const language of ['zh-CN', 'en'] as const) {
  test(`no step change shifts the layout, home to outcome and from a response code (${language})`, async ({ page }) => {
    await page.goto('/');
    await chooseLanguage(page, language);
    // Switching the language rewrites every text: it may move things, and is left out.
    await pastInputWindow(page);
    const since = await now(page);

    await walkDiagnosis(page, () => pastInputWindow(page));
    await page.click('[data-action="new"]');
    await page.fill('input[type="search"]', '51');
    await page.press('input[type="search"]', 'Enter');
    await expect(page.locator('.code-card')).toBeVisible();
    await pastInputWindow(page);
    await screen(page).locator('[data-answer]').first().click();
    await expect(screen(page)).not.toHaveAttribute('data-kind', 'code');
    await pastInputWindow(page);

    const shifts = await layoutShifts(page, since);
    console.log(`steps (${language}): CLS ${cumulativeLayoutShift(shifts)}; ${JSON.stringify(shifts)}`);
    expect(cumulativeLayoutShift(shifts), 'CLS over the steps').toBe(0);
    // The "ready offline" note follows the step in the page's flow (so it covers no answer): right after a tap it
    // moves with the end of the new step, below the answers and never under the finger. Nothing else may move.
    const stepShifts = shifts.filter(
      (shift) => !(shift.hadRecentInput && shift.sources.every((source) => /^(div|section|p)\.pwa-/.test(source))),
    );
    expect(stepShifts, 'no shift at all, not even right after a tap').toEqual([]);
  });
}
