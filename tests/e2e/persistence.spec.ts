import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { stepInfo } from '../../src/domain/diagnosis/steps.ts';
import { acceptDialogs, currentStep, screen, storedRecords } from './support/app.ts';
import { artifactsDir } from './support/paths.ts';

const screenshots = join(artifactsDir, 'screenshots');

/** Starts a guided diagnosis and gives the answers, checking each step as it comes. */
async function answer(page: Page, path: ReadonlyArray<readonly [string, string]>) {
  for (const [step, choice] of path) {
    await expect(screen(page)).toHaveAttribute('data-step', step);
    await screen(page).locator(`[data-answer="${choice}"]`).click();
  }
}

const toNetwork = [
  ['gate.charged', 'declined'],
  ['scope.cards', 'all'],
] as const;

/** Every stored value on the page's origin: localStorage and the records in IndexedDB. */
async function storedValues(page: Page): Promise<Record<string, string>> {
  const local = await page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
  return { ...local, ...(await storedRecords(page)) };
}

const startsWith = (prefix: string) => (keys: string[]) => keys.some((key) => key.startsWith(prefix));

test.beforeEach(({ page }) => acceptDialogs(page));

test('a reload in the middle of a diagnosis offers to continue at the same step, with the same answers', async ({
  page,
}) => {
  await page.goto('/');
  await page.locator('[data-action="start"]').click();
  await answer(page, toNetwork);
  await expect(screen(page)).toHaveAttribute('data-step', 'network.signal');
  await expect(page).toHaveURL(/#\/step\/network\.signal$/);
  await expect.poll(async () => startsWith('tapfix.diagnosis.')(Object.keys(await storedValues(page)))).toBe(true);

  await page.reload();
  await expect(screen(page)).toHaveAttribute('data-step', 'home');
  const offer = page.locator('[data-resume="network.signal"]');
  await expect(offer).toBeVisible();
  // The code the step has today (N-1), as the home screen shows it.
  await expect(offer).toContainText(stepInfo('network.signal').code);
  await offer.locator('[data-action="resume"]').click();

  await expect(screen(page)).toHaveAttribute('data-step', 'network.signal');
  await page.locator('.trail summary').click();
  await expect(page.locator('.trail li')).toHaveCount(2);
  // The restored diagnosis has its history entries back: Back is one step back.
  await page.goBack();
  await expect(screen(page)).toHaveAttribute('data-step', 'scope.cards');
});

test('the browser Back button moves one step back, and to the start from the first step', async ({ page }) => {
  await page.goto('/');
  await page.locator('[data-action="start"]').click();
  await answer(page, toNetwork);
  await expect(screen(page)).toHaveAttribute('data-step', 'network.signal');

  await page.goBack();
  await expect(screen(page)).toHaveAttribute('data-step', 'scope.cards');
  await page.goBack();
  await expect(screen(page)).toHaveAttribute('data-step', 'gate.charged');
  await page.goBack();
  await expect(screen(page)).toHaveAttribute('data-step', 'home');
  expect(await currentStep(page)).toBe('home');
});

test('a #/step/<id> or #/code/<code> address opens that step', async ({ page }) => {
  await page.goto('/#/step/wallet.unlock');
  await expect(screen(page)).toHaveAttribute('data-step', 'wallet.unlock');
  await page.goto('about:blank');
  await page.goto('/#/code/N2');
  await expect(screen(page)).toHaveAttribute('data-step', 'network.fix');
});

test.describe('on a small phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  for (const language of ['zh-CN', 'en', 'zh-Hant'] as const) {
    test(`the new screens fit and keep no card number (${language})`, async ({ page }) => {
      await mkdir(screenshots, { recursive: true });
      let shown = 0;
      const shot = async (name: string) => {
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, `${name} fits 360 px without sideways scrolling`).toBeLessThanOrEqual(360);
        shown += 1;
        const file = `persistence-${language}-${String(shown).padStart(2, '0')}-${name}.png`;
        await page.screenshot({ path: join(screenshots, file), fullPage: true });
      };

      await page.goto('/');
      await page.locator(`[data-lang="${language}"]`).first().click();
      await expect(page.locator('html')).toHaveAttribute('lang', language);

      // Support mode, from the menu.
      await page.locator('[data-action="menu"]').click();
      await expect(page.locator('[data-page="menu"]')).toBeVisible();
      await page.locator('[data-menu="support"]').click();
      await expect(page.locator('[data-menu="support"]')).toHaveAttribute('aria-checked', 'true');
      await shot('menu');
      await page.locator('[data-action="close-page"]').click();

      await page.locator('[data-action="start"]').click();
      await answer(page, toNetwork);
      await expect(page.locator('[data-support="script"]')).toBeVisible();
      // The header keeps one row in support mode too: the toggle, three languages and the menu side by side.
      const tops = await page
        .locator('.top-actions > *')
        .evaluateAll((all) => all.map((element) => Math.round(element.getBoundingClientRect().top)));
      expect(new Set(tops).size, `header rows ${tops.join(', ')}`).toBe(1);
      await shot('support-step');

      // Reload: the offer on the home screen.
      await page.reload();
      await expect(page.locator('[data-resume]')).toBeVisible();
      await shot('resume');
      await page.locator('[data-action="resume"]').click();
      await expect(screen(page)).toHaveAttribute('data-step', 'network.signal');

      // The case summary: a card number in the amount is refused, a 商户号 is kept for sharing.
      await page.locator('[data-action="summary"]').click();
      await expect(page.locator('[data-page="summary"]')).toBeVisible();
      await page.locator('[data-field="merchantId"] input').fill('898906828836075');
      await page.locator('[data-field="terminalId"] input').fill('1234567');
      await page.locator('[data-field="amount"] input').fill('6222 0212 3456 7894');
      await page.locator('[data-field="cardLast4"] input').focus();
      await expect(page.locator('[data-field="amount"] input')).toHaveValue('');
      await expect(page.locator('[data-field="amount"] .field-error')).toBeVisible();
      await expect(page.locator('[data-field="terminalId"] .field-error')).toBeVisible();
      await expect(page.locator('[data-summary="text"]')).toContainText('898906828836075');
      await shot('summary');
      await page.locator('[data-action="share"]').click();
      await expect(page.locator('.share-status')).not.toBeEmpty();
      await shot('summary-shared');

      // To an outcome, then history.
      await page.goBack();
      await expect(screen(page)).toHaveAttribute('data-step', 'network.signal');
      await answer(page, [
        ['network.signal', 'problem'],
        ['network.fix', 'notFixed'],
        ['network.otherDevices', 'yes'],
      ]);
      await expect(screen(page)).toHaveAttribute('data-step', 'done.acquirer');
      await shot('outcome');
      await page.locator('[data-action="menu"]').click();
      await page.locator('[data-menu="history"]').click();
      await expect(page.locator('.history-entry')).toHaveCount(1);
      await shot('history');
      await page.locator('.history-entry .secondary-button').first().click();
      await expect(page.locator('.summary-text')).toBeVisible();
      await shot('history-entry');

      const stored = await storedValues(page);
      expect(startsWith('tapfix.history.')(Object.keys(stored))).toBe(true);
      expect(startsWith('tapfix.diagnosis.')(Object.keys(stored)), 'a finished diagnosis leaves no save').toBe(false);
      for (const [key, value] of Object.entries(stored)) {
        expect(value, key).not.toContain('898906828836075');
        expect(value.replace(/\D/g, ''), key).not.toContain('6222021234567894');
      }
    });
  }
});
