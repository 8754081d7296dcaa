/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import { minimal2023Preset, type Preset } from '@vite-pwa/assets-generator/config';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const themeColor = '#0f5257';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/** Identifies a build: the package version unless CI (or the update test) names the build. */
const buildId = process.env.TAPFIX_BUILD_ID || version;

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

export default defineConfig({
  define: {
    __TAPFIX_BUILD__: JSON.stringify(buildId),
  },
  plugins: [
    react(),
    buildIdMeta(),
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
