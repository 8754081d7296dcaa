import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './support/chromium.ts';
import { distDir, repoRoot } from './support/paths.ts';

// run.mjs picks a free loopback port; 4317 when this config is used directly.
const port = Number(process.env.TAPFIX_E2E_PORT ?? 4317);
const baseURL = `http://127.0.0.1:${port}`;

/** Real-Chromium tests against the production build (dist/, or run.mjs's copy of it), served by `vite preview`. */
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
    baseURL,
    browserName: 'chromium',
    locale: 'zh-CN',
    launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
    trace: 'retain-on-failure',
  },
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
