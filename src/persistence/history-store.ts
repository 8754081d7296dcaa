/**
 * The last finished diagnoses on this device, newest first, as structured summaries in a versioned
 * envelope. Unreadable data is reset (and said so), single unreadable entries are dropped. Never throws.
 */
import { isResolved, readCaseSummary, type CaseSummary } from '../domain/case/case-summary.ts';
import { containsCardNumber, redactStrings } from '../domain/case/redact.ts';
import type { KeyValueStorage } from './storage.ts';

export const historyKey = 'tapfix.history';

/** Bump when HistoryEntry or CaseSummary change shape; older history is then reset as 'schema'. */
export const historySchema = 1;

/** How many finished diagnoses are kept. */
export const historyLimit = 50;

/** Far above 50 summaries (a few KB each), far below a browser's storage quota. */
const maxStoredChars = 1_000_000;

export interface HistoryEntry {
  readonly id: string;
  /** ISO 8601 times (epoch milliseconds would pass Luhn one time in ten). */
  readonly startedAt: string | null;
  readonly endedAt: string;
  readonly summary: CaseSummary;
  readonly resolved: boolean;
}

interface HistoryEnvelope {
  readonly schema: number;
  readonly entries: readonly HistoryEntry[];
}

export type HistoryResetReason = 'schema' | 'corrupt' | 'tooLarge';

export type HistoryLoad =
  /** dropped: entries that could not be read (e.g. a step this build no longer has) and were removed. */
  | { readonly status: 'ok'; readonly entries: readonly HistoryEntry[]; readonly dropped: number }
  /** What was stored could not be used and has been cleared: history starts empty. */
  | { readonly status: 'reset'; readonly reason: HistoryResetReason; readonly entries: readonly HistoryEntry[] }
  | { readonly status: 'unavailable'; readonly entries: readonly HistoryEntry[] };

export interface AddOptions {
  /** Defaults to the summary's outcome being done.resolved. */
  readonly resolved?: boolean;
  /** Defaults to the summary's end time, else now. */
  readonly endedAt?: Date;
}

export interface HistoryStore {
  /** Everything stored, with what happened while reading it. */
  load(): HistoryLoad;
  list(): readonly HistoryEntry[];
  get(id: string): HistoryEntry | null;
  /** Adds a finished diagnosis in front; the oldest beyond the limit go. Null when it could not be kept. */
  add(summary: CaseSummary, options?: AddOptions): HistoryEntry | null;
  /** True when the id is no longer stored (also when it never was). */
  remove(id: string): boolean;
  clear(): boolean;
}

/** The history in injected storage; now() is injectable so tests control ids and times. */
export function createHistoryStore(
  storage: KeyValueStorage | null,
  { now = () => new Date() }: { readonly now?: () => Date } = {},
): HistoryStore {
  const write = (entries: readonly HistoryEntry[]): boolean => {
    if (!storage) return false;
    try {
      if (entries.length === 0) {
        storage.removeItem(historyKey);
        return true;
      }
      const json = serialise(entries);
      if (json === null) return false;
      storage.setItem(historyKey, json);
      return true;
    } catch {
      // Quota or privacy mode: the history stays as it was.
      return false;
    }
  };

  const load = (): HistoryLoad => {
    if (!storage) return { status: 'unavailable', entries: [] };
    let raw: string | null;
    try {
      raw = storage.getItem(historyKey);
    } catch {
      return { status: 'unavailable', entries: [] };
    }
    if (raw === null) return { status: 'ok', entries: [], dropped: 0 };
    const result = readHistory(raw);
    if (result.status === 'reset') write([]);
    else if (result.dropped > 0) write(result.entries);
    return result;
  };

  const list = () => load().entries;

  return {
    load,
    list,
    get: (id) => list().find((entry) => entry.id === id) ?? null,
    add(summary, options = {}) {
      const current = load();
      if (current.status === 'unavailable') return null;
      const endedAt = options.endedAt?.toISOString() ?? summary.endedAt ?? now().toISOString();
      // Read back like stored data: what is written is exactly what a later load returns.
      const entry = readEntry(
        redactStrings({
          id: uniqueId(endedAt, current.entries),
          startedAt: summary.startedAt,
          endedAt,
          summary: withoutFields(summary),
          resolved: options.resolved ?? isResolved(summary),
        }),
      );
      if (entry === null) return null;
      return write([entry, ...current.entries].slice(0, historyLimit)) ? entry : null;
    },
    remove(id) {
      const current = load();
      if (current.status === 'unavailable') return false;
      const entries = current.entries.filter((entry) => entry.id !== id);
      return entries.length === current.entries.length ? true : write(entries);
    },
    clear: () => write([]),
  };
}

/**
 * JSON of the envelope, dropping the oldest entries until it fits; null if even one does not, or if a card
 * number is still found after redaction (then nothing is written at all).
 */
function serialise(entries: readonly HistoryEntry[]): string | null {
  for (let count = entries.length; count > 0; count -= 1) {
    const envelope: HistoryEnvelope = { schema: historySchema, entries: entries.slice(0, count) };
    const json = JSON.stringify(envelope);
    if (json.length > maxStoredChars) continue;
    return containsCardNumber(json) ? null : json;
  }
  return null;
}

/** A readable id from the end time, made unique among the entries kept. */
function uniqueId(endedAt: string, entries: readonly HistoryEntry[]): string {
  const base = `h${Date.parse(endedAt).toString(36)}`;
  const taken = new Set(entries.map((entry) => entry.id));
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  return id;
}

type ReadResult = Exclude<HistoryLoad, { status: 'unavailable' }>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isTime = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= 40 && Number.isFinite(Date.parse(value));

function readHistory(raw: string): ReadResult {
  const reset = (reason: HistoryResetReason): ReadResult => ({ status: 'reset', reason, entries: [] });
  if (typeof raw !== 'string') return reset('corrupt');
  if (raw.length > maxStoredChars) return reset('tooLarge');
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return reset('corrupt');
  }
  if (!isRecord(parsed)) return reset('corrupt');
  if (parsed.schema !== historySchema) {
    return reset(parsed.schema === undefined || typeof parsed.schema === 'number' ? 'schema' : 'corrupt');
  }
  if (!Array.isArray(parsed.entries)) return reset('corrupt');
  const entries: HistoryEntry[] = [];
  const ids = new Set<string>();
  for (const value of parsed.entries) {
    const entry = readEntry(value);
    // Duplicates and card numbers are dropped like unreadable entries; beyond the limit is dropped too.
    if (entry === null || ids.has(entry.id) || entries.length >= historyLimit) continue;
    ids.add(entry.id);
    entries.push(entry);
  }
  return { status: 'ok', entries, dropped: parsed.entries.length - entries.length };
}

/**
 * Case fields (商户号, amount…) are for sharing now and are never kept: a 商户号 may pass the Luhn check, and
 * no stored value may hold a Luhn-valid 13–19 digit run.
 */
function withoutFields(summary: CaseSummary): CaseSummary {
  return { ...summary, fields: {} };
}

function readEntry(value: unknown): HistoryEntry | null {
  if (!isRecord(value)) return null;
  const { id, startedAt, endedAt, resolved } = value;
  if (typeof id !== 'string' || !/^[A-Za-z0-9_.-]{1,40}$/.test(id)) return null;
  if (!(startedAt === null || isTime(startedAt)) || !isTime(endedAt) || typeof resolved !== 'boolean') return null;
  const read = readCaseSummary(value.summary);
  if (read === null) return null;
  const summary = withoutFields(read);
  const entry: HistoryEntry = { id, startedAt, endedAt, summary, resolved };
  return containsCardNumber(JSON.stringify(entry)) ? null : entry;
}
