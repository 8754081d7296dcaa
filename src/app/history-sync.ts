import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActorRefFrom } from 'xstate';
import { currentStep, isAtOutcome, type DiagnosisMachine } from '../domain/diagnosis/diagnosis.machine.ts';
import { isStepId, stepByCode, type StepId } from '../domain/diagnosis/steps.ts';
import { deferred, type Deferred } from './after-paint.ts';

/** Screens shown over the diagnosis, which keeps running underneath. */
export const pages = ['menu', 'history', 'map', 'about', 'summary'] as const;
export type Page = (typeof pages)[number];

/** What the app keeps in each of its own history entries; an entry without it came from a link or typed URL. */
interface EntryState {
  tapfixDepth: number;
  tapfixPage?: Page;
  /** The diagnosis this window was running, so a reload offers that one. */
  tapfixDiagnosis?: string;
}

const entryOf = (state: unknown): EntryState => {
  const entry = state as Partial<EntryState> | null;
  const depth = typeof entry?.tapfixDepth === 'number' ? entry.tapfixDepth : 0;
  const page = pages.find((p) => p === entry?.tapfixPage);
  const diagnosis = typeof entry?.tapfixDiagnosis === 'string' ? { tapfixDiagnosis: entry.tapfixDiagnosis } : {};
  return page ? { tapfixDepth: depth, tapfixPage: page, ...diagnosis } : { tapfixDepth: depth, ...diagnosis };
};

/** Whether a history entry is one the app wrote (a reload or Back/Forward), not a link followed or typed. */
export const isOwnEntry = (state: unknown) => typeof (state as Partial<EntryState> | null)?.tapfixDepth === 'number';

/** The diagnosis the app was running when it wrote this entry (null for a link or none). */
export const diagnosisOfEntry = (state: unknown): string | null => entryOf(state).tapfixDiagnosis ?? null;

const hashFor = (step: StepId | 'home') => (step === 'home' ? '#/' : `#/step/${step}`);

/** The step a URL names: #/step/<id> or #/code/<short code>; null for anything else. */
export function stepFromHash(hash: string): StepId | null {
  const match = /^#\/(step|code)\/([\w.-]{1,40})$/.exec(hash);
  if (!match) return null;
  const [, kind, value = ''] = match;
  if (kind === 'code') return stepByCode(value);
  return isStepId(value) ? value : null;
}

/** Points the address at home without a new entry, so a fresh session does not follow a step link into it. */
export function forgetStepInUrl() {
  if (stepFromHash(location.hash)) window.history.replaceState(null, '', hashFor('home'));
}

export interface Navigation {
  page: Page | null;
  openPage(page: Page): void;
  /** Closes the open page, then runs `then` (e.g. a jump into the diagnosis) once history has settled. */
  closePage(then?: () => void): void;
}

export interface NavigationOptions {
  now: () => Date;
  /** The running diagnosis's id, written into each entry. */
  diagnosisId?: () => string | null;
  /**
   * True for a step in the URL that a reload brought back rather than a link to follow (e.g. the step of the
   * saved diagnosis): opening it would restart the diagnosis there, so the home screen offers the save instead.
   * Read once, when the hook first runs.
   */
  ignoreStepInUrl?: (step: StepId) => boolean;
}

const followAll = () => false;
const noDiagnosis = () => null;

/**
 * Keeps browser history one entry per step of the trail (plus one for an open page), so the phone's Back
 * gesture steps back in the diagnosis or closes the page instead of leaving the app. The machine still
 * decides where "back" goes.
 */
export function useNavigation(
  actor: ActorRefFrom<DiagnosisMachine>,
  { now, diagnosisId = noDiagnosis, ignoreStepInUrl = followAll }: NavigationOptions,
): Navigation {
  const [page, setPage] = useState<Page | null>(null);
  const [ignoreUrl] = useState(() => ignoreStepInUrl);
  const afterClose = useRef<(() => void) | null>(null);
  /** History writes of the last transitions, not made yet. */
  const syncPending = useRef<Deferred | null>(null);

  const [idOf] = useState(() => diagnosisId);

  useEffect(() => {
    let ignorePops = 0;
    const depth = () => actor.getSnapshot().context.trail.length;
    /** The state of the app's own entry at depth d. */
    const own = (d: number): EntryState => {
      const id = idOf();
      return id ? { tapfixDepth: d, tapfixDiagnosis: id } : { tapfixDepth: d };
    };

    const opened = stepFromHash(location.hash);
    if (opened && !ignoreUrl(opened) && currentStep(actor.getSnapshot()) === 'home') {
      actor.send({ type: 'step.open', step: opened, at: now().toISOString() });
    }
    // One write per entry, the last one with the step's address: each is a synchronous call into the browser (at
    // home, a second write of the same entry cost ~7 ms at 4× CPU in the task that starts the app).
    const top = depth();
    const here = hashFor(currentStep(actor.getSnapshot()));
    history.replaceState(own(0), '', top === 0 ? here : hashFor('home'));
    for (let d = 1; d <= top; d += 1) history.pushState(own(d), '', d === top ? here : undefined);
    /** The depth history has been brought to: below the trail while a write waits for the paint. */
    let synced = depth();

    /** Brings history in line with where the diagnosis is now, however many steps it moved since. */
    function follow() {
      const snapshot = actor.getSnapshot();
      const want = snapshot.context.trail.length;
      const have = entryOf(history.state).tapfixDepth;
      const hash = hashFor(currentStep(snapshot));
      if (want > have) {
        for (let d = have + 1; d < want; d += 1) history.pushState(own(d), '');
        history.pushState(own(want), '', hash);
      } else if (want < have) {
        // Drop the entries above: a later Back then leaves as many steps as the trail holds.
        ignorePops += 1;
        history.go(want - have);
      } else if (location.hash !== hash || entryOf(history.state).tapfixDiagnosis !== idOf()) {
        history.replaceState({ ...entryOf(history.state), ...own(want) }, '', hash);
      }
      synced = want;
    }
    // pushState costs milliseconds (a same-document navigation): it waits until the new step has painted.
    const following = deferred(follow);
    syncPending.current = following;
    const subscription = actor.subscribe((snapshot) => {
      // Back starts a traversal (cheap to start, asynchronous to finish) at once, so the address follows soon. An
      // outcome clears the save, so its address is all a reload has to go on: it is written at once too.
      if (snapshot.context.trail.length < entryOf(history.state).tapfixDepth || isAtOutcome(snapshot)) {
        following.cancel();
        follow();
      } else {
        following.schedule();
      }
    });

    function onPop(event: PopStateEvent) {
      if (!isOwnEntry(event.state)) {
        // A link followed or an address changed by hand: open it, never treat it as Back.
        openLink();
        return;
      }
      const entry = entryOf(event.state);
      if (ignorePops > 0) {
        ignorePops -= 1;
        history.replaceState(event.state, '', hashFor(currentStep(actor.getSnapshot())));
        return;
      }
      const from = synced;
      synced = entry.tapfixDepth;
      setPage(entry.tapfixPage ?? null);
      if (entry.tapfixDepth < from && from < depth()) {
        // Back pressed before the entries of the last steps were written: it means one step back from the step on
        // the screen, not from the last one history knows.
        following.cancel();
        stepBackTo(depth() - (from - entry.tapfixDepth));
        follow();
        return;
      }
      const then = afterClose.current;
      afterClose.current = null;
      if (then) {
        then();
        return;
      }
      const want = depth();
      if (entry.tapfixDepth < want) {
        // A long jump back (the history list) steps back as far, answer by answer.
        stepBackTo(entry.tapfixDepth);
      } else if (entry.tapfixDepth > want) {
        // Forward into steps that are gone: return to where the diagnosis is.
        ignorePops += 1;
        history.go(want - entry.tapfixDepth);
      }
    }

    /** Steps back answer by answer until the trail is `target` long (or Back stops moving). */
    function stepBackTo(target: number) {
      for (let have = depth(); target < have;) {
        actor.send({ type: 'nav.back' });
        const now = depth();
        if (now >= have) break;
        have = now;
      }
    }

    /** Opens the step the address names as a new diagnosis (the one left keeps its save), or goes home. */
    function openLink() {
      following.cancel();
      setPage(null);
      const step = stepFromHash(location.hash);
      if (step) actor.send({ type: 'step.open', step, at: now().toISOString() });
      // The link's entry becomes the app's own, so Back from it does not open it again.
      history.replaceState(own(depth()), '', hashFor(currentStep(actor.getSnapshot())));
      synced = depth();
    }

    window.addEventListener('popstate', onPop);
    return () => {
      subscription.unsubscribe();
      window.removeEventListener('popstate', onPop);
      following.flush();
      syncPending.current = null;
    };
  }, [actor, now, ignoreUrl, idOf]);

  const openPage = useCallback((next: Page) => {
    // A page entry goes above the step's own entry, never under it.
    syncPending.current?.flush();
    const entry = entryOf(history.state);
    const state: EntryState = { ...entry, tapfixPage: next };
    // One entry for pages: moving between them replaces it, so Back always returns to the diagnosis.
    if (entry.tapfixPage) history.replaceState(state, '', `#/${next}`);
    else history.pushState(state, '', `#/${next}`);
    setPage(next);
  }, []);

  const closePage = useCallback((then?: () => void) => {
    syncPending.current?.flush();
    if (!entryOf(history.state).tapfixPage) {
      setPage(null);
      then?.();
      return;
    }
    afterClose.current = then ?? null;
    history.back();
  }, []);

  return { page, openPage, closePage };
}
