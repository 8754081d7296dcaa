import type { KeyValueStorage } from './storage.ts';

const languageKey = 'tapfix.language';

export function loadLanguage(storage: KeyValueStorage | null): string | null {
  try {
    return storage?.getItem(languageKey) ?? null;
  } catch {
    return null;
  }
}

export function saveLanguage(storage: KeyValueStorage | null, language: string): void {
  try {
    storage?.setItem(languageKey, language);
  } catch {
    // Quota or privacy mode: the choice lasts for this visit only.
  }
}
