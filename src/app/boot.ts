// The boot script: inline in <head> (vite.config.ts bundles it), run before the first paint. It names the
// language, which shows that language's prerendered home (index.html's inline style) and drops the others once
// parsed, hides the prerender when this visit will show something else, keeps early taps, and once the first
// frame is painted requests the entry (with its imports and the language's start content) and runs it.
import { pickLanguage } from '../i18n/languages.ts';
import { loadLanguage } from '../persistence/preferences.ts';
import { browserStorage } from '../persistence/storage.ts';
import {
  dropOtherPrerenders,
  entryAttribute,
  entryImportsAttribute,
  keepEarlyTaps,
  prerenderFits,
  startAppAfterFirstPaint,
  stalePrerenderAttribute,
  startContentAttribute,
} from './first-screen.ts';

const storage = browserStorage();
const language = pickLanguage(loadLanguage(storage), navigator.languages);
document.documentElement.lang = language;
if (!prerenderFits(storage, location.hash)) {
  document.documentElement.setAttribute(stalePrerenderAttribute, '');
}

/** A JSON list of URLs in one of the script's attributes; a broken one costs only a head start. */
function urlList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

/** The entry's imports and this language's start content, fetched next to the entry instead of after it has run. */
function preloadsOf(script: HTMLOrSVGScriptElement | null): string[] {
  try {
    const imports = urlList(JSON.parse(script?.getAttribute(entryImportsAttribute) ?? '[]'));
    const chunks: unknown = JSON.parse(script?.getAttribute(startContentAttribute) ?? '{}');
    const content = chunks && typeof chunks === 'object' ? (chunks as Record<string, unknown>)[language] : null;
    return [...imports, ...urlList(content)];
  } catch {
    // The entry still imports what it needs, and the app loads its content itself.
    return [];
  }
}

const script = document.currentScript;
dropOtherPrerenders(document, language);
keepEarlyTaps(window);
const entry = script?.getAttribute(entryAttribute);
if (entry) startAppAfterFirstPaint(window, { entry, preloads: preloadsOf(script) });
