// The home screen is built into index.html (vite.config.ts, src/app/prerender.tsx): it paints before any script,
// the app then takes it over without a mismatch, and no visit shows it when it is the wrong screen.
import { expect, test, type Page } from '@playwright/test';
import { screen } from './support/app.ts';
import { watchForProblems } from './support/problems.ts';

/** Holds the app's main script back, as a slow network would, so the page sits on the prerendered markup. */
async function delayAppScript(page: Page, ms: number) {
  await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    await route.continue();
  });
}

// Delays must reach the page: no service worker answering from its cache.
test.use({ serviceWorkers: 'block' });

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the home screen is already in the page: heading, search, common messages, start', async ({ page }) => {
    await page.goto('/');
    // Every language's home is in the page; without the boot script <html lang> stays zh-CN, so that one shows.
    await expect(page.locator('h1:visible')).toHaveText('挥卡交易失败了？');
    await expect(page.getByRole('searchbox')).toBeVisible();
    await expect(page.locator('[data-message]:visible')).toHaveCount(8);
    await expect(page.locator('[data-action="start"]:visible')).toHaveCount(1);
  });
});

test('the app takes the prerendered home over without a mismatch, and a tap made before is not lost', async ({
  page,
}) => {
  const problems = await watchForProblems(page);
  await delayAppScript(page, 1500);
  await page.goto('/', { waitUntil: 'commit' });
  const start = page.locator('[data-action="start"]');
  await expect(start).toBeVisible();
  expect(await page.evaluate(() => window.tapfixEarlyTaps?.listening), 'the app has not started yet').toBe(true);
  // A raw tap where the button is: nothing answers it yet.
  const box = await start.boundingBox();
  await page.mouse.click((box?.x ?? 0) + 24, (box?.y ?? 0) + 24);

  await expect(screen(page)).toHaveAttribute('data-step', 'gate.charged');
  await expect(page.locator('h1')).toBeFocused();
  expect(problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
});

test('a tap made after the app script has run, while it builds the machine and waits for its content, is kept', async ({
  page,
}) => {
  const problems = await watchForProblems(page);
  // The entry arrives at once; the start content (which the app awaits, next to building the machine) comes late.
  await page.route(/\/assets\/content-zh-CN-[\w-]+\.js$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 4000));
    await route.continue();
  });
  await page.goto('/', { waitUntil: 'commit' });
  const start = page.locator('[data-action="start"]');
  await expect(start).toBeVisible();
  // The entry has been fetched (and, a second later, evaluated: tens of milliseconds here) but cannot start yet.
  await expect
    .poll(() => page.evaluate(() => performance.getEntriesByType('resource').some((r) => /\/index-/.test(r.name))))
    .toBe(true);
  await page.waitForTimeout(1000);
  expect(await page.evaluate(() => window.tapfixEarlyTaps?.listening), 'the app has not started yet').toBe(true);
  const box = await start.boundingBox();
  await page.mouse.click((box?.x ?? 0) + 24, (box?.y ?? 0) + 24);

  await expect(screen(page)).toHaveAttribute('data-step', 'gate.charged', { timeout: 15_000 });
  expect(problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
});

test('a search typed and sent before the app starts is carried out once it answers, with the typed text', async ({
  page,
}) => {
  const problems = await watchForProblems(page);
  await delayAppScript(page, 1500);
  await page.goto('/', { waitUntil: 'commit' });
  const search = page.getByRole('searchbox');
  await expect(search).toBeVisible();
  expect(await page.evaluate(() => window.tapfixEarlyTaps?.listening), 'the app has not started yet').toBe(true);
  // A mark only this page load carries: a native submit (a reload or a navigation) would lose it.
  await page.evaluate(() => document.documentElement.setAttribute('data-test-page', 'first'));
  await search.fill('应答码51');
  await search.press('Enter');
  expect(await page.evaluate(() => window.tapfixEarlyTaps?.listening), 'sent to the prerendered form').toBe(true);

  await expect(screen(page)).toHaveAttribute('data-step', 'lookup.code', { timeout: 15_000 });
  await expect(page.locator('h1')).toContainText('51');
  await expect(page.locator('html')).toHaveAttribute('data-test-page', 'first');
  expect(problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
});

for (const { locale, lang, title } of [
  { locale: 'en-US', lang: 'en', title: 'Card tap failed?' },
  { locale: 'zh-TW', lang: 'zh-Hant', title: '感應付款失敗了？' },
]) {
  test(`a ${locale} phone sees its own home before any script, and the app takes it over`, async ({ browser }) => {
    const context = await browser.newContext({ locale, serviceWorkers: 'block' });
    const page = await context.newPage();
    const problems = await watchForProblems(page);
    await delayAppScript(page, 1500);
    await page.goto('/', { waitUntil: 'commit' });
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.locator('h1:visible')).toHaveText(title);
    expect(await page.evaluate(() => window.tapfixEarlyTaps?.listening), 'the app has not started yet').toBe(true);
    await expect(page.locator('[data-action="start"]:visible')).toHaveCount(1);

    // Once started, only this language's home is left, hydrated: it answers, and switching language works.
    await expect.poll(() => page.evaluate(() => window.tapfixEarlyTaps?.listening), { timeout: 15_000 }).toBe(false);
    await expect(page.locator('h1')).toHaveCount(1);
    await page.locator('[data-lang="zh-CN"]').click();
    await expect(page.locator('h1')).toHaveText('挥卡交易失败了？');
    await page.locator('[data-action="start"]').click();
    await expect(screen(page)).toHaveAttribute('data-step', 'gate.charged');
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
    await context.close();
  });
}

test('with a diagnosis saved, the prerendered home stays hidden and home offers to continue', async ({ page }) => {
  await page.goto('/');
  await page.locator('[data-action="start"]').click();
  await expect(screen(page)).toHaveAttribute('data-step', 'gate.charged');
  await delayAppScript(page, 1000);
  await page.goto('/', { waitUntil: 'commit' });
  await expect(page.locator('html')).toHaveAttribute('data-prerender-stale', '');
  await expect(page.locator('[data-action="start"]')).toBeHidden();
  await expect(page.locator('[data-action="resume"]')).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('html')).not.toHaveAttribute('data-prerender-stale', '');
});
