import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './support/chromium.ts';
import { distDir, repoRoot } from './support/paths.ts';

// run.mjs picks a free loopback port; 4317 when this config is used directly.
const port = Number(process.env.TAPFIX_E2E_PORT ?? 4317);
const baseURL = `http://127.0.0.1:${port}`;

// run.mjs sets these when nginx is installed: the same build, served with .deploy/nginx/tapfix.conf.
const nginxPort = process.env.TAPFIX_E2E_NGINX && process.env.TAPFIX_E2E_NGINX_PORT;

/** The specs that must also pass behind the real web server with the shipped config. */
const nginxSpecs = ['offline.spec.ts', 'update.spec.ts', 'csp.spec.ts', 'nginx.spec.ts'];

const projects: PlaywrightTestConfig['projects'] = [
  // Everything against `vite preview`; nginx.spec.ts needs nginx's headers.
  { name: 'preview', testIgnore: ['nginx.spec.ts'], use: { baseURL } },
];
if (nginxPort) {
  projects.push({ name: 'nginx', testMatch: nginxSpecs, use: { baseURL: `http://127.0.0.1:${nginxPort}` } });
}

/** Real-Chromium tests against the production build (dist/, or run.mjs's copy of it), served by `vite preview` and nginx. */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '.artifacts/test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Two cores: one browser at a time keeps timings and service-worker installs predictable.
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    locale: 'zh-CN',
    launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
    trace: 'retain-on-failure',
  },
  projects,
  // Starts nginx for the nginx project (and stops it after the run).
  globalSetup: nginxPort ? './support/nginx-global-setup.ts' : undefined,
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort --outDir "${distDir}"`,
    cwd: repoRoot,
    url: `${baseURL}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
