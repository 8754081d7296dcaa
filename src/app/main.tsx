import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { pickLanguage } from '../i18n/languages.ts';
import { createI18n } from '../i18n/setup.ts';
import { loadLanguage } from '../persistence/preferences.ts';
import { browserStorage } from '../persistence/storage.ts';
import '../ui/styles.css';
import { App } from './app.tsx';

const storage = browserStorage();
const language = pickLanguage(loadLanguage(storage), navigator.languages);
document.documentElement.lang = language;

const i18n = await createI18n({ language });
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App i18n={i18n} storage={storage} />
    </StrictMode>,
  );
}
