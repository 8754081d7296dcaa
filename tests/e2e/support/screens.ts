import { expect, type Page } from '@playwright/test';
import { screen } from './app.ts';

/** Every kind of screen the app shows in the page itself (the update offer needs a second version: see update-offer.ts). */
export const screenKinds = [
  'home',
  'code-card',
  'question',
  'remedy',
  'outcome',
  'summary',
  'menu',
  'history',
  'flow-map',
  'about',
  'support-step',
  'resume',
] as const;

export type ScreenKind = (typeof screenKinds)[number];

/** Gives the answers in order on whatever steps they land. */
export async function answer(page: Page, ...answers: string[]) {
  for (const id of answers) await screen(page).locator(`[data-answer="${id}"]`).click();
}

/**
 * One tour through every kind of screen from a fresh home screen, in the language already chosen; onScreen runs
 * once per kind, when that screen is showing. Leaves support mode on and the resume offer on home. Window
 * dialogs (restart?) must be accepted (acceptDialogs).
 */
export async function visitEveryScreen(page: Page, onScreen: (kind: ScreenKind) => Promise<void>) {
  await expect(screen(page)).toHaveAttribute('data-step', 'home');
  await onScreen('home');

  await page.fill('input[type="search"]', '51');
  await page.press('input[type="search"]', 'Enter');
  await expect(page.locator('.code-card')).toBeVisible();
  await onScreen('code-card');
  await page.click('[data-action="restart"]');

  await page.click('[data-action="start"]');
  await expect(screen(page)).toHaveAttribute('data-step', 'gate.charged');
  await onScreen('question');
  await answer(page, 'declined', 'all', 'problem');
  await expect(screen(page)).toHaveAttribute('data-kind', 'remedy');
  await onScreen('remedy');
  await answer(page, 'notFixed', 'yes');
  await expect(screen(page)).toHaveAttribute('data-step', 'done.acquirer');
  await onScreen('outcome');

  await page.click('[data-action="summary"]');
  await expect(page.locator('[data-page="summary"]')).toBeVisible();
  await onScreen('summary');
  await page.goBack();

  await page.click('[data-action="menu"]');
  await expect(page.locator('[data-page="menu"]')).toBeVisible();
  await onScreen('menu');
  await page.click('[data-menu="support"]');
  await page.click('[data-menu="history"]');
  await expect(page.locator('[data-page="history"]')).toBeVisible();
  await onScreen('history');
  await page.goBack();
  await page.click('[data-action="menu"]');
  await page.click('[data-menu="map"]');
  await expect(page.locator('[data-page="map"]')).toBeVisible();
  await onScreen('flow-map');
  await page.goBack();
  await page.click('[data-action="menu"]');
  await page.click('[data-menu="about"]');
  await expect(page.locator('[data-page="about"]')).toBeVisible();
  await onScreen('about');
  await page.goBack();

  await page.click('[data-action="new"]');
  await page.click('[data-action="start"]');
  await expect(page.locator('[data-support="script"]')).toBeVisible();
  await onScreen('support-step');

  // A reload mid-diagnosis offers to continue on the home screen.
  await page.reload();
  await expect(page.locator('[data-resume]')).toBeVisible();
  await onScreen('resume');
}
