import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
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

/** The nav bar's height at the foot of the screen (48px buttons, 1rem padding, 1px border). */
const navBar = 48 + 16 + 1;

/**
 * Every answer of the step on screen can be clicked where it is: above the nav bar and not under anything else, a
 * status chip (offline, first visit) included. Only a one-time notice with buttons (offline ready, update) may sit
 * over the step until it is dismissed, as on every screen (pwa-notices.css).
 */
async function answersOnFirstScreen(page: Page, height: number) {
  const answers = screen(page).locator('[data-answer]');
  expect(await answers.count()).toBeGreaterThan(0);
  const places = await answers.evaluateAll((buttons) =>
    buttons.map((button) => {
      const box = button.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      // The notices' holder spans the screen's width: what it holds decides (a chip alone may cover nothing).
      const reachable = button.contains(hit) || Boolean(hit?.closest('.pwa-notices')?.querySelector('.pwa-notice'));
      return { bottom: box.bottom, reachable, over: reachable ? '' : (hit?.outerHTML.slice(0, 160) ?? 'nothing') };
    }),
  );
  for (const { bottom, reachable, over } of places) {
    expect(bottom).toBeLessThanOrEqual(height - navBar);
    expect(reachable, `an answer is under ${over}`).toBe(true);
  }
}

/** Presses Tab until `target` has the focus, as a keyboard user gets there. */
async function tabTo(page: Page, target: Locator, most = 40) {
  for (let i = 0; i < most; i += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
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

  test('keyboard only from the first question to the outcome: a code jump, the case fields and the note at the desk', async ({
    page,
    context,
  }) => {
    acceptDialogs(page);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openDesk(page);
    await tabTo(page, page.locator('[data-action="start"]'));
    await page.keyboard.press('Enter');
    await expect(screen(page)).toHaveAttribute('data-step', 'gate.charged');
    await answersOnFirstScreen(page, 800);
    // Three columns: the step, the script beside its answers, the caller's case beside the script.
    await expect(page.locator('.support-say')).toBeVisible();
    const caseBox = page.locator('[data-support="case"]');
    await expect(caseBox).toBeVisible();
    const answer = await screen(page).locator('[data-answer]').first().boundingBox();
    const script = await page.locator('.support-box').boundingBox();
    const details = await caseBox.boundingBox();
    expect(script!.x).toBeGreaterThan(answer!.x + answer!.width - 1);
    expect(details!.x).toBeGreaterThan(script!.x + script!.width - 1);

    await page.keyboard.press('1');
    await expect(screen(page)).toHaveAttribute('data-step', 'scope.cards');
    await page.keyboard.press('/');
    await page.keyboard.type('N-2');
    await page.keyboard.press('Enter');
    await expect(screen(page)).toHaveAttribute('data-step', 'network.fix');
    await expect(page.locator('.support-box [data-trail="jump"]')).toBeVisible();
    await answersOnFirstScreen(page, 800);

    // The caller reads out the terminal's numbers, then a whole card number by mistake.
    const field = (name: string) => caseBox.locator(`[data-field="${name}"] input`);
    await tabTo(page, field('merchantId'));
    await page.keyboard.type('898906828836075');
    await page.keyboard.press('Tab');
    await page.keyboard.type('12345678');
    await tabTo(page, field('reference'));
    await page.keyboard.type('6222 0212 3456 7894');
    await page.keyboard.press('Tab');
    await expect(field('reference')).toHaveValue('');
    await expect(caseBox.locator('[data-field="reference"] .field-error')).toBeVisible();
    await tabTo(page, caseBox.locator('textarea'));
    await page.keyboard.type('Caller read out 6222 0212 3456 7894 by mistake');
    await page.keyboard.press('Tab');
    await expect(caseBox.locator('textarea')).not.toHaveValue(/6222/);
    // Every answer is still in reach after all that typing.
    await answersOnFirstScreen(page, 800);

    await page.keyboard.press('1');
    await expect(screen(page)).toHaveAttribute('data-step', 'done.resolved');
    // A POS company's agent is that hotline: the script does not send the caller to the sticker's number.
    await expect(page.locator('.support-say')).not.toContainText('贴');
    await expect(field('merchantId')).toHaveValue('898906828836075');

    await tabTo(page, screen(page).locator('[data-action="summary"]'));
    await page.keyboard.press('Enter');
    const summary = page.locator('[data-summary="text"]');
    await expect(summary).toContainText('N-2');
    await expect(summary).toContainText('898906828836075');
    await expect(summary).toContainText('12345678');
    await expect(summary).toContainText('Caller read out');
    await expect(summary).not.toContainText('7894');
    await tabTo(page, page.locator('[data-action="copy-ticket"]'));
    await page.keyboard.press('Enter');
    await expect(page.locator('.ticket [role="status"]')).toBeVisible();
    const ticket = await page.evaluate(() => navigator.clipboard.readText());
    expect(ticket).toContain('898906828836075');
    expect(ticket).toContain('Caller read out');
    expect(ticket).not.toMatch(/6222|7894/);
    expect(await page.locator('body').innerText()).not.toMatch(/6222 ?0212|3456 ?7894/);
  });

  for (const language of ['zh-CN', 'en'] as const) {
    test(`desk layout passes axe in both themes (${language}) and is photographed`, async ({ page }) => {
      acceptDialogs(page);
      await openDesk(page);
      await chooseLanguage(page, language);
      await page.locator('[data-action="start"]').click();
      await page.keyboard.press('1');
      await expect(screen(page)).toHaveAttribute('data-step', 'scope.cards');
      await expect(page.locator('[data-support="case"]')).toBeVisible();
      mkdirSync(shots, { recursive: true });
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        expect(await violations(page), `${language} ${colorScheme}`).toEqual([]);
        await page.screenshot({ path: join(shots, `desk-${language}-${colorScheme}.png`) });
      }
      // An outcome with a refused field: the error and the seat's own text pass too.
      await page.locator('[data-field="amount"] input').fill('6222021234567894');
      await page.locator('[data-field="amount"] input').blur();
      await page.keyboard.press('/');
      await page.keyboard.type('E1');
      await page.keyboard.press('Enter');
      await expect(screen(page)).toHaveAttribute('data-step', 'done.resolved');
      await expect(page.locator('[data-field="amount"] .field-error')).toBeVisible();
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        expect(await violations(page), `${language} ${colorScheme} outcome`).toEqual([]);
      }
      await page.emulateMedia({ colorScheme: 'light' });
      await page.screenshot({ path: join(shots, `desk-outcome-${language}.png`) });
    });
  }
});

test.describe('support mode on a phone (360×740)', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test('shows the answers on the first screen, the script folded under them', async ({ page }) => {
    acceptDialogs(page);
    // In every page load, every change to the page: a support box without its script would be a flash of missing
    // text (the scripts are not start content: a start in support mode waits for them).
    await page.addInitScript(() => {
      const seen = window as unknown as { boxWithoutScript: number };
      seen.boxWithoutScript = 0;
      new MutationObserver(() => {
        const box = document.querySelector('[data-support="script"]');
        if (box && !box.querySelector('.support-say')) seen.boxWithoutScript += 1;
      }).observe(document, { childList: true, subtree: true });
    });
    await openDesk(page);
    await page.locator('[data-action="start"]').click();
    await expect(screen(page)).toHaveAttribute('data-step', 'gate.charged');
    await answersOnFirstScreen(page, 740);
    await expect(page.locator('.support-say')).toBeHidden();
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, 'phone-zh-CN.png') });

    // A link to a step, opened in support mode (a new page load): the step's first frame already has its script.
    await page.goto('about:blank');
    await page.goto('/#/step/network.fix');
    await expect(screen(page)).toHaveAttribute('data-step', 'network.fix');
    await expect(page.locator('.support-say')).toBeAttached();
    expect(await page.evaluate(() => (window as unknown as { boxWithoutScript: number }).boxWithoutScript)).toBe(0);
  });
});
