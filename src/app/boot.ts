// The boot script: a classic script in <head> (vite.config.ts bundles it), run before the first paint.
// It names the language early and hides the prerendered home when this visit will show something else.
import { pickLanguage } from '../i18n/languages.ts';
import { loadLanguage } from '../persistence/preferences.ts';
import { browserStorage } from '../persistence/storage.ts';
import { keepEarlyTaps, prerenderFits, stalePrerenderAttribute } from './first-screen.ts';

const storage = browserStorage();
const language = pickLanguage(loadLanguage(storage), navigator.languages);
document.documentElement.lang = language;
if (!prerenderFits(storage, language, location.hash)) {
  document.documentElement.setAttribute(stalePrerenderAttribute, '');
}
keepEarlyTaps(window);
