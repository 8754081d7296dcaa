/**
 * Records in IndexedDB, each write committed with strict durability: a save that has been written survives a
 * killed browser (localStorage reaches the disk seconds later, and lost answers that way). A tab that crashes
 * while its write is still on the way loses it, though (the browser aborts a dead tab's transactions), so each
 * write is also journaled in localStorage, which the browser holds for a crashed tab, until IndexedDB has it;
 * the next start replays what the journal still holds. After a killed browser the journal on disk may be older
 * than IndexedDB (localStorage is written lazily): an entry is replayed only when it is newer than the record.
 */
import { openDB } from 'idb';
import { createRecordStorage, type RecordChange, type RecordChannel, type RecordStorage } from './records.ts';
import type { KeyValueStorage } from './storage.ts';

const databaseName = 'tapfix';
const storeName = 'records';
/** Set once what the app kept in localStorage before IndexedDB has been copied over. */
export const migratedKey = 'tapfix.migrated';

export interface Migration {
  /** The records to copy in (a record already there wins). */
  readonly changes: readonly RecordChange[];
  /** Forgets the old copies, once the new ones are on disk. */
  done(): void;
}

/** Opens the records; null when this browser cannot keep IndexedDB (some private modes). Never throws. */
export async function openIdbRecords({
  migrate,
  channel = null,
  journal = null,
  timeOf = () => null,
}: {
  migrate?: () => Migration;
  channel?: RecordChannel | null;
  /** Where writes wait until IndexedDB has committed them (localStorage). */
  journal?: KeyValueStorage | null;
  /** The ISO time a record was written at, read from its own text (null when it has none). */
  timeOf?: (value: string) => string | null;
} = {}): Promise<RecordStorage | null> {
  try {
    if (typeof indexedDB === 'undefined') return null;
    const db = await openDB(databaseName, 1, {
      upgrade(database) {
        database.createObjectStore(storeName);
      },
    });
    if (migrate) await migrateOnce(db, migrate);
    const pending = journalOf(journal);
    const commit = async ([key, value]: RecordChange) => {
      const write = db.transaction(storeName, 'readwrite', { durability: 'strict' });
      if (value === null) void write.store.delete(key);
      else void write.store.put(value, key);
      await write.done;
    };
    for (const { change, at } of pending.entries()) {
      const stored: unknown = await db.get(storeName, change[0]);
      const storedAt = typeof stored === 'string' ? timeOf(stored) : null;
      // A journal entry no newer than what IndexedDB holds is a leftover from a lazily written localStorage.
      if (typeof stored === 'string' && (storedAt === null || at === null || at <= storedAt)) {
        pending.drop(change);
        continue;
      }
      await commit(change).then(
        () => pending.settle(change),
        () => undefined,
      );
    }
    const tx = db.transaction(storeName, 'readonly');
    const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
    const initial = new Map<string, string>();
    keys.forEach((key, index) => {
      const value: unknown = values[index];
      if (typeof key === 'string' && typeof value === 'string' && key !== migratedKey) initial.set(key, value);
    });
    return createRecordStorage(
      initial,
      {
        async write(change) {
          pending.note(change);
          await commit(change);
          pending.settle(change);
        },
      },
      channel,
    );
  } catch {
    return null;
  }
}

type Database = Awaited<ReturnType<typeof openDB>>;

/** One transaction: two windows opening at once copy the old data once. */
async function migrateOnce(db: Database, migrate: () => Migration) {
  const tx = db.transaction(storeName, 'readwrite', { durability: 'strict' });
  if ((await tx.store.get(migratedKey)) !== undefined) {
    await tx.done;
    return;
  }
  const migration = migrate();
  for (const [key, value] of migration.changes) {
    if (value !== null && (await tx.store.get(key)) === undefined) void tx.store.put(value, key);
  }
  void tx.store.put('1', migratedKey);
  await tx.done;
  migration.done();
}

const journalPrefix = 'tapfix.journal.';

/** Writes on their way to IndexedDB, as [value or null] JSON under the record's key. Never throws. */
function journalOf(storage: KeyValueStorage | null) {
  const keyOf = (key: string) => `${journalPrefix}${key}`;
  const text = ([, value]: RecordChange) => JSON.stringify([value, new Date().toISOString()]);
  const valueOf = (raw: string | null | undefined) => {
    const parsed: unknown = JSON.parse(raw ?? 'null');
    return Array.isArray(parsed) ? parsed : null;
  };
  return {
    note(change: RecordChange) {
      try {
        storage?.setItem(keyOf(change[0]), text(change));
      } catch {
        // A full localStorage: this write is only as safe as IndexedDB makes it.
      }
    },
    /** Forgets the entry once IndexedDB holds it, unless a later write of the key replaced it meanwhile. */
    settle([key, value]: RecordChange) {
      try {
        const entry = valueOf(storage?.getItem(keyOf(key)));
        if (entry && entry[0] === value) storage?.removeItem(keyOf(key));
      } catch {
        // Replayed (only if still newer) at the next start.
      }
    },
    drop([key]: RecordChange) {
      try {
        storage?.removeItem(keyOf(key));
      } catch {
        // Looked at again at the next start.
      }
    },
    entries(): Array<{ change: RecordChange; at: string | null }> {
      if (!storage || !('length' in storage)) return [];
      const web = storage as Storage;
      const changes: Array<{ change: RecordChange; at: string | null }> = [];
      try {
        for (let index = 0; index < web.length; index += 1) {
          const key = web.key(index);
          if (!key?.startsWith(journalPrefix)) continue;
          const entry = valueOf(web.getItem(key));
          const [value, at]: unknown[] = entry ?? [];
          if (typeof value !== 'string' && value !== null) continue;
          changes.push({ change: [key.slice(journalPrefix.length), value], at: typeof at === 'string' ? at : null });
        }
      } catch {
        // An unreadable journal: IndexedDB's own records stand.
      }
      return changes;
    },
  };
}
