/**
 * Records in IndexedDB, each write committed with strict durability: a save that has been written survives a
 * killed browser (localStorage reaches the disk seconds later, and lost answers that way). A tab that crashes
 * while its write is still on the way loses it, though (the browser aborts a dead tab's transactions), so each
 * write is also journaled in localStorage, which the browser holds for a crashed tab, until IndexedDB has it;
 * the next start replays what the journal still holds.
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
}: {
  migrate?: () => Migration;
  channel?: RecordChannel | null;
  /** Where writes wait until IndexedDB has committed them (localStorage). */
  journal?: KeyValueStorage | null;
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
    for (const change of pending.entries())
      await commit(change).then(
        () => pending.settle(change),
        () => undefined,
      );
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
  const text = ([, value]: RecordChange) => JSON.stringify([value]);
  return {
    note(change: RecordChange) {
      try {
        storage?.setItem(keyOf(change[0]), text(change));
      } catch {
        // A full localStorage: this write is only as safe as IndexedDB makes it.
      }
    },
    /** Forgets the entry once IndexedDB holds it, unless a later write of the key replaced it meanwhile. */
    settle(change: RecordChange) {
      try {
        if (storage?.getItem(keyOf(change[0])) === text(change)) storage.removeItem(keyOf(change[0]));
      } catch {
        // Replayed (harmlessly) at the next start.
      }
    },
    entries(): RecordChange[] {
      if (!storage || !('length' in storage)) return [];
      const web = storage as Storage;
      const changes: RecordChange[] = [];
      try {
        for (let index = 0; index < web.length; index += 1) {
          const key = web.key(index);
          if (!key?.startsWith(journalPrefix)) continue;
          const parsed: unknown = JSON.parse(web.getItem(key) ?? 'null');
          const value: unknown = Array.isArray(parsed) ? parsed[0] : undefined;
          if (typeof value === 'string' || value === null) changes.push([key.slice(journalPrefix.length), value]);
        }
      } catch {
        // An unreadable journal: IndexedDB's own records stand.
      }
      return changes;
    },
  };
}
