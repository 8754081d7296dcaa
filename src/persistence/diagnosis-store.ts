/**
 * Keeps unfinished diagnoses across reloads, crashes and killed browsers: one record per diagnosis, a versioned
 * envelope around the machine's persisted snapshot, naming the window that owns it. A window saves, finishes
 * and clears only the diagnosis it owns; continuing a save in another window moves the ownership there.
 * Anything that does not fit this build is kept aside under a backup key, never deleted.
 */
import type { Snapshot } from 'xstate';
import { categories } from '../domain/lookup/categories.ts';
import { getDiagnosisMachine, type DiagnosisContext, type TrailEntry } from '../domain/diagnosis/diagnosis.machine.ts';
import { answerIds, answersOf, type AnswerId } from '../domain/diagnosis/flow.ts';
import { containsCardNumber, redactCardNumbers } from '../domain/case/redact.ts';
import type { SymptomMatch } from '../domain/lookup/symptom-match.ts';
import { isStepId, type Side, type StepId } from '../domain/diagnosis/steps.ts';
import { isId, newId } from './ids.ts';
import { backupKey, diagnosisPrefix, legacyDiagnosisKey } from './keys.ts';
import { isRecord, isTime, readEnvelope } from './read.ts';
import type { RecordChange, RecordStorage } from './records.ts';
import type { KeyValueStorage } from './storage.ts';

export { diagnosisPrefix };

/** Bump when the machine's states or context change shape; older saves are then kept aside as 'schema'. */
export const diagnosisSchema = 3;

/** Who runs a diagnosis: a window (random per page load) and how many times it has changed hands. */
export interface Ownership {
  readonly id: string;
  readonly owner: string;
  /** Raised by one each time another window takes the diagnosis over; the higher claim wins. */
  readonly claim: number;
}

/** What is stored. savedAt is ISO 8601: epoch milliseconds have 13 digits and pass Luhn one time in ten. */
export interface DiagnosisEnvelope {
  readonly schema: number;
  readonly id: string;
  readonly owner: string | null;
  readonly claim: number;
  /** The content version the snapshot was made with (redacted like everything stored). */
  readonly content: string;
  readonly savedAt: string;
  readonly snapshot: Snapshot<unknown>;
}

export interface SavedDiagnosis {
  readonly id: string;
  readonly owner: string | null;
  readonly claim: number;
  readonly savedAt: string;
  readonly snapshot: Snapshot<unknown>;
}

export type DiscardReason = 'schema' | 'content' | 'corrupt' | 'unknownStep';

export interface DiagnosisList {
  /** Saves this build can continue, newest first. */
  readonly saves: readonly SavedDiagnosis[];
  /** Saves that cannot be continued here and were moved aside, with the first reason. */
  readonly discarded: DiscardReason | null;
}

/** A save larger than this is not a diagnosis of ours. */
const maxStoredChars = 200_000;
/** Longer than any path through the machine, loops included. */
const maxTrail = 500;
/** Unfinished diagnoses kept; an older one goes when a new one is saved beyond this. */
export const savesLimit = 10;

export const diagnosisKeyOf = (id: string) => `${diagnosisPrefix}${id}`;

/**
 * Saves the persisted snapshot (actor.getPersistedSnapshot()) of the diagnosis this window owns; false when it
 * could not be kept. A snapshot whose JSON holds a card number is refused, not redacted: the machine holds only
 * ids, so a hit is a bug, and a silently altered context would restore a different diagnosis. The older save of
 * that diagnosis is removed too, so a reload never resumes from a step the merchant has already left.
 */
export function saveDiagnosis(
  records: RecordStorage | null,
  ownership: Ownership,
  snapshot: Snapshot<unknown>,
  contentVersion: string,
  now: Date,
): boolean {
  if (!records) return false;
  const key = diagnosisKeyOf(ownership.id);
  try {
    const snapshotJson = JSON.stringify(snapshot);
    const envelope: DiagnosisEnvelope = {
      schema: diagnosisSchema,
      id: ownership.id,
      owner: ownership.owner,
      claim: ownership.claim,
      content: storedContentVersion(contentVersion),
      savedAt: now.toISOString(),
      snapshot,
    };
    const json = JSON.stringify(envelope);
    if (containsCardNumber(snapshotJson) || containsCardNumber(json)) {
      records.remove(key);
      return false;
    }
    const isNew = records.get(key) === null;
    records.set(key, json);
    if (isNew) dropOldestSaves(records);
    return !records.failed().has(key);
  } catch {
    // A snapshot JSON cannot hold: this visit goes on without a save.
    return false;
  }
}

/** Every save this build can continue (newest first); the others are moved aside and the first reason told. */
export function listDiagnoses(
  records: RecordStorage | null,
  { contentVersion }: { readonly contentVersion: string },
): DiagnosisList {
  if (!records) return { saves: [], discarded: null };
  const saves: SavedDiagnosis[] = [];
  let discarded: DiscardReason | null = null;
  for (const key of records.keys(diagnosisPrefix)) {
    const result = readSave(records.get(key), contentVersion);
    if (result.status === 'ok') saves.push(result.save);
    // A newer build's save stays where it is, for that build.
    if (result.status !== 'discarded') continue;
    discarded ??= result.reason;
    keepAside(records, key);
  }
  return { saves: saves.sort((a, b) => b.savedAt.localeCompare(a.savedAt)), discarded };
}

/** The save of one diagnosis as stored now (null when none, or not one this build reads). */
export function readDiagnosis(
  records: RecordStorage | null,
  id: string,
  contentVersion: string,
): SavedDiagnosis | null {
  const result = readSave(records?.get(diagnosisKeyOf(id)) ?? null, contentVersion);
  return result.status === 'ok' ? result.save : null;
}

/** Who holds a diagnosis as stored now; null when it is not saved (or not readable). */
export function readOwnership(records: RecordStorage | null, id: string): { owner: string; claim: number } | null {
  try {
    const parsed: unknown = JSON.parse(records?.get(diagnosisKeyOf(id)) ?? 'null');
    if (!isRecord(parsed) || !isId(parsed.owner) || !Number.isSafeInteger(parsed.claim)) return null;
    return { owner: parsed.owner, claim: parsed.claim as number };
  } catch {
    return null;
  }
}

/** Forgets the saved diagnosis (finished, restarted); false when storage refused. */
export function clearDiagnosis(records: RecordStorage | null, id: string): boolean {
  if (!records) return false;
  const key = diagnosisKeyOf(id);
  records.remove(key);
  return !records.failed().has(key);
}

/** Moves a record that cannot be used here under its backup key (replacing an older backup of it). */
export function keepAside(records: RecordStorage, key: string) {
  const value = records.get(key);
  if (value !== null) records.set(backupKey(key), value);
  records.remove(key);
}

/** Old unfinished diagnoses beyond the limit go, oldest first (a merchant never has ten open at once). */
function dropOldestSaves(records: RecordStorage) {
  const keys = records.keys(diagnosisPrefix);
  if (keys.length <= savesLimit) return;
  const dated = keys.map((key) => ({ key, savedAt: savedAtOf(records.get(key)) }));
  dated.sort((a, b) => a.savedAt.localeCompare(b.savedAt));
  for (const { key } of dated.slice(0, keys.length - savesLimit)) records.remove(key);
}

const savedAtOf = (raw: string | null) => {
  try {
    const parsed: unknown = raw === null ? null : JSON.parse(raw);
    return isRecord(parsed) && typeof parsed.savedAt === 'string' ? parsed.savedAt : '';
  } catch {
    return '';
  }
};

/** The content version as stored and compared: redacted, so even a long numeric build id is safe to keep. */
function storedContentVersion(contentVersion: string): string {
  return redactCardNumbers(String(contentVersion)).text;
}

type SaveRead =
  | { readonly status: 'ok'; readonly save: SavedDiagnosis }
  | { readonly status: 'none' | 'newer' }
  | { readonly status: 'discarded'; readonly reason: DiscardReason };

function readSave(raw: string | null, contentVersion: string): SaveRead {
  if (raw === null) return { status: 'none' };
  const discard = (reason: DiscardReason): SaveRead => ({ status: 'discarded', reason });
  const envelope = readEnvelope(raw, { schema: diagnosisSchema, maxChars: maxStoredChars });
  if (envelope.status === 'newer') return { status: 'newer' };
  if (envelope.status === 'older') return discard('schema');
  if (envelope.status === 'unreadable') return discard('corrupt');
  const { id, owner, claim, content, savedAt } = envelope.body;
  if (!isId(id) || !(owner === null || isId(owner)) || !Number.isSafeInteger(claim) || !isTime(savedAt)) {
    return discard('corrupt');
  }
  if (typeof content !== 'string') return discard('corrupt');
  if (content !== storedContentVersion(contentVersion)) return discard('content');
  const snapshot = readSnapshot(envelope.body.snapshot);
  if (!snapshot.ok) return discard(snapshot.reason);
  return { status: 'ok', save: { id, owner, claim: claim as number, savedAt, snapshot: snapshot.snapshot } };
}

/**
 * The save kept in localStorage before saves moved to IndexedDB (schema 2, one slot), as a record of today's
 * shape with a new id; anything else is kept aside as it was.
 */
export function migrateLegacyDiagnosis(local: KeyValueStorage): RecordChange[] {
  const raw = local.getItem(legacyDiagnosisKey);
  if (raw === null) return [];
  const legacy = readEnvelope(raw, { schema: 2, maxChars: maxStoredChars });
  if (legacy.status !== 'ok') return [[backupKey(legacyDiagnosisKey), raw]];
  const id = newId();
  return [[diagnosisKeyOf(id), JSON.stringify({ ...legacy.body, schema: diagnosisSchema, id, owner: null, claim: 0 })]];
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
      resolved = getDiagnosisMachine().resolveState({ value: stateValue, context });
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
    const machine = getDiagnosisMachine();
    machine.getStateNodeById(`${machine.id}.${step}`);
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
