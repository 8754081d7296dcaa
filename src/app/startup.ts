import {
  currentStep,
  getDiagnosisMachine,
  isAtOutcome,
  type DiagnosisContext,
} from '../domain/diagnosis/diagnosis.machine.ts';
import type { StepId } from '../domain/diagnosis/steps.ts';
import { clearDiagnosis, listDiagnoses, type SavedDiagnosis } from '../persistence/diagnosis-store.ts';
import type { RecordStorage } from '../persistence/records.ts';

/** An unfinished diagnosis found in storage, offered on the home screen. */
export interface Resumable {
  readonly save: SavedDiagnosis;
  readonly step: StepId;
  /** The response code the diagnosis started from (step titles may name it). */
  readonly code: string | null;
}

export interface Startup {
  readonly resume: Resumable | null;
  /** A save was found but could not be used (old version, other content, broken): say so once. */
  readonly discarded: boolean;
  /** False when nothing can be stored here: progress will not survive a reload. */
  readonly canSave: boolean;
}

/**
 * What the app starts with: a diagnosis to offer (this window's own before a reload when it is still saved,
 * else the latest), a notice, or nothing. Never throws.
 */
export function readStartup(
  records: RecordStorage | null,
  contentVersion: string,
  { preferred = null, durable = true }: { preferred?: string | null; durable?: boolean } = {},
): Startup {
  if (!records) return { resume: null, discarded: false, canSave: false };
  const { saves, discarded } = listDiagnoses(records, { contentVersion });
  const ordered = [...saves.filter((save) => save.id === preferred), ...saves.filter((save) => save.id !== preferred)];
  for (const save of ordered) {
    const resolved = getDiagnosisMachine().resolveState(save.snapshot as never);
    const step = currentStep(resolved);
    // Home and finished diagnoses have nothing to continue; such a save is only left over.
    if (step === 'home' || isAtOutcome(resolved)) {
      clearDiagnosis(records, save.id);
      continue;
    }
    const context = resolved.context as DiagnosisContext;
    return { resume: { save, step, code: context.match?.code ?? null }, discarded: false, canSave: durable };
  }
  return { resume: null, discarded: discarded !== null, canSave: durable };
}
