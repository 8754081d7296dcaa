/// <reference types="vitest/config" />
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minimal2023Preset, type Preset } from '@vite-pwa/assets-generator/config';
import react from '@vitejs/plugin-react';
import { build, defineConfig, runnerImport, type Plugin, type Rolldown } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import {
  metaPolicy,
  nginxHeaderSnippet,
  nginxSnippetFile,
  type InlineSources,
} from './src/app/content-security-policy.ts';
import { entryAttribute, prerenderAttribute, startContentAttribute } from './src/app/first-screen.ts';
import { languages, type Language } from './src/i18n/languages.ts';
import { namespaces, startNamespaces } from './src/i18n/resources.ts';

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

const toPosix = (path: string) => path.split('\\').join('/');

/**
 * virtual:tapfix-content, how i18next loads content (src/i18n/setup.ts): a language's start namespaces in one
 * module, so one chunk and one request (which the boot script makes next to the entry's); every other namespace
 * on its own, loaded with the page that needs it.
 */
function contentModules(): Plugin {
  const contentDir = toPosix(fileURLToPath(new URL('./content/', import.meta.url)));
  const loadersId = 'virtual:tapfix-content';
  const startId = `${loadersId}/start/`;
  const later = namespaces.filter((namespace) => !(startNamespaces as readonly string[]).includes(namespace));
  const file = (language: string, namespace: string) => JSON.stringify(`${contentDir}${language}/${namespace}.json`);
  return {
    name: 'tapfix:content',
    resolveId: (id) => (id === loadersId || id.startsWith(startId) ? `\0${id}` : null),
    load(id) {
      if (id === `\0${loadersId}`) {
        const entries = languages.map((language) => {
          const loaders = [
            `start: () => import(${JSON.stringify(startId + language)})`,
            ...later.map((namespace) => `${namespace}: () => import(${file(language, namespace)})`),
          ];
          return `  ${JSON.stringify(language)}: { ${loaders.join(', ')} },`;
        });
        return `export const contentLoaders = {\n${entries.join('\n')}\n};\n`;
      }
      if (id.startsWith(`\0${startId}`)) {
        const language = id.slice(startId.length + 1);
        const imports = startNamespaces.map((namespace, i) => `import n${i} from ${file(language, namespace)};`);
        const fields = startNamespaces.map((namespace, i) => `${JSON.stringify(namespace)}: n${i}`);
        return `${imports.join('\n')}\nexport default { ${fields.join(', ')} };\n`;
      }
      return null;
    },
  };
}

/** The build's chunks holding a language's start content (src/i18n/resources.ts), for the boot script to preload. */
function startContentChunks(bundle: Rolldown.OutputBundle, language: Language): string[] {
  const start = `\0virtual:tapfix-content/start/${language}`;
  return Object.values(bundle)
    .filter((file) => file.type === 'chunk' && file.moduleIds.includes(start))
    .map((chunk) => chunk.fileName);
}

/** Names each language's start content chunk content-<language>-<hash>.js (a group would add a facade chunk). */
function chunkFileName(chunk: Rolldown.PreRenderedChunk): string {
  const start = chunk.facadeModuleId?.startsWith('\0virtual:tapfix-content/start/');
  return start ? 'assets/content-[name]-[hash].js' : 'assets/[name]-[hash].js';
}

/**
 * The first screen, ready before any file but index.html arrives: every language's home rendered at build time
 * (src/app/prerender.tsx), the stylesheet and the boot script inline, and the CSP (src/app/content-security-policy.ts)
 * listing the hashes of both. The boot script shows the home of this visit's language and preloads its content;
 * main.tsx hydrates that home. The build also writes the policy as an nginx header (nginx-csp.conf).
 */
function firstScreen(): Plugin {
  let boot = '';
  let base = '/';
  let outDir = 'dist';
  let inline: InlineSources | null = null;
  const inlinedStylesheets: string[] = [];
  return {
    name: 'tapfix:first-screen',
    apply: 'build',
    configResolved(config) {
      base = config.base;
      outDir = resolve(config.root, config.build.outDir);
    },
    async buildStart() {
      boot = await bundleBootScript();
      if (boot.includes('</script')) throw new Error('boot script: its code cannot sit inline (</script)');
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html, { bundle }) {
        if (!bundle) throw new Error('tapfix:first-screen runs in the build only');
        const { module } = await runnerImport<{ renderFirstScreen(language: Language): Promise<string> }>(
          '/src/app/prerender.tsx',
          { configFile: false, logLevel: 'warn', define, plugins: [serverRenderStubs(), contentModules()] },
        );
        const screens: string[] = [];
        for (const language of languages) {
          screens.push(`<div ${prerenderAttribute}="${language}">${await module.renderFirstScreen(language)}</div>`);
        }
        const root = '<div id="root"></div>';
        if (!html.includes(root)) throw new Error(`index.html needs an empty ${root} to prerender into`);

        const links = html.match(/<link rel="stylesheet"[^>]*>/g) ?? [];
        const stylesheets = links
          .map((tag) => {
            const file = (/href="([^"]+)"/.exec(tag)?.[1] ?? '').slice(base.length);
            const asset = bundle[file];
            if (asset?.type !== 'asset') throw new Error(`stylesheet ${file} is not in the bundle`);
            inlinedStylesheets.push(file);
            return String(asset.source);
          })
          .join('\n');
        // Every language's home is in the page: only the one in <html lang> (set by the boot script) shows.
        const oneLanguage = languages.map((l) => `html:not([lang="${l}"]) [${prerenderAttribute}="${l}"]`);
        const css = `${stylesheets}\n${oneLanguage.join(',\n')} {\n  display: none;\n}\n`;
        if (css.includes('</style')) throw new Error('the stylesheet cannot sit inline (</style)');

        const startContent = JSON.stringify(
          Object.fromEntries(
            languages.map((language) => [language, startContentChunks(bundle, language).map((f) => base + f)]),
          ),
        );
        if (startContent.includes("'")) throw new Error('start content URLs cannot hold a quote');
        inline = { scripts: [boot], styles: [css] };
        // The policy first (a <meta> policy governs only what follows); then the entry's module scripts, which
        // run only once the page is parsed but should be requested before anything else; then what the first
        // paint needs.
        const modules = html.match(/<script type="module"[^>]*><\/script>|<link rel="modulepreload"[^>]*>/g) ?? [];
        // The entry runs once the first frame is painted (the boot script adds it): requested here at once as a
        // module preload, it is parsed while the page paints, and a fast network no longer holds the first paint
        // behind the app's start-up work.
        let entry = '';
        const preloads = modules.map((tag) => {
          const src = /<script type="module"[^>]*\ssrc="([^"]+)"/.exec(tag)?.[1];
          if (!src) return tag;
          const chunk = bundle[src.slice(base.length)];
          // The $initial group holds main.tsx: its chunk is the entry (rolldown's runtime comes as a script too).
          const main = (id: string) => toPosix(id).endsWith('/src/app/main.tsx');
          if (chunk?.type === 'chunk' && chunk.moduleIds.some(main)) entry = src;
          return `<link rel="modulepreload" crossorigin href="${src}">`;
        });
        if (!entry) throw new Error('index.html: no entry script for src/app/main.tsx');
        const head = [
          `<meta http-equiv="Content-Security-Policy" content="${metaPolicy(inline)}" />`,
          ...preloads,
          `<style>${css}</style>`,
          `<script ${entryAttribute}="${entry}" ${startContentAttribute}='${startContent}'>${boot}</script>`,
        ].join('\n    ');
        const charset = /<meta charset="[^"]*"\s*\/?>/i;
        if (!charset.test(html)) throw new Error('index.html needs <meta charset> for the CSP meta to follow');
        return [...links, ...modules]
          .reduce((page, tag) => page.replace(tag, ''), html)
          .replace(charset, (tag) => `${tag}\n    ${head}`)
          .replace(root, `<div id="root">${screens.join('')}</div>`);
      },
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        // Inline in index.html now; nothing else links them.
        for (const file of inlinedStylesheets) delete bundle[file];
      },
    },
    async writeBundle() {
      if (!inline) throw new Error('tapfix:first-screen: index.html was not transformed');
      await writeFile(join(outDir, nginxSnippetFile), nginxHeaderSnippet(inline));
    },
  };
}

export default defineConfig({
  define,
  resolve: {
    // @xstate/react and react-i18next import use-sync-external-store's shim, written for React < 18; its own
    // non-shim entries use React's built-in hook (React 19 here) and ship ~0.7 KB less gzip on the first screen.
    alias: [
      { find: /^use-sync-external-store\/shim\/with-selector$/, replacement: 'use-sync-external-store/with-selector' },
      { find: /^use-sync-external-store\/shim$/, replacement: 'use-sync-external-store' },
    ],
  },
  build: {
    rolldownOptions: {
      preserveEntrySignatures: false,
      output: {
        chunkFileNames: chunkFileName,
        // Everything the first screen runs in one file: on HTTP/1.1 each more file waits for a free connection.
        codeSplitting: { groups: [{ name: 'index', tags: ['$initial'] }] },
      },
    },
  },
  // The lookup's worker is a module worker (src/ui/lookup-client.ts), like the app's own chunks.
  worker: { format: 'es' },
  plugins: [
    react(),
    contentModules(),
    buildIdMeta(),
    firstScreen(),
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
