import { expect, test, type Page } from '@playwright/test';
import { stepIds, stepInfo, type StepId } from '../../src/domain/diagnosis/steps.ts';
import { evidenceMessages } from '../../src/domain/lookup/top-messages.ts';
import { chooseLanguage, currentStep, screen, type Language } from './support/app.ts';

/**
 * Screens for a queue (issue 14): at 360×740 an outcome fits 1.5 screens with its details folded, and every
 * question's and remedy's answers start on the first screen. Every step of the registry is opened by its
 * `#/step/<id>` link in one page, so a new step is measured without touching this file; then every screen message
 * and a few keyed codes are picked on the evidence question, as a merchant reaches those steps.
 */
const viewport = { width: 360, height: 740 };
/** 1.5 screens of 740 px. */
const outcomeLimit = 1110;
/** The first answer's top edge must be above the first screen's bottom. */
const answerLimit = viewport.height;

const languages = ['zh-CN', 'en'] as const satisfies readonly Language[];

/** Codes keyed on the evidence question's digits (its messages are all taken): 98 goes through the status check. */
const keyedCodes = ['51', '55', '61', '98'];

test.use({ viewport, isMobile: true, hasTouch: true });

interface Measure {
  step: string;
  kind: string;
  /**
   * Outcomes: the document's height. Questions and remedies: the first answer control's top, from the page top
   * (an answer button; on the evidence question, its keypad or message buttons come first).
   */
  value: number;
  /** Where the sticky nav bar begins on the first screen (it hides what is under it until one scrolls). */
  navTop: number | null;
  limit: number;
}

/** Opens a step by its link (once the address has caught up with the step on screen, so the link is a change). */
async function open(page: Page, step: StepId) {
  await page.waitForFunction(() => {
    const shown = document.querySelector('[data-step]')?.getAttribute('data-step');
    return shown === 'home' || location.hash === `#/step/${shown}`;
  });
  await page.evaluate((target) => {
    location.hash = target;
  }, `#/step/${step}`);
  await expect(screen(page)).toHaveAttribute('data-step', step);
}

/** Measures the step on screen. */
async function measure(page: Page, step: string): Promise<Measure> {
  // The heading takes focus (and may scroll): measure in page coordinates, as if at the top.
  return page.evaluate((id) => {
    const section = document.querySelector(`[data-step="${CSS.escape(id)}"]`);
    const kind = section?.getAttribute('data-kind') ?? '';
    const nav = document.querySelector('.nav-bar');
    const navTop = nav ? Math.round(window.innerHeight - nav.getBoundingClientRect().height) : null;
    if (kind === 'outcome') {
      return { step: id, kind, value: document.documentElement.scrollHeight, navTop, limit: 0 };
    }
    // The first thing to answer with: an answer button, or on the evidence question the code keypad or a message.
    const first = section?.querySelector('[data-answer], [data-key], [data-evidence]');
    const top = first ? Math.round(first.getBoundingClientRect().top + window.scrollY) : Number.POSITIVE_INFINITY;
    return { step: id, kind, value: top, navTop, limit: 0 };
  }, step);
}

function table(language: string, rows: readonly Measure[]): string {
  const lines = rows.map((row) => {
    const what = row.kind === 'outcome' ? 'height' : 'first answer top';
    const mark = row.value > row.limit || (row.kind !== 'outcome' && row.value >= row.limit) ? '  ✗ OVER' : '';
    return `  ${row.step.padEnd(38)} ${row.kind.padEnd(9)} ${what.padEnd(17)} ${String(row.value).padStart(5)} px  (limit ${row.limit})${mark}`;
  });
  return [`screen fit at 360×740, ${language}:`, ...lines].join('\n');
}

for (const language of languages) {
  test(`every outcome fits 1.5 screens and every answer starts on the first screen (${language})`, async ({ page }) => {
    // The one-time "ready offline" notice is measured by the notices' own tests: keep it out of these figures.
    await page.addInitScript(() => localStorage.setItem('tapfix.offlineReadyShown', '1'));
    await page.goto('/');
    await chooseLanguage(page, language);
    const rows: Measure[] = [];

    // The code card is reached from a code typed on home: its step needs the code.
    await page.fill('input[type="search"]', '51');
    await page.press('input[type="search"]', 'Enter');
    await expect(screen(page)).toHaveAttribute('data-kind', 'code');
    await expect(page.locator('.code-card')).toBeVisible();
    rows.push({ ...(await measure(page, 'lookup.code')), limit: answerLimit });

    for (const id of stepIds.filter((s: StepId) => s !== 'lookup.code')) {
      const outcome = stepInfo(id).kind === 'outcome';
      await open(page, id);
      const row = await measure(page, id);
      rows.push({ ...row, limit: outcome ? outcomeLimit : answerLimit });
    }
    // The same steps as the evidence question opens them, with the line saying what was read from the screen.
    const evidence: Array<{ label: string; pick: () => Promise<void> }> = [
      ...evidenceMessages.map((id) => ({
        label: id,
        pick: () => screen(page).locator(`[data-evidence="${id}"]`).click(),
      })),
      ...keyedCodes.map((code) => ({
        label: code,
        pick: async () => {
          for (const key of code) await screen(page).locator(`[data-key="${key}"]`).click();
          await screen(page).locator('[data-action="code-ok"]').click();
        },
      })),
    ];
    for (const { label, pick } of evidence) {
      await open(page, 'scope.cards');
      await pick();
      await expect(screen(page)).not.toHaveAttribute('data-step', 'scope.cards');
      const step = (await currentStep(page)) ?? '';
      const row = await measure(page, step);
      rows.push({ ...row, step: `${label} → ${step}`, limit: row.kind === 'outcome' ? outcomeLimit : answerLimit });
    }
    console.log(table(language, rows));

    const over = rows.filter((row) => (row.kind === 'outcome' ? row.value > row.limit : row.value >= row.limit));
    expect(
      over.map((row) => `${row.step} ${row.value}px`),
      'outcomes over 1110 px tall, or answers starting below the first screen',
    ).toEqual([]);
  });
}

/** Buttons among `targets` whose box the notice's box overlaps, as laid out on the first screen. */
async function coveredBy(page: Page, notice: string, targets: string): Promise<string[]> {
  return page.evaluate(
    ([noticeSelector, targetSelector]) => {
      window.scrollTo(0, 0);
      const box = document.querySelector(noticeSelector)?.getBoundingClientRect();
      if (!box) return ['(no notice)'];
      return [...document.querySelectorAll<HTMLElement>(targetSelector)]
        .filter((target) => {
          const other = target.getBoundingClientRect();
          return box.left < other.right && other.left < box.right && box.top < other.bottom && other.top < box.bottom;
        })
        .map((target) => target.getAttribute('data-answer') ?? target.getAttribute('data-action') ?? target.tagName);
    },
    [notice, targets] as const,
  );
}

test('the one-time "ready offline" note covers neither the start button nor any answer', async ({ page }) => {
  await page.goto('/');
  // A first visit: the note comes once the service worker has cached the app.
  const note = page.locator('[data-pwa="offline-ready"]');
  await expect(note).toBeVisible({ timeout: 30_000 });
  expect(await coveredBy(page, '[data-pwa="offline-ready"]', '[data-action="start"], [data-message]')).toEqual([]);
  for (const step of ['gate.charged', 'network.fix', 'done.issuer'] as const) {
    await open(page, step);
    await expect(note, `the note is still up on ${step}`).toBeVisible();
    expect(await coveredBy(page, '[data-pwa="offline-ready"]', '[data-step] button'), step).toEqual([]);
  }
});
