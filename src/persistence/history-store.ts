/**
 * The last finished diagnoses on this device, one record per diagnosis (keyed by its id, so finishing the same
 * diagnosis again replaces its entry), each a structured summary in a versioned envelope. An entry this build
 * cannot read is moved aside, one from a newer build is left for it: nothing is ever wiped to make room.
 */
import type { HistoryEntry, HistoryLoad } from '../domain/case/history-entry.ts';
import { isResolved, type CaseSummary } from '../domain/case/case-summary.ts';
import { containsCardNumber, redactStrings } from '../domain/case/redact.ts';
import { isId, newId } from './ids.ts';
import { backupKey, historyPrefix, legacyHistoryKey } from './keys.ts';
import { isRecord, isTime, readEnvelope } from './read.ts';
import type { RecordChange, RecordStorage } from './records.ts';
import { readCaseSummary } from './stored-summary.ts';
import type { KeyValueStorage } from './storage.ts';

export { historyPrefix };
export type { HistoryEntry, HistoryLoad };

/** Bump when HistoryEntry or CaseSummary change shape; an older build then leaves such entries alone. */
export const historySchema = 2;

/** How many finished diagnoses are kept. */
export const historyLimit = 50;

/** A few KB per summary; far more is not ours. */
const maxStoredChars = 100_000;

export interface AddOptions {
  /** The diagnosis's id: finishing it again replaces its entry. A new id when absent. */
  readonly id?: string;
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
  /** Keeps a finished diagnosis; the oldest beyond the limit go. Null when it could not be kept. */
  add(summary: CaseSummary, options?: AddOptions): HistoryEntry | null;
  /** True when the id is no longer stored (also when it never was). */
  remove(id: string): boolean;
  /** Removes every entry this build shows. */
  clear(): boolean;
}

const entryKey = (id: string) => `${historyPrefix}${id}`;

/** The history in the records; now() gives the end time when the summary has none. */
export function createHistoryStore(records: RecordStorage | null, { now }: { readonly now: () => Date }): HistoryStore {
  const load = (): HistoryLoad => {
    if (!records) return { status: 'unavailable', entries: [] };
    const entries: HistoryEntry[] = [];
    let dropped = 0;
    let newer = 0;
    for (const key of records.keys(historyPrefix)) {
      const read = readStored(records.get(key));
      if (read.status === 'newer') newer += 1;
      else if (read.status === 'ok' && entryKey(read.entry.id) === key) entries.push(read.entry);
      else {
        dropped += 1;
        const value = records.get(key);
        if (value !== null) records.set(backupKey(key), value);
        records.remove(key);
      }
    }
    entries.sort((a, b) => b.endedAt.localeCompare(a.endedAt));
    return { status: 'ok', entries, dropped, newer };
  };
  const list = () => load().entries;
  const removeAll = (ids: readonly string[]) => {
    if (!records) return false;
    for (const id of ids) records.remove(entryKey(id));
    return ids.every((id) => !records.failed().has(entryKey(id)));
  };

  return {
    load,
    list,
    get: (id) => list().find((entry) => entry.id === id) ?? null,
    add(summary, options = {}) {
      if (!records) return null;
      const endedAt = options.endedAt?.toISOString() ?? summary.endedAt ?? now().toISOString();
      const id = options.id !== undefined && isId(options.id) ? options.id : newId();
      // Read back like stored data: what is written is exactly what a later load returns.
      const json = serialise(
        redactStrings({
          id,
          startedAt: summary.startedAt,
          endedAt,
          summary: withoutFields(summary),
          resolved: options.resolved ?? isResolved(summary),
        }),
      );
      const read = json === null ? null : readStored(json);
      if (json === null || read?.status !== 'ok') return null;
      const key = entryKey(id);
      records.set(key, json);
      const older = list().slice(historyLimit);
      removeAll(older.map((entry) => entry.id));
      return records.failed().has(key) ? null : read.entry;
    },
    remove: (id) => removeAll([id]),
    clear: () => removeAll(list().map((entry) => entry.id)),
  };
}

/** JSON of one entry's envelope; null when it is too large or a card number is still found after redaction. */
function serialise(entry: unknown): string | null {
  const json = JSON.stringify({ schema: historySchema, ...(entry as object) });
  return json.length > maxStoredChars || containsCardNumber(json) ? null : json;
}

type StoredRead =
  | { readonly status: 'ok'; readonly entry: HistoryEntry }
  | { readonly status: 'newer' }
  | { readonly status: 'unreadable' };

function readStored(raw: string | null): StoredRead {
  const envelope = readEnvelope(raw, { schema: historySchema, maxChars: maxStoredChars });
  if (envelope.status === 'newer') return { status: 'newer' };
  if (envelope.status !== 'ok') return { status: 'unreadable' };
  const entry = readEntry(envelope.body);
  return entry ? { status: 'ok', entry } : { status: 'unreadable' };
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

/**
 * The history kept in localStorage before records moved to IndexedDB (schema 1, one envelope of entries): each
 * readable entry becomes a record; an envelope this build cannot read is kept aside as it was.
 */
export function migrateLegacyHistory(local: KeyValueStorage): RecordChange[] {
  const raw = local.getItem(legacyHistoryKey);
  if (raw === null) return [];
  const legacy = readEnvelope(raw, { schema: 1, maxChars: 1_000_000 });
  if (legacy.status !== 'ok' || !Array.isArray(legacy.body.entries)) return [[backupKey(legacyHistoryKey), raw]];
  const changes: RecordChange[] = [];
  const unreadable: unknown[] = [];
  for (const value of legacy.body.entries.slice(0, historyLimit)) {
    const entry = readEntry(value);
    const json = entry ? serialise(entry) : null;
    if (entry && json) changes.push([entryKey(entry.id), json]);
    else unreadable.push(value);
  }
  if (unreadable.length > 0) {
    changes.push([backupKey(legacyHistoryKey), JSON.stringify({ schema: 1, entries: unreadable })]);
  }
  return changes;
}
