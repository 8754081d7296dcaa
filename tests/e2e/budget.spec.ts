import { readFile, stat } from 'node:fs/promises';
import { get } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { initialFiles } from './support/initial-files.ts';
import { nginxBinary, nginxSite, startNginx } from './support/nginx.ts';
import { distDir } from './support/paths.ts';
import type { StaticServer } from './support/static-server.ts';

/**
 * Byte budgets for what a phone downloads before the first screen, as the shipped nginx config sends it (gzip at
 * its gzip_comp_level). The goal was 100 KB of JS, but the stack alone (react-dom, react, xstate, @xstate/react,
 * i18next, react-i18next in a bare app) is 97 KB; today's build is ~118 KB, so the budget holds that with a little
 * room and fails any growth past it (README, Decisions).
 */
const budgets = { js: 124 * 1024, css: 6 * 1024, content: 20 * 1024 };

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

test('the first screen downloads within its byte budgets, gzip as served', async () => {
  const files = await initialFiles(distDir);
  const js = files.filter((file) => file.endsWith('.js'));
  const css = files.filter((file) => file.endsWith('.css'));
  expect(js.length, 'an entry script').toBeGreaterThan(0);
  const sum = async (list: string[]) => (await Promise.all(list.map(served))).reduce((a, b) => a + b, 0);
  const jsBytes = await sum(js);
  const cssBytes = await sum(css);
  console.log(`initial JS ${jsBytes} B (budget ${budgets.js}), CSS ${cssBytes} B (budget ${budgets.css}), ${how}`);
  expect(jsBytes, 'initial JS, gzip').toBeLessThanOrEqual(budgets.js);
  expect(cssBytes, 'initial CSS, gzip').toBeLessThanOrEqual(budgets.css);
});

test('one language of step content stays small enough to load at start, gzip as served', async () => {
  const sw = await readFile(join(distDir, 'sw.js'), 'utf8');
  const urls = [...sw.matchAll(/url:\s*"(assets\/steps-[^"]+\.js)"/g)].map((match) => match[1] ?? '');
  expect(urls.length, 'a steps chunk per locale').toBeGreaterThanOrEqual(3);
  for (const url of urls) expect(await served(url), url).toBeLessThanOrEqual(budgets.content);
});
