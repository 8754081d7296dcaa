import i18next, { type i18n, type Resource } from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';
import { contentLoaders } from 'virtual:tapfix-content';
import { defaultLanguage, isLanguage, languages, type Language } from './languages.ts';
import { startNamespaces, supportNamespaces, type Namespace, type StartNamespace } from './resources.ts';

const isStartNamespace = (namespace: string): namespace is StartNamespace =>
  (startNamespaces as readonly string[]).includes(namespace);

/** Loads one content file on demand: a start namespace comes with the rest of its language's start content. */
async function loadContent(language: string, namespace: string): Promise<Record<string, unknown>> {
  if (!isLanguage(language)) throw new Error(`no content for language ${language}`);
  const loaders = contentLoaders[language];
  if (isStartNamespace(namespace)) return (await loaders.start()).default[namespace];
  const load = loaders[namespace as Namespace];
  if (!load) throw new Error(`no content file ${language}/${namespace}`);
  return (await load()).default;
}

export interface I18nOptions {
  language: Language;
  /** Preloaded resources (tests, prerender); without them content files load lazily. */
  resources?: Resource;
  /** Starting in support mode: its texts load with the start content, so its first screen is whole. */
  support?: boolean;
}

/** Runs work when the browser is idle (at the latest after a few seconds), or in the next task where it cannot tell. */
const whenIdle = (work: () => void) =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(work, { timeout: 5000 }) : setTimeout(work, 0);

/**
 * Creates a ready i18next instance; zh-CN is the fallback for any missing key. Loading lazily in another language,
 * the fallback's files are left for loadFallbackContent, once the app has started: content:check keeps every key
 * in every language, so the fallback is a safety net, not worth a second download on the first screen's path.
 */
export async function createI18n({ language, resources, support = false }: I18nOptions): Promise<i18n> {
  const instance = i18next.createInstance().use(initReactI18next);
  if (!resources) instance.use(resourcesToBackend(loadContent));
  const fallbackLater = !resources && language !== defaultLanguage;
  await instance.init({
    lng: language,
    // A fixed value (not a function) keeps i18next's per-language lookup cached: t() runs on every step.
    fallbackLng: fallbackLater ? false : defaultLanguage,
    supportedLngs: [...languages],
    // The rest (map, about, summary) loads with the page that needs it, support mode's with support mode.
    ns: support ? [...startNamespaces, ...supportNamespaces] : [...startNamespaces],
    defaultNS: 'common',
    ...(resources ? { resources } : {}),
    interpolation: { escapeValue: false },
    returnNull: false,
    react: { useSuspense: false },
  });
  return instance;
}

/** Loads the fallback language's content when the browser is next idle, if createI18n left it out. */
export function loadFallbackContent(instance: i18n): void {
  if (instance.options.fallbackLng !== false) return;
  whenIdle(() => {
    instance
      .loadLanguages(defaultLanguage)
      .then(() => {
        instance.options.fallbackLng = defaultLanguage;
      })
      .catch(() => undefined);
  });
}
