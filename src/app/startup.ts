import type { Snapshot } from 'xstate';
import { currentStep, diagnosisMachine, type DiagnosisContext } from '../domain/diagnosis/diagnosis.machine.ts';
import { stepInfo, type StepId } from '../domain/diagnosis/steps.ts';
import { clearDiagnosis, loadDiagnosis } from '../persistence/diagnosis-store.ts';
import type { KeyValueStorage } from '../persistence/storage.ts';

/** An unfinished diagnosis found in storage, offered on the home screen. */
export interface Resumable {
  readonly snapshot: Snapshot<unknown>;
  readonly step: StepId;
  /** The response code the diagnosis started from (step titles may name it). */
  readonly code: string | null;
}

export interface Startup {
  readonly resume: Resumable | null;
  /** A save was found but could not be used (old version, other content, broken): say so once. */
  readonly discarded: boolean;
  /** False when storage is missing or refuses: progress will not survive a reload. */
  readonly canSave: boolean;
}

/** What the app starts with: a diagnosis to offer, a notice, or nothing. Never throws. */
export function readStartup(storage: KeyValueStorage | null, contentVersion: string): Startup {
  const loaded = loadDiagnosis(storage, { contentVersion });
  if (loaded.status === 'unavailable') return { resume: null, discarded: false, canSave: false };
  if (loaded.status === 'discarded') return { resume: null, discarded: true, canSave: true };
  if (loaded.status === 'none') return { resume: null, discarded: false, canSave: true };
  const resolved = diagnosisMachine.resolveState(loaded.snapshot as never);
  const step = currentStep(resolved);
  // Home and finished diagnoses have nothing to continue; such a save is only left over.
  if (step === 'home' || stepInfo(step).kind === 'outcome') {
    clearDiagnosis(storage);
    return { resume: null, discarded: false, canSave: true };
  }
  const context = resolved.context as DiagnosisContext;
  return {
    resume: { snapshot: loaded.snapshot, step, code: context.match?.code ?? null },
    discarded: false,
    canSave: true,
  };
}
