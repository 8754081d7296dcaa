// Runs the browser tests (Playwright + the system Chromium) against dist/, or says why they were skipped.
// Plain JavaScript: Node 20 cannot run TypeScript directly, and this decides whether Playwright runs at all.
import { spawnSync } from 'node:child_process';
import console from 'node:console';
import { accessSync, constants, cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
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

/** An executable named nginx on PATH or in the sbin folders (not on a normal user's PATH on Debian). */
function findNginx() {
  if (process.env.NGINX_PATH) return existsSync(process.env.NGINX_PATH) ? process.env.NGINX_PATH : undefined;
  const folders = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin', '/sbin'];
  for (const folder of folders.filter(Boolean)) {
    const file = join(folder, 'nginx');
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return undefined;
}

// The deployment config (.deploy/nginx/tapfix.conf) is tested with the real server: headers, offline, update.
const nginx = findNginx();
if (!nginx) {
  const install = 'install with: apt-get install -y nginx (or set NGINX_PATH)';
  if (ci) {
    console.error(`FAILED nginx tests: no nginx found and CI=true; ${install}`);
    process.exit(1);
  }
  console.log(`SKIPPED nginx tests (the build served with .deploy/nginx/tapfix.conf): no nginx found; ${install}`);
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
let nginxPort = await freePort();
while (String(nginxPort) === port) nginxPort = await freePort();
const nginxEnv = nginx ? { TAPFIX_E2E_NGINX: nginx, TAPFIX_E2E_NGINX_PORT: String(nginxPort) } : {};
const cli = fileURLToPath(new URL('../../node_modules/@playwright/test/cli.js', import.meta.url));
const result = spawnSync(
  process.execPath,
  [cli, 'test', '--config', 'tests/e2e/playwright.config.ts', ...process.argv.slice(2)],
  {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, CHROME_PATH: chromium, TAPFIX_E2E_PORT: port, TAPFIX_E2E_DIST: snapshot, ...nginxEnv },
  },
);
rmSync(snapshot, { recursive: true, force: true });
process.exit(result.status ?? 1);
