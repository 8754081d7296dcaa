// The boot script: inline in <head> (vite.config.ts bundles it), run before the first paint. It names the
// language, which shows that language's prerendered home (index.html's inline style) and drops the others once
// parsed, hides the prerender when this visit will show something else, preloads the language's start content
// next to the entry, keeps early taps, and runs the entry once the first frame is painted.
import { pickLanguage } from '../i18n/languages.ts';
import { loadLanguage } from '../persistence/preferences.ts';
import { browserStorage } from '../persistence/storage.ts';
import {
  dropOtherPrerenders,
  entryAttribute,
  keepEarlyTaps,
  prerenderFits,
  runEntryAfterFirstPaint,
  stalePrerenderAttribute,
  startContentAttribute,
} from './first-screen.ts';

const storage = browserStorage();
const language = pickLanguage(loadLanguage(storage), navigator.languages);
document.documentElement.lang = language;
if (!prerenderFits(storage, location.hash)) {
  document.documentElement.setAttribute(stalePrerenderAttribute, '');
}

/** The start content of this language, fetched while the entry downloads instead of after it has run. */
function preloadStartContent(script: HTMLOrSVGScriptElement | null) {
  try {
    const chunks: unknown = JSON.parse(script?.getAttribute(startContentAttribute) ?? '{}');
    const files = chunks && typeof chunks === 'object' ? (chunks as Record<string, unknown>)[language] : null;
    if (!Array.isArray(files)) return;
    for (const href of files) {
      const link = document.createElement('link');
      link.rel = 'modulepreload';
      link.crossOrigin = '';
      link.href = String(href);
      document.head.append(link);
    }
  } catch {
    // Only a head start is lost: the app loads its content itself.
  }
}

const script = document.currentScript;
preloadStartContent(script);
dropOtherPrerenders(document, language);
keepEarlyTaps(window);
const entry = script?.getAttribute(entryAttribute);
if (entry) runEntryAfterFirstPaint(window, entry);
