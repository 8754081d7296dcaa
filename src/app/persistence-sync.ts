import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActorRefFrom, SnapshotFrom } from 'xstate';
import { buildCaseSummary } from '../domain/case/case-summary.ts';
import { currentStep, isAtOutcome, type DiagnosisMachine } from '../domain/diagnosis/diagnosis.machine.ts';
import {
  clearDiagnosis,
  diagnosisKeyOf,
  diagnosisPrefix,
  readOwnership,
  saveDiagnosis,
} from '../persistence/diagnosis-store.ts';
import type { HistoryStore } from '../persistence/history-store.ts';
import { newId } from '../persistence/ids.ts';
import { savedHintKey } from '../persistence/keys.ts';
import type { RecordStorage } from '../persistence/records.ts';
import type { KeyValueStorage } from '../persistence/storage.ts';
import { deferred } from './after-paint.ts';

/** The diagnosis a window runs: its id and the claim it holds on it. */
export interface Claim {
  readonly id: string;
  readonly claim: number;
}

/** Why this window stopped saving its diagnosis: another window continued it, or finished or dropped it. */
export type Lost = 'continued' | 'finished';

export interface PersistenceOptions {
  records: RecordStorage | null;
  /** Where the boot script looks for a hint that a diagnosis is saved. */
  settings: KeyValueStorage | null;
  history: HistoryStore;
  /** This window's id (new at every page load). */
  owner: string;
  /** The saved diagnosis this actor continues, taken over (claim raised) as it mounts. */
  resumed: Claim | null;
  appVersion: string;
  contentVersion: string;
  now: () => Date;
  /** Called on every transition (the first one ends the resume offer and the startup notice). */
  onTransition: () => void;
}

export interface Persistence {
  /** False once a save has failed, until one succeeds. */
  saveFailed: boolean;
  /** Set when another window took this diagnosis over: this one no longer writes. */
  lost: Lost | null;
  /** The running diagnosis's id (null at home). */
  diagnosisId(): string | null;
}

type Snapshot = SnapshotFrom<DiagnosisMachine>;

/**
 * A diagnosis has ended when it reached an outcome by answering (or from a matched symptom); arriving at an
 * outcome from a link or a reload is only looking at it, and is never written to history.
 */
const finished = (snapshot: Snapshot) =>
  snapshot.context.match !== null || snapshot.context.trail.some((entry) => entry.answer !== null);

/**
 * Keeps the running diagnosis across reloads, crashes and other windows: saved after every transition under its
 * own id, cleared at home, and when it ends by answering, moved into history under the same id (so ending it
 * again after a changed answer replaces its entry). A window writes only a diagnosis it owns; when another window
 * continues it, this one stops writing and reports it as lost.
 * The writes wait until the new step has painted; they are made at once when the page is hidden or closed and
 * when the diagnosis unmounts.
 */
export function useDiagnosisPersistence(
  actor: ActorRefFrom<DiagnosisMachine>,
  { records, settings, history, owner, resumed, appVersion, contentVersion, now, onTransition }: PersistenceOptions,
): Persistence {
  const [saveFailed, setSaveFailed] = useState(false);
  const [lost, setLost] = useState<Lost | null>(null);
  const running = useRef<Claim | null>(resumed);

  useEffect(() => {
    let last = actor.getSnapshot();
    let current: Claim | null = currentStep(last) === 'home' ? null : (running.current ?? resumed);
    let disowned = false;
    /** What the saved diagnosis should become: only the latest transition's wish counts. */
    let diagnosisWrite: { kind: 'save' | 'clear'; of: Claim } | null = null;
    /** History changes in the order their transitions happened. */
    const historyWrites: Array<() => void> = [];

    const updateHint = () => {
      try {
        if (records && records.keys(diagnosisPrefix).length > 0) settings?.setItem(savedHintKey, '1');
        else settings?.removeItem(savedHintKey);
      } catch {
        // Only the boot script's guess: the app reads the records themselves.
      }
    };

    /** False, and the window told, once the stored record says another window holds a higher claim. */
    const stillOwned = (of: Claim): boolean => {
      if (disowned && of === current) return false;
      const stored = readOwnership(records, of.id);
      if (!stored || stored.owner === owner) return true;
      const theirs = stored.claim > of.claim || (stored.claim === of.claim && stored.owner > owner);
      if (!theirs) return true;
      if (of === current) {
        disowned = true;
        setLost('continued');
      }
      return false;
    };

    const save = (of: Claim) => {
      if (!stillOwned(of)) return;
      const snapshot = actor.getPersistedSnapshot();
      setSaveFailed(!saveDiagnosis(records, { ...of, owner }, snapshot, contentVersion, now()));
      updateHint();
    };

    const writes = deferred(() => {
      for (const write of historyWrites.splice(0)) write();
      const write = diagnosisWrite;
      diagnosisWrite = null;
      if (write?.kind === 'clear' && stillOwned(write.of)) {
        clearDiagnosis(records, write.of.id);
        updateHint();
      }
      // The actor's snapshot is the one this save is for: a later transition would have replaced the wish.
      if (write?.kind === 'save') save(write.of);
    });

    // Continuing a save takes it over at once, so the window that had it stops writing.
    if (current && resumed === current) save(current);

    const subscription = actor.subscribe((snapshot) => {
      // Starting the actor notifies with the snapshot it already had: not a transition, and not a reason to
      // overwrite (or, at home, clear) the save that is being offered.
      if (snapshot === last || (snapshot.value === last.value && snapshot.context === last.context)) return;
      const previous = last;
      last = snapshot;
      onTransition();
      const step = currentStep(snapshot);
      const began =
        step !== 'home' &&
        (currentStep(previous) === 'home' || snapshot.context.startedAt !== previous.context.startedAt);
      if (began) {
        // A new diagnosis (from home, or a link opened mid-way: the one left keeps its save for later).
        writes.flush();
        current = { id: newId(), claim: 0 };
        disowned = false;
        setLost(null);
      }
      if (step === 'home') {
        if (current) diagnosisWrite = { kind: 'clear', of: current };
        // From home on, this window runs nothing.
        current = null;
        disowned = false;
        setLost(null);
      } else if (current && isAtOutcome(snapshot)) {
        if (finished(snapshot) && !isAtOutcome(previous)) {
          const of = current;
          const endedAt = now();
          historyWrites.push(() => {
            if (!stillOwned(of)) return;
            const summary = buildCaseSummary({
              context: snapshot.context,
              currentStep: step,
              startedAt: snapshot.context.startedAt,
              endedAt,
              appVersion,
              contentVersion,
            });
            history.add(summary, { id: of.id });
          });
        }
        diagnosisWrite = { kind: 'clear', of: current };
      } else if (current) {
        diagnosisWrite = { kind: 'save', of: current };
      }
      running.current = current;
      writes.schedule();
    });

    const offRemote =
      records?.onRemoteChange((key) => {
        if (!current || key !== diagnosisKeyOf(current.id) || disowned) return;
        if (records.get(key) === null) {
          // Finished or dropped in another window; an outcome here has nothing left to write.
          if (!isAtOutcome(actor.getSnapshot())) {
            disowned = true;
            setLost('finished');
          }
          return;
        }
        // A lower claim is a write the other window made before it heard ours: ours goes back on top.
        if (stillOwned(current) && !isAtOutcome(actor.getSnapshot())) save(current);
      }) ?? (() => undefined);

    const flushWhenHidden = () => {
      if (document.visibilityState === 'hidden') writes.flush();
    };
    const flush = () => writes.flush();
    document.addEventListener('visibilitychange', flushWhenHidden);
    window.addEventListener('pagehide', flush);
    return () => {
      subscription.unsubscribe();
      offRemote();
      document.removeEventListener('visibilitychange', flushWhenHidden);
      window.removeEventListener('pagehide', flush);
      writes.flush();
    };
  }, [actor, records, settings, history, owner, resumed, appVersion, contentVersion, now, onTransition]);

  const diagnosisId = useCallback(() => running.current?.id ?? null, []);
  return { saveFailed, lost, diagnosisId };
}
