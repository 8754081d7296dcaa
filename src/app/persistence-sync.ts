import { useEffect, useState } from 'react';
import type { ActorRefFrom } from 'xstate';
import { buildCaseSummary } from '../domain/case/case-summary.ts';
import { currentStep, type DiagnosisMachine } from '../domain/diagnosis/diagnosis.machine.ts';
import { stepInfo } from '../domain/diagnosis/steps.ts';
import { clearDiagnosis, saveDiagnosis } from '../persistence/diagnosis-store.ts';
import type { HistoryStore } from '../persistence/history-store.ts';
import type { KeyValueStorage } from '../persistence/storage.ts';
import { deferred } from './after-paint.ts';

export interface PersistenceOptions {
  storage: KeyValueStorage | null;
  history: HistoryStore;
  appVersion: string;
  contentVersion: string;
  now: () => Date;
  /** Called on every transition (the first one ends the resume offer and the startup notice). */
  onTransition: () => void;
}

/**
 * Keeps the running diagnosis across reloads: saved after every transition, cleared at home, and at an
 * outcome moved into history (one entry per diagnosis). Returns false once a save has failed.
 * The writes wait until the new step has painted (storage is synchronous and slow on phones); they are made at
 * once when the page is hidden or closed and when the diagnosis unmounts, so no step is lost.
 */
export function useDiagnosisPersistence(
  actor: ActorRefFrom<DiagnosisMachine>,
  { storage, history, appVersion, contentVersion, now, onTransition }: PersistenceOptions,
): { saveFailed: boolean } {
  const [saveFailed, setSaveFailed] = useState(false);

  useEffect(() => {
    /** The history entry of this diagnosis, replaced if an answer is changed and it ends again. */
    let recorded: { id: string; startedAt: string | null } | null = null;
    let last = actor.getSnapshot();
    let atOutcome = isOutcome(currentStep(last));
    /** What the saved diagnosis should become: only the latest transition's wish counts. */
    let diagnosisWrite: 'save' | 'clear' | null = null;
    /** History changes in the order their transitions happened. */
    const historyWrites: Array<() => void> = [];

    const writes = deferred(() => {
      for (const write of historyWrites.splice(0)) write();
      const write = diagnosisWrite;
      diagnosisWrite = null;
      if (write === 'clear') clearDiagnosis(storage);
      // The actor's snapshot is the one this save is for: a later transition would have replaced the wish.
      if (write === 'save') setSaveFailed(!saveDiagnosis(storage, actor.getPersistedSnapshot(), contentVersion, now()));
    });

    const subscription = actor.subscribe((snapshot) => {
      // Starting the actor notifies with the snapshot it already had: not a transition, and not a reason to
      // overwrite (or, at home, clear) the save that is being offered.
      if (snapshot === last || (snapshot.value === last.value && snapshot.context === last.context)) return;
      last = snapshot;
      onTransition();
      const step = currentStep(snapshot);
      if (step === 'home') {
        atOutcome = false;
        historyWrites.push(() => {
          recorded = null;
        });
        diagnosisWrite = 'clear';
      } else if (isOutcome(step)) {
        if (!atOutcome) {
          const endedAt = now();
          historyWrites.push(() => {
            const { startedAt } = snapshot.context;
            if (recorded && startedAt !== null && recorded.startedAt === startedAt) history.remove(recorded.id);
            const summary = buildCaseSummary({
              context: snapshot.context,
              currentStep: step,
              startedAt,
              endedAt,
              appVersion,
              contentVersion,
            });
            const entry = history.add(summary);
            recorded = entry ? { id: entry.id, startedAt } : null;
          });
        }
        atOutcome = true;
        diagnosisWrite = 'clear';
      } else {
        atOutcome = false;
        diagnosisWrite = 'save';
      }
      writes.schedule();
    });

    const flushWhenHidden = () => {
      if (document.visibilityState === 'hidden') writes.flush();
    };
    const flush = () => writes.flush();
    document.addEventListener('visibilitychange', flushWhenHidden);
    window.addEventListener('pagehide', flush);
    return () => {
      subscription.unsubscribe();
      document.removeEventListener('visibilitychange', flushWhenHidden);
      window.removeEventListener('pagehide', flush);
      writes.flush();
    };
  }, [actor, storage, history, appVersion, contentVersion, now, onTransition]);

  return { saveFailed };
}

const isOutcome = (step: ReturnType<typeof currentStep>) => step !== 'home' && stepInfo(step).kind === 'outcome';
