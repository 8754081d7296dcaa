import { expect, type BrowserContext, type Page } from '@playwright/test';

/** A complete guided diagnosis from the home screen: [step, answer] pairs, ending on an outcome. */
export const guidedPath = [
  ['gate.charged', 'declined'],
  ['scope.cards', 'one'],
  ['wallet.device', 'phone'],
  ['wallet.unlock', 'fixed'],
] as const;

export const guidedOutcome = 'done.resolved';

export type Language = 'zh-CN' | 'en' | 'zh-Hant';

const cjk = /[\u3400-\u9fff]/;

/** The current screen (the element carrying data-step). */
export const screen = (page: Page) => page.locator('[data-step]').first();

export async function currentStep(page: Page): Promise<string | null> {
  return screen(page).getAttribute('data-step');
}

/**
 * Restart from the nav bar, confirming in the app when it asks (answers would be lost); waits for home.
 * `page.click('[data-action="restart"]')` alone stays on the step when the diagnosis has answers.
 */
export async function restart(page: Page) {
  await page.locator('[data-action="restart"]').click();
  // A click's render is done by the next round trip: the question is up now, or home is.
  const confirm = page.locator('[data-action="restart-confirm"]');
  if (await confirm.count()) await confirm.click();
  await expect(screen(page)).toHaveAttribute('data-step', 'home');
}

/** Confirms any window.confirm the way a merchant who meant it would (the app's restart asks in the page). */
export function acceptDialogs(page: Page) {
  page.on('dialog', (dialog) => void dialog.accept());
}

/** Switches the language with the app's own buttons and waits until the home screen speaks it. */
export async function chooseLanguage(page: Page, language: Language) {
  await page.locator(`[data-lang="${language}"]`).first().click();
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  const start = page.locator('[data-action="start"]');
  if (await start.count()) {
    if (language !== 'en') await expect(start).toHaveText(cjk);
    else await expect(start).not.toHaveText(cjk);
  }
}

/**
 * Walks the guided path from home to its outcome; onScreen runs on every screen shown (home included)
 * and the outcome's step id is returned.
 */
export async function walkDiagnosis(page: Page, onScreen: (step: string) => Promise<void> = async () => {}) {
  await expect(screen(page)).toHaveAttribute('data-step', 'home');
  await onScreen('home');
  await page.locator('[data-action="start"]').click();
  for (const [step, answer] of guidedPath) {
    await expect(screen(page)).toHaveAttribute('data-step', step);
    await onScreen(step);
    await screen(page).locator(`[data-answer="${answer}"]`).click();
  }
  await expect(screen(page)).toHaveAttribute('data-step', /^done\./);
  const outcome = (await currentStep(page)) ?? '';
  await onScreen(outcome);
  return outcome;
}

/**
 * With registerType "prompt" the first load stays uncontrolled: wait until the worker is activated,
 * then reload once so it controls the page.
 */
export async function takeServiceWorkerControl(page: Page) {
  await page.evaluate(async () => {
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('no service worker became active within 30 s')), 30_000),
    );
    const activated = (async () => {
      const registration = await navigator.serviceWorker.ready;
      const worker = registration.active;
      if (!worker || worker.state === 'activated') return;
      await new Promise<void>((resolve) => {
        worker.addEventListener('statechange', () => {
          if (worker.state === 'activated') resolve();
        });
      });
    })();
    await Promise.race([activated, timeout]);
  });
  await page.reload();
  // waitForFunction does not await promises: poll a synchronous condition.
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated');
  await expect(screen(page)).toBeVisible();
}

/** Every URL the pages and workers of a context ask for, workers' own fetches included. */
export function recordRequests(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on('request', (request) => urls.push(request.url()));
  return urls;
}

/** The requests that left the app's origin (data: and blob: URLs never leave the page). */
export function foreignRequests(urls: readonly string[], origin: string): string[] {
  return urls.filter((url) => !/^(data|blob):/.test(url) && new URL(url).origin !== origin);
}

export async function buildIdOf(page: Page): Promise<string | null> {
  return page.locator('meta[name="tapfix-build"]').getAttribute('content');
}

/**
 * Asks the browser to look for a new service worker, as the app's periodic check does, until the update
 * offer shows. One call is not enough: a check the browser already has in flight (a soft update after a
 * reload, the app's check on coming back online) absorbs ours and may have fetched the old sw.js.
 * Returns how many checks it took.
 */
export async function checkForUpdate(page: Page, timeout = 60_000): Promise<number> {
  const notice = page.locator('[data-pwa="update"]');
  let checks = 0;
  await expect(async () => {
    checks += 1;
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update().catch(() => undefined);
    });
    await expect(notice).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout });
  return checks;
}

/** Every record the app keeps in IndexedDB (saved diagnoses, history), as key → stored text. */
export async function storedRecords(page: Page): Promise<Record<string, string>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, string>>((resolve, reject) => {
        const open = indexedDB.open('tapfix');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('records')) {
            db.close();
            resolve({});
            return;
          }
          const store = db.transaction('records').objectStore('records');
          const keys = store.getAllKeys();
          const values = store.getAll();
          store.transaction.oncomplete = () => {
            db.close();
            resolve(Object.fromEntries(keys.result.map((key, index) => [String(key), String(values.result[index])])));
          };
        };
      }),
  );
}
