import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { expect, test } from '@playwright/test';
import { distDir, repoRoot } from './support/paths.ts';

/** The URLs in the precache manifest of dist/sw.js (Workbox generateSW output). */
async function precachedUrls(): Promise<string[]> {
  const sw = await readFile(join(distDir, 'sw.js'), 'utf8');
  const list = /precacheAndRoute\(\s*(\[[\s\S]*?\])\s*,/.exec(sw)?.[1] ?? '';
  return [...list.matchAll(/url:\s*"([^"]+)"/g)].map((match) => match[1] ?? '');
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

/** String leaves of a content file, longest first. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

test('the service worker precaches the shell, the icons and every chunk the build emitted', async () => {
  const urls = await precachedUrls();
  expect(new Set(urls).size, 'no URL twice (Workbox refuses conflicting entries)').toBe(urls.length);
  for (const file of [
    'index.html',
    'manifest.webmanifest',
    'icon.svg',
    'favicon.ico',
    'apple-touch-icon-180x180.png',
  ]) {
    expect(urls, file).toContain(file);
  }
  const manifest = JSON.parse(await readFile(join(distDir, 'manifest.webmanifest'), 'utf8')) as {
    icons: { src: string }[];
  };
  for (const icon of manifest.icons) expect(urls, icon.src).toContain(icon.src);
  for (const asset of await filesUnder(join(distDir, 'assets'))) expect(urls, asset).toContain(`assets/${asset}`);
});

test('every content file of every locale ships in a precached chunk', async () => {
  const urls = await precachedUrls();
  const chunks = await Promise.all(
    (await filesUnder(join(distDir, 'assets')))
      .filter((file) => file.endsWith('.js'))
      .map(async (file) => ({ url: `assets/${file}`, code: await readFile(join(distDir, 'assets', file), 'utf8') })),
  );
  const contentDir = join(repoRoot, 'content');
  const contentFiles = (await filesUnder(contentDir)).filter((file) => file.endsWith('.json'));
  const texts = new Map<string, string[]>();
  for (const file of contentFiles) texts.set(file, strings(JSON.parse(await readFile(join(contentDir, file), 'utf8'))));
  expect(contentFiles.some((file) => file.startsWith('en'))).toBe(true);
  expect(contentFiles.some((file) => file.startsWith('zh-CN'))).toBe(true);

  for (const [file, own] of texts) {
    const elsewhere = new Set([...texts].filter(([other]) => other !== file).flatMap(([, values]) => values));
    // A string only this file has, and that a bundler leaves as it is (no quotes, escapes or interpolation).
    const marker = own
      .filter((text) => text.length >= 4 && !elsewhere.has(text) && !/[\\`'"\n$]/.test(text))
      .sort((a, b) => b.length - a.length)[0];
    expect(marker, `${file} has a distinctive string`).toBeTruthy();
    const chunk = chunks.find(({ code }) => code.includes(marker ?? ''));
    expect(chunk, `the chunk holding content/${file}`).toBeTruthy();
    expect(urls, `content/${file} (${chunk?.url})`).toContain(chunk?.url);
  }
});
