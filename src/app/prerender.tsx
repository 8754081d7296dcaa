// Build time only (vite.config.ts): the first screen as HTML, written into index.html so it paints before the
// scripts run; main.tsx then hydrates it.
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { defaultLanguage } from '../i18n/languages.ts';
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
 * Every content file of the default language, bundled in: the build loads this module once and renders later,
 * when nothing more can be loaded lazily.
 */
const content = import.meta.glob<Record<string, unknown>>('../../content/zh-CN/*.json', {
  eager: true,
  import: 'default',
});

/** The home screen in the default language, as main.tsx renders it on a first visit. */
export async function renderFirstScreen(): Promise<string> {
  const bundles = Object.entries(content).map(([path, bundle]) => [/([\w-]+)\.json$/.exec(path)?.[1], bundle]);
  const i18n = await createI18n({
    language: defaultLanguage,
    resources: { [defaultLanguage]: Object.fromEntries(bundles) as Record<string, Record<string, unknown>> },
  });
  return renderToString(
    <StrictMode>
      <App i18n={i18n} settings={emptySettings} records={memoryRecords()} />
    </StrictMode>,
  );
}
