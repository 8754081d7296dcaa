import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { checkForUpdate, takeServiceWorkerControl } from './app.ts';
import { distDir } from './paths.ts';
import { startStaticServer } from './static-server.ts';

/**
 * Opens the build under test on its own server, lets its worker take control, then deploys "another version"
 * (the same files, sw.js one comment longer: enough for the browser to install it) and waits for the offer.
 * Cheaper than update.spec.ts's two builds when only the offer's look matters. Returns the clean-up.
 */
export async function showUpdateOffer(page: Page): Promise<() => Promise<void>> {
  const workdir = await mkdtemp(join(tmpdir(), 'tapfix-offer-'));
  const [current, next] = [join(workdir, 'current'), join(workdir, 'next')];
  await cp(distDir, current, { recursive: true });
  await cp(distDir, next, { recursive: true });
  await appendFile(join(next, 'sw.js'), '\n// another version\n');
  const server = await startStaticServer(current);
  const cleanUp = async () => {
    await server.close();
    await rm(workdir, { recursive: true, force: true });
  };
  try {
    await page.goto(server.url);
    await takeServiceWorkerControl(page);
    server.setRoot(next);
    await checkForUpdate(page);
  } catch (error) {
    await cleanUp();
    throw error;
  }
  return cleanUp;
}
