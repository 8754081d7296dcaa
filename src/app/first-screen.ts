import { legacyDiagnosisKey, savedHintKey } from '../persistence/keys.ts';
import { loadSupportMode } from '../persistence/preferences.ts';
import type { KeyValueStorage } from '../persistence/storage.ts';

/**
 * index.html carries the home screen of every language as the build rendered it (nothing saved, no link to
 * follow), so it paints before any script has run; the boot script shows the one in this visit's language.
 * Whether such a home is what this visit will show:
 */
export function prerenderFits(storage: KeyValueStorage | null, hash: string): boolean {
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

/**
 * Wraps each language's prerendered home inside #root (`data-prerender="en"`); the stylesheet shows only the one
 * matching <html lang>, and main.tsx hydrates it and drops the others.
 */
export const prerenderAttribute = 'data-prerender';

/**
 * Once the page is parsed (before the app's scripts run), drops the homes of the other languages: hidden already,
 * they would still repeat every element id and button three times over.
 */
export function dropOtherPrerenders(target: Document, language: string): void {
  const drop = () => {
    for (const screen of target.querySelectorAll(`#root > [${prerenderAttribute}]`)) {
      if (screen.getAttribute(prerenderAttribute) !== language) screen.remove();
    }
  };
  if (target.readyState !== 'loading') drop();
  else target.addEventListener('readystatechange', drop, { once: true });
}

/** The boot script's data attribute: each language's start content chunks, which it preloads for this visit's. */
export const startContentAttribute = 'data-start-content';

/** The boot script's data attribute: the app's entry script, which it runs once the first frame is painted. */
export const entryAttribute = 'data-entry';

/** The longest wait for a painted frame: a tab opened in the background paints nothing until it is shown. */
const firstFrameTimeout = 500;

/**
 * Adds the app's entry script once the page is parsed and its first frame painted. The build preloads the entry
 * (fetched and parsed in parallel), so on a slow network this costs nothing; on a fast one, or offline, the
 * prerendered screen paints before the app's start-up work instead of after it.
 */
export function runEntryAfterFirstPaint(target: Window, src: string): void {
  const document = target.document;
  let added = false;
  const add = () => {
    if (added) return;
    added = true;
    const script = document.createElement('script');
    script.type = 'module';
    script.crossOrigin = '';
    script.src = src;
    document.head.append(script);
  };
  const afterFrame = () => {
    // A task queued from a frame's callbacks runs after that frame is painted.
    target.requestAnimationFrame(() => target.setTimeout(add, 0));
    target.setTimeout(add, firstFrameTimeout);
  };
  if (document.readyState !== 'loading') afterFrame();
  else document.addEventListener('readystatechange', afterFrame, { once: true });
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
 * "逐步排查" before the scripts arrive is not ignored. Enter in the search box counts too: the browser submits a
 * form by clicking its submit button, and the app reads the box's text when that click is made again. Forms never
 * submit natively: every form is handled in the app, and a native submit before it starts would reload the page.
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
