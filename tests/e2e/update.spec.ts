import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { acceptDialogs, buildIdOf, checkForUpdate, restart, screen, takeServiceWorkerControl } from './support/app.ts';
import { startNginx } from './support/nginx.ts';
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

/** Sets every file under dir to one modification time. */
async function sameTimestamps(dir: string, time: Date) {
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) await utimes(join(entry.parentPath, entry.name), time, time);
  }
}

const versionA = 'e2e-version-a';
const versionB = 'e2e-version-b';

let workdir: string;
let server: StaticServer;

test.describe.configure({ timeout: 180_000 });

// eslint-disable-next-line no-empty-pattern -- Playwright wants the fixtures object even when none is used.
test.beforeAll(async ({}, testInfo) => {
  workdir = await mkdtemp(join(tmpdir(), 'tapfix-update-'));
  await Promise.all([buildVersion(join(workdir, 'a'), versionA), buildVersion(join(workdir, 'b'), versionB)]);
  // Both builds get the same timestamps, as reproducible builds and mtime-keeping copies produce: sw.js has the
  // same size in both, so a server that compares size and mtime would answer the update check with a 304.
  await sameTimestamps(workdir, new Date('2024-01-01T00:00:00Z'));
  // The nginx project deploys with the shipped config and its caching headers; otherwise a no-cache server.
  const start = testInfo.project.name === 'nginx' ? startNginx : startStaticServer;
  server = await start(join(workdir, 'a'));
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
  await checkForUpdate(page);

  const notice = page.locator('[data-pwa="update"]');
  await expect(notice).toBeVisible();
  await expect(notice.locator('[data-action="update"]'), 'no Update button mid-diagnosis').toHaveCount(0);

  await notice.locator('[data-action="later"]').click();
  await expect(notice).toBeHidden();
  await expect(screen(page)).toHaveAttribute('data-step', 'scope.cards');
  expect(await buildIdOf(page)).toBe(versionA);

  // Later holds for this session, home included.
  await restart(page);
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
