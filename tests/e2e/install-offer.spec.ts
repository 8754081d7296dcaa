// The install offer in real Chromium: the browser's own prompt event (dispatched here, as Chrome would once the
// app is installable), and the guide an in-app browser gets instead.
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { guidedOutcome, screen, walkDiagnosis } from './support/app.ts';
import { artifactsDir } from './support/paths.ts';
import { watchForProblems } from './support/problems.ts';

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

/** What Chrome fires once the app can be installed; prompt() records that the app opened it. */
async function offerInstallPrompt(page: Page) {
  await page.evaluate(() => {
    const event = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
      prompt: async () => {
        (window as unknown as { tapfixPrompted?: boolean }).tapfixPrompted = true;
      },
      userChoice: Promise.resolve({ outcome: 'accepted', platform: 'web' }),
    });
    window.dispatchEvent(event);
  });
}

/** Whether two elements' boxes overlap on screen. */
async function overlaps(a: Locator, b: Locator): Promise<boolean> {
  const [one, two] = await Promise.all([a.boundingBox(), b.boundingBox()]);
  if (!one || !two) return false;
  return (
    one.x < two.x + two.width && two.x < one.x + one.width && one.y < two.y + two.height && two.y < one.y + one.height
  );
}

test('the browser prompt is offered after a finished diagnosis, never during one, and never over an answer', async ({
  page,
}) => {
  const problems = await watchForProblems(page);
  await page.goto('/');
  await expect(screen(page)).toHaveAttribute('data-step', 'home');
  await offerInstallPrompt(page);
  const offer = page.locator('[data-install]');

  const outcome = await walkDiagnosis(page, async (step) => {
    if (step.startsWith('done.')) return;
    // Chrome may fire its event at any moment: mid-diagnosis it is kept, not shown.
    if (step !== 'home') await offerInstallPrompt(page);
    await expect(offer, `no offer on ${step}`).toHaveCount(0);
  });
  expect(outcome).toBe(guidedOutcome);

  await expect(offer).toHaveAttribute('data-install', 'prompt');
  await expect(offer.getByRole('heading')).toHaveText('添加到主屏幕，没网也能用');
  await offer.scrollIntoViewIfNeeded();
  for (const button of await page.locator('[data-step] button:visible').all()) {
    const name = (await button.getAttribute('data-action')) ?? (await button.textContent());
    expect(await overlaps(offer, button), `the offer covers no button of the outcome (${name})`).toBe(false);
  }
  await page.screenshot({ path: join(artifactsDir, 'install', 'offer-prompt-zh-CN.png'), fullPage: true });

  await offer.locator('[data-action="install"]').click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { tapfixPrompted?: boolean }).tapfixPrompted))
    .toBe(true);
  await expect(offer).toHaveCount(0);
  expect(problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [] });
});

test('in WeChat the merchant is told to open the app in the system browser, in their language', async ({ browser }) => {
  const wechat =
    'Mozilla/5.0 (Linux; Android 13; V2227A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) ' +
    'Version/4.0 Chrome/111.0.5563.116 Mobile Safari/537.36 XWEB/1110005 MMWEBSDK/20231202 MMWEBID/2247 ' +
    'MicroMessenger/8.0.47.2560(0x28002F35) WeChat/arm64 Weixin NetType/4G Language/zh_CN ABI/arm64';
  for (const [locale, words] of [
    ['zh-CN', '右上角 ··· ，选「在浏览器打开」'],
    ['en-US', 'Tap ··· at the top right, choose “Open in browser”'],
  ] as const) {
    const context = await browser.newContext({
      userAgent: wechat,
      locale,
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    await page.goto('/');
    const offer = page.locator('[data-install]');
    await walkDiagnosis(page, async (step) => {
      if (!step.startsWith('done.')) await expect(offer, `no guide on ${step}`).toHaveCount(0);
    });
    await expect(offer).toHaveAttribute('data-install', 'inApp');
    await expect(offer).toContainText(words);
    await page.screenshot({ path: join(artifactsDir, 'install', `offer-wechat-${locale}.png`), fullPage: true });
    await offer.locator('[data-action="install-later"]').click();
    await expect(offer).toHaveCount(0);
    await context.close();
  }
});
