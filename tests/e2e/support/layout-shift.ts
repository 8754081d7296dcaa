import type { Page } from '@playwright/test';

/** One layout-shift entry as the page saw it, with the elements that moved. */
export interface LayoutShift {
  value: number;
  hadRecentInput: boolean;
  startTime: number;
  sources: string[];
}

interface ShiftWindow {
  tapfixLayoutShifts: LayoutShift[];
}

/** Starts recording layout shifts from the page's first paint, across reloads; call before the first goto. */
export async function recordLayoutShifts(page: Page) {
  await page.addInitScript(() => {
    const shifts: LayoutShift[] = [];
    (window as unknown as ShiftWindow).tapfixLayoutShifts = shifts;
    const describe = (node: Node | null) => {
      if (!(node instanceof Element)) return node?.nodeName ?? '(gone)';
      const step = node.closest('[data-step], [data-page]');
      const where = step ? ` in ${step.getAttribute('data-step') ?? step.getAttribute('data-page')}` : '';
      return `${node.nodeName.toLowerCase()}${node.className ? `.${String(node.className).split(' ').join('.')}` : ''}${where}`;
    };
    type ShiftEntry = PerformanceEntry & {
      value: number;
      hadRecentInput: boolean;
      sources: Array<{ node: Node | null }>;
    };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as ShiftEntry[]) {
        shifts.push({
          value: entry.value,
          hadRecentInput: entry.hadRecentInput,
          startTime: entry.startTime,
          sources: entry.sources.map((source) => describe(source.node)),
        });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** Lets the page render two more frames, so the observer has seen everything painted so far. */
export async function settle(page: Page) {
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}

/** The shifts recorded on the current page since `since` (performance.now() of that page). */
export async function layoutShifts(page: Page, since = 0): Promise<LayoutShift[]> {
  await settle(page);
  const shifts = await page.evaluate(() => (window as unknown as ShiftWindow).tapfixLayoutShifts);
  return shifts.filter((shift) => shift.startTime >= since);
}

/** Cumulative layout shift as Web Vitals counts it: shifts within 500 ms of a tap or key press do not count. */
export function cumulativeLayoutShift(shifts: readonly LayoutShift[]): number {
  return shifts.filter((shift) => !shift.hadRecentInput).reduce((sum, shift) => sum + shift.value, 0);
}

export const now = (page: Page) => page.evaluate(() => performance.now());
