import type { i18n as I18n } from 'i18next';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { Snapshot } from 'xstate';
import type { StepId } from '../domain/diagnosis/steps.ts';
import { contentVersion as buildContentVersion } from '../i18n/content-version.ts';
import type { Language } from '../i18n/languages.ts';
import { clearDiagnosis } from '../persistence/diagnosis-store.ts';
import { createHistoryStore, type HistoryStore } from '../persistence/history-store.ts';
import type { Seat } from '../domain/case/seat.ts';
import { loadSeat, loadSupportMode, saveLanguage, saveSeat, saveSupportMode } from '../persistence/preferences.ts';
import type { KeyValueStorage } from '../persistence/storage.ts';
import { buildId } from '../pwa/build-id.ts';
import { DiagnosisActor } from '../ui/diagnosis-actor.ts';
import { ErrorBoundary } from '../ui/error-boundary.tsx';
import { HomeScreen } from '../ui/home-screen.tsx';
import { LanguageSwitch } from '../ui/language-switch.tsx';
import { MenuPage, type MenuTarget } from '../ui/menu-page.tsx';
import { NavBar } from '../ui/nav-bar.tsx';
import { PwaNotices } from '../ui/pwa-notices.tsx';
import { ResumePrompt } from '../ui/resume-prompt.tsx';
import type { ShareBridge } from '../ui/share-bridge.ts';
import { StepScreen, useCurrentStep, type SupportState } from '../ui/step-screen.tsx';
import { SeatPicker } from '../ui/seat-picker.tsx';
import { useNavigation, type Page } from './history-sync.ts';
import { useDiagnosisPersistence } from './persistence-sync.ts';
import { browserShare } from './share.ts';
import { readStartup, type Startup } from './startup.ts';

export interface AppProps {
  i18n: I18n;
  storage: KeyValueStorage | null;
  /** A diagnosis to start from (tests); without one, a saved diagnosis is offered on the home screen. */
  snapshot?: Snapshot<unknown>;
  /** The wording saves belong to: the build's content hash unless a test names one. */
  contentVersion?: string;
  /** Share sheet and clipboard: the browser's unless a test swaps them. */
  share?: ShareBridge;
  now?: () => Date;
  /** Called once, when the app first answers taps (after hydrating the prerendered home). */
  onStarted?: () => void;
}

// Pages off the diagnosis's path load when first opened (all precached): they stay out of the first screen's bytes.
const AboutScreen = lazy(() => import('../ui/about-screen.tsx').then((m) => ({ default: m.AboutScreen })));
const FlowMap = lazy(() => import('../ui/flow-map.tsx').then((m) => ({ default: m.FlowMap })));
const HistoryPage = lazy(() => import('../ui/history-page.tsx').then((m) => ({ default: m.HistoryPage })));
const SummaryPage = lazy(() => import('../ui/summary-page.tsx').then((m) => ({ default: m.SummaryPage })));

const systemNow = () => new Date();
const menuTargets: readonly MenuTarget[] = ['history', 'map', 'about'];
const supportHash = '#/support';

/** Composition root: wires the machine, content, storage and service worker into the views. */
export function App({
  i18n,
  storage,
  snapshot,
  contentVersion = buildContentVersion,
  share,
  now = systemNow,
  onStarted,
}: AppProps) {
  const [startup, setStartup] = useState<Startup>(() =>
    snapshot ? { resume: null, discarded: false, canSave: true } : readStartup(storage, contentVersion),
  );
  // Continuing a saved diagnosis mounts a new actor from its snapshot.
  const [session, setSession] = useState<{ key: number; snapshot: Snapshot<unknown> | undefined }>({
    key: 0,
    snapshot,
  });
  const history = useMemo(() => createHistoryStore(storage, { now }), [storage, now]);
  const bridge = useMemo(() => share ?? browserShare(), [share]);

  const started = useRef(onStarted);
  useEffect(() => started.current?.(), []);

  const resume = useCallback(() => {
    const saved = startup.resume;
    if (!saved) return;
    setStartup({ ...startup, resume: null, discarded: false });
    setSession((current) => ({ key: current.key + 1, snapshot: saved.snapshot }));
  }, [startup]);
  const startOver = useCallback(() => {
    clearDiagnosis(storage);
    setStartup((current) => ({ ...current, resume: null, discarded: false }));
  }, [storage]);
  /** After a render error: drop the diagnosis that broke (history stays) and start a fresh one. */
  const restartAfterCrash = useCallback(() => {
    clearDiagnosis(storage);
    setStartup((current) => ({ ...current, resume: null, discarded: false }));
    setSession((current) => ({ key: current.key + 1, snapshot: undefined }));
  }, [storage]);
  const onTransition = useCallback(() => {
    setStartup((current) =>
      current.resume || current.discarded ? { ...current, resume: null, discarded: false } : current,
    );
  }, []);

  return (
    <I18nextProvider i18n={i18n}>
      <ErrorBoundary onRestart={restartAfterCrash}>
        <DiagnosisActor.Provider
          key={session.key}
          options={session.snapshot ? { snapshot: session.snapshot } : undefined}
        >
          <Shell
            storage={storage}
            history={history}
            share={bridge}
            contentVersion={contentVersion}
            now={now}
            startup={startup}
            onResume={resume}
            onStartOver={startOver}
            onTransition={onTransition}
          />
        </DiagnosisActor.Provider>
      </ErrorBoundary>
    </I18nextProvider>
  );
}

interface ShellProps {
  storage: KeyValueStorage | null;
  history: HistoryStore;
  share: ShareBridge;
  contentVersion: string;
  now: () => Date;
  startup: Startup;
  onResume: () => void;
  onStartOver: () => void;
  onTransition: () => void;
}

function Shell({
  storage,
  history,
  share,
  contentVersion,
  now,
  startup,
  onResume,
  onStartOver,
  onTransition,
}: ShellProps) {
  const { t, i18n } = useTranslation();
  const step = useCurrentStep();
  const actor = DiagnosisActor.useActorRef();
  const { page, openPage, closePage } = useNavigation(actor, {
    now,
    // A reload brings back the URL of the saved step (offered on home instead); after a discarded save the
    // URL is as stale as the save. A link to another step is followed.
    ignoreStepInUrl: (urlStep) => startup.discarded || urlStep === startup.resume?.step,
  });
  const { saveFailed } = useDiagnosisPersistence(actor, {
    storage,
    history,
    appVersion: buildId,
    contentVersion,
    now,
    onTransition,
  });
  // A bookmarked `#/support` link turns support mode on (read before navigation rewrites the address).
  const [supportLink] = useState(() => typeof location !== 'undefined' && location.hash === supportHash);
  const [supportMode, setSupportMode] = useState(() => supportLink || loadSupportMode(storage));
  const [seat, setSeat] = useState<Seat | null>(() => loadSeat(storage));
  /** The agent's note lives with the case (its first trail entry, new for every case): never stored. */
  const caseKey = DiagnosisActor.useSelector((snapshot) => snapshot.context.trail[0] ?? null);
  const [noteOf, setNoteOf] = useState<{ key: unknown; text: string }>({ key: null, text: '' });
  const note = noteOf.key === caseKey && caseKey !== null ? noteOf.text : '';
  useEffect(() => {
    if (supportLink) saveSupportMode(storage, true);
  }, [supportLink, storage]);

  // Stable, so the header's language switch does not render again at every step.
  const changeLanguage = useCallback(
    (language: Language) => {
      void i18n.changeLanguage(language);
      document.documentElement.lang = language;
      saveLanguage(storage, language);
    },
    [i18n, storage],
  );

  function changeSupportMode(on: boolean) {
    setSupportMode(on);
    saveSupportMode(storage, on);
  }

  const support: SupportState = {
    seat,
    onPickSeat: (picked) => {
      setSeat(picked);
      saveSeat(storage, picked);
    },
    onChangeSeat: () => setSeat(null),
    note,
    onNoteChange: (text) => setNoteOf({ key: caseKey, text }),
  };

  const close = () => closePage();
  // In support mode the map opens a step inside the running case, as the code box does.
  const openStep = (target: StepId) =>
    closePage(() =>
      actor.send({
        type: 'step.open',
        step: target,
        at: now().toISOString(),
        ...(supportMode && step !== 'home' ? { from: step } : {}),
      }),
    );

  function renderPage(current: Page) {
    switch (current) {
      case 'menu':
        return (
          <MenuPage
            targets={menuTargets}
            onOpen={openPage}
            supportMode={supportMode}
            onSupportModeChange={changeSupportMode}
            onClose={close}
          />
        );
      case 'history':
        return <HistoryPage store={history} share={share} onClose={close} />;
      case 'map':
        return <FlowMap onOpenStep={openStep} onClose={close} />;
      case 'about':
        return <AboutScreen onClose={close} />;
      case 'summary':
        return (
          <SummaryPage
            appVersion={buildId}
            contentVersion={contentVersion}
            share={share}
            now={now}
            onClose={close}
            note={supportMode ? note : ''}
          />
        );
    }
  }

  return (
    <div className={supportMode ? 'shell support-mode' : 'shell'}>
      <header className="top-bar">
        <span className="brand">{t('app.shortName')}</span>
        <div className="top-actions">
          <button
            type="button"
            className="support-toggle"
            data-action="support"
            aria-pressed={supportMode}
            aria-label={t('support.toggleLabel')}
            onClick={() => changeSupportMode(!supportMode)}
          >
            {t('support.toggle')}
          </button>
          <LanguageSwitch onChange={changeLanguage} />
          <button
            type="button"
            className="menu-button"
            data-action="menu"
            aria-expanded={page === 'menu'}
            onClick={() => (page === 'menu' ? closePage() : openPage('menu'))}
          >
            <span className="menu-icon" aria-hidden="true" />
            {t('menu.open')}
          </button>
        </div>
      </header>
      {startup.canSave && !saveFailed ? null : <p className="storage-note">{t('storage.unavailable')}</p>}
      <main className="main">
        {page ? (
          <Suspense fallback={null}>{renderPage(page)}</Suspense>
        ) : step === 'home' ? (
          <>
            {startup.discarded ? (
              <p className="notice storage-discarded" data-notice="discarded">
                {t('storage.discarded')}
              </p>
            ) : null}
            {startup.resume ? (
              <ResumePrompt
                step={startup.resume.step}
                code={startup.resume.code}
                onContinue={onResume}
                onStartOver={onStartOver}
              />
            ) : null}
            {supportMode && !seat ? <SeatPicker onPick={support.onPickSeat} /> : null}
            <HomeScreen />
          </>
        ) : (
          <StepScreen
            step={step}
            supportMode={supportMode}
            support={support}
            onOpenSummary={() => openPage('summary')}
            now={now}
          />
        )}
      </main>
      {/* After the step in reading order, as on screen (held at the foot: pwa-notices.css). */}
      <PwaNotices canUpdateNow={step === 'home'} />
      {step === 'home' || page ? null : <NavBar />}
    </div>
  );
}
