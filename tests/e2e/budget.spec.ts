import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { inlineSourcesOf } from '../../src/app/content-security-policy.ts';
import { initialFiles } from './support/initial-files.ts';
import { distDir } from './support/paths.ts';

/**
 * Byte budgets for what a phone downloads before the app answers taps (gzip, as served). The goal was 100 KB of
 * JS, but the stack alone (react-dom, react, xstate, @xstate/react, i18next, react-i18next in a bare app) is
 * 97 KB; today's build is ~124 KB, so the budget holds that with a little room and fails any growth past it
 * (README, Decisions). index.html itself carries every language's prerendered home, the critical CSS and the boot
 * script: it is the first paint's only file and has a budget of its own.
 */
const budgets = { js: 127 * 1024, html: 8 * 1024, css: 4 * 1024, bootScript: 1.5 * 1024, startContent: 24 * 1024 };

const gzip = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;
const gzipped = async (file: string) => gzip(await readFile(join(distDir, file)));

test('the first screen downloads within its byte budgets (gzip)', async () => {
  const html = await readFile(join(distDir, 'index.html'), 'utf8');
  const files = await initialFiles(distDir);
  const js = files.filter((file) => file.endsWith('.js'));
  expect(js.length, 'an entry script').toBeGreaterThan(0);
  expect(
    files.filter((file) => file.endsWith('.css')),
    'the critical CSS is inline, not a file to wait for',
  ).toEqual([]);
  // On HTTP/1.1 a phone opens six connections: the entry's files and one content file fit in them at once.
  expect(js.length, 'scripts index.html loads before the app starts').toBeLessThanOrEqual(3);
  const jsBytes = (await Promise.all(js.map(gzipped))).reduce((a, b) => a + b, 0);
  const { scripts, styles } = inlineSourcesOf(html);
  const cssBytes = gzip(styles.join(''));
  const bootBytes = gzip(scripts.join(''));
  console.log(
    `initial JS ${jsBytes} B gzip (budget ${budgets.js}), index.html ${gzip(html)} B (budget ${budgets.html}), ` +
      `inline CSS ${cssBytes} B (budget ${budgets.css}), boot script ${bootBytes} B (budget ${budgets.bootScript})`,
  );
  expect(jsBytes, 'initial JS, gzip').toBeLessThanOrEqual(budgets.js);
  expect(gzip(html), 'index.html, gzip').toBeLessThanOrEqual(budgets.html);
  expect(cssBytes, 'inline CSS, gzip').toBeLessThanOrEqual(budgets.css);
  expect(bootBytes, 'boot script, gzip').toBeLessThanOrEqual(budgets.bootScript);
});

test("one language's start content (every step's text included) stays small enough to load with the entry", async () => {
  const html = await readFile(join(distDir, 'index.html'), 'utf8');
  const map = /data-start-content='([^']+)'/.exec(html)?.[1] ?? '{}';
  const chunks = Object.entries(JSON.parse(map) as Record<string, string[]>);
  expect(chunks.map(([language]) => language).sort(), 'a start content chunk per language').toEqual([
    'en',
    'zh-CN',
    'zh-Hant',
  ]);
  for (const [language, files] of chunks) {
    expect(files, `${language}: one file, one request`).toHaveLength(1);
    const bytes = await gzipped((files[0] ?? '').replace(/^\//, ''));
    console.log(`start content ${language}: ${bytes} B gzip (budget ${budgets.startContent})`);
    expect(bytes, language).toBeLessThanOrEqual(budgets.startContent);
  }
});
