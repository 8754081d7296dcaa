/**
 * Keeps the running diagnosis across reloads, crashes and closed tabs: a versioned envelope around the
 * machine's persisted snapshot in injected storage. Anything that does not fit this build is dropped and
 * the reason reported, never half-restored.
 */
import type { Snapshot } from 'xstate';
import { categories } from '../domain/lookup/categories.ts';
import { diagnosisMachine, type DiagnosisContext, type TrailEntry } from '../domain/diagnosis/diagnosis.machine.ts';
import { answerIds, answersOf, type AnswerId } from '../domain/diagnosis/flow.ts';
import { containsCardNumber, redactCardNumbers } from '../domain/case/redact.ts';
import type { SymptomMatch } from '../domain/lookup/symptom-match.ts';
import { isStepId, type Side, type StepId } from '../domain/diagnosis/steps.ts';
import { diagnosisKey } from './keys.ts';
import type { KeyValueStorage } from './storage.ts';

export { diagnosisKey };

/** Bump when the machine's states or context change shape; older saves are then discarded as 'schema'. */
export const diagnosisSchema = 2;

/** What is stored. savedAt is ISO 8601: epoch milliseconds have 13 digits and pass Luhn one time in ten. */
export interface DiagnosisEnvelope {
  readonly schema: number;
  /** The content version the snapshot was made with (redacted like everything stored). */
  readonly content: string;
  readonly savedAt: string;
  readonly snapshot: Snapshot<unknown>;
}

export type DiscardReason = 'schema' | 'content' | 'corrupt' | 'unknownStep';

export type DiagnosisLoad =
  | { readonly status: 'none' }
  | { readonly status: 'ok'; readonly snapshot: Snapshot<unknown>; readonly savedAt: string }
  | { readonly status: 'discarded'; readonly reason: DiscardReason }
  /** Storage is missing or throws (private mode): progress will not be kept. */
  | { readonly status: 'unavailable' };

/** A save larger than this is not a diagnosis of ours. */
const maxStoredChars = 200_000;
/** Longer than any path through the machine, loops included. */
const maxTrail = 500;

/**
 * Saves the persisted snapshot (actor.getPersistedSnapshot()); false when it could not be kept.
 * A snapshot whose JSON holds a card number is refused, not redacted: the machine holds only ids, so a hit
 * is a bug, and a silently altered context would restore a different diagnosis. The older save is removed
 * too, so a reload never resumes from a step the merchant has already left.
 */
export function saveDiagnosis(
  storage: KeyValueStorage | null,
  snapshot: Snapshot<unknown>,
  contentVersion: string,
  now: Date = new Date(),
): boolean {
  if (!storage) return false;
  try {
    const snapshotJson = JSON.stringify(snapshot);
    const envelope: DiagnosisEnvelope = {
      schema: diagnosisSchema,
      content: storedContentVersion(contentVersion),
      savedAt: now.toISOString(),
      snapshot,
    };
    const json = JSON.stringify(envelope);
    if (containsCardNumber(snapshotJson) || containsCardNumber(json)) {
      storage.removeItem(diagnosisKey);
      return false;
    }
    storage.setItem(diagnosisKey, json);
    return true;
  } catch {
    // Quota, privacy mode, or a snapshot JSON cannot hold: this visit goes on without a save.
    return false;
  }
}

/** Reads the saved diagnosis; anything unusable is removed and reported with its reason. Never throws. */
export function loadDiagnosis(
  storage: KeyValueStorage | null,
  { contentVersion }: { readonly contentVersion: string },
): DiagnosisLoad {
  if (!storage) return { status: 'unavailable' };
  let raw: string | null;
  try {
    raw = storage.getItem(diagnosisKey);
  } catch {
    return { status: 'unavailable' };
  }
  if (raw === null) return { status: 'none' };
  const result = readEnvelope(raw, contentVersion);
  if (result.status === 'discarded') clearDiagnosis(storage);
  return result;
}

/** Forgets the saved diagnosis (finished, restarted); false when storage refused. */
export function clearDiagnosis(storage: KeyValueStorage | null): boolean {
  try {
    storage?.removeItem(diagnosisKey);
    return storage !== null;
  } catch {
    return false;
  }
}

/** The content version as stored and compared: redacted, so even a long numeric build id is safe to keep. */
function storedContentVersion(contentVersion: string): string {
  return redactCardNumbers(String(contentVersion)).text;
}

type EnvelopeResult = Exclude<DiagnosisLoad, { status: 'none' } | { status: 'unavailable' }>;

function readEnvelope(raw: string, contentVersion: string): EnvelopeResult {
  const discard = (reason: DiscardReason): EnvelopeResult => ({ status: 'discarded', reason });
  if (typeof raw !== 'string' || raw.length > maxStoredChars || containsCardNumber(raw)) return discard('corrupt');
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return discard('corrupt');
  }
  if (!isRecord(parsed)) return discard('corrupt');
  // No schema at all is a save from before the envelope existed: old, not broken.
  if (parsed.schema !== diagnosisSchema) {
    return discard(parsed.schema === undefined || typeof parsed.schema === 'number' ? 'schema' : 'corrupt');
  }
  if (typeof parsed.content !== 'string' || typeof parsed.savedAt !== 'string') return discard('corrupt');
  if (parsed.content !== storedContentVersion(contentVersion)) return discard('content');
  const snapshot = readSnapshot(parsed.snapshot);
  if (!snapshot.ok) return discard(snapshot.reason);
  return { status: 'ok', snapshot: snapshot.snapshot, savedAt: parsed.savedAt };
}

export type SnapshotResult =
  | { readonly ok: true; readonly snapshot: Snapshot<unknown> }
  | { readonly ok: false; readonly reason: 'corrupt' | 'unknownStep' };

/** Thrown inside the readers to stop at the first problem with its reason. */
class Invalid extends Error {
  constructor(readonly reason: 'corrupt' | 'unknownStep') {
    super(reason);
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isEmptyRecord = (value: unknown) => value === undefined || (isRecord(value) && Object.keys(value).length === 0);

/**
 * Validates a persisted snapshot of the diagnosis machine against this build and rebuilds it from the
 * checked parts only. A state, step or answer this build does not have is 'unknownStep'; a wrong shape is
 * 'corrupt'. When DiagnosisContext gains a field, the typed rebuild below stops compiling until it is read here.
 */
export function readSnapshot(value: unknown): SnapshotResult {
  try {
    if (!isRecord(value)) throw new Invalid('corrupt');
    if (value.status !== 'active' && value.status !== 'done') throw new Invalid('corrupt');
    // This machine has no child actors and no history states: anything there is not ours.
    if (!isEmptyRecord(value.children) || !isEmptyRecord(value.historyValue)) throw new Invalid('corrupt');
    const stateValue = readStateValue(value.value);
    const context = readContext(value.context);
    let resolved;
    try {
      resolved = diagnosisMachine.resolveState({ value: stateValue, context });
    } catch {
      throw new Invalid('unknownStep');
    }
    if (resolved.status !== value.status) throw new Invalid('corrupt');
    const status: 'active' | 'done' = resolved.status === 'done' ? 'done' : 'active';
    const snapshot = {
      status,
      output: undefined,
      error: undefined,
      value: stateValue,
      historyValue: {},
      context,
      children: {},
    };
    return { ok: true, snapshot };
  } catch (error) {
    return { ok: false, reason: error instanceof Invalid ? error.reason : 'corrupt' };
  }
}

/** 'home', or { branch: leaf } naming a step this machine still has. */
function readStateValue(value: unknown): 'home' | Record<string, string> {
  if (value === 'home') return 'home';
  if (typeof value === 'string') throw new Invalid('unknownStep');
  if (!isRecord(value)) throw new Invalid('corrupt');
  const entries = Object.entries(value);
  const [entry] = entries;
  if (entries.length !== 1 || !entry || typeof entry[1] !== 'string') throw new Invalid('corrupt');
  const [branch, leaf] = entry;
  const step = `${branch}.${leaf}`;
  if (!isStepId(step)) throw new Invalid('unknownStep');
  try {
    diagnosisMachine.getStateNodeById(`${diagnosisMachine.id}.${step}`);
  } catch {
    throw new Invalid('unknownStep');
  }
  return { [branch]: leaf };
}

function readContext(value: unknown): DiagnosisContext {
  if (!isRecord(value)) throw new Invalid('corrupt');
  const { trail, side, match, pending, remembered, startedAt, pinWrong = 0, unclear = 0 } = value;
  if (!Array.isArray(trail) || trail.length > maxTrail) throw new Invalid('corrupt');
  if (!(side === null || side === 'terminal' || side === 'card')) throw new Invalid('corrupt');
  return {
    trail: trail.map(readTrailEntry),
    side: side as Side | null,
    match: match === null ? null : readMatch(match),
    pending: pending === null ? null : readStep(pending),
    remembered: readRemembered(remembered),
    startedAt: readTime(startedAt),
    // Saves from before these counters existed have none: nothing was counted yet.
    pinWrong: readCount(pinWrong),
    unclear: readCount(unclear),
  };
}

function readCount(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > maxTrail)
    throw new Invalid('corrupt');
  return value;
}

/** An ISO time as the UI stamps it ("2026-11-25T09:45:00.000Z"), or null. */
function readTime(value: unknown): string | null {
  if (value === null) return null;
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
  if (typeof value !== 'string' || !iso.test(value) || !Number.isFinite(Date.parse(value))) {
    throw new Invalid('corrupt');
  }
  return value;
}

/** A step id this build knows; another string is a step that was removed or renamed. */
function readStep(value: unknown): StepId {
  if (typeof value !== 'string') throw new Invalid('corrupt');
  if (!isStepId(value)) throw new Invalid('unknownStep');
  return value;
}

/** An answer the step still offers. */
function readAnswer(step: StepId, value: unknown): AnswerId {
  if (typeof value !== 'string') throw new Invalid('corrupt');
  if (!(answerIds as readonly string[]).includes(value)) throw new Invalid('unknownStep');
  const answer = value as AnswerId;
  if (!answersOf(step).includes(answer)) throw new Invalid('unknownStep');
  return answer;
}

function readTrailEntry(value: unknown): TrailEntry {
  if (!isRecord(value)) throw new Invalid('corrupt');
  if (value.step === 'home') {
    if (value.answer !== null) throw new Invalid('corrupt');
    return value.opened === undefined
      ? { step: 'home', answer: null }
      : { step: 'home', answer: null, opened: readStep(value.opened) };
  }
  const step = readStep(value.step);
  const answer = value.answer === null ? null : readAnswer(step, value.answer);
  // A step support opened by code from here.
  return value.opened === undefined ? { step, answer } : { step, answer, opened: readStep(value.opened) };
}

function readRemembered(value: unknown): DiagnosisContext['remembered'] {
  if (!isRecord(value)) throw new Invalid('corrupt');
  const remembered: Partial<Record<StepId, AnswerId>> = {};
  for (const [key, answer] of Object.entries(value)) {
    const step = readStep(key);
    remembered[step] = readAnswer(step, answer);
  }
  return remembered;
}

const vias: readonly string[] = ['code', 'message', 'words'] satisfies SymptomMatch['via'][];

function readMatch(value: unknown): SymptomMatch {
  if (!isRecord(value)) throw new Invalid('corrupt');
  const { category, code, message, step, unknownOutcome, via, concept } = value;
  const shapeOk =
    (category === null || (typeof category === 'string' && (categories as readonly string[]).includes(category))) &&
    (code === null || (typeof code === 'string' && /^[0-9A-Z]{2}$/.test(code))) &&
    (message === null || (typeof message === 'string' && /^[A-Za-z0-9_.-]{1,64}$/.test(message))) &&
    typeof unknownOutcome === 'boolean' &&
    typeof via === 'string' &&
    vias.includes(via) &&
    (concept === undefined || (typeof concept === 'string' && /^[A-Za-z]{1,64}$/.test(concept)));
  if (!shapeOk) throw new Invalid('corrupt');
  return {
    category: category as SymptomMatch['category'],
    code: code as string | null,
    message: message as string | null,
    step: readStep(step),
    unknownOutcome,
    via: via as SymptomMatch['via'],
    ...(typeof concept === 'string' ? { concept } : {}),
  };
}
