import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { acceptDialogs, buildIdOf, screen, takeServiceWorkerControl } from './support/app.ts';
import { repoRoot } from './support/paths.ts';
import { startStaticServer, type StaticServer } from './support/static-server.ts';

const run = promisify(execFile);
const vite = join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');

/** Builds the app into outDir, stamped with buildId (TAPFIX_BUILD_ID → <meta name="tapfix-build">). */
async function buildVersion(outDir: string, buildId: string) {
  await run(process.execPath, [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: repoRoot,
    env: { ...process.env, TAPFIX_BUILD_ID: buildId },
  });
}

const versionA = 'e2e-version-a';
const versionB = 'e2e-version-b';

let workdir: string;
let server: StaticServer;

test.describe.configure({ timeout: 180_000 });

test.beforeAll(async () => {
  workdir = await mkdtemp(join(tmpdir(), 'tapfix-update-'));
  await Promise.all([buildVersion(join(workdir, 'a'), versionA), buildVersion(join(workdir, 'b'), versionB)]);
  server = await startStaticServer(join(workdir, 'a'));
});

test.afterAll(async () => {
  await server?.close();
  if (workdir) await rm(workdir, { recursive: true, force: true });
});

test('a new version is offered, never forced mid-diagnosis, and taken only from home', async ({ page }) => {
  acceptDialogs(page);
  await page.goto(server.url);
  await takeServiceWorkerControl(page);
  expect(await buildIdOf(page)).toBe(versionA);

  await page.locator('[data-action="start"]').click();
  await screen(page).locator('[data-answer="declined"]').click();
  await expect(screen(page)).toHaveAttribute('data-step', 'scope.cards');

  // Deploy B and let the running app look for it, as its periodic check would.
  server.setRoot(join(workdir, 'b'));
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration?.update();
  });

  const notice = page.locator('[data-pwa="update"]');
  await expect(notice).toBeVisible({ timeout: 30_000 });
  await expect(notice.locator('[data-action="update"]'), 'no Update button mid-diagnosis').toHaveCount(0);

  await notice.locator('[data-action="later"]').click();
  await expect(notice).toBeHidden();
  await expect(screen(page)).toHaveAttribute('data-step', 'scope.cards');
  expect(await buildIdOf(page)).toBe(versionA);

  // Later holds for this session, home included.
  await page.locator('[data-action="restart"]').click();
  await expect(screen(page)).toHaveAttribute('data-step', 'home');
  await expect(notice).toBeHidden();

  // The next start still runs A (B waits) and offers the update on home.
  await page.reload();
  await expect(screen(page)).toHaveAttribute('data-step', 'home');
  expect(await buildIdOf(page)).toBe(versionA);
  await expect(notice).toBeVisible({ timeout: 30_000 });

  await notice.locator('[data-action="update"]').click();
  await expect.poll(() => buildIdOf(page), { timeout: 30_000 }).toBe(versionB);
  await expect(screen(page)).toHaveAttribute('data-step', 'home');
  await expect(notice).toBeHidden();
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated');
});
