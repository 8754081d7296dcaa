// Click → next step painted, measured inside the page: the click, the new [data-step], then the next frame.
import type { Page } from 'playwright-core';

/** Clicks the first answer and resolves with ms until the frame after the new step is in the DOM. */
const clickToPaintScript = `new Promise((resolve) => {
  const before = document.querySelector('[data-step]')?.getAttribute('data-step');
  const button = document.querySelector('[data-answer]');
  const started = performance.now();
  const observer = new MutationObserver(() => {
    const now = document.querySelector('[data-step]')?.getAttribute('data-step');
    if (now === before) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started), 0));
  });
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-step'] });
  button.click();
})`;

/** Walks answer after answer from the start, restarting at each outcome, and times each step change. */
export async function measureTransitions(page: Page, count: number): Promise<number[]> {
  const times: number[] = [];
  while (times.length < count) {
    const onOutcome = await page.evaluate(
      "(document.querySelector('[data-step]')?.getAttribute('data-step') ?? '').startsWith('done.') || !!document.querySelector('[data-step=\"home\"]')",
    );
    if (onOutcome) {
      // From an outcome "new" leads home; from home "start" opens the first question.
      await page.click('[data-action="new"], [data-action="start"]');
      await page.waitForSelector('[data-answer], [data-step="home"] [data-action="start"]');
      continue;
    }
    times.push(await page.evaluate<number>(clickToPaintScript));
  }
  return times;
}
