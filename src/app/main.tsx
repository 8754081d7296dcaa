import { startTransition, StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { pickLanguage } from '../i18n/languages.ts';
import { getDiagnosisMachine } from '../domain/diagnosis/diagnosis.machine.ts';
import { createI18n, loadFallbackContent } from '../i18n/setup.ts';
import { diagnosisPrefix } from '../persistence/keys.ts';
import { openBrowserRecords } from '../persistence/open-records.ts';
import { loadLanguage } from '../persistence/preferences.ts';
import { browserStorage } from '../persistence/storage.ts';
import { browserPwaBridges, PwaProvider } from '../pwa/pwa-context.tsx';
import '../ui/styles.css';
// Inline with the rest: the offer's code comes later (later-parts.tsx), its styles need no file of their own.
import '../ui/install-offer.css';
import { App, supportAtStart } from './app.tsx';
import { prerenderAttribute, stalePrerenderAttribute, takeEarlyTap } from './first-screen.ts';

// Evaluating the app's modules is one long task on a slow phone: what main.tsx starts comes in tasks of its own.
await new Promise((next) => setTimeout(next, 0));

const settings = browserStorage();
const language = pickLanguage(loadLanguage(settings), navigator.languages);
document.documentElement.lang = language;

// Starting in support mode, its texts come with the start content: its first step shows the script, not a gap.
const content = createI18n({ language, support: supportAtStart(settings) });
// The content and the saved records load side by side; IndexedDB opens in a few milliseconds. The diagnosis
// machine is built meanwhile in a task of its own (a third of this script's evaluation at 4× CPU when it was built
// at import), so neither task blocks a phone's page for long; taps made until the app starts are still kept.
const [i18n, { records, durable }] = await Promise.all([
  content,
  openBrowserRecords(settings),
  new Promise<void>((built) => setTimeout(() => built(void getDiagnosisMachine()), 0)),
]);
const root = document.getElementById('root');
if (root) {
  const html = document.documentElement;
  // Every language's home is in the page; the boot script showed this visit's (or hid them all: stale). A save
  // brings a resume offer (or a notice) above home: then the prerendered home is not this visit's screen, even
  // when the boot script's hint was lost.
  const screens = [...root.children].filter((screen) => screen.hasAttribute(prerenderAttribute));
  const prerendered =
    html.hasAttribute(stalePrerenderAttribute) || records.keys(diagnosisPrefix).length > 0
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
      <PwaProvider bridges={browserPwaBridges(settings)}>
        <App i18n={i18n} settings={settings} records={records} durable={durable} onStarted={replayEarlyTap} />
      </PwaProvider>
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
