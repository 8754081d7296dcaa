// Step-to-step time, measured inside the page around a real (trusted) click on the first answer.
import type { Page } from 'playwright-core';

/** One answered step: both figures in ms. */
export interface Transition {
  /** From the click event's time stamp (input arrival) to the end of the next frame's paint. */
  paint: number;
  /** Main-thread work of the click: first listener → DOM updated (React commit, effects) + style and layout. */
  work: number;
}

/**
 * Arms the page for the next trusted click. Window capture listeners run first and window bubble listeners last,
 * after React's root listener and the microtask in which it commits: the two bracket the click's processing (as
 * the Event Timing API's processingStart/processingEnd do; that API hides interactions under 16 ms). The last
 * listener then forces style and layout, which the next frame would do anyway, so they count as the click's work
 * wherever the browser would have done them (a hover hit test before the frame also lays out). The frame after
 * that paints.
 * A string, not a function: tsx would wrap named functions in a helper the page does not have.
 */
const armScript = `(() => {
  const before = document.querySelector('[data-step]')?.getAttribute('data-step');
  window.__transition = new Promise((resolve, reject) => {
    let processingStart = 0;
    const start = (event) => {
      if (!event.isTrusted) return;
      processingStart = performance.now();
      window.removeEventListener('click', start, true);
    };
    const end = (event) => {
      if (!event.isTrusted) return;
      window.removeEventListener('click', end);
      const step = document.querySelector('[data-step]')?.getAttribute('data-step');
      if (step === before) return reject(new Error('the click did not change the step (' + before + ')'));
      document.documentElement.getBoundingClientRect();
      const work = performance.now() - processingStart;
      // A task queued from the next frame's callbacks runs after that frame has painted.
      requestAnimationFrame(() => setTimeout(() => resolve({ paint: performance.now() - event.timeStamp, work }), 0));
    };
    window.addEventListener('click', start, true);
    window.addEventListener('click', end);
  });
})()`;

/** Resolves when the page has been idle a moment: a merchant reads each question before answering it. */
const settleScript = `new Promise((resolve) => requestIdleCallback(() => resolve(true), { timeout: 1000 }))`;

const stepOf = "document.querySelector('[data-step]')?.getAttribute('data-step') ?? ''";

/** Walks answer after answer from the start, restarting at each outcome, and times each step change. */
export async function measureTransitions(page: Page, count: number): Promise<Transition[]> {
  const times: Transition[] = [];
  while (times.length < count) {
    const step = await page.evaluate<string>(stepOf);
    if (step.startsWith('done.') || step === 'home') {
      // From an outcome "new" leads home; from home "start" opens the first question.
      await page.click('[data-action="new"], [data-action="start"]');
      await page.waitForSelector('[data-answer], [data-step="home"] [data-action="start"]');
      continue;
    }
    await page.evaluate(settleScript);
    await page.evaluate(armScript);
    await page.locator('[data-answer]').first().click();
    times.push(await page.evaluate<Transition>('window.__transition'));
  }
  return times;
}
