// Build time only (vite.config.ts): the home screen of each language as HTML, written into index.html so it paints
// before the scripts run; main.tsx then hydrates the one the boot script showed.
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { defaultLanguage, type Language } from '../i18n/languages.ts';
import { createI18n } from '../i18n/setup.ts';
import { memoryRecords } from '../persistence/records.ts';
import type { KeyValueStorage } from '../persistence/storage.ts';
import { App } from './app.tsx';

/** A first visit: storage that works and holds nothing (see prerenderFits for when this markup is used). */
const emptySettings: KeyValueStorage = {
  getItem: () => null,
  setItem: () => undefined,
  removeItem: () => undefined,
};

/**
 * Every content file, bundled in: the build loads this module once and renders later, when nothing more can be
 * loaded lazily.
 */
const content = import.meta.glob<Record<string, unknown>>('../../content/*/*.json', { eager: true, import: 'default' });

/** One language's content files by namespace. */
function contentOf(language: Language): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    Object.entries(content).flatMap(([path, bundle]) => {
      const [, folder, namespace] = /([\w-]+)\/([\w-]+)\.json$/.exec(path) ?? [];
      return folder === language && namespace ? [[namespace, bundle]] : [];
    }),
  );
}

/** The home screen in one language, as main.tsx renders it on a first visit. */
export async function renderFirstScreen(language: Language): Promise<string> {
  const i18n = await createI18n({
    language,
    resources: { [language]: contentOf(language), [defaultLanguage]: contentOf(defaultLanguage) },
  });
  return renderToString(
    <StrictMode>
      <App i18n={i18n} settings={emptySettings} records={memoryRecords()} />
    </StrictMode>,
  );
}
