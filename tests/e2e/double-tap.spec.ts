import { expect, test, type Page } from '@playwright/test';
import { screen } from './support/app.ts';

// S9: a fast double tap on an answer answers that question only. The path asks every kind of step: the charged
// question, scope, a question, a remedy with a retry (each answer sits where the next step has an answer too).
const path = [
  ['gate.charged', 'declined'],
  ['scope.cards', 'one'],
  ['wallet.device', 'card'],
  ['reading.placement', 'fixed'],
] as const;

/** The centre of an answer button, where a thumb lands twice. */
async function centreOf(page: Page, answer: string) {
  const button = screen(page).locator(`[data-answer="${answer}"]`);
  // Below the evidence question's keypad and messages the blank-screen answers need a scroll, as a thumb gives.
  await button.scrollIntoViewIfNeeded();
  const box = await button.boundingBox();
  if (!box) throw new Error(`no answer ${answer} on screen`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

async function start(page: Page) {
  await page.goto('/');
  await expect(screen(page)).toHaveAttribute('data-step', 'home');
  await page.locator('[data-action="start"]').click();
}

test.describe('a double tap answers once (S9)', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('with a mouse: a double click on every answer moves exactly one step', async ({ page }) => {
    await start(page);
    for (const [step, answer] of path) {
      await expect(screen(page)).toHaveAttribute('data-step', step);
      const { x, y } = await centreOf(page, answer);
      await page.mouse.dblclick(x, y);
      const next = path[path.findIndex(([s]) => s === step) + 1]?.[0] ?? 'done.resolved';
      await expect(screen(page)).toHaveAttribute('data-step', next);
    }
    // The trail lists its answers once opened.
    await page.locator('.trail summary').click();
    const trail = await page.locator('.trail li').count();
    expect(trail).toBeGreaterThan(0);
    expect(trail).toBeLessThanOrEqual(path.length);
  });

  for (const gap of [30]) {
    test(`with a finger: two taps ${gap} ms apart on every answer move exactly one step`, async ({ browser }) => {
      const context = await browser.newContext({
        hasTouch: true,
        isMobile: true,
        viewport: { width: 360, height: 740 },
      });
      const page = await context.newPage();
      await start(page);
      for (const [index, [step, answer]] of path.entries()) {
        await expect(screen(page)).toHaveAttribute('data-step', step);
        // A merchant reads the question first: the browser's double-tap window from the last tap has passed.
        await page.waitForTimeout(600);
        const { x, y } = await centreOf(page, answer);
        await page.touchscreen.tap(x, y);
        await page.waitForTimeout(gap);
        await page.touchscreen.tap(x, y);
        const next = path[index + 1]?.[0] ?? 'done.resolved';
        await expect(screen(page)).toHaveAttribute('data-step', next);
      }
      await context.close();
    });
  }
});
