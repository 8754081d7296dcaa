/// <reference types="vitest/config" />
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { minimal2023Preset, type Preset } from '@vite-pwa/assets-generator/config';
import react from '@vitejs/plugin-react';
import { build, defineConfig, runnerImport, type Plugin, type Rolldown } from 'vite';
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

const define = {
  __TAPFIX_BUILD__: JSON.stringify(buildId),
  __TAPFIX_CONTENT_VERSION__: JSON.stringify(hashContent()),
};

/** src/app/boot.ts as one classic script: it must run before the first paint, which a module script cannot. */
async function bundleBootScript(): Promise<string> {
  const output = (await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify: true,
      lib: {
        entry: fileURLToPath(new URL('./src/app/boot.ts', import.meta.url)),
        formats: ['iife'],
        name: 'tapfixBoot',
      },
    },
  })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
  const chunk = [output].flat()[0]?.output[0];
  if (!chunk || chunk.type !== 'chunk') throw new Error('boot script: the bundle has no chunk');
  return chunk.code;
}

/**
 * What a build-time render must not load: styles (the page links them) and the service worker registration
 * (only src/pwa imports it, and a render registers nothing).
 */
function serverRenderStubs(): Plugin {
  const stubs: Record<string, string> = {
    '\0tapfix:no-css': '',
    '\0tapfix:no-pwa-register': 'export const registerSW = () => () => Promise.resolve();',
  };
  return {
    name: 'tapfix:server-render-stubs',
    enforce: 'pre',
    resolveId(id) {
      if (id.endsWith('.css')) return '\0tapfix:no-css';
      if (id === 'virtual:pwa-register') return '\0tapfix:no-pwa-register';
      return null;
    },
    load: (id) => stubs[id] ?? null,
  };
}

/**
 * Writes the home screen, rendered at build time (src/app/prerender.tsx), into index.html so it paints before
 * the scripts load; main.tsx hydrates it. The boot script in <head> hides it on visits that show another screen.
 */
function prerenderFirstScreen(): Plugin {
  let boot = { fileName: '', code: '' };
  let base = '/';
  return {
    name: 'tapfix:prerender',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    async buildStart() {
      const code = await bundleBootScript();
      const hash = createHash('sha256').update(code).digest('hex').slice(0, 8);
      boot = { fileName: `assets/boot-${hash}.js`, code };
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: boot.fileName, source: boot.code });
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html) {
        const { module } = await runnerImport<{ renderFirstScreen(): Promise<string> }>('/src/app/prerender.tsx', {
          configFile: false,
          logLevel: 'warn',
          define,
          plugins: [serverRenderStubs()],
        });
        const markup = await module.renderFirstScreen();
        const root = '<div id="root"></div>';
        if (!html.includes(root)) throw new Error(`index.html needs an empty ${root} to prerender into`);
        // What the first paint waits for (stylesheets, then the boot script) goes first, right after the CSP:
        // requested behind the module preloads, it would queue for a free connection on HTTP/1.1.
        const stylesheets = html.match(/<link rel="stylesheet"[^>]*>/g) ?? [];
        const critical = [...stylesheets, `<script src="${base}${boot.fileName}"></script>`].join('\n    ');
        const policy = /<meta http-equiv="Content-Security-Policy"[^>]*>/;
        if (!policy.test(html)) throw new Error('index.html needs the CSP meta before the boot script');
        return stylesheets
          .reduce((page, tag) => page.replace(tag, ''), html)
          .replace(policy, (meta) => `${meta}\n    ${critical}`)
          .replace(root, `<div id="root">${markup}</div>`);
      },
    },
  };
}

export default defineConfig({
  define,
  plugins: [
    react(),
    buildIdMeta(),
    contentSecurityPolicyMeta(),
    prerenderFirstScreen(),
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
        // The first worker takes the page it was installed from, so its lazy pages load offline at once.
        clientsClaim: true,
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
    // Whole diagnoses clicked through jsdom take seconds on a busy 2-core machine; a timeout is not an assertion.
    testTimeout: 30_000,
  },
});
