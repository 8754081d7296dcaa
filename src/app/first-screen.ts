import { defaultLanguage, type Language } from '../i18n/languages.ts';
import { legacyDiagnosisKey, savedHintKey } from '../persistence/keys.ts';
import { loadSupportMode } from '../persistence/preferences.ts';
import type { KeyValueStorage } from '../persistence/storage.ts';

/**
 * index.html carries the home screen as the build rendered it (zh-CN, nothing saved, no link to follow), so it
 * paints before any script has run. Whether that markup is what this visit will show:
 */
export function prerenderFits(storage: KeyValueStorage | null, language: Language, hash: string): boolean {
  if (language !== defaultLanguage) return false;
  if (hash !== '' && hash !== '#/') return false;
  // Without storage the home screen says progress will not be kept.
  if (!storage) return false;
  try {
    // A save (even one the app will drop) may bring a resume offer or a notice above home. Saves live in
    // IndexedDB, which a classic script cannot read before the paint: the app keeps a hint here.
    // Support mode's header and seat question are not in the prerendered home either.
    return (
      storage.getItem(savedHintKey) === null &&
      storage.getItem(legacyDiagnosisKey) === null &&
      !loadSupportMode(storage)
    );
  } catch {
    return false;
  }
}

/** Set on <html> by the boot script when the prerendered home would be the wrong screen: it stays hidden. */
export const stalePrerenderAttribute = 'data-prerender-stale';

/** A tap on the prerendered screen before the app could answer it, handed from the boot script to main.tsx. */
interface EarlyTaps {
  last: HTMLElement | null;
  listening: boolean;
}

declare global {
  interface Window {
    tapfixEarlyTaps?: EarlyTaps;
  }
}

/**
 * Remembers the last button tapped while the prerendered screen has no handlers yet, so a merchant who taps
 * "逐步排查" before the scripts arrive is not ignored. Forms never submit natively: every form is handled in
 * the app, and a native submit before it starts would reload the page.
 */
export function keepEarlyTaps(target: Window): void {
  const taps: EarlyTaps = { last: null, listening: true };
  target.tapfixEarlyTaps = taps;
  target.document.addEventListener(
    'click',
    (event) => {
      if (!taps.listening || !(event.target instanceof Element)) return;
      taps.last = event.target.closest('button') ?? taps.last;
    },
    true,
  );
  target.document.addEventListener('submit', (event) => event.preventDefault(), true);
}

/** Stops keeping taps (the app answers them from now on) and returns the button tapped before, if any. */
export function takeEarlyTap(target: Window): HTMLElement | null {
  const taps = target.tapfixEarlyTaps;
  if (!taps) return null;
  taps.listening = false;
  const last = taps.last;
  taps.last = null;
  return last;
}
