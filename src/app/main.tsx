import { startTransition, StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { pickLanguage } from '../i18n/languages.ts';
import { createI18n, loadFallbackContent } from '../i18n/setup.ts';
import { loadLanguage } from '../persistence/preferences.ts';
import { browserStorage } from '../persistence/storage.ts';
import '../ui/styles.css';
import { App } from './app.tsx';
import { prerenderAttribute, stalePrerenderAttribute, takeEarlyTap } from './first-screen.ts';

const storage = browserStorage();
const language = pickLanguage(loadLanguage(storage), navigator.languages);
document.documentElement.lang = language;

const i18n = await createI18n({ language });
const root = document.getElementById('root');
if (root) {
  const html = document.documentElement;
  // Every language's home is in the page; the boot script showed this visit's (or hid them all: stale).
  const screens = [...root.children].filter((screen) => screen.hasAttribute(prerenderAttribute));
  const prerendered = html.hasAttribute(stalePrerenderAttribute)
    ? undefined
    : screens.find((screen) => screen.getAttribute(prerenderAttribute) === language);
  // A tap on the prerendered home before the app could answer it is made again once it can; from here on
  // React answers taps itself (it hydrates at once on a tap).
  let earlyTap = takeEarlyTap(window);
  const replayEarlyTap = () => {
    // For the bench (and any profiler): from here on a tap is answered.
    performance.mark('tapfix:started');
    earlyTap?.click();
    earlyTap = null;
    loadFallbackContent(i18n);
  };
  const app = (
    <StrictMode>
      <App i18n={i18n} storage={storage} onStarted={replayEarlyTap} />
    </StrictMode>
  );
  // As a transition, React renders in slices and lets the browser answer in between (no long task on a slow
  // phone); a tap on the not yet hydrated home makes React hydrate at once and answer it.
  startTransition(() => {
    if (prerendered) {
      for (const screen of screens) if (screen !== prerendered) screen.remove();
      // Shown for good: a later language change must not hide it.
      prerendered.removeAttribute(prerenderAttribute);
      hydrateRoot(prerendered, app);
    } else {
      // No prerendered home (dev server), or not the screen this visit shows: render from scratch.
      root.replaceChildren();
      html.removeAttribute(stalePrerenderAttribute);
      createRoot(root).render(app);
    }
  });
}
