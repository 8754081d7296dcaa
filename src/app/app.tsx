import type { i18n as I18n } from 'i18next';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { Snapshot } from 'xstate';
import type { Language } from '../i18n/languages.ts';
import { saveLanguage } from '../persistence/preferences.ts';
import type { KeyValueStorage } from '../persistence/storage.ts';
import { DiagnosisActor } from '../ui/diagnosis-actor.ts';
import { HomeScreen } from '../ui/home-screen.tsx';
import { LanguageSwitch } from '../ui/language-switch.tsx';
import { NavBar } from '../ui/nav-bar.tsx';
import { PwaNotices } from '../ui/pwa-notices.tsx';
import { StepScreen, useCurrentStep } from '../ui/step-screen.tsx';
import { useNavigation } from './history-sync.ts';

export interface AppProps {
  i18n: I18n;
  storage: KeyValueStorage | null;
  /** A diagnosis to resume (persistence) or to start from (tests). */
  snapshot?: Snapshot<unknown>;
}

/** Composition root: wires the machine, content, storage and service worker into the views. */
export function App({ i18n, storage, snapshot }: AppProps) {
  return (
    <I18nextProvider i18n={i18n}>
      <DiagnosisActor.Provider options={snapshot ? { snapshot } : undefined}>
        <Shell storage={storage} />
      </DiagnosisActor.Provider>
    </I18nextProvider>
  );
}

function Shell({ storage }: { storage: KeyValueStorage | null }) {
  const { t, i18n } = useTranslation();
  const step = useCurrentStep();
  useNavigation(DiagnosisActor.useActorRef());

  function changeLanguage(language: Language) {
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
    saveLanguage(storage, language);
  }

  return (
    <div className="shell">
      <header className="top-bar">
        <span className="brand">{t('app.name')}</span>
        <LanguageSwitch onChange={changeLanguage} />
      </header>
      <PwaNotices canUpdateNow={step === 'home'} />
      <main className="main">{step === 'home' ? <HomeScreen /> : <StepScreen step={step} />}</main>
      {step === 'home' ? null : <NavBar />}
    </div>
  );
}
