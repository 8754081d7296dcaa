// Runs the browser tests (Playwright + the system Chromium) against dist/, or says why they were skipped.
// Plain JavaScript: Node 20 cannot run TypeScript directly, and this decides whether Playwright runs at all.
import { spawnSync } from 'node:child_process';
import console from 'node:console';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const ci = process.env.CI === 'true' || process.env.CI === '1';

// CHROME_PATH, when set, is the only candidate: a wrong path should not silently test another browser.
const candidate = process.env.CHROME_PATH || '/usr/bin/chromium';
const chromium = existsSync(candidate) ? candidate : undefined;
if (!chromium) {
  const install = 'install with: apt-get install -y chromium fonts-noto-cjk (or set CHROME_PATH)';
  if (ci) {
    console.error(`FAILED browser tests: no Chromium found and CI=true; ${install}`);
    process.exit(1);
  }
  console.log(`SKIPPED browser tests: no Chromium found; ${install}`);
  process.exit(0);
}

if (!existsSync(new URL('../../dist/index.html', import.meta.url))) {
  console.log('dist/ is missing: building it first (npm run build)');
  const build = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

/** A free loopback port, so a preview server someone else left running never answers our tests. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// Test a copy of dist/: a rebuild by someone else mid-run then cannot pull files from under the browser.
const snapshot = mkdtempSync(join(tmpdir(), 'tapfix-e2e-dist-'));
cpSync(join(repoRoot, 'dist'), snapshot, { recursive: true });

const port = process.env.TAPFIX_E2E_PORT ?? String(await freePort());
const cli = fileURLToPath(new URL('../../node_modules/@playwright/test/cli.js', import.meta.url));
const result = spawnSync(
  process.execPath,
  [cli, 'test', '--config', 'tests/e2e/playwright.config.ts', ...process.argv.slice(2)],
  {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, CHROME_PATH: chromium, TAPFIX_E2E_PORT: port, TAPFIX_E2E_DIST: snapshot },
  },
);
rmSync(snapshot, { recursive: true, force: true });
process.exit(result.status ?? 1);
