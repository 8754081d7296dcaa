import { readdir, readFile, stat } from 'node:fs/promises';
import { get } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { inlineSourcesOf } from '../../src/app/content-security-policy.ts';
import { initialFiles } from './support/initial-files.ts';
import { nginxBinary, nginxSite, startNginx } from './support/nginx.ts';
import { distDir } from './support/paths.ts';
import type { StaticServer } from './support/static-server.ts';

/**
 * Byte budgets for what a phone downloads before the app answers taps (gzip as the shipped nginx config serves it). The goal was 100 KB of
 * JS, but the stack alone (react-dom, react, xstate, @xstate/react, i18next, react-i18next in a bare app) is
 * 97 KB; today's build is ~124 KB, so the budget holds that with a little room and fails any growth past it
 * (README, Decisions). index.html itself carries every language's prerendered home, the critical CSS and the boot
 * script: it is the first paint's only file and has a budget of its own. Start content (every step's text, in one
 * language) is what a merchant's first screen waits for; support's read-aloud scripts and seat texts are not part
 * of it (they load with support mode, src/i18n/resources.ts): 21.6 KB zh-CN, 23.5 KB en, 22.3 KB zh-Hant.
 */
const budgets = { js: 127 * 1024, html: 8 * 1024, css: 4 * 1024, bootScript: 1.5 * 1024, startContent: 24 * 1024 };

/**
 * The lookup loads after the first screen, in its worker or (the fallback) in the page: issue 15 let its code grow
 * from 20.0 KiB by at most 15 KB, learned reading included (README, "The lookup reads evidence"); the worker's chunk
 * carries the same lookup plus ~7.7 KB of its own (comlink, the worker's shell). Retraining on more rows grows the
 * model: this fails before it outgrows the budget. Today ~33.1 and ~41.0 KiB (the model ~4.6 KB of each since issue
 * 15's ninth round: 750 tokens, ~1.7 KB less than the eighth round's).
 */
const lookupBudgets = { 'terminal-input': 35 * 1024, 'lookup-worker': 43 * 1024 };

/** The level the config sets; nginx's own default (1) when it sets none. */
async function configuredLevel(): Promise<number> {
  const level = /^\s*gzip_comp_level\s+(\d);/m.exec(await readFile(nginxSite, 'utf8'))?.[1];
  return Number(level ?? 1);
}

/** The body bytes on the wire for one file, and how they were encoded. */
function fetchRaw(url: string): Promise<{ bytes: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { 'accept-encoding': 'gzip' } }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () =>
        resolve({ bytes, encoding: String(response.headers['content-encoding'] ?? 'identity') }),
      );
      response.on('error', reject);
    }).on('error', reject);
  });
}

let nginx: StaticServer | undefined;
/** What a phone receives: from nginx with the shipped config when it is installed, else gzip at the config's level. */
let served: (file: string) => Promise<number>;
let how: string;

test.beforeAll(async () => {
  if (nginxBinary()) {
    nginx = await startNginx(distDir);
    const base = nginx.url;
    how = 'as nginx serves it (.deploy/nginx/tapfix.conf)';
    served = async (file) => {
      const { bytes, encoding } = await fetchRaw(new URL(file, base).href);
      // gzip_min_length 512: smaller files go as they are.
      if ((await stat(join(distDir, file))).size >= 512) expect(encoding, `${file} is sent gzip`).toBe('gzip');
      return bytes;
    };
  } else {
    // run.mjs prints the SKIPPED line for nginx (and fails under CI=true): this is the local fallback.
    const level = await configuredLevel();
    how = `gzip level ${level} as configured (no nginx here)`;
    served = async (file) => gzipSync(await readFile(join(distDir, file)), { level }).length;
  }
});

test.afterAll(async () => {
  await nginx?.close();
});

test('the config compresses well: level 6', async () => {
  // Level 1, nginx's default, sends the first screen's script about 14 KB over the budget (141 KB).
  expect(await configuredLevel()).toBe(6);
});

/** Inline text (index.html's CSS and boot script) compressed at the config's level. */
let gzip: (text: string | Buffer) => number = (text) => gzipSync(text, { level: 6 }).length;
test.beforeAll(async () => {
  const level = await configuredLevel();
  gzip = (text) => gzipSync(text, { level }).length;
});

test('the first screen downloads within its byte budgets, gzip as served', async () => {
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
  const jsBytes = (await Promise.all(js.map(served))).reduce((a, b) => a + b, 0);
  const { scripts, styles } = inlineSourcesOf(html);
  const cssBytes = gzip(styles.join(''));
  const bootBytes = gzip(scripts.join(''));
  console.log(
    `initial JS ${jsBytes} B gzip (budget ${budgets.js}), index.html ${gzip(html)} B (budget ${budgets.html}), ` +
      `inline CSS ${cssBytes} B (budget ${budgets.css}), boot script ${bootBytes} B (budget ${budgets.bootScript}), ${how}`,
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
    const bytes = await served((files[0] ?? '').replace(/^\//, ''));
    console.log(`start content ${language}: ${bytes} B gzip (budget ${budgets.startContent})`);
    expect(bytes, language).toBeLessThanOrEqual(budgets.startContent);
  }
});

test("the lookup's chunks (learned reading included) stay within issue 15's budget", async () => {
  const assets = await readdir(join(distDir, 'assets'));
  for (const [name, budget] of Object.entries(lookupBudgets)) {
    const files = assets.filter((file) => file.startsWith(`${name}-`) && file.endsWith('.js'));
    expect(files, `one ${name} chunk`).toHaveLength(1);
    const bytes = await served(`assets/${files[0] ?? ''}`);
    console.log(`${name}: ${bytes} B gzip (budget ${budget})`);
    expect(bytes, name).toBeLessThanOrEqual(budget);
  }
});
