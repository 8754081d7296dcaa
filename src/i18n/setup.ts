import i18next, { type i18n, type Resource } from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';
import { defaultLanguage, languages, type Language } from './languages.ts';
import { namespaces } from './resources.ts';

/** Loads one content file on demand, so only the active language ships up front. */
const loadContent = (language: string, namespace: string) =>
  import(`../../content/${language}/${namespace}.json`) as Promise<{ default: Record<string, unknown> }>;

export interface I18nOptions {
  language: Language;
  /** Preloaded resources (tests, prerender); without them content files load lazily. */
  resources?: Resource;
}

/** Creates a ready i18next instance; zh-CN is the fallback for any missing key. */
export async function createI18n({ language, resources }: I18nOptions): Promise<i18n> {
  const instance = i18next.createInstance().use(initReactI18next);
  if (!resources) instance.use(resourcesToBackend(loadContent));
  await instance.init({
    lng: language,
    fallbackLng: defaultLanguage,
    supportedLngs: [...languages],
    ns: [...namespaces],
    defaultNS: 'common',
    ...(resources ? { resources } : {}),
    interpolation: { escapeValue: false },
    returnNull: false,
    react: { useSuspense: false },
  });
  return instance;
}
