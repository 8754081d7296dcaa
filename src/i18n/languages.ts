/** Languages the app ships, default first. */
export const languages = ['zh-CN', 'en'] as const;

export type Language = (typeof languages)[number];

export const defaultLanguage: Language = 'zh-CN';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** A stored choice wins; else the first browser language we ship (zh-TW/HK fall back to zh-CN for now); else zh-CN. */
export function pickLanguage(stored: string | null, browser: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of browser) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return defaultLanguage;
}
