/// <reference types="vitest/config" />
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { minimal2023Preset, type Preset } from '@vite-pwa/assets-generator/config';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const themeColor = '#0f5257';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/** Identifies a build: the package version unless CI (or the update test) names the build. */
const buildId = process.env.TAPFIX_BUILD_ID || version;

/**
 * Names the wording a build ships: sha256 over the path and bytes of every JSON file under content/, sorted by
 * path, first 8 hex characters. Support compares it when two people see different text for the same step.
 */
function hashContent(): string {
  const root = new URL('./content/', import.meta.url);
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split('\\').join('/'))
    .filter((file) => file.endsWith('.json'))
    .sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash
      .update(`${file}\0`)
      .update(readFileSync(new URL(file, root)))
      .update('\0');
  }
  return hash.digest('hex').slice(0, 8);
}

/** Icons from public/icon.svg; the full-bleed ones (maskable, apple) sit on the theme colour, not white. */
const iconPreset: Preset = {
  ...minimal2023Preset,
  maskable: { sizes: [512], padding: 0.3, resizeOptions: { background: themeColor } },
  apple: { sizes: [180], padding: 0.2, resizeOptions: { background: themeColor } },
};

/** Writes the build id into index.html so tests and support can tell which version is running. */
function buildIdMeta(): Plugin {
  return {
    name: 'tapfix:build-id',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { name: 'tapfix-build', content: buildId }, injectTo: 'head' }],
  };
}

/**
 * The Content Security Policy of the built app, as a <meta> (the nginx config in .deploy/ sends the same policy as a
 * header, plus frame-ancestors, which only works as a header). Build only: the dev server's React refresh preamble
 * is an inline script.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** Puts the CSP right after <meta charset>, ahead of every script and link: a meta policy governs only what follows. */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'tapfix:csp-meta',
    apply: 'build',
    transformIndexHtml(html) {
      const charset = /<meta charset="[^"]*"\s*\/?>/i;
      if (!charset.test(html)) throw new Error('index.html needs <meta charset> for the CSP meta to follow');
      const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}" />`;
      return html.replace(charset, (tag) => `${tag}\n    ${meta}`);
    },
  };
}

export default defineConfig({
  define: {
    __TAPFIX_BUILD__: JSON.stringify(buildId),
    __TAPFIX_CONTENT_VERSION__: JSON.stringify(hashContent()),
  },
  plugins: [
    react(),
    buildIdMeta(),
    contentSecurityPolicyMeta(),
    VitePWA({
      // Prompt, never auto-reload: an update must not interrupt a diagnosis at the counter.
      registerType: 'prompt',
      // src/pwa registers the worker itself (virtual:pwa-register).
      injectRegister: false,
      manifest: {
        id: './',
        name: 'TapFix 挥卡诊断',
        short_name: '挥卡诊断',
        description: '挥卡交易终止怎么办？离线也能一步步排查。',
        lang: 'zh-CN',
        dir: 'ltr',
        start_url: './',
        scope: './',
        display: 'standalone',
        theme_color: themeColor,
        background_color: '#ffffff',
        categories: ['business', 'utilities'],
      },
      pwaAssets: {
        image: 'public/icon.svg',
        preset: iconPreset,
        htmlPreset: '2023',
        includeHtmlHeadLinks: true,
        // index.html carries its own theme-color meta.
        injectThemeColor: false,
      },
      workbox: {
        // Everything the app can show offline, every locale's lazily imported content chunk included.
        // No webmanifest here: the plugin adds manifest.webmanifest itself, and a second entry with
        // another revision makes Workbox refuse to install (add-to-cache-list-conflicting-entries).
        globPatterns: ['**/*.{js,css,html,svg,png,ico,json}'],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        clientsClaim: false,
        skipWaiting: false,
        // Same-origin precache only: nothing is fetched from, or cached for, another origin.
        runtimeCaching: [],
      },
    }),
  ],
  test: {
    environment: 'jsdom',
    include: ['tests/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/setup.ts'],
    css: false,
  },
});
