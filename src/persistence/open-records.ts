import { migrateLegacyDiagnosis } from './diagnosis-store.ts';
import { migrateLegacyHistory } from './history-store.ts';
import { openIdbRecords } from './idb-records.ts';
import { isRecord } from './read.ts';
import { diagnosisPrefix, historyPrefix, legacyDiagnosisKey, legacyHistoryKey } from './keys.ts';
import { broadcastRecordChannel, memoryRecords, webStorageRecords, type RecordStorage } from './records.ts';
import type { KeyValueStorage } from './storage.ts';

/**
 * The browser's records: IndexedDB (copying what localStorage held before, once), else localStorage, else
 * memory only (then `durable` is false and the app says progress will not be kept).
 */
export async function openBrowserRecords(
  local: KeyValueStorage | null,
): Promise<{ records: RecordStorage; durable: boolean }> {
  const channel = broadcastRecordChannel();
  const idb = await openIdbRecords({
    channel,
    journal: local,
    timeOf: writtenAt,
    migrate: () => ({
      changes: local ? [...migrateLegacyDiagnosis(local), ...migrateLegacyHistory(local)] : [],
      done() {
        try {
          local?.removeItem(legacyDiagnosisKey);
          local?.removeItem(legacyHistoryKey);
        } catch {
          // The copies in IndexedDB are what counts from now on; leftovers are never read again.
        }
      },
    }),
  });
  if (idb) return { records: idb, durable: true };
  if (local && 'key' in local) {
    return { records: webStorageRecords(local as Storage, [diagnosisPrefix, historyPrefix], channel), durable: true };
  }
  return { records: memoryRecords({}, channel), durable: false };
}

/** When a record was written: a save's savedAt, a history entry's endedAt. */
function writtenAt(value: string): string | null {
  try {
    const parsed: unknown = JSON.parse(value);
    if (!isRecord(parsed)) return null;
    const at = parsed.savedAt ?? parsed.endedAt;
    return typeof at === 'string' ? at : null;
  } catch {
    return null;
  }
}
