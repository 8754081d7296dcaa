// Step-to-step time, measured inside the page around a real (trusted) click on an answer picked by a seeded walk.
import type { Page } from 'playwright-core';

/** One answered step: both figures in ms, and which step change it was. */
export interface Transition {
  /** `<step> → <step>`: the walk varies its answers, so the figures cover many different step changes. */
  path: string;
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

/** A small seeded generator (mulberry32): the same seed walks the same answers, so runs compare. */
function seeded(seed: number) {
  let state = seed >>> 0;
  return (n: number) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * n);
  };
}

/**
 * Walks from the start with an answer picked at random (seeded) at each step, restarting at each outcome, and
 * times each step change: many different transitions, not the same first-answer path every time.
 */
export async function measureTransitions(page: Page, count: number, seed = 18): Promise<Transition[]> {
  const pick = seeded(seed);
  const times: Transition[] = [];
  while (times.length < count) {
    const step = await page.evaluate<string>(stepOf);
    if (step.startsWith('done.') || step === 'home') {
      // From an outcome "new" leads home; from home "start" opens the first question.
      await page.click('[data-action="new"], [data-action="start"]');
      await page.waitForSelector('[data-answer], [data-step="home"] [data-action="start"]');
      continue;
    }
    const answers = page.locator('[data-step] [data-answer]:not([disabled])');
    const choice = answers.nth(pick(await answers.count()));
    await page.evaluate(settleScript);
    await page.evaluate(armScript);
    await choice.click();
    const timed = await page.evaluate<Omit<Transition, 'path'>>('window.__transition');
    times.push({ ...timed, path: `${step} → ${await page.evaluate<string>(stepOf)}` });
  }
  return times;
}
