import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type APIRequestContext } from '@playwright/test';
import { takeServiceWorkerControl } from './support/app.ts';
import { chromiumArgs, chromiumPath } from './support/chromium.ts';

interface ManifestIcon {
  src: string;
  sizes: string;
  type?: string;
  purpose?: string;
}

interface Manifest {
  name?: string;
  short_name?: string;
  description?: string;
  lang?: string;
  start_url?: string;
  scope?: string;
  display?: string;
  theme_color?: string;
  background_color?: string;
  icons?: ManifestIcon[];
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1'), 'PNG signature').toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function expectPng(request: APIRequestContext, url: string, size: number) {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  expect(response.headers()['content-type'], url).toContain('image/png');
  expect(pngSize(await response.body()), url).toEqual({ width: size, height: size });
}

test('Chrome reports the app installable (no installability errors)', async ({ baseURL }) => {
  // The default context counts as incognito, where nothing is installable: use a real profile.
  const profile = await mkdtemp(join(tmpdir(), 'tapfix-install-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    args: chromiumArgs,
    headless: true,
    baseURL,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    await takeServiceWorkerControl(page);
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest');
    expect(manifest.errors, 'manifest parse errors').toEqual([]);
    await expect
      .poll(async () => (await cdp.send('Page.getInstallabilityErrors')).installabilityErrors, { timeout: 15_000 })
      .toEqual([]);
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
});

test('the manifest names the app in Chinese and every icon it lists loads at its stated size', async ({ request }) => {
  const home = await request.get('/');
  const html = await home.text();
  const manifestHref = /<link rel="manifest" href="([^"]+)"/.exec(html)?.[1];
  expect(manifestHref, 'index.html links the manifest').toBeTruthy();
  const manifestUrl = new URL(manifestHref ?? '', home.url());
  const manifest = (await (await request.get(manifestUrl.href)).json()) as Manifest;

  expect(manifest).toMatchObject({
    name: 'TapFix 挥卡诊断',
    short_name: '挥卡诊断',
    lang: 'zh-CN',
    start_url: './',
    scope: './',
    display: 'standalone',
    theme_color: '#0f5257',
    background_color: '#ffffff',
  });
  expect(manifest.description).toBeTruthy();

  const icons = manifest.icons ?? [];
  const purposes = (icon: ManifestIcon) => (icon.purpose ?? 'any').split(' ');
  for (const size of [192, 512]) {
    expect(
      icons.some((icon) => icon.sizes === `${size}x${size}` && purposes(icon).includes('any')),
      `${size} icon`,
    ).toBe(true);
  }
  expect(
    icons.some((icon) => purposes(icon).includes('maskable')),
    'maskable icon',
  ).toBe(true);
  for (const icon of icons) {
    const size = Number(icon.sizes.split('x')[0]);
    await expectPng(request, new URL(icon.src, manifestUrl).href, size);
  }

  const appleIcon = /<link rel="apple-touch-icon" href="([^"]+)"/.exec(html)?.[1];
  expect(appleIcon, 'index.html links an apple-touch-icon').toBeTruthy();
  await expectPng(request, new URL(appleIcon ?? '', home.url()).href, 180);
  for (const name of [
    'apple-mobile-web-app-capable',
    'apple-mobile-web-app-status-bar-style',
    'apple-mobile-web-app-title',
    'theme-color',
  ]) {
    expect(html, `<meta name="${name}">`).toContain(`<meta name="${name}"`);
  }
  const robots = await request.get('/robots.txt');
  expect(robots.headers()['content-type']).toContain('text/plain');
});
