import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { initialFiles } from './support/initial-files.ts';
import { distDir } from './support/paths.ts';

/**
 * Byte budgets for what a phone downloads before the first screen (gzip, as served). The goal was 100 KB of JS,
 * but the stack alone (react-dom, react, xstate, @xstate/react, i18next, react-i18next in a bare app) is 97 KB;
 * today's build is ~120 KB, so the budget holds that with a little room and fails any growth past it (README,
 * Decisions).
 */
const budgets = { js: 124 * 1024, css: 6 * 1024, content: 20 * 1024 };

const gzipped = async (file: string) => gzipSync(await readFile(join(distDir, file)), { level: 9 }).length;

test('the first screen downloads within its byte budgets (gzip)', async () => {
  const files = await initialFiles(distDir);
  const js = files.filter((file) => file.endsWith('.js'));
  const css = files.filter((file) => file.endsWith('.css'));
  expect(js.length, 'an entry script').toBeGreaterThan(0);
  const sum = async (list: string[]) => (await Promise.all(list.map(gzipped))).reduce((a, b) => a + b, 0);
  const jsBytes = await sum(js);
  const cssBytes = await sum(css);
  console.log(`initial JS ${jsBytes} B gzip (budget ${budgets.js}), CSS ${cssBytes} B (budget ${budgets.css})`);
  expect(jsBytes, 'initial JS, gzip').toBeLessThanOrEqual(budgets.js);
  expect(cssBytes, 'initial CSS, gzip').toBeLessThanOrEqual(budgets.css);
});

test('one language of step content stays small enough to load at start', async () => {
  const sw = await readFile(join(distDir, 'sw.js'), 'utf8');
  const urls = [...sw.matchAll(/url:\s*"(assets\/steps-[^"]+\.js)"/g)].map((match) => match[1] ?? '');
  expect(urls.length, 'a steps chunk per locale').toBeGreaterThanOrEqual(3);
  for (const url of urls) expect(await gzipped(url), url).toBeLessThanOrEqual(budgets.content);
});
