import type { i18n as I18n } from 'i18next';
import {
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { Snapshot } from 'xstate';
import { isAtOutcome } from '../domain/diagnosis/diagnosis.machine.ts';
import type { StepId } from '../domain/diagnosis/steps.ts';
import { contentVersion as buildContentVersion } from '../i18n/content-version.ts';
import type { Language } from '../i18n/languages.ts';
import { supportNamespaces, type Namespace } from '../i18n/resources.ts';
import { clearDiagnosis, diagnosisPrefix, readDiagnosis } from '../persistence/diagnosis-store.ts';
import { createHistoryStore, historyLimit, historyPrefix, type HistoryStore } from '../persistence/history-store.ts';
import { newId } from '../persistence/ids.ts';
import type { Seat } from '../domain/case/seat.ts';
import { loadSeat, loadSupportMode, saveLanguage, saveSeat, saveSupportMode } from '../persistence/preferences.ts';
import type { RecordStorage } from '../persistence/records.ts';
import type { KeyValueStorage } from '../persistence/storage.ts';
import { announceWindow, windowIsOpen } from '../persistence/window-presence.ts';
import { buildId } from '../pwa/build-id.ts';
import { PwaNotices } from '../pwa/pwa-notices.tsx';
import { DiagnosisActor } from '../ui/diagnosis-actor.ts';
import { ElsewhereNotice } from '../ui/elsewhere-notice.tsx';
import { ErrorBoundary } from '../ui/error-boundary.tsx';
import { InstallOffer, preloadLaterParts } from '../ui/later-parts.tsx';
import { deferred } from './after-paint.ts';
import { HomeScreen } from '../ui/home-screen.tsx';
import { LanguageSwitch } from '../ui/language-switch.tsx';
import { lazyPage } from '../ui/lazy-page.tsx';
import { MenuPage, type MenuTarget } from '../ui/menu-page.tsx';
import { NavBar } from '../ui/nav-bar.tsx';
import { ResumePrompt } from '../ui/resume-prompt.tsx';
import type { ShareBridge } from '../ui/share-bridge.ts';
import { SeatPicker } from '../ui/seat-picker.tsx';
import { useCaseFields } from '../ui/case-fields-state.ts';
import { useDesk } from '../ui/desk.ts';
import { StepScreen, useCurrentStep, type SupportState } from '../ui/step-screen.tsx';
import { TextProvider, useText } from '../ui/text.tsx';
import type { InstallBridge } from '../pwa/install.ts';
import { diagnosisOfEntry, forgetStepInUrl, isOwnEntry, useNavigation, type Page } from './history-sync.ts';
import { browserInstallBridge, useInstallOffer } from './install-offer.ts';
import { useDiagnosisPersistence, type Claim } from './persistence-sync.ts';
import { browserShare } from './share.ts';
import { readStartup, type Startup } from './startup.ts';

export interface AppProps {
  i18n: I18n;
  /** Small preferences read before the first paint (language, support mode, one-time notices): localStorage. */
  settings: KeyValueStorage | null;
  /** Saved diagnoses and history: IndexedDB in the browser, shared with the app's other windows. */
  records: RecordStorage | null;
  /** False when the records live in memory only: the merchant is told progress will not be kept. */
  durable?: boolean;
  /** A diagnosis to start from (tests); without one, a saved diagnosis is offered on the home screen. */
  snapshot?: Snapshot<unknown>;
  /** The wording saves belong to: the build's content hash unless a test names one. */
  contentVersion?: string;
  /** Share sheet and clipboard: the browser's unless a test swaps them. */
  share?: ShareBridge;
  now?: () => Date;
  /** Called once, when the app first answers taps (after hydrating the prerendered home). */
  onStarted?: () => void;
  /** What the browser offers for installing the app: the browser's own unless a test swaps it. */
  install?: InstallBridge;
}

// Pages off the diagnosis's path load when first opened (all precached): they stay out of the first screen's bytes.
// Offline before the app was ever cached, such a page says it needs a connection once, never the crash screen.
const AboutScreen = lazyPage(() => import('../ui/about-screen.tsx').then((m) => m.AboutScreen));
const FlowMap = lazyPage(() => import('../ui/flow-map.tsx').then((m) => m.FlowMap));
const HistoryPage = lazyPage(() => import('../ui/history-page.tsx').then((m) => m.HistoryPage));
const SummaryPage = lazyPage(() => import('../ui/summary-page.tsx').then((m) => m.SummaryPage));

/** Content files a page needs beyond the start content (src/i18n/resources.ts): they load when it first opens. */
const pageNamespaces: Record<Page, readonly Namespace[]> = {
  menu: [],
  history: ['summary'],
  map: ['map'],
  about: ['about'],
  summary: ['summary'],
};

/** Holds a page back (its Suspense boundary shows nothing) until its content has loaded, so no key ever shows. */
function WithContent({ namespaces, children }: { namespaces: readonly Namespace[]; children: ReactNode }) {
  useTranslation([...namespaces], { useSuspense: true });
  return children;
}

/** The app's one clock; everything that stamps a time is handed it (tests hand in their own). */
const systemNow = () => new Date();
const menuTargets: readonly MenuTarget[] = ['history', 'map', 'about'];
const supportHash = '#/support';

/** Whether a visit starts in support mode: a bookmarked `#/support` link, or the choice kept from before. */
export const supportAtStart = (settings: KeyValueStorage | null) =>
  (typeof location !== 'undefined' && location.hash === supportHash) || loadSupportMode(settings);

/** Composition root: wires the machine, content, storage and service worker into the views. */
export function App({
  i18n,
  settings,
  records,
  durable = true,
  snapshot,
  contentVersion = buildContentVersion,
  share,
  now = systemNow,
  onStarted,
  install,
}: AppProps) {
  /** This window, for the ownership of the diagnosis it runs. */
  const [owner] = useState(() => newId());
  useEffect(() => announceWindow(owner), [owner]);
  // Read before navigation rewrites it: a reload keeps the app's own history entry, a link brings none.
  const [entry] = useState(() => {
    const state: unknown = typeof window === 'undefined' ? null : window.history.state;
    return { own: isOwnEntry(state), diagnosis: diagnosisOfEntry(state) };
  });
  const start = useCallback(
    () => readStartup(records, contentVersion, { preferred: entry.diagnosis, durable }),
    [records, contentVersion, entry, durable],
  );
  const [startup, setStartup] = useState<Startup>(() =>
    snapshot ? { resume: null, discarded: false, canSave: durable && records !== null } : start(),
  );
  // Continuing a saved diagnosis mounts a new actor from its snapshot, claiming it for this window.
  const [session, setSession] = useState<{
    key: number;
    snapshot: Snapshot<unknown> | undefined;
    resumed: Claim | null;
  }>({ key: 0, snapshot, resumed: null });
  const history = useMemo(() => createHistoryStore(records, { now }), [records, now]);
  const bridge = useMemo(() => share ?? browserShare(), [share]);
  const installBridge = useMemo(() => install ?? browserInstallBridge(), [install]);

  const started = useRef(onStarted);
  useEffect(() => started.current?.(), []);
  // The code card's and the outcome's code come after the first screen: fetched when the app is first idle.
  useEffect(() => {
    const later = deferred(() => void preloadLaterParts());
    later.schedule();
    return () => later.cancel();
  }, []);

  const continueSave = useCallback((save: { id: string; claim: number; snapshot: Snapshot<unknown> }) => {
    setStartup((current) => ({ ...current, resume: null, discarded: false }));
    setSession((current) => ({
      key: current.key + 1,
      snapshot: save.snapshot,
      resumed: { id: save.id, claim: save.claim + 1 },
    }));
  }, []);
  const resume = useCallback(() => {
    if (startup.resume) continueSave(startup.resume.save);
  }, [startup, continueSave]);
  // The offered save goes, unless another open window is running it (that one is not this window's to clear).
  const startOver = useCallback(() => {
    const save = startup.resume?.save;
    setStartup((current) => ({ ...current, resume: null, discarded: false }));
    if (save) {
      void windowIsOpen(save.owner).then((open) => {
        if (!open) clearDiagnosis(records, save.id);
      });
    }
  }, [startup, records]);
  /** Back to a fresh home; what is saved is offered again (a crash never deletes it). */
  const freshStart = useCallback(() => {
    // After a crash the address still names the step that broke: the fresh session would follow it straight back in.
    forgetStepInUrl();
    setStartup({ ...start(), discarded: false });
    setSession((current) => ({ key: current.key + 1, snapshot: undefined, resumed: null }));
  }, [start]);
  /** Continues, here, a diagnosis another window took over, as that window saved it. */
  const takeBack = useCallback(
    (id: string) => {
      const save = readDiagnosis(records, id, contentVersion);
      if (save) continueSave(save);
      else freshStart();
    },
    [records, contentVersion, continueSave, freshStart],
  );
  // Whether the resume offer or the startup notice shows: a setState that changes nothing still queues an update
  // on App, which never re-renders in a normal session, so calling it at every transition grew memory for good.
  const offerShowing = useRef(false);
  useEffect(() => {
    offerShowing.current = startup.resume !== null || startup.discarded;
  }, [startup]);
  const onTransition = useCallback(() => {
    if (!offerShowing.current) return;
    setStartup((current) =>
      current.resume || current.discarded ? { ...current, resume: null, discarded: false } : current,
    );
  }, []);

  return (
    <I18nextProvider i18n={i18n}>
      <TextProvider>
        <ErrorBoundary onRestart={freshStart}>
          <DiagnosisActor.Provider
            key={session.key}
            options={session.snapshot ? { snapshot: session.snapshot } : undefined}
          >
            <Shell
              settings={settings}
              records={records}
              history={history}
              share={bridge}
              install={installBridge}
              contentVersion={contentVersion}
              now={now}
              owner={owner}
              resumed={session.resumed}
              ownEntry={entry.own}
              startup={startup}
              onResume={resume}
              onStartOver={startOver}
              onTakeBack={takeBack}
              onFreshStart={freshStart}
              onTransition={onTransition}
            />
          </DiagnosisActor.Provider>
        </ErrorBoundary>
      </TextProvider>
    </I18nextProvider>
  );
}

interface ShellProps {
  settings: KeyValueStorage | null;
  records: RecordStorage | null;
  history: HistoryStore;
  share: ShareBridge;
  install: InstallBridge;
  contentVersion: string;
  now: () => Date;
  owner: string;
  resumed: Claim | null;
  /** This page load is a reload (or Back) of the app's own entry, not a link. */
  ownEntry: boolean;
  startup: Startup;
  onResume: () => void;
  onStartOver: () => void;
  onTakeBack: (id: string) => void;
  onFreshStart: () => void;
  onTransition: () => void;
}

const noFailures: ReadonlySet<string> = new Set();
const ignore = () => () => undefined;

/** Which records could not be stored: the latest save, or the history entry just written. */
function useFailedRecords(records: RecordStorage | null) {
  const snapshot = records?.failed ?? (() => noFailures);
  // Hydration reads the same (empty at start) set: a fixed one of its own made React render the whole shell again,
  // synchronously, right after hydrating it (~25 ms at 4× CPU in the task that starts the app).
  const failed = useSyncExternalStore(records?.onFailedChange ?? ignore, snapshot, snapshot);
  const keys = [...failed];
  return {
    save: keys.some((key) => key.startsWith(diagnosisPrefix)),
    history: keys.some((key) => key.startsWith(historyPrefix)),
  };
}

function Shell({
  settings,
  records,
  history,
  share,
  install,
  contentVersion,
  now,
  owner,
  resumed,
  ownEntry,
  startup,
  onResume,
  onStartOver,
  onTakeBack,
  onFreshStart,
  onTransition,
}: ShellProps) {
  const { t, i18n } = useText();
  const step = useCurrentStep();
  const actor = DiagnosisActor.useActorRef();
  const persistence = useDiagnosisPersistence(actor, {
    records,
    settings,
    history,
    owner,
    resumed,
    appVersion: buildId,
    contentVersion,
    now,
    onTransition,
  });
  const { page, openPage, closePage } = useNavigation(actor, {
    now,
    diagnosisId: persistence.diagnosisId,
    // A reload brings back the app's own URL: the save is offered on home instead (after a discarded save the
    // URL is as stale as the save). A link, even to the saved step, is followed.
    ignoreStepInUrl: () => ownEntry && (startup.resume !== null || startup.discarded),
  });
  const failed = useFailedRecords(records);
  // A bookmarked `#/support` link turns support mode on (read before navigation rewrites the address).
  const [supportLink] = useState(() => typeof location !== 'undefined' && location.hash === supportHash);
  const [supportMode, setSupportMode] = useState(() => supportLink || loadSupportMode(settings));
  const atOutcome = DiagnosisActor.useSelector(isAtOutcome);
  const installOffer = useInstallOffer(install, { settings, history, atHome: step === 'home', atOutcome, now });
  const [seat, setSeat] = useState<Seat | null>(() => loadSeat(settings));
  /** The agent's note lives with the case (its first trail entry, new for every case): never stored. */
  const caseKey = DiagnosisActor.useSelector((snapshot) => snapshot.context.trail[0] ?? null);
  const [noteOf, setNoteOf] = useState<{ key: unknown; text: string }>({ key: null, text: '' });
  const note = noteOf.key === caseKey && caseKey !== null ? noteOf.text : '';
  /** The transaction details support types for this case: in memory with the case, like the note. */
  const caseFields = useCaseFields(caseKey);
  useEffect(() => {
    if (supportLink) saveSupportMode(settings, true);
  }, [supportLink, settings]);
  // Support mode's texts (scripts, seats) are there before it shows: main.tsx waits for them at a start in support
  // mode, changeSupportMode when it is turned on. At a desk the case panel's code and styles come along, so the
  // first step opens in its three columns.
  const desk = useDesk();
  useEffect(() => {
    if (supportMode && desk) void import('../ui/case-desk.tsx').catch(() => undefined);
  }, [supportMode, desk]);
  /** The agent's last choice, for a turn-on that waits for support mode's texts. */
  const supportWanted = useRef(supportMode);

  // Stable, so the header's language switch does not render again at every step.
  const changeLanguage = useCallback(
    (language: Language) => {
      void i18n.changeLanguage(language);
      document.documentElement.lang = language;
      saveLanguage(settings, language);
    },
    [i18n, settings],
  );

  function changeSupportMode(on: boolean) {
    supportWanted.current = on;
    saveSupportMode(settings, on);
    if (!on || supportNamespaces.every((namespace) => i18n.hasLoadedNamespace(namespace))) return setSupportMode(on);
    // Its texts first (precached: a moment), so no step shows support mode without its script.
    void i18n
      .loadNamespaces(supportNamespaces)
      .catch(() => undefined)
      .then(() => setSupportMode(supportWanted.current));
  }

  const support: SupportState = {
    seat,
    onPickSeat: (picked) => {
      setSeat(picked);
      saveSeat(settings, picked);
    },
    onChangeSeat: () => setSeat(null),
    note,
    onNoteChange: (text) => setNoteOf({ key: caseKey, text }),
    caseFields,
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
        return <HistoryPage page="history" store={history} limit={historyLimit} share={share} onClose={close} />;
      case 'map':
        return <FlowMap page="map" onOpenStep={openStep} onClose={close} />;
      case 'about':
        return <AboutScreen page="about" buildId={buildId} onClose={close} />;
      case 'summary':
        return (
          <SummaryPage
            page="summary"
            appVersion={buildId}
            contentVersion={contentVersion}
            share={share}
            now={now}
            onClose={close}
            note={supportMode ? note : ''}
            caseFields={supportMode ? caseFields : undefined}
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
      <main className="main">
        {/* Inside main: content outside a landmark is lost to screen-reader navigation (axe "region"). */}
        {startup.canSave ? null : <p className="storage-note">{t('storage.unavailable')}</p>}
        {startup.canSave && (persistence.saveFailed || failed.save) ? (
          <p className="storage-note" data-notice="not-saved">
            {t('storage.notSaved')}
          </p>
        ) : null}
        {startup.canSave && failed.history ? (
          <p className="storage-note" data-notice="history-not-kept">
            {t('storage.historyNotKept')}
          </p>
        ) : null}
        {page ? (
          <Suspense fallback={null}>
            <WithContent namespaces={pageNamespaces[page]}>{renderPage(page)}</WithContent>
          </Suspense>
        ) : persistence.lost && step !== 'home' ? (
          <ElsewhereNotice
            reason={persistence.lost}
            onTakeBack={
              persistence.lost === 'continued' ? () => onTakeBack(persistence.diagnosisId() ?? '') : undefined
            }
            onNew={onFreshStart}
          />
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
            <HomeScreen now={now} />
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
        {installOffer && !page ? <InstallOffer {...installOffer} /> : null}
      </main>
      {/* After the step, in the flow of the page: a notice never covers an answer or the start button. */}
      <PwaNotices canUpdateNow={step === 'home'} />
      {step === 'home' || page || persistence.lost ? null : <NavBar />}
    </div>
  );
}
