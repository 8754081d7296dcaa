/** Languages the app ships, default first. */
export const languages = ['zh-CN', 'en', 'zh-Hant'] as const;

export type Language = (typeof languages)[number];

export const defaultLanguage: Language = 'zh-CN';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** Browser tags that read Traditional Chinese: the script subtag, or a region that writes it. */
const traditional = /^zh-(hant|tw|hk|mo)(-|$)/;

/**
 * A stored choice wins; else the first browser language we ship (zh-TW, zh-HK, zh-MO and zh-Hant-* read
 * Traditional; any other zh reads Simplified); else zh-CN.
 */
export function pickLanguage(stored: string | null, browser: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of browser) {
    const lower = tag.toLowerCase();
    if (traditional.test(lower)) return 'zh-Hant';
    if (lower === 'zh' || lower.startsWith('zh-')) return 'zh-CN';
    if (lower === 'en' || lower.startsWith('en-')) return 'en';
  }
  return defaultLanguage;
}
