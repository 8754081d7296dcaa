import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { nginxSnippetFile } from '../../src/app/content-security-policy.ts';
import { headerPolicy } from './support/csp.ts';
import { distDir } from './support/paths.ts';

// Runs only in the nginx project: the build served with .deploy/nginx/tapfix.conf, as deployed.

const security = {
  'content-security-policy': headerPolicy,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

const day = 'public, max-age=86400';
const immutable = 'public, max-age=31536000, immutable';

/** How long a browser may keep a file of the build (README "Deploy"). */
function expectedCaching(file: string): string {
  if (file === 'index.html' || file === 'sw.js') return 'no-cache';
  if (file === 'manifest.webmanifest') return 'public, max-age=3600';
  if (file.startsWith('assets/') || /^workbox-[0-9a-f]+\.js$/.test(file)) return immutable;
  return day;
}

const contentTypes: Record<string, RegExp> = {
  html: /^text\/html; charset=utf-8$/,
  js: /^(text|application)\/javascript; charset=utf-8$/,
  css: /^text\/css; charset=utf-8$/,
  webmanifest: /^application\/manifest\+json; charset=utf-8$/,
  json: /^application\/json/,
  svg: /^image\/svg\+xml/,
  png: /^image\/png$/,
  ico: /^image\/(x-icon|vnd\.microsoft\.icon)$/,
  txt: /^text\/plain; charset=utf-8$/,
};

async function buildFiles(): Promise<string[]> {
  const entries = await readdir(distDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(distDir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

async function headersOf(request: APIRequestContext, path: string, status = 200) {
  const response = await request.get(path, { headers: { 'accept-encoding': 'gzip' } });
  expect(response.status(), path).toBe(status);
  return response.headers();
}

function expectSecurityHeaders(headers: Record<string, string>, path: string) {
  for (const [name, value] of Object.entries(security)) expect(headers[name], `${name} on ${path}`).toBe(value);
}

test('every file of the build has its content type, its caching rule and the security headers', async ({ request }) => {
  const files = await buildFiles();
  expect(files).toEqual(expect.arrayContaining(['index.html', 'sw.js', 'manifest.webmanifest', nginxSnippetFile]));
  // The build's CSP header for nginx is configuration, never served.
  const snippet = await headersOf(request, `/${nginxSnippetFile}`, 404);
  expect(snippet['cache-control'], nginxSnippetFile).toBe('no-store');
  for (const file of files.filter((name) => name !== nginxSnippetFile)) {
    const headers = await headersOf(request, `/${file}`);
    const extension = file.split('.').pop() ?? '';
    expect(contentTypes[extension], `a content type is expected for .${extension}`).toBeDefined();
    expect(headers['content-type'], file).toMatch(contentTypes[extension] ?? /^$/);
    expect(headers['cache-control'], file).toBe(expectedCaching(file));
    expectSecurityHeaders(headers, file);
  }
});

test('the app opens from any address; a missing file is a 404 that is never cached', async ({ request }) => {
  for (const path of ['/', '/bookmarked/path?from=homescreen', '/step/network.fix']) {
    const headers = await headersOf(request, path);
    expect(headers['content-type'], path).toMatch(contentTypes.html ?? /^$/);
    expect(headers['cache-control'], `${path} is index.html: revalidated every time`).toBe('no-cache');
    expectSecurityHeaders(headers, path);
    const body = await (await request.get(path)).text();
    expect(body, path).toContain('<meta name="tapfix-build"');
  }
  for (const path of ['/assets/index-gone.js', '/assets/missing.css', '/workbox-0000.js']) {
    const headers = await headersOf(request, path, 404);
    expect(headers['cache-control'], path).toBe('no-store');
    expectSecurityHeaders(headers, path);
  }
});

test('sw.js and index.html are always sent whole, never as 304 Not Modified', async ({ request }) => {
  for (const path of ['/sw.js', '/index.html', '/']) {
    const first = await request.get(path);
    expect(first.headers().etag, `${path} has no ETag`).toBeUndefined();
    const again = await request.get(path, {
      headers: {
        'if-modified-since': first.headers()['last-modified'] ?? new Date().toUTCString(),
        'if-none-match': '*',
      },
    });
    expect(again.status(), path).toBe(200);
  }
});

test('text files are sent gzipped, and vary by Accept-Encoding', async ({ request }) => {
  const entry = /<link rel="modulepreload" crossorigin href="\/(assets\/index-[^"]+)"/.exec(
    await readFile(join(distDir, 'index.html'), 'utf8'),
  );
  for (const path of ['/', `/${entry?.[1] ?? 'missing'}`, '/sw.js', '/manifest.webmanifest']) {
    const headers = await headersOf(request, path);
    expect(headers['content-encoding'], path).toBe('gzip');
    expect(headers.vary, path).toMatch(/Accept-Encoding/i);
  }
});

test('the app refuses to be shown inside another page (frame-ancestors)', async ({ page, baseURL }) => {
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/frame-ancestors/.test(message.text())) refused.push(message.text());
  });
  await page.setContent(`<iframe src="${baseURL}/"></iframe>`);
  await expect.poll(() => refused.length).toBeGreaterThan(0);
  const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
  expect(await frame?.locator('[data-step]').count()).toBe(0);
});
