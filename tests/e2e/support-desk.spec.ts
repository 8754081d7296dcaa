import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { acceptDialogs, chooseLanguage, screen } from './support/app.ts';
import { artifactsDir } from './support/paths.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const shots = join(artifactsDir, 'support');

async function violations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }>(
    "axe.run({ runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'] })",
  );
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Every answer of the step on screen lies inside the viewport: reachable without scrolling. */
async function answersOnFirstScreen(page: Page, height: number) {
  const answers = screen(page).locator('[data-answer]');
  expect(await answers.count()).toBeGreaterThan(0);
  for (const box of await answers.evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect().bottom))) {
    expect(box).toBeLessThanOrEqual(height);
  }
}

/** A bookmarked #/support link, with the seat already chosen once (kept in the browser's real storage). */
async function openDesk(page: Page, seat = 'acquirer') {
  await page.goto('/#/support');
  // The link's choice is kept once the app has started.
  await expect(page.locator('[data-action="support"]')).toHaveAttribute('aria-pressed', 'true');
  await page.evaluate((value) => localStorage.setItem('tapfix.support.seat', value), seat);
  await page.goto('/');
  await expect(page.locator('[data-action="support"]')).toHaveAttribute('aria-pressed', 'true');
}

test.describe('support mode at a desk (1280×800)', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('keyboard only from the first question to the outcome, with a code jump and a note', async ({ page }) => {
    acceptDialogs(page);
    await openDesk(page);
    await page.locator('[data-action="start"]').focus();
    await page.keyboard.press('Enter');
    await expect(screen(page)).toHaveAttribute('data-step', 'gate.charged');
    await answersOnFirstScreen(page, 800);
    // The script sits beside the answers, open.
    await expect(page.locator('.support-say')).toBeVisible();
    const script = await page.locator('.support-box').boundingBox();
    const answer = await screen(page).locator('[data-answer]').first().boundingBox();
    expect(script!.x).toBeGreaterThan(answer!.x + answer!.width - 1);

    await page.keyboard.press('1');
    await expect(screen(page)).toHaveAttribute('data-step', 'scope.cards');
    await page.keyboard.press('/');
    await page.keyboard.type('N-2');
    await page.keyboard.press('Enter');
    await expect(screen(page)).toHaveAttribute('data-step', 'network.fix');
    await expect(page.locator('[data-trail="jump"]')).toBeVisible();
    await answersOnFirstScreen(page, 800);

    await page.locator('.support-note textarea').focus();
    await page.keyboard.type('Caller read out 6222 0212 3456 7894 by mistake');
    await page.keyboard.press('Tab');
    await expect(page.locator('.support-note textarea')).not.toHaveValue(/6222/);
    await page.keyboard.press('1');
    await expect(screen(page)).toHaveAttribute('data-step', 'done.resolved');

    await page.locator('[data-action="summary"]').focus();
    await page.keyboard.press('Enter');
    const summary = page.locator('[data-summary="text"]');
    await expect(summary).toContainText('N-2');
    await expect(summary).toContainText('Caller read out');
    await expect(summary).not.toContainText('7894');
    await expect(page.locator('[data-summary="ticket"]')).toContainText('Caller read out');
  });

  for (const language of ['zh-CN', 'en'] as const) {
    test(`desk layout passes axe in both themes (${language}) and is photographed`, async ({ page }) => {
      acceptDialogs(page);
      await openDesk(page);
      await chooseLanguage(page, language);
      await page.locator('[data-action="start"]').click();
      await page.keyboard.press('1');
      await expect(screen(page)).toHaveAttribute('data-step', 'scope.cards');
      mkdirSync(shots, { recursive: true });
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        expect(await violations(page), `${language} ${colorScheme}`).toEqual([]);
        await page.screenshot({ path: join(shots, `desk-${language}-${colorScheme}.png`) });
      }
    });
  }
});

test.describe('support mode on a phone (360×740)', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test('shows the answers on the first screen, the script folded under them', async ({ page }) => {
    acceptDialogs(page);
    await openDesk(page);
    await page.locator('[data-action="start"]').click();
    await expect(screen(page)).toHaveAttribute('data-step', 'gate.charged');
    await answersOnFirstScreen(page, 740);
    await expect(page.locator('.support-say')).toBeHidden();
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, 'phone-zh-CN.png') });
  });
});
